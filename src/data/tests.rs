use std::collections::HashSet;

use super::catalog::RawData;
use super::model::PlaceKind;
use super::records::{HOLDERS_FILE, PLACES_FILE, TERRITORIES_FILE};
use super::*;

const ERAS: &str = r#"[
  {"id":"old","name":"Old","start":"1453","end":"1800","summary":"s","sources":[{"ref":"r","at":"p. 1"}]},
  {"id":"new","name":"New","start":"1800","summary":"s","sources":[{"ref":"r","at":"p. 1"}]}
]"#;
const PLACES: &str = r#"[{"id":"istanbul","name":"Istanbul","names":{"ru":"Стамбул","tr":"İstanbul"},"lat":41.0,"lon":28.97,"kind":"city"}]"#;
const TERRITORIES: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"crimea",
  "properties":{"id":"crimea","name":"Crimea","summary":"The peninsula.","precision":"Rough.","sources":[{"ref":"r","at":"p. 1"}],
    "history":[{"start":"1475","end":"1783","holder":"khanate"},{"start":"1783","holder":"empire","by":"e1"}]},
  "geometry":{"type":"Polygon","coordinates":[[[33,44],[36,45],[35,46],[33,44]]]}}]}"#;
const HOLDERS: &str = r##"[{"id":"khanate","name":"Crimean Khanate","side":"turkey","colour":"#2f7d62"},
  {"id":"empire","name":"Russian Empire","side":"russia","colour":"#b3261e"}]"##;
const SOURCES: &str =
    r#"[{"id":"seed.txt","title":"T","publisher":"P","date":"2024","licence":"CC BY-SA 4.0","sections":["A"]}]"#;
const REFERENCES: &str = r#"[{"id":"r","author":"A","title":"T","year":"1966","publisher":"P"}]"#;
const ALIASES: &str = r#"{"territory":{"old-crimea":"crimea"}}"#;

fn event(fields: &str) -> String {
    format!(
        r#"[{{"id":"e1","date":"1774-07-21","title":"T","summary":"S.","category":"treaty","tone":"conflict","places":["istanbul"],"sources":[{{"seed":"seed.txt","section":"A"}}]{fields}}}]"#
    )
}

fn load(events: &str) -> Result<Catalog, Vec<DataError>> {
    Catalog::load(&RawData {
        events,
        eras: ERAS,
        places: PLACES,
        territories: TERRITORIES,
        holders: HOLDERS,
        sources: SOURCES,
        references: REFERENCES,
        aliases: ALIASES,
    })
}

fn first_error(events: &str) -> String {
    load(events).expect_err("should be rejected")[0].to_string()
}

#[test]
fn bundled_data_is_valid() {
    if let Err(errors) = Catalog::bundled() {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{} data errors:\n{}", list.len(), list.join("\n"));
    }
}

/// Event ids are part of shared links: these must stay, and the treaties must carry
/// their Russian and Turkish names.
#[test]
fn the_expected_history_is_covered() {
    let c = Catalog::bundled().unwrap();
    let treaties = [
        "treaty-of-constantinople-1700",
        "treaty-of-the-pruth-1711",
        "treaty-of-belgrade-1739",
        "treaty-of-kucuk-kaynarca-1774",
        "treaty-of-jassy-1792",
        "treaty-of-bucharest-1812",
        "akkerman-convention-1826",
        "treaty-of-adrianople-1829",
        "treaty-of-hunkar-iskelesi-1833",
        "london-straits-convention-1841",
        "treaty-of-paris-1856",
        "treaty-of-london-1871",
        "treaty-of-san-stefano-1878",
        "treaty-of-berlin-1878",
        "treaty-of-brest-litovsk-1918",
        "treaty-of-batum-1918",
        "treaty-of-alexandropol-1920",
        "treaty-of-moscow-1921",
        "treaty-of-kars-1921",
        "montreux-convention-1936",
    ];
    for id in treaties {
        let e = c.event(id).unwrap_or_else(|| panic!("missing treaty {id}"));
        assert_eq!(e.category, Category::Treaty, "{id}");
        assert!(e.names.ru.is_some() && e.names.tr.is_some(), "{id} needs its Russian and Turkish names");
    }
    let others = [
        "fall-of-constantinople-1453",
        "capture-of-azov-1696",
        "russian-annexation-of-crimea-1783",
        "crimean-war-1853-1856",
        "turkey-joins-nato-1952",
        "su-24-shootdown-2015",
        "assassination-of-andrei-karlov-2016",
        "s-400-delivery-2019",
        "montreux-straits-closure-2022",
        "black-sea-grain-initiative-2022",
        "mv-aya-strike-2024",
        "istanbul-talks-2025-05-16",
        "istanbul-talks-2025-06-02",
    ];
    for id in others {
        assert!(c.event(id).is_some(), "missing event {id}");
    }
    let from_seeds = c.events.iter().filter(|e| e.sources.iter().any(|s| matches!(s, SourceRef::Seed { .. }))).count();
    assert!(from_seeds >= 100, "about a hundred events come from the seeds; {from_seeds} cite one");
}

