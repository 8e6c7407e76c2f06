//! The view as a value, and its URL form. The query string is a public API: links once
//! shared must keep working, so parsing is lenient (it ignores what it cannot use and says
//! so) and serialising is canonical (one spelling per view).
//!
//! | parameter | value | example |
//! |---|---|---|
//! | `era` | era ids, comma-separated | `era=interwar,ukraine-war` |
//! | `cat` | category ids, comma-separated | `cat=treaty,war` |
//! | `q` | free text | `q=kucuk+kaynarca` |
//! | `from`, `to` | years, inclusive | `from=1700&to=1799` |
//! | `event` | an event id | `event=treaty-of-kucuk-kaynarca-1774` |
//! | `year` | the map's year | `year=1880` |
//! | `territory` | a territory id: its history, and only the events that concern it | `territory=kars` |
//! | `place` | a place id: only the events there | `place=istanbul` |
//! | `map` | the map view, `zoom/lat/lon` | `map=2.0/41.00/29.00` |

use crate::data::{Catalog, Category};

/// Longest search text kept from a URL or the search box.
pub const MAX_QUERY_CHARS: usize = 100;
/// Earliest year the timeline covers.
pub const FIRST_YEAR: i32 = 1453;

/// Everything a user can set, in canonical form: eras and categories in catalogue order,
/// no duplicates, years inside the covered range with `from <= to`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Era ids, in the order of `data/eras.json`.
    pub eras: Vec<String>,
    /// Categories, in the order of [`Category::ALL`].
    pub categories: Vec<Category>,
    /// Free text as typed (trimmed); empty means no text filter.
    pub query: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The selected event's id.
    pub event: Option<String>,
    /// The year the map shows; without it, the selected event's year or the end of the range.
    pub year: Option<i32>,
    /// The selected territory's id (also a filter).
    pub territory: Option<String>,
    /// The selected place's id (also a filter).
    pub place: Option<String>,
    /// The map view; `None` is the default frame.
    pub map: Option<MapView>,
}

/// A map view: zoom (1 = the default frame) and centre, kept in fixed decimals so a view has
/// one spelling in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MapView {
    /// Zoom × 10.
    pub zoom10: i32,
    /// Latitude × 100.
    pub lat100: i32,
    /// Longitude × 100.
    pub lon100: i32,
}

/// Zoom limits of the map, × 10: out to Saint Petersburg and Astana, in to a single town.
pub const MAP_ZOOM10: (i32, i32) = (4, 160);
/// Where the centre of the map may go: the basemap's frame.
pub const MAP_LAT: (f64, f64) = (28.0, 63.0);
pub const MAP_LON: (f64, f64) = (8.0, 78.0);

impl MapView {
    /// A view clamped to the limits.
    pub fn new(zoom: f64, lat: f64, lon: f64) -> MapView {
        MapView {
            zoom10: ((zoom * 10.0).round() as i32).clamp(MAP_ZOOM10.0, MAP_ZOOM10.1),
            lat100: (lat.clamp(MAP_LAT.0, MAP_LAT.1) * 100.0).round() as i32,
            lon100: (lon.clamp(MAP_LON.0, MAP_LON.1) * 100.0).round() as i32,
        }
    }

    pub fn zoom(&self) -> f64 {
        self.zoom10 as f64 / 10.0
    }

    pub fn lat(&self) -> f64 {
        self.lat100 as f64 / 100.0
    }

    pub fn lon(&self) -> f64 {
        self.lon100 as f64 / 100.0
    }

    fn to_param(self) -> String {
        format!("{:.1}/{:.2}/{:.2}", self.zoom(), self.lat(), self.lon())
    }

    /// Parses `zoom/lat/lon`; values out of range are clamped (and reported as `false`).
    fn parse(raw: &str) -> Option<(MapView, bool)> {
        let parts: Vec<f64> = raw.split('/').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().ok()?;
        let [zoom, lat, lon] = parts[..] else { return None };
        if !(zoom.is_finite() && lat.is_finite() && lon.is_finite()) {
            return None;
        }
        let view = MapView::new(zoom, lat, lon);
        let exact = (view.zoom() - zoom).abs() < 0.051 && (view.lat() - lat).abs() < 0.0051 && (view.lon() - lon).abs() < 0.0051;
        Some((view, exact))
    }
}

