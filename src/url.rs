//! The view's URL form. The query string is a public API: links once shared must keep
//! working, so parsing is lenient (it ignores what it cannot use and says so) and serialising
//! is canonical (one spelling per view).
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
use crate::map_view::MapView;
use crate::view::View;
use crate::view_state::{clean_query, ViewState, FIRST_YEAR, MAX_QUERY_CHARS};

/// A parsed URL: the view it asks for, and what was ignored or corrected on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub state: ViewState,
    pub(crate) notices: Vec<String>,
}

impl ViewState {
    /// The canonical query string, without the leading `?`; empty for the default view.
    pub(crate) fn to_query(&self) -> String {
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
                for id in ids(&value) {
                    if catalog.era(&id).is_none() {
                        notices.push(format!("Ignored unknown era \"{}\".", shorten(&id)));
                    } else if !state.eras.contains(&id) {
                        state.eras.push(id);
                    }
                }
            }
            "cat" => {
                for id in ids(&value) {
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
    // The map's year stays inside the years the filters show; the URL is rewritten to say so.
    let view = View::new(&state, catalog, last_year);
    if let (Some(year), Some(inside)) = (state.year, view.year_moved_inside()) {
        let (first, last) = view.year_bounds();
        notices.push(format!("year={year} is outside the years shown ({first}–{last}); the map shows {inside}."));
        let state = state.with_year(Some(inside), last_year);
        return Parsed { state, notices };
    }
    Parsed { state, notices }
}

/// The ids of a comma-separated list, trimmed and lower-cased, without empty entries.
fn ids(value: &str) -> impl Iterator<Item = String> + '_ {
    value.split(',').map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty())
}

/// A value short enough to quote in a notice.
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

/// Splits `a=1&b=x+y` into decoded pairs; `+` is a space and `%XX` a byte (UTF-8, lossy).
pub(crate) fn decode_pairs(search: &str) -> Vec<(String, String)> {
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
pub(crate) fn encode_component(s: &str) -> String {
    percent_encode(s, |b| b == b' ').replace(' ', "+")
}

/// Percent-encodes the UTF-8 bytes of `s`, except the unreserved ASCII ones (letters, digits,
/// `-_.~`) and those `keep` lets through as they are.
pub(crate) fn percent_encode(s: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) || keep(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