#[test]
fn a_good_record_loads_with_its_era_and_search_text() {
    let c = load(&event(r#","names":{"ru":"Кючук-Кайнарджийский мир","tr":"Küçük Kaynarca Antlaşması"}"#)).unwrap();
    let e = c.event("e1").unwrap();
    assert_eq!(c.eras[e.era].id, "old");
    assert!(e.search_text.contains("kucuk kaynarca"));
    assert!(e.search_text.contains("istanbul"));
}

#[test]
fn errors_name_file_record_and_field() {
    assert_eq!(
        first_error(&event(r#","end":"1770""#)),
        "data/events.json: record 'e1', field 'end': 1770 is before the start 1774-07-21"
    );
    assert!(first_error(&event(r#","date_os":"1774-07-11""#)).contains("field 'date_os'"));
    assert!(first_error(&event(r#","territories":["kars"]"#)).contains("unknown territory 'kars'"));
    assert!(first_error(&event(r#","names":{"ru":"Kuchuk"}"#)).contains("Cyrillic"));
    assert!(first_error(&event(r#","extra":1"#)).contains("unknown field"));
}

#[test]
fn rejects_bad_values() {
    let bad = |from: &str, to: &str| first_error(&event("").replace(from, to));
    assert!(bad("\"date\":\"1774-07-21\"", "\"date\":\"21/07/1774\"").contains("field 'date'"));
    assert!(bad("\"date\":\"1774-07-21\"", "\"date\":\"1400\"").contains("outside every era"));
    assert!(bad("\"treaty\"", "\"pact\"").contains("field 'category'"));
    assert!(bad("\"conflict\"", "\"warm\"").contains("field 'tone'"));
    assert!(bad("\"S.\"", "\"  \"").contains("field 'summary': must not be empty"));
    assert!(bad("[{\"seed\":\"seed.txt\",\"section\":\"A\"}]", "[]").contains("field 'sources'"));
    assert!(bad("\"seed.txt\"", "\"other.txt\"").contains("unknown seed 'other.txt'"));
    assert!(bad("\"section\":\"A\"", "\"section\":\"B\"")
        .contains("field 'sources.section': 'B' is not a section of seed.txt"));
    assert!(bad("{\"seed\":\"seed.txt\",\"section\":\"A\"}", "{\"ref\":\"nope\"}")
        .contains("field 'sources': unknown reference 'nope'"));
    assert!(bad("{\"seed\":\"seed.txt\",\"section\":\"A\"}", "{\"reference\":\"Free text\"}")
        .contains("field 'sources': data did not match"));
    assert!(bad("[\"istanbul\"]", "[\"ankara\"]").contains("unknown place 'ankara'"));
    assert!(bad("\"e1\"", "\"E 1\"").contains("field 'id'"));
}

#[test]
fn aliases_resolve_and_must_point_at_a_current_id() {
    let c = load(&event("")).unwrap();
    assert_eq!(c.territory_alias("old-crimea"), Some("crimea"));
    let bad = Catalog::load(&RawData {
        events: &event(""),
        eras: ERAS,
        places: PLACES,
        territories: TERRITORIES,
        holders: HOLDERS,
        sources: SOURCES,
        references: REFERENCES,
        aliases: r#"{"territory":{"old":"nowhere"}}"#,
    })
    .unwrap_err();
    assert_eq!(bad[0].to_string(), "data/aliases.json: record 'old', field 'territory': unknown territory 'nowhere' (not in data/territories.geojson)");
}

#[test]
fn rejects_duplicate_ids() {
    let one = event("");
    let two = format!("{},{}", &one[..one.len() - 1], &one[1..]);
    assert!(first_error(&two).contains("duplicate id"));
}

#[test]
fn rejects_eras_with_gaps_and_malformed_json() {
    let eras = ERAS.replace("\"start\":\"1800\"", "\"start\":\"1810\"");
    let err = Catalog::load(&RawData {
        events: &event(""),
        eras: &eras,
        places: PLACES,
        territories: TERRITORIES,
        holders: HOLDERS,
        sources: SOURCES,
        references: REFERENCES,
        aliases: ALIASES,
    })
    .unwrap_err();
    assert!(err[0].to_string().starts_with("data/eras.json: record 'new', field 'start'"), "{}", err[0]);
    let err = load("[{").unwrap_err();
    assert!(err[0].to_string().starts_with("data/events.json: record '(whole file)'"));
}

fn territory_error(from: &str, to: &str) -> String {
    let territories = TERRITORIES.replace(from, to);
    assert_ne!(territories, TERRITORIES, "{from} not in the fixture");
    let err = Catalog::load(&RawData {
        events: &event(""),
        eras: ERAS,
        places: PLACES,
        territories: &territories,
        holders: HOLDERS,
        sources: SOURCES,
        references: REFERENCES,
        aliases: ALIASES,
    })
    .expect_err("should be rejected");
    err[0].to_string()
}

#[test]
fn territory_errors_name_the_feature_and_field() {
    assert!(load(&event("")).is_ok());
    assert_eq!(
        territory_error("\"by\":\"e1\"", "\"by\":\"nope\""),
        "data/territories.geojson: record 'crimea', field 'properties.history[1].by': unknown event 'nope' (not in data/events.json)"
    );
    assert!(territory_error("\"holder\":\"empire\"", "\"holder\":\"tsar\"").contains("unknown holder 'tsar'"));
    assert!(territory_error("\"end\":\"1783\"", "\"end\":\"1780\"")
        .contains("history[1]': starts at 1783 but the period before ends at 1780"));
    assert!(territory_error(",\"by\":\"e1\"", "").contains("names the event"));
    assert!(territory_error("[33,44],[36,45],[35,46]", "[33,44],[35,46],[36,45]")
        .contains("field 'geometry': polygon 0, ring 0: an exterior ring must be counter-clockwise"));
    assert!(territory_error("\"FeatureCollection\"", "\"Feature\"").contains("not a GeoJSON FeatureCollection"));
}

#[test]
fn old_style_only_before_the_reform() {
    let e = event(r#","date_os":"1918-02-20""#).replace("1774-07-21", "1918-03-05");
    assert!(first_error(&e).contains("only apply before"));
}

/// Loads the fixtures with `file` replaced by `json`; every error found.
fn errors_with(file: &str, json: &str) -> Vec<DataError> {
    let events = event("");
    let mut raw = RawData {
        events: &events,
        eras: ERAS,
        places: PLACES,
        territories: TERRITORIES,
        holders: HOLDERS,
        sources: SOURCES,
        references: REFERENCES,
        aliases: ALIASES,
    };
    match file {
        PLACES_FILE => raw.places = json,
        HOLDERS_FILE => raw.holders = json,
        TERRITORIES_FILE => raw.territories = json,
        _ => panic!("no fixture for {file}"),
    }
    Catalog::load(&raw).expect_err("should be rejected")
}

/// The first error once `from` is replaced by `to` in the fixture `json` of `file`.
fn first_error_in(file: &str, json: &str, from: &str, to: &str) -> String {
    let changed = json.replace(from, to);
    assert_ne!(changed, json, "{from} not in the fixture");
    errors_with(file, &changed)[0].to_string()
}

#[test]
fn every_enum_lists_its_ids_once_and_reads_them_back() {
    fn check<T: Copy + PartialEq + std::fmt::Debug, const N: usize>(
        all: [T; N],
        id: fn(T) -> &'static str,
        from_id: fn(&str) -> Option<T>,
    ) {
        let ids: HashSet<&str> = all.iter().map(|&v| id(v)).collect();
        assert_eq!(ids.len(), N, "ids must be distinct");
        for v in all {
            assert_eq!(from_id(id(v)), Some(v));
        }
        assert_eq!(from_id("nonsense"), None);
    }
    check(Category::ALL, Category::id, Category::from_id);
    check(Tone::ALL, Tone::id, Tone::from_id);
    check(PlaceKind::ALL, PlaceKind::id, PlaceKind::from_id);
    check(Side::ALL, Side::id, Side::from_id);
}

#[test]
fn vocabulary_errors_list_the_accepted_ids() {
    let bad = |from: &str, to: &str| first_error(&event("").replace(from, to));
    assert_eq!(
        bad("\"treaty\"", "\"pact\""),
        "data/events.json: record 'e1', field 'category': 'pact' is not one of war, treaty, diplomacy, incident, economy, military"
    );
    assert_eq!(
        bad("\"conflict\"", "\"warm\""),
        "data/events.json: record 'e1', field 'tone': 'warm' is not one of cooperation, tension, conflict"
    );
}

#[test]
fn place_errors_name_the_place_and_field() {
    let c = load(&event("")).unwrap();
    assert_eq!(c.place("istanbul").map(|p| (p.lat, p.lon)), Some((41.0, 28.97)));
    let bad = |from: &str, to: &str| first_error_in(PLACES_FILE, PLACES, from, to);
    assert_eq!(
        bad("\"kind\":\"city\"", "\"kind\":\"town\""),
        "data/places.json: record 'istanbul', field 'kind': 'town' is not one of city, site, region"
    );
    assert_eq!(
        bad("\"lat\":41.0", "\"lat\":91.5"),
        "data/places.json: record 'istanbul', field 'lat': 91.5 is not a latitude"
    );
    assert_eq!(
        bad("\"lon\":28.97", "\"lon\":-181"),
        "data/places.json: record 'istanbul', field 'lon': -181 is not a longitude"
    );
    assert_eq!(
        bad("\"name\":\"Istanbul\"", "\"name\":\"\""),
        "data/places.json: record 'istanbul', field 'name': must not be empty"
    );
    assert!(
        bad(",\"kind\":\"city\"", "").starts_with("data/places.json: record 'istanbul', field 'kind': missing field")
    );
    assert!(bad("\"Стамбул\"", "\"Stambul\"").contains("record 'istanbul', field 'names.ru'"));
    // A place that is rejected is unknown to the events that name it.
    let errors = errors_with(PLACES_FILE, &PLACES.replace("\"city\"", "\"town\""));
    assert_eq!(
        errors[1].to_string(),
        "data/events.json: record 'e1', field 'places': unknown place 'istanbul' (not in data/places.json)"
    );
}

#[test]
fn holder_errors_name_the_holder_and_field() {
    let c = load(&event("")).unwrap();
    assert_eq!(c.holder("khanate").map(|h| h.side), Some(Side::Turkey));
    let bad = |from: &str, to: &str| first_error_in(HOLDERS_FILE, HOLDERS, from, to);
    assert_eq!(
        bad("\"side\":\"turkey\"", "\"side\":\"ottoman\""),
        "data/holders.json: record 'khanate', field 'side': 'ottoman' is not one of russia, turkey, other"
    );
    assert_eq!(
        bad("\"#2f7d62\"", "\"green\""),
        "data/holders.json: record 'khanate', field 'colour': 'green' is not a #rgb or #rrggbb colour"
    );
    assert_eq!(
        bad("\"khanate\"", "\"Khanate\""),
        "data/holders.json: record 'Khanate', field 'id': ids are lowercase ASCII letters, digits and hyphens"
    );
    // A territory's history must name holders that exist, and a rejected holder does not.
    assert_eq!(
        first_error_in(TERRITORIES_FILE, TERRITORIES, "\"holder\":\"empire\"", "\"holder\":\"tsar\""),
        "data/territories.geojson: record 'crimea', field 'properties.history[1].holder': unknown holder 'tsar' (not in data/holders.json)"
    );
    let errors = errors_with(HOLDERS_FILE, &HOLDERS.replace("\"russia\"", "\"muscovy\""));
    assert_eq!(
        errors[1].to_string(),
        "data/territories.geojson: record 'crimea', field 'properties.history[1].holder': unknown holder 'empire' (not in data/holders.json)"
    );
}

#[test]
fn straits_regime_errors_name_the_step_and_field() {
    let with_regime = TERRITORIES.replace(
        "\"history\":[",
        r#""regime":[{"date":"1774-07-21","by":"e1","summary":"Russian merchant ships may pass."}],"history":["#,
    );
    let raw = RawData {
        events: &event(""),
        eras: ERAS,
        places: PLACES,
        territories: &with_regime,
        holders: HOLDERS,
        sources: SOURCES,
        references: REFERENCES,
        aliases: ALIASES,
    };
    let c = Catalog::load(&raw).unwrap();
    let regime = &c.territory("crimea").unwrap().regime;
    assert_eq!(regime.len(), 1);
    assert_eq!((regime[0].date.to_string(), regime[0].by.as_str()), ("1774-07-21".to_string(), "e1"));
    let bad = |from: &str, to: &str| first_error_in(TERRITORIES_FILE, &with_regime, from, to);
    assert_eq!(
        bad("\"by\":\"e1\",\"summary\"", "\"by\":\"montreux\",\"summary\""),
        "data/territories.geojson: record 'crimea', field 'properties.regime[0].by': unknown event 'montreux'"
    );
    assert_eq!(
        bad("\"date\":\"1774-07-21\"", "\"date\":\"1774-13-01\""),
        "data/territories.geojson: record 'crimea', field 'properties.regime[0].date': '1774-13-01' is not a real calendar date"
    );
    assert_eq!(
        bad("\"date\":\"1774-07-21\"", "\"date\":\"July 1774\""),
        "data/territories.geojson: record 'crimea', field 'properties.regime[0].date': 'July 1774' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    );
    assert_eq!(
        bad("\"Russian merchant ships may pass.\"", "\" \""),
        "data/territories.geojson: record 'crimea', field 'properties.regime[0].summary': must not be empty"
    );
    assert!(
        bad(",\"summary\":\"Russian", ",\"note\":\"Russian").contains("record 'crimea', field 'note': unknown field")
    );
}