/// A parsed URL: the view it asks for, and what was ignored or corrected on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub state: ViewState,
    pub notices: Vec<String>,
}

impl ViewState {
    /// True when no filter is set (an event may still be selected).
    pub fn is_unfiltered(&self) -> bool {
        self.eras.is_empty()
            && self.categories.is_empty()
            && self.query.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.territory.is_none()
            && self.place.is_none()
    }

    /// The same view with every filter cleared; the selected event, year and map view stay.
    pub fn cleared(&self) -> ViewState {
        ViewState { event: self.event.clone(), year: self.year, map: self.map, ..ViewState::default() }
    }

    /// Selects a territory (or none): its history shows and the timeline keeps its events.
    pub fn with_territory(&self, territory: Option<&str>) -> ViewState {
        ViewState { territory: territory.map(str::to_string), ..self.clone() }
    }

    /// Selects a place (or none).
    pub fn with_place(&self, place: Option<&str>) -> ViewState {
        ViewState { place: place.map(str::to_string), ..self.clone() }
    }

    /// Sets the map's year, clamped to the covered years.
    pub fn with_year(&self, year: Option<i32>, last_year: i32) -> ViewState {
        ViewState { year: year.map(|y| y.clamp(FIRST_YEAR, last_year)), ..self.clone() }
    }

    pub fn with_map(&self, map: Option<MapView>) -> ViewState {
        ViewState { map, ..self.clone() }
    }

    /// The same view with `era` added or removed (and eras kept in catalogue order).
    pub fn toggle_era(&self, era: &str, catalog: &Catalog) -> ViewState {
        let mut next = self.clone();
        if let Some(i) = next.eras.iter().position(|e| e == era) {
            next.eras.remove(i);
        } else {
            next.eras.push(era.to_string());
            next.eras.sort_by_key(|e| catalog.era(e).map(|(i, _)| i));
        }
        next
    }

    /// The same view with only `era` selected.
    pub fn only_era(&self, era: &str) -> ViewState {
        ViewState { eras: vec![era.to_string()], ..self.clone() }
    }

    pub fn toggle_category(&self, category: Category) -> ViewState {
        let mut next = self.clone();
        if let Some(i) = next.categories.iter().position(|c| *c == category) {
            next.categories.remove(i);
        } else {
            next.categories.push(category);
            next.categories.sort();
        }
        next
    }

    /// Selects an event (or none). The map's year then follows the event, so an explicit year is dropped.
    pub fn with_event(&self, event: Option<&str>) -> ViewState {
        ViewState { event: event.map(str::to_string), year: if event.is_some() { None } else { self.year }, ..self.clone() }
    }

    pub fn with_query(&self, query: &str) -> ViewState {
        ViewState { query: clean_query(query).0, ..self.clone() }
    }

    /// Sets the year range, swapping a reversed pair and clamping to the covered years.
    pub fn with_years(&self, from: Option<i32>, to: Option<i32>, last_year: i32) -> ViewState {
        let clamp = |y: i32| y.clamp(FIRST_YEAR, last_year);
        let (mut from, mut to) = (from.map(clamp), to.map(clamp));
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                (from, to) = (Some(t), Some(f));
            }
        }
        ViewState { from, to, ..self.clone() }
    }

    /// The canonical query string, without the leading `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.eras.is_empty() {
            parts.push(format!("era={}", self.eras.join(",")));
        }
        if !self.categories.is_empty() {
            let ids: Vec<&str> = self.categories.iter().map(|c| c.id()).collect();
            parts.push(format!("cat={}", ids.join(",")));
        }
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode_component(&self.query)));
        }
        if let Some(from) = self.from {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = self.to {
            parts.push(format!("to={to}"));
        }
        if let Some(year) = self.year {
            parts.push(format!("year={year}"));
        }
        if let Some(territory) = &self.territory {
            parts.push(format!("territory={}", encode_component(territory)));
        }
        if let Some(place) = &self.place {
            parts.push(format!("place={}", encode_component(place)));
        }
        if let Some(event) = &self.event {
            parts.push(format!("event={}", encode_component(event)));
        }
        if let Some(map) = self.map {
            parts.push(format!("map={}", map.to_param()));
        }
        parts.join("&")
    }

    /// `?query`, or `?` alone for the default view, ready for an `href` that stays on this page.
    pub fn to_href(&self) -> String {
        format!("?{}", self.to_query())
    }
}

