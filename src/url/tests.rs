//! The URL form's tests: parsing, notices, the codec, and round trips of random views.

use super::*;
use crate::map_view::{MAP_LAT, MAP_LON, MAP_ZOOM10};

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
    assert_eq!(parse("?", &c, LAST), Parsed { state: ViewState::default(), notices: vec![] });
    assert_eq!(ViewState::default().to_query(), "");
}

#[test]
fn reads_every_parameter() {
    let c = catalog();
    let ev = some_event(&c);
    let p = parse(
        &format!("?era=interwar,empires&cat=war,treaty&q=k%C3%BC%C3%A7%C3%BCk+kaynarca&from=1700&to=1800&event={ev}"),
        &c,
        LAST,
    );
    assert_eq!(p.notices, Vec::<String>::new());
    assert_eq!(p.state.eras, ["empires", "interwar"]);
    assert_eq!(p.state.categories, [Category::War, Category::Treaty]);
    assert_eq!(p.state.query, "küçük kaynarca");
    assert_eq!((p.state.from, p.state.to), (Some(1700), Some(1800)));
    assert_eq!(p.state.event, Some(ev.clone()));
    assert_eq!(
        p.state.to_query(),
        format!("era=empires,interwar&cat=war,treaty&q=k%C3%BC%C3%A7%C3%BCk+kaynarca&from=1700&to=1800&event={ev}")
    );
}

#[test]
fn bad_values_are_ignored_with_a_notice() {
    let c = catalog();
    let p = parse("era=atlantis,interwar&cat=sport&from=abc&to=1900&event=no-such-event&utm_source=x", &c, LAST);
    assert_eq!(p.state.eras, ["interwar"]);
    assert!(p.state.categories.is_empty());
    assert_eq!((p.state.from, p.state.to), (None, Some(1900)));
    assert_eq!(p.state.event, None);
    assert_eq!(
        p.notices,
        [
            "Ignored unknown era \"atlantis\".",
            "Ignored unknown category \"sport\".",
            "Ignored from=\"abc\": not a year.",
            "No event has the id \"no-such-event\"; none is selected.",
            "Ignored unknown parameter \"utm_source\".",
        ]
    );
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
    assert_eq!(
        p.notices,
        [
            format!("from=1000 is outside {FIRST_YEAR}–{LAST}; showing {FIRST_YEAR}."),
            "Ignored to=\"99999999999\": not a year.".to_string(),
        ]
    );
    let p = parse("from=3000", &c, LAST);
    assert_eq!(p.state.from, Some(LAST));
    assert_eq!(p.notices, [format!("from=3000 is outside {FIRST_YEAR}–{LAST}; showing {LAST}.")]);
}

#[test]
fn long_queries_are_shortened_and_case_is_forgiven() {
    let c = catalog();
    let long = "a".repeat(5000);
    let p = parse(&format!("q={long}&era=INTERWAR&cat=War,war"), &c, LAST);
    assert_eq!(p.state.query, "a".repeat(MAX_QUERY_CHARS));
    assert_eq!(p.state.eras, ["interwar"]);
    assert_eq!(p.state.categories, [Category::War]);
    assert_eq!(p.notices, [format!("The search text was shortened to {MAX_QUERY_CHARS} characters.")]);
}

#[test]
fn decoding_survives_broken_escapes() {
    assert_eq!(
        decode_pairs("q=%&x=%zz&y=%E2%82%AC+1&z=%C3"),
        [
            ("q".to_string(), "%".to_string()),
            ("x".to_string(), "%zz".to_string()),
            ("y".to_string(), "€ 1".to_string()),
            ("z".to_string(), "\u{FFFD}".to_string()),
        ]
    );
    assert_eq!(decode_pairs("novalue&&=x"), [("novalue".to_string(), String::new()), (String::new(), "x".to_string())]);
}

#[test]
fn encoding_keeps_only_unreserved_characters() {
    assert_eq!(encode_component("a-z_0.9~"), "a-z_0.9~");
    assert_eq!(encode_component("a&b=c d"), "a%26b%3Dc+d");
    assert_eq!(encode_component("100%+?#"), "100%25%2B%3F%23");
    assert_eq!(encode_component("ü"), "%C3%BC");
    assert_eq!(decode_component(&encode_component("a+b c%")), "a+b c%");
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
    let corner = MapView { zoom10: MAP_ZOOM10.1, lat100: MAP_LAT.0 as i32 * 100, lon100: MAP_LON.0 as i32 * 100 };
    assert_eq!(p.state.map, Some(corner));
    assert_eq!(
        p.notices,
        [
            format!("year=1200 is outside {FIRST_YEAR}–{LAST}; showing {FIRST_YEAR}."),
            "No territory has the id \"atlantis\"; none is selected.".to_string(),
            "No place has the id \"nowhere\"; none is selected.".to_string(),
            "The map view was outside the map; it was moved back inside.".to_string(),
        ]
    );
    let p = parse("map=abc&map=1/2/3", &c, LAST);
    assert_eq!(p.state.map, None);
    assert_eq!(p.notices, ["Ignored map=\"abc\": expected zoom/lat/lon.", "Ignored a repeated \"map\" parameter."]);
    let p = parse("map=NaN/1/1", &c, LAST);
    assert_eq!((p.state.map, p.notices), (None, vec!["Ignored map=\"NaN/1/1\": expected zoom/lat/lon.".to_string()]));
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
        let year =
            |rng: &mut Lcg| (rng.next(2) == 0).then(|| FIRST_YEAR + rng.next((LAST - FIRST_YEAR + 1) as usize) as i32);
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
            let view = MapView::new(f(&mut rng, 0.1, 20.0), f(&mut rng, 20.0, 70.0), f(&mut rng, 0.0, 90.0));
            s = s.with_map(Some(view));
        }
        let inside = View::new(&s, &c, LAST).year_moved_inside();
        let s = if inside.is_some() { s.with_year(inside, LAST) } else { s };
        let url = s.to_query();
        let back = parse(&url, &c, LAST);
        assert_eq!(back.notices, Vec::<String>::new(), "{url}");
        assert_eq!(back.state, s, "{url}");
        assert_eq!(back.state.to_query(), url);
    }
}

/// Issue 11: `?era=empires&year=2020` kept `year=2020` in the URL while the map showed 1918.
#[test]
fn a_year_outside_the_filters_is_clamped_with_a_notice() {
    let c = Catalog::bundled().unwrap();
    let p = parse("era=empires&year=2020", &c, LAST);
    assert_eq!(p.state.year, Some(1918));
    assert_eq!(p.notices, vec!["year=2020 is outside the years shown (1549–1918); the map shows 1918.".to_string()]);
    assert_eq!(p.state.to_query(), "era=empires&year=1918");
    let inside = parse("era=empires&year=1880", &c, LAST);
    assert!(inside.notices.is_empty() && inside.state.year == Some(1880));
}
