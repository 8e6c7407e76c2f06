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
    }

    /// The same view with every filter cleared; the selected event stays.
    pub fn cleared(&self) -> ViewState {
        ViewState { event: self.event.clone(), ..ViewState::default() }
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

    pub fn with_event(&self, event: Option<&str>) -> ViewState {
        ViewState { event: event.map(str::to_string), ..self.clone() }
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
        if let Some(event) = &self.event {
            parts.push(format!("event={}", encode_component(event)));
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
            "q" | "from" | "to" | "event" if repeated => {
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
            "event" => {
                let id = value.trim();
                if id.is_empty() {
                } else if catalog.event(id).is_some() {
                    state.event = Some(id.to_string());
                } else {
                    notices.push(format!("No event has the id \"{}\"; none is selected.", shorten(id)));
                }
            }
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
            let url = s.to_query();
            let back = parse(&url, &c, LAST);
            assert_eq!(back.notices, Vec::<String>::new(), "{url}");
            assert_eq!(back.state, s, "{url}");
            assert_eq!(back.state.to_query(), url);
        }
    }
}