/// Trims, collapses inner whitespace and shortens to [`MAX_QUERY_CHARS`]; says whether it shortened.
fn clean_query(raw: &str) -> (String, bool) {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() > MAX_QUERY_CHARS {
        (collapsed.chars().take(MAX_QUERY_CHARS).collect::<String>().trim_end().to_string(), true)
    } else {
        (collapsed, false)
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

fn parse_year(key: &str, raw: &str, last_year: i32, notices: &mut Vec<String>) -> Option<i32> {
    match raw.trim().parse::<i32>() {
        Ok(y) if (FIRST_YEAR..=last_year).contains(&y) => Some(y),
        Ok(y) => {
            let clamped = y.clamp(FIRST_YEAR, last_year);
            notices.push(format!("{key}={y} is outside {FIRST_YEAR}–{last_year}; showing {clamped}."));
            Some(clamped)
        }
        Err(_) => {
            notices.push(format!("Ignored {key}=\"{}\": not a year.", shorten(raw)));
            None
        }
    }
}

/// An id from the URL (case-insensitive) if the catalogue knows it; otherwise a notice.
fn known_id(kind: &str, raw: &str, exists: impl Fn(&str) -> bool, notices: &mut Vec<String>) -> Option<String> {
    let id = raw.trim().to_lowercase();
    if id.is_empty() {
        None
    } else if exists(&id) {
        Some(id)
    } else {
        notices.push(format!("No {kind} has the id \"{}\"; none is selected.", shorten(&id)));
        None
    }
}

/// Reads a query string (with or without `?`) into a view, collecting a notice for
/// everything ignored or corrected. Never fails.
pub fn parse(search: &str, catalog: &Catalog, last_year: i32) -> Parsed {
    let mut notices = Vec::new();
    let mut state = ViewState::default();
    let mut seen: Vec<String> = Vec::new();
    let mut from = None;
    let mut to = None;

    for (key, value) in decode_pairs(search) {
        let repeated = seen.contains(&key);
        seen.push(key.clone());
        match key.as_str() {
            "era" => {
                for id in value.split(',').map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()) {
                    if catalog.era(&id).is_none() {
                        notices.push(format!("Ignored unknown era \"{}\".", shorten(&id)));
                    } else if !state.eras.contains(&id) {
                        state.eras.push(id);
                    }
                }
            }
            "cat" => {
                for id in value.split(',').map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()) {
                    match Category::from_id(&id) {
                        Some(c) if !state.categories.contains(&c) => state.categories.push(c),
                        Some(_) => {}
                        None => notices.push(format!("Ignored unknown category \"{}\".", shorten(&id))),
                    }
                }
            }
            "q" | "from" | "to" | "event" | "year" | "territory" | "place" | "map" if repeated => {
                notices.push(format!("Ignored a repeated \"{key}\" parameter."));
            }
            "q" => {
                let (query, shortened) = clean_query(&value);
                if shortened {
                    notices.push(format!("The search text was shortened to {MAX_QUERY_CHARS} characters."));
                }
                state.query = query;
            }
            "from" => from = parse_year("from", &value, last_year, &mut notices),
            "to" => to = parse_year("to", &value, last_year, &mut notices),
            "event" => state.event = known_id("event", &value, |id| catalog.event(id).is_some(), &mut notices),
            "year" => state.year = parse_year("year", &value, last_year, &mut notices),
            "territory" => {
                // A renamed id (a unit that was split) opens its successor, and the URL is rewritten.
                let renamed = catalog.territory_alias(&value.trim().to_lowercase()).map(str::to_string);
                let value = renamed.unwrap_or(value);
                state.territory = known_id("territory", &value, |id| catalog.territory(id).is_some(), &mut notices)
            }
            "place" => state.place = known_id("place", &value, |id| catalog.place(id).is_some(), &mut notices),
            "map" => match MapView::parse(&value) {
                Some((view, exact)) => {
                    if !exact {
                        notices.push("The map view was outside the map; it was moved back inside.".to_string());
                    }
                    state.map = Some(view);
                }
                None => notices.push(format!("Ignored map=\"{}\": expected zoom/lat/lon.", shorten(&value))),
            },
            "" => {}
            other => notices.push(format!("Ignored unknown parameter \"{}\".", shorten(other))),
        }
    }

    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            notices.push(format!("The years were reversed; showing {t}–{f}."));
        }
    }
    state.eras.sort_by_key(|e| catalog.era(e).map(|(i, _)| i));
    state.categories.sort();
    let state = state.with_years(from, to, last_year);
    Parsed { state, notices }
}

/// Splits `a=1&b=x+y` into decoded pairs; `+` is a space and `%XX` a byte (UTF-8, lossy).
pub fn decode_pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(k), decode_component(v))
        })
        .collect()
}

fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but unreserved characters; spaces become `+`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The span of years a view covers, as fractional years [start, end): the year range if set,
/// else the selected eras, else everything up to `horizon`. The axis and the map's year slider use it.
pub fn year_domain(state: &ViewState, catalog: &Catalog, horizon: f64) -> (f64, f64) {
    let full = (catalog.eras[0].start_position(), horizon);
    let (mut start, mut end) = if state.eras.is_empty() {
        full
    } else {
        state.eras.iter().filter_map(|id| catalog.era(id)).fold((f64::MAX, f64::MIN), |(s, e), (_, era)| {
            (s.min(era.start_position()), e.max(era.end_position(horizon)))
        })
    };
    if let Some(from) = state.from {
        start = from as f64;
    }
    if let Some(to) = state.to {
        end = to as f64 + 1.0;
    }
    if end <= start {
        full
    } else {
        (start, end)
    }
}

/// The first and last whole years of [`year_domain`].
pub fn year_bounds(state: &ViewState, catalog: &Catalog, last_year: i32) -> (i32, i32) {
    let (start, end) = year_domain(state, catalog, last_year as f64 + 1.0);
    (start.floor() as i32, ((end - 1e-6).floor() as i32).max(start.floor() as i32))
}

/// The year the map shows: the `year` parameter, else the selected event's year, else the
/// last year in range; always inside the range the filters allow.
pub fn map_year(state: &ViewState, catalog: &Catalog, last_year: i32) -> i32 {
    let (first, last) = year_bounds(state, catalog, last_year);
    let event_year = state.event.as_deref().and_then(|id| catalog.event(id)).map(|e| e.date.year);
    state.year.or(event_year).unwrap_or(last).clamp(first, last)
}

/// The page title for a view: the selected event, else the filters, then the app's name.
pub fn describe(state: &ViewState, catalog: &Catalog) -> String {
    const NAME: &str = "Straitline";
    if let Some(event) = state.event.as_deref().and_then(|id| catalog.event(id)) {
        return format!("{} ({}) · {NAME}", event.title, event.date.year);
    }
    let mut parts: Vec<String> = Vec::new();
    let eras: Vec<&str> = state.eras.iter().filter_map(|id| catalog.era(id)).map(|(_, e)| e.name.as_str()).collect();
    if !eras.is_empty() {
        parts.push(eras.join(" + "));
    }
    if !state.categories.is_empty() {
        parts.push(state.categories.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "));
    }
    match (state.from, state.to) {
        (Some(f), Some(t)) => parts.push(format!("{f}–{t}")),
        (Some(f), None) => parts.push(format!("from {f}")),
        (None, Some(t)) => parts.push(format!("to {t}")),
        (None, None) => {}
    }
    if !state.query.is_empty() {
        parts.push(format!("“{}”", state.query));
    }
    if let Some(t) = state.territory.as_deref().and_then(|id| catalog.territory(id)) {
        parts.push(t.name.clone());
    }
    if let Some(p) = state.place.as_deref().and_then(|id| catalog.place(id)) {
        parts.push(p.name.clone());
    }
    if let Some(year) = state.year {
        parts.push(format!("map of {year}"));
    }
    if parts.is_empty() {
        format!("{NAME} · Russia–Turkey relations, 1453 to today")
    } else {
        format!("{} · {NAME}", parts.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Catalog;

    const LAST: i32 = 2026;

    fn catalog() -> Catalog {
        Catalog::bundled().expect("bundled data is valid")
    }

    fn some_event(c: &Catalog) -> String {
        c.events[0].id.clone()
    }

    #[test]
    fn the_empty_query_is_the_default_view() {
        let c = catalog();
        assert_eq!(parse("", &c, LAST), Parsed { state: ViewState::default(), notices: vec![] });
        assert_eq!(parse("?", &c, LAST).state, ViewState::default());
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn reads_every_parameter() {
        let c = catalog();
        let ev = some_event(&c);
        let p = parse(&format!("?era=interwar,empires&cat=war,treaty&q=k%C3%BC%C3%A7%C3%BCk+kaynarca&from=1700&to=1800&event={ev}"), &c, LAST);
        assert_eq!(p.notices, Vec::<String>::new());
        assert_eq!(p.state.eras, ["empires", "interwar"]);
        assert_eq!(p.state.categories, [Category::War, Category::Treaty]);
        assert_eq!(p.state.query, "küçük kaynarca");
        assert_eq!((p.state.from, p.state.to), (Some(1700), Some(1800)));
        assert_eq!(p.state.event, Some(ev.clone()));
        assert_eq!(p.state.to_query(), format!("era=empires,interwar&cat=war,treaty&q=k%C3%BC%C3%A7%C3%BCk+kaynarca&from=1700&to=1800&event={ev}"));
    }

    #[test]
    fn bad_values_are_ignored_with_a_notice() {
        let c = catalog();
        let p = parse("era=atlantis,interwar&cat=sport&from=abc&to=1900&event=no-such-event&utm_source=x", &c, LAST);
        assert_eq!(p.state.eras, ["interwar"]);
        assert!(p.state.categories.is_empty());
        assert_eq!((p.state.from, p.state.to), (None, Some(1900)));
        assert_eq!(p.state.event, None);
        assert_eq!(p.notices, [
            "Ignored unknown era \"atlantis\".",
            "Ignored unknown category \"sport\".",
            "Ignored from=\"abc\": not a year.",
            "No event has the id \"no-such-event\"; none is selected.",
            "Ignored unknown parameter \"utm_source\".",
        ]);
        assert_eq!(p.state.to_query(), "era=interwar&to=1900");
    }

    #[test]
    fn reversed_and_out_of_range_years_are_corrected() {
        let c = catalog();
        let p = parse("from=1900&to=1800", &c, LAST);
        assert_eq!((p.state.from, p.state.to), (Some(1800), Some(1900)));
        assert_eq!(p.notices, ["The years were reversed; showing 1800–1900."]);
        let p = parse("from=1000&to=99999999999", &c, LAST);
        assert_eq!((p.state.from, p.state.to), (Some(FIRST_YEAR), None));
        assert_eq!(p.notices.len(), 2, "{:?}", p.notices);
        let p = parse("from=3000", &c, LAST);
        assert_eq!(p.state.from, Some(LAST));
    }

    #[test]
    fn long_queries_are_shortened_and_case_is_forgiven() {
        let c = catalog();
        let long = "a".repeat(5000);
        let p = parse(&format!("q={long}&era=INTERWAR&cat=War,war"), &c, LAST);
        assert_eq!(p.state.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(p.state.eras, ["interwar"]);
        assert_eq!(p.state.categories, [Category::War]);
        assert_eq!(p.notices, [format!("The search text was shortened to {MAX_QUERY_CHARS} characters.")]);
    }

    #[test]
    fn decoding_survives_broken_escapes() {
        assert_eq!(decode_pairs("q=%&x=%zz&y=%E2%82%AC+1&z=%C3"), [
            ("q".to_string(), "%".to_string()),
            ("x".to_string(), "%zz".to_string()),
            ("y".to_string(), "€ 1".to_string()),
            ("z".to_string(), "\u{FFFD}".to_string()),
        ]);
        assert_eq!(decode_pairs("novalue&&=x"), [("novalue".to_string(), String::new()), (String::new(), "x".to_string())]);
    }

    #[test]
    fn toggles_keep_canonical_order() {
        let c = catalog();
        let s = ViewState::default().toggle_era("interwar", &c).toggle_era("empires", &c);
        assert_eq!(s.eras, ["empires", "interwar"]);
        assert_eq!(s.toggle_era("empires", &c).eras, ["interwar"]);
        let s = ViewState::default().toggle_category(Category::Military).toggle_category(Category::War);
        assert_eq!(s.categories, [Category::War, Category::Military]);
        assert_eq!(s.cleared(), ViewState::default());
    }

    #[test]
    fn map_parameters_parse_and_clamp() {
        let c = catalog();
        let p = parse("year=1880&territory=KARS&place=istanbul&map=2/41/29", &c, LAST);
        assert_eq!(p.notices, Vec::<String>::new());
        assert_eq!(p.state.year, Some(1880));
        assert_eq!(p.state.territory.as_deref(), Some("kars"));
        assert_eq!(p.state.place.as_deref(), Some("istanbul"));
        assert_eq!(p.state.map, Some(MapView::new(2.0, 41.0, 29.0)));
        assert_eq!(p.state.to_query(), "year=1880&territory=kars&place=istanbul&map=2.0/41.00/29.00");
        // Batum–Artvin was split in two; old links open Batum.
        let p = parse("territory=Batum-Artvin", &c, LAST);
        assert_eq!((p.state.territory.as_deref(), p.notices.len()), (Some("batum"), 0));
        assert_eq!(p.state.to_query(), "territory=batum");
        let p = parse("year=1200&territory=atlantis&place=nowhere&map=99/0/0", &c, LAST);
        assert_eq!(p.state.year, Some(FIRST_YEAR));
        assert_eq!((p.state.territory, p.state.place), (None, None));
        assert_eq!(p.state.map, Some(MapView { zoom10: MAP_ZOOM10.1, lat100: 2800, lon100: 800 }));
        assert_eq!(p.notices.len(), 4, "{:?}", p.notices);
        let p = parse("map=abc&map=1/2/3", &c, LAST);
        assert_eq!(p.state.map, None);
        assert_eq!(p.notices, ["Ignored map=\"abc\": expected zoom/lat/lon.", "Ignored a repeated \"map\" parameter."]);
        assert!(parse("map=NaN/1/1", &c, LAST).state.map.is_none());
    }

    #[test]
    fn the_year_domain_follows_years_then_eras() {
        let c = catalog();
        assert_eq!(year_domain(&ViewState::default(), &c, 2027.0), (1453.0, 2027.0));
        let interwar = ViewState::default().toggle_era("interwar", &c);
        let (s, e) = year_domain(&interwar, &c, 2027.0);
        assert!((1918.8..1918.9).contains(&s) && (1939.6..1939.7).contains(&e), "{s} {e}");
        assert_eq!(year_bounds(&interwar, &c, 2026), (1918, 1939));
        let years = interwar.with_years(Some(1920), Some(1930), 2026);
        assert_eq!(year_domain(&years, &c, 2027.0), (1920.0, 1931.0));
        assert_eq!(year_bounds(&years, &c, 2026), (1920, 1930));
    }

    #[test]
    fn the_map_year_comes_from_the_year_then_the_event_then_the_range() {
        let c = catalog();
        assert_eq!(map_year(&ViewState::default(), &c, LAST), LAST);
        let berlin = ViewState::default().with_event(Some("treaty-of-berlin-1878"));
        assert_eq!(map_year(&berlin, &c, LAST), 1878);
        assert_eq!(map_year(&berlin.with_year(Some(1900), LAST), &c, LAST), 1900);
        let interwar = ViewState::default().toggle_era("interwar", &c);
        assert_eq!(map_year(&interwar, &c, LAST), 1939);
        assert_eq!(map_year(&interwar.with_year(Some(1880), LAST), &c, LAST), 1918, "clamped to the era");
    }

    #[test]
    fn choosing_an_event_hands_the_year_to_it() {
        let c = catalog();
        let s = ViewState::default().with_year(Some(1900), LAST).with_event(Some(&c.events[3].id));
        assert_eq!(s.year, None);
        assert_eq!(s.with_event(None).year, None);
        let s = ViewState::default().with_year(Some(1900), LAST).with_territory(Some("kars")).cleared();
        assert_eq!((s.year, s.territory), (Some(1900), None));
    }

    #[test]
    fn titles_describe_the_view() {
        let c = catalog();
        assert_eq!(describe(&ViewState::default(), &c), "Straitline · Russia–Turkey relations, 1453 to today");
        let s = ViewState::default().toggle_era("interwar", &c).toggle_category(Category::Treaty).with_query("kars");
        assert_eq!(describe(&s, &c), "Interwar friendship · Treaty · “kars” · Straitline");
        let e = &c.events[0];
        assert_eq!(describe(&s.with_event(Some(&e.id)), &c), format!("{} ({}) · Straitline", e.title, e.date.year));
    }

    /// A small deterministic generator, so the property test needs no extra crate.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    #[test]
    fn every_canonical_view_round_trips_through_its_url() {
        let c = catalog();
        let mut rng = Lcg(7);
        let words = ["küçük", "Su-24", "a&b=c", "100%", "grain deal", "Москва", "?#+", "İstanbul"];
        for _ in 0..2000 {
            let mut s = ViewState::default();
            for era in &c.eras {
                if rng.next(3) == 0 {
                    s = s.toggle_era(&era.id, &c);
                }
            }
            for cat in Category::ALL {
                if rng.next(3) == 0 {
                    s = s.toggle_category(cat);
                }
            }
            let q: Vec<&str> = (0..rng.next(3)).map(|_| words[rng.next(words.len())]).collect();
            s = s.with_query(&q.join(" "));
            let year = |rng: &mut Lcg| (rng.next(2) == 0).then(|| FIRST_YEAR + rng.next((LAST - FIRST_YEAR + 1) as usize) as i32);
            let (from, to) = (year(&mut rng), year(&mut rng));
            s = s.with_years(from, to, LAST);
            if rng.next(2) == 0 {
                s = s.with_event(Some(&c.events[rng.next(c.events.len())].id));
            }
            if rng.next(2) == 0 {
                s = s.with_year(year(&mut rng), LAST);
            }
            if rng.next(3) == 0 {
                s = s.with_territory(Some(&c.territories[rng.next(c.territories.len())].id));
            }
            if rng.next(3) == 0 {
                s = s.with_place(Some(&c.places[rng.next(c.places.len())].id));
            }
            if rng.next(3) == 0 {
                let f = |rng: &mut Lcg, lo: f64, hi: f64| lo + (hi - lo) * rng.next(10_000) as f64 / 10_000.0;
                s = s.with_map(Some(MapView::new(f(&mut rng, 0.1, 20.0), f(&mut rng, 20.0, 70.0), f(&mut rng, 0.0, 90.0))));
            }
            let url = s.to_query();
            let back = parse(&url, &c, LAST);
            assert_eq!(back.notices, Vec::<String>::new(), "{url}");
            assert_eq!(back.state, s, "{url}");
            assert_eq!(back.state.to_query(), url);
        }
    }
}
