//! The bundled data: JSON records from `data/` parsed once, validated, and turned into
//! typed values the rest of the app trusts. Validation errors name the file, record and field.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;

use crate::date::{old_style_matches, PartialDate, RUSSIAN_CALENDAR_REFORM};
use crate::geo::{check_shape, Polygon, Ring, Shape};
use crate::sovereignty::{check_history, Holder, Period, RegimeStep, Side, Territory};
use crate::text::fold;

pub const EVENTS_FILE: &str = "data/events.json";
pub const ERAS_FILE: &str = "data/eras.json";
pub const PLACES_FILE: &str = "data/places.json";
pub const TERRITORIES_FILE: &str = "data/territories.geojson";
pub const HOLDERS_FILE: &str = "data/holders.json";
pub const SOURCES_FILE: &str = "data/sources.json";
pub const REFERENCES_FILE: &str = "data/references.json";
pub const ALIASES_FILE: &str = "data/aliases.json";

/// The raw JSON of every data file, bundled into the build.
pub struct RawData<'a> {
    pub events: &'a str,
    pub eras: &'a str,
    pub places: &'a str,
    pub territories: &'a str,
    pub holders: &'a str,
    pub sources: &'a str,
    pub references: &'a str,
    pub aliases: &'a str,
}

pub const BUNDLED: RawData<'static> = RawData {
    events: include_str!("../data/events.json"),
    eras: include_str!("../data/eras.json"),
    places: include_str!("../data/places.json"),
    territories: include_str!("../data/territories.geojson"),
    holders: include_str!("../data/holders.json"),
    sources: include_str!("../data/sources.json"),
    references: include_str!("../data/references.json"),
    aliases: include_str!("../data/aliases.json"),
};

/// A problem in one record of one data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: &'static str,
    pub record: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: record '{}', field '{}': {}", self.file, self.record, self.field, self.message)
    }
}

/// What kind of event this is; the ids are part of the URL (`cat=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    War,
    Treaty,
    Diplomacy,
    Incident,
    Economy,
    Military,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::War,
        Category::Treaty,
        Category::Diplomacy,
        Category::Incident,
        Category::Economy,
        Category::Military,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::War => "war",
            Category::Treaty => "treaty",
            Category::Diplomacy => "diplomacy",
            Category::Incident => "incident",
            Category::Economy => "economy",
            Category::Military => "military",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::War => "War",
            Category::Treaty => "Treaty",
            Category::Diplomacy => "Diplomacy",
            Category::Incident => "Incident",
            Category::Economy => "Economy & energy",
            Category::Military => "Military & arms",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// The state of relations an event reflects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    Cooperation,
    Tension,
    Conflict,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Cooperation, Tone::Tension, Tone::Conflict];

    pub fn id(self) -> &'static str {
        match self {
            Tone::Cooperation => "cooperation",
            Tone::Tension => "tension",
            Tone::Conflict => "conflict",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tone::Cooperation => "Cooperation",
            Tone::Tension => "Tension",
            Tone::Conflict => "Conflict",
        }
    }

    pub fn from_id(id: &str) -> Option<Tone> {
        Tone::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// Russian and Turkish forms of a name.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub ru: Option<String>,
    pub tr: Option<String>,
}

/// Where a fact comes from: a seed document's section, or a work in `data/references.json`
/// with the page, article or chapter (`at`) where there is one.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum SourceRef {
    Seed {
        seed: String,
        section: String,
    },
    Reference {
        #[serde(rename = "ref")]
        reference: String,
        at: Option<String>,
    },
}

/// A named work cited by the data: author, title, year and publisher, with the date and
/// address of a news report or web page where there is one.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    pub author: String,
    pub title: String,
    pub year: String,
    pub publisher: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventRecord {
    id: String,
    date: String,
    date_os: Option<String>,
    end: Option<String>,
    title: String,
    summary: String,
    category: String,
    tone: String,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    territories: Vec<String>,
    names: Option<Names>,
    sources: Vec<SourceRef>,
}

/// `data/aliases.json`: renamed ids, old to new, by kind.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Aliases {
    #[serde(default)]
    territory: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EraRecord {
    id: String,
    name: String,
    start: String,
    end: Option<String>,
    summary: String,
    sources: Vec<SourceRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceRecord {
    id: String,
    name: String,
    names: Option<Names>,
    lat: f64,
    lon: f64,
    kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeatureRecord {
    #[serde(rename = "type")]
    kind: String,
    id: String,
    properties: TerritoryProperties,
    geometry: GeometryRecord,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TerritoryProperties {
    id: String,
    name: String,
    names: Option<Names>,
    summary: String,
    precision: String,
    sources: Vec<SourceRef>,
    history: Vec<PeriodRecord>,
    #[serde(default)]
    regime: Vec<RegimeRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodRecord {
    start: String,
    end: Option<String>,
    holder: String,
    by: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimeRecord {
    date: String,
    by: String,
    summary: String,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum GeometryRecord {
    Polygon { coordinates: Vec<Ring> },
    MultiPolygon { coordinates: Vec<Vec<Ring>> },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolderRecord {
    id: String,
    name: String,
    side: String,
    colour: String,
    #[serde(default)]
    hatched: bool,
}

/// A seed document or other source the data cites.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub licence: String,
    /// The article's address, for a seed that is a public web page (the encyclopedia article).
    pub url: Option<String>,
    /// The section labels that events may cite: the document's headings, or "paragraph N" for
    /// a piece without headings.
    pub sections: Vec<String>,
}

/// One event on the timeline, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub date_os: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub title: String,
    pub summary: String,
    pub category: Category,
    pub tone: Tone,
    pub places: Vec<String>,
    pub territories: Vec<String>,
    pub names: Names,
    pub sources: Vec<SourceRef>,
    /// Index into [`Catalog::eras`] of the era the event starts in.
    pub era: usize,
    /// Title, summary, names and place names, folded for search.
    pub search_text: String,
}

impl Event {
    /// The year the event (or span) ends.
    pub fn last_year(&self) -> i32 {
        self.end.map(|e| e.year).unwrap_or(self.date.year)
    }

    pub fn start_position(&self) -> f64 {
        self.date.fractional_year()
    }

    pub fn end_position(&self) -> f64 {
        self.end.unwrap_or(self.date).fractional_year_end()
    }

    /// "21 July 1774 (10 July O.S.)" or "1768 – 1774".
    pub fn date_label(&self) -> String {
        let mut s = self.date.human();
        if let Some(os) = self.date_os {
            s.push_str(&format!(" ({} O.S.)", os.human()));
        }
        if let Some(end) = self.end {
            s.push_str(&format!(" – {}", end.human()));
        }
        s
    }
}

/// A period of the relationship; eras tile the timeline without gaps or overlaps.
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    pub id: String,
    pub name: String,
    pub start: PartialDate,
    /// Exclusive; `None` for the era that runs to the present.
    pub end: Option<PartialDate>,
    pub summary: String,
    pub sources: Vec<SourceRef>,
}

impl Era {
    pub fn contains(&self, date: &PartialDate) -> bool {
        date.within(&self.start, self.end.as_ref())
    }

    pub fn start_position(&self) -> f64 {
        self.start.fractional_year()
    }

    /// Exclusive end on the axis; the open era ends at `horizon`.
    pub fn end_position(&self, horizon: f64) -> f64 {
        self.end.map(|e| e.fractional_year()).unwrap_or(horizon)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    City,
    Site,
    Region,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub names: Names,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
}

/// Everything the app shows, validated and indexed.
#[derive(Debug)]
pub struct Catalog {
    /// Sorted by date, then id.
    pub events: Vec<Event>,
    pub eras: Vec<Era>,
    pub places: Vec<Place>,
    pub territories: Vec<Territory>,
    pub holders: Vec<Holder>,
    pub sources: Vec<SourceDoc>,
    pub references: Vec<Reference>,
    /// Old territory ids and the ids they were renamed to, so that shared links keep working.
    territory_aliases: HashMap<String, String>,
    event_index: HashMap<String, usize>,
}

impl Catalog {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_index.get(id).map(|&i| &self.events[i])
    }

    pub fn event_position(&self, id: &str) -> Option<usize> {
        self.event_index.get(id).copied()
    }

    pub fn era(&self, id: &str) -> Option<(usize, &Era)> {
        self.eras.iter().enumerate().find(|(_, e)| e.id == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn territory(&self, id: &str) -> Option<&Territory> {
        self.territories.iter().find(|t| t.id == id)
    }

    pub fn holder(&self, id: &str) -> Option<&Holder> {
        self.holders.iter().find(|h| h.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&SourceDoc> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The current id for a territory id that was renamed (e.g. when a unit was split).
    pub fn territory_alias(&self, old: &str) -> Option<&str> {
        self.territory_aliases.get(old).map(String::as_str)
    }

    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }

    /// The bundled data, parsed fresh. Its validity is proven by the test suite.
    pub fn bundled() -> Result<Catalog, Vec<DataError>> {
        Catalog::load(&BUNDLED)
    }

    /// The bundled data, parsed once per page and kept for its lifetime; should it ever be
    /// invalid, the caller shows the errors instead of a blank page.
    pub fn shared() -> Result<&'static Catalog, &'static [DataError]> {
        static CATALOG: std::sync::OnceLock<Result<Catalog, Vec<DataError>>> = std::sync::OnceLock::new();
        CATALOG.get_or_init(Catalog::bundled).as_ref().map_err(|e| e.as_slice())
    }

    /// Parses and validates all files, collecting every error found.
    pub fn load(raw: &RawData<'_>) -> Result<Catalog, Vec<DataError>> {
        let mut errors = Vec::new();
        let event_records: Vec<EventRecord> = parse_file(EVENTS_FILE, raw.events, &mut errors);
        let era_records: Vec<EraRecord> = parse_file(ERAS_FILE, raw.eras, &mut errors);
        let place_records: Vec<PlaceRecord> = parse_file(PLACES_FILE, raw.places, &mut errors);
        let feature_records: Vec<FeatureRecord> = parse_features(raw.territories, &mut errors);
        let holder_records: Vec<HolderRecord> = parse_file(HOLDERS_FILE, raw.holders, &mut errors);
        let sources: Vec<SourceDoc> = parse_file(SOURCES_FILE, raw.sources, &mut errors);
        let references: Vec<Reference> = parse_file(REFERENCES_FILE, raw.references, &mut errors);
        let aliases: Aliases = serde_json::from_str(raw.aliases).unwrap_or_else(|e| {
            errors.push(DataError { file: ALIASES_FILE, record: "(whole file)".into(), field: "-".into(), message: e.to_string() });
            Aliases::default()
        });
        if !errors.is_empty() {
            return Err(errors);
        }

        let mut v = Validator { errors: Vec::new(), references: HashSet::new(), seed_sections: HashMap::new() };
        v.references = v.unique_ids(REFERENCES_FILE, references.iter().map(|r| r.id.as_str())).into_iter().map(str::to_string).collect();
        for r in &references {
            for (field, value) in [("author", &r.author), ("title", &r.title), ("year", &r.year), ("publisher", &r.publisher)] {
                v.text(REFERENCES_FILE, &r.id, field, value);
            }
            if let Some(date) = &r.date {
                v.date(REFERENCES_FILE, &r.id, "date", date);
            }
            if r.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                v.err(REFERENCES_FILE, &r.id, "url", "must be an https:// address");
            }
        }
        let source_ids: HashSet<&str> = v.unique_ids(SOURCES_FILE, sources.iter().map(|s| s.id.as_str()));
        for s in &sources {
            v.text(SOURCES_FILE, &s.id, "title", &s.title);
            v.text(SOURCES_FILE, &s.id, "publisher", &s.publisher);
            v.text(SOURCES_FILE, &s.id, "licence", &s.licence);
            v.text(SOURCES_FILE, &s.id, "date", &s.date);
            if s.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                v.err(SOURCES_FILE, &s.id, "url", "must be an https:// address");
            }
            v.seed_sections.insert(s.id.clone(), s.sections.clone());
        }

        let places = v.places(place_records);
        let holders = v.holders(holder_records);
        let eras = v.eras(era_records, &source_ids);
        let place_ids: HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
        let territory_ids: HashSet<String> = feature_records.iter().map(|f| f.id.clone()).collect();
        let territory_ids: HashSet<&str> = territory_ids.iter().map(String::as_str).collect();
        let mut events = v.events(event_records, &eras, &places, &place_ids, &territory_ids, &source_ids);
        let event_ids: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let holder_ids: HashSet<&str> = holders.iter().map(|h| h.id.as_str()).collect();
        let territories = v.territories(feature_records, &event_ids, &holder_ids, &source_ids);
        for (old, new) in &aliases.territory {
            if territory_ids.contains(old.as_str()) {
                v.err(ALIASES_FILE, old, "territory", "an alias must not be a current territory id");
            }
            if !territory_ids.contains(new.as_str()) {
                v.err(ALIASES_FILE, old, "territory", format!("unknown territory '{new}' (not in {TERRITORIES_FILE})"));
            }
        }

        if !v.errors.is_empty() {
            return Err(v.errors);
        }
        events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let event_index = events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        Ok(Catalog { events, eras, places, territories, holders, sources, references, territory_aliases: aliases.territory, event_index })
    }
}

/// The field a serde error is about, where its message says: an unknown or missing field
/// names it, and a source entry of neither shape is in `sources`.
fn field_of(message: &str) -> String {
    let quoted = |prefix: &str| message.split(prefix).nth(1).and_then(|rest| rest.split('`').nth(1)).map(str::to_string);
    if let Some(f) = quoted("unknown field").or_else(|| quoted("missing field")) {
        return f;
    }
    if message.contains("enum SourceRef") {
        return "sources".into();
    }
    "-".into()
}

fn parse_file<T: for<'de> Deserialize<'de>>(file: &'static str, json: &str, errors: &mut Vec<DataError>) -> Vec<T> {
    // Parse record by record so an error names the record it is in.
    let values: Vec<serde_json::Value> = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            errors.push(DataError { file, record: "(whole file)".into(), field: "-".into(), message: format!("not a JSON array: {e}") });
            return Vec::new();
        }
    };
    values
        .into_iter()
        .enumerate()
        .filter_map(|(i, value)| {
            let record = value
                .get("id")
                .and_then(|id| id.as_str())
                .map(str::to_string)
                .unwrap_or_else(|| format!("#{}", i + 1));
            match serde_json::from_value(value) {
                Ok(r) => Some(r),
                Err(e) => {
                    let message = e.to_string();
                    errors.push(DataError { file, record, field: field_of(&message), message });
                    None
                }
            }
        })
        .collect()
}

/// The features of the territories FeatureCollection, parsed one by one.
fn parse_features(json: &str, errors: &mut Vec<DataError>) -> Vec<FeatureRecord> {
    let file = TERRITORIES_FILE;
    let whole = |message: String| DataError { file, record: "(whole file)".into(), field: "-".into(), message };
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            errors.push(whole(format!("not JSON: {e}")));
            return Vec::new();
        }
    };
    if value.get("type").and_then(|t| t.as_str()) != Some("FeatureCollection") {
        errors.push(whole("not a GeoJSON FeatureCollection".into()));
        return Vec::new();
    }
    let features = value.get("features").cloned().unwrap_or(serde_json::Value::Null);
    parse_file(file, &features.to_string(), errors)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Longest summary accepted: three sentences fit well within it.
const MAX_SUMMARY_CHARS: usize = 700;

struct Validator {
    errors: Vec<DataError>,
    /// The ids in `data/references.json`, which `sources` entries must name.
    references: HashSet<String>,
    /// Each seed's citable sections (from `data/sources.json`).
    seed_sections: HashMap<String, Vec<String>>,
}

impl Validator {
    fn err(&mut self, file: &'static str, record: &str, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(DataError { file, record: record.to_string(), field: field.into(), message: message.into() });
    }

    fn text(&mut self, file: &'static str, record: &str, field: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.err(file, record, field, "must not be empty");
        }
    }

    fn names(&mut self, file: &'static str, record: &str, names: &Names) {
        if let Some(ru) = &names.ru {
            self.text(file, record, "names.ru", ru);
            if !ru.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
                self.err(file, record, "names.ru", "the Russian form should be written in Cyrillic");
            }
        }
        if let Some(tr) = &names.tr {
            self.text(file, record, "names.tr", tr);
        }
    }

    /// Checks ids are unique and, except for source ids (file names), slugs.
    fn unique_ids<'a>(&mut self, file: &'static str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            if file != SOURCES_FILE && !is_slug(id) {
                self.err(file, id, "id", "ids are lowercase ASCII letters, digits and hyphens");
            }
            if !seen.insert(id) {
                self.err(file, id, "id", "duplicate id");
            }
        }
        seen
    }

    fn date(&mut self, file: &'static str, record: &str, field: &'static str, value: &str) -> Option<PartialDate> {
        match PartialDate::parse(value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(file, record, field, e.to_string());
                None
            }
        }
    }

    fn sources(&mut self, file: &'static str, record: &str, sources: &[SourceRef], known: &HashSet<&str>) {
        if sources.is_empty() {
            self.err(file, record, "sources", "every record must cite at least one source");
        }
        for s in sources {
            match s {
                SourceRef::Seed { seed, section } => {
                    if !known.contains(seed.as_str()) {
                        self.err(file, record, "sources", format!("unknown seed '{seed}' (not in {SOURCES_FILE})"));
                    }
                    self.text(file, record, "sources.section", section);
                    if let Some(sections) = self.seed_sections.get(seed.as_str()) {
                        if !sections.contains(section) {
                            self.err(file, record, "sources.section", format!("'{section}' is not a section of {seed} (see {SOURCES_FILE})"));
                        }
                    }
                }
                SourceRef::Reference { reference, at } => {
                    if !self.references.contains(reference.as_str()) {
                        self.err(file, record, "sources", format!("unknown reference '{reference}' (not in {REFERENCES_FILE})"));
                    }
                    if let Some(at) = at {
                        self.text(file, record, "sources.at", at);
                    }
                }
            }
        }
    }

    fn places(&mut self, records: Vec<PlaceRecord>) -> Vec<Place> {
        self.unique_ids(PLACES_FILE, records.iter().map(|r| r.id.as_str()));
        records
            .into_iter()
            .filter_map(|r| {
                self.text(PLACES_FILE, &r.id, "name", &r.name);
                let names = r.names.unwrap_or_default();
                self.names(PLACES_FILE, &r.id, &names);
                if !(-90.0..=90.0).contains(&r.lat) {
                    self.err(PLACES_FILE, &r.id, "lat", format!("{} is not a latitude", r.lat));
                }
                if !(-180.0..=180.0).contains(&r.lon) {
                    self.err(PLACES_FILE, &r.id, "lon", format!("{} is not a longitude", r.lon));
                }
                let kind = match r.kind.as_str() {
                    "city" => PlaceKind::City,
                    "site" => PlaceKind::Site,
                    "region" => PlaceKind::Region,
                    other => {
                        self.err(PLACES_FILE, &r.id, "kind", format!("'{other}' is not one of city, site, region"));
                        return None;
                    }
                };
                Some(Place { id: r.id, name: r.name, names, lat: r.lat, lon: r.lon, kind })
            })
            .collect()
    }

    fn holders(&mut self, records: Vec<HolderRecord>) -> Vec<Holder> {
        self.unique_ids(HOLDERS_FILE, records.iter().map(|r| r.id.as_str()));
        records
            .into_iter()
            .filter_map(|r| {
                self.text(HOLDERS_FILE, &r.id, "name", &r.name);
                if !r.colour.starts_with('#') || !matches!(r.colour.len(), 4 | 7) || !r.colour[1..].bytes().all(|b| b.is_ascii_hexdigit()) {
                    self.err(HOLDERS_FILE, &r.id, "colour", format!("'{}' is not a #rgb or #rrggbb colour", r.colour));
                }
                let side = match r.side.as_str() {
                    "russia" => Side::Russia,
                    "turkey" => Side::Turkey,
                    "other" => Side::Other,
                    other => {
                        self.err(HOLDERS_FILE, &r.id, "side", format!("'{other}' is not one of russia, turkey, other"));
                        return None;
                    }
                };
                Some(Holder { id: r.id, name: r.name, side, colour: r.colour, hatched: r.hatched })
            })
            .collect()
    }

    fn territories(
        &mut self,
        records: Vec<FeatureRecord>,
        events: &HashSet<&str>,
        holders: &HashSet<&str>,
        sources: &HashSet<&str>,
    ) -> Vec<Territory> {
        const F: &str = TERRITORIES_FILE;
        self.unique_ids(F, records.iter().map(|r| r.id.as_str()));
        let mut territories = Vec::new();
        for r in records {
            let (id, p) = (r.id.as_str(), &r.properties);
            if r.kind != "Feature" {
                self.err(F, id, "type", "must be \"Feature\"");
            }
            if p.id != r.id {
                self.err(F, id, "properties.id", format!("'{}' differs from the feature id", p.id));
            }
            self.text(F, id, "properties.name", &p.name);
            self.text(F, id, "properties.summary", &p.summary);
            self.text(F, id, "properties.precision", &p.precision);
            self.sources(F, id, &p.sources, sources);
            let names = p.names.clone().unwrap_or_default();
            self.names(F, id, &names);
            let mut history = Vec::new();
            for (i, period) in p.history.iter().enumerate() {
                let field = |name: &str| format!("properties.history[{i}].{name}");
                if !holders.contains(period.holder.as_str()) {
                    self.err(F, id, field("holder"), format!("unknown holder '{}' (not in {HOLDERS_FILE})", period.holder));
                }
                match &period.by {
                    Some(by) if !events.contains(by.as_str()) => {
                        self.err(F, id, field("by"), format!("unknown event '{by}' (not in {EVENTS_FILE})"));
                    }
                    None if i > 0 => self.err(F, id, field("by"), "every change of holder names the event that made it"),
                    _ => {}
                }
                if let Some(note) = &period.note {
                    self.text(F, id, field("note"), note);
                }
                let start = PartialDate::parse(&period.start).map_err(|e| self.err(F, id, field("start"), e.to_string())).ok();
                let end = match &period.end {
                    Some(e) => match PartialDate::parse(e) {
                        Ok(d) => Some(Some(d)),
                        Err(err) => {
                            self.err(F, id, field("end"), err.to_string());
                            None
                        }
                    },
                    None => Some(None),
                };
                if let (Some(start), Some(end)) = (start, end) {
                    history.push(Period { start, end, holder: period.holder.clone(), by: period.by.clone(), note: period.note.clone() });
                }
            }
            if history.len() == p.history.len() {
                if let Err((i, message)) = check_history(&history) {
                    self.err(F, id, format!("properties.history[{i}]"), message);
                }
            }
            let mut regime = Vec::new();
            for (i, step) in p.regime.iter().enumerate() {
                if !events.contains(step.by.as_str()) {
                    self.err(F, id, format!("properties.regime[{i}].by"), format!("unknown event '{}'", step.by));
                }
                self.text(F, id, format!("properties.regime[{i}].summary"), &step.summary);
                match PartialDate::parse(&step.date) {
                    Ok(date) => regime.push(RegimeStep { date, by: step.by.clone(), summary: step.summary.clone() }),
                    Err(e) => self.err(F, id, format!("properties.regime[{i}].date"), e.to_string()),
                }
            }
            let shape = match &r.geometry {
                GeometryRecord::Polygon { coordinates } => Shape { polygons: vec![Polygon { rings: coordinates.clone() }] },
                GeometryRecord::MultiPolygon { coordinates } => {
                    Shape { polygons: coordinates.iter().map(|rings| Polygon { rings: rings.clone() }).collect() }
                }
            };
            if let Err(e) = check_shape(&shape) {
                self.err(F, id, "geometry", e);
            }
            territories.push(Territory {
                id: r.id.clone(),
                name: p.name.clone(),
                names,
                summary: p.summary.clone(),
                precision: p.precision.clone(),
                sources: p.sources.clone(),
                history,
                regime,
                shape,
            });
        }
        territories
    }

    fn eras(&mut self, records: Vec<EraRecord>, sources: &HashSet<&str>) -> Vec<Era> {
        self.unique_ids(ERAS_FILE, records.iter().map(|r| r.id.as_str()));
        let mut eras = Vec::new();
        let count = records.len();
        for (i, r) in records.into_iter().enumerate() {
            self.text(ERAS_FILE, &r.id, "name", &r.name);
            self.text(ERAS_FILE, &r.id, "summary", &r.summary);
            self.sources(ERAS_FILE, &r.id, &r.sources, sources);
            let start = self.date(ERAS_FILE, &r.id, "start", &r.start);
            let end = r.end.as_deref().and_then(|e| self.date(ERAS_FILE, &r.id, "end", e));
            if r.end.is_none() && i + 1 != count {
                self.err(ERAS_FILE, &r.id, "end", "only the last era may run to the present");
            }
            let Some(start) = start else { continue };
            if let Some(end) = end {
                if end <= start {
                    self.err(ERAS_FILE, &r.id, "end", "the era must end after it starts");
                }
            }
            if let Some(prev) = eras.last() {
                let prev: &Era = prev;
                if prev.end != Some(start) {
                    self.err(ERAS_FILE, &r.id, "start", format!(
                        "eras must follow each other without gap or overlap: '{}' ends at {}, this one starts at {start}",
                        prev.id,
                        prev.end.map(|e| e.to_string()).unwrap_or_else(|| "the present".into())
                    ));
                }
            }
            eras.push(Era { id: r.id, name: r.name, start, end, summary: r.summary, sources: r.sources });
        }
        if eras.is_empty() {
            self.err(ERAS_FILE, "(whole file)", "-", "at least one era is needed");
        }
        eras
    }

    fn events(
        &mut self,
        records: Vec<EventRecord>,
        eras: &[Era],
        places: &[Place],
        place_ids: &HashSet<&str>,
        territory_ids: &HashSet<&str>,
        sources: &HashSet<&str>,
    ) -> Vec<Event> {
        self.unique_ids(EVENTS_FILE, records.iter().map(|r| r.id.as_str()));
        let mut events = Vec::new();
        for r in records {
            let id = r.id.as_str();
            self.text(EVENTS_FILE, id, "title", &r.title);
            self.text(EVENTS_FILE, id, "summary", &r.summary);
            if r.summary.chars().count() > MAX_SUMMARY_CHARS {
                self.err(EVENTS_FILE, id, "summary", format!("longer than {MAX_SUMMARY_CHARS} characters; keep it to 1–3 sentences"));
            }
            let names = r.names.unwrap_or_default();
            self.names(EVENTS_FILE, id, &names);
            self.sources(EVENTS_FILE, id, &r.sources, sources);
            let category = Category::from_id(&r.category);
            if category.is_none() {
                self.err(EVENTS_FILE, id, "category", format!(
                    "'{}' is not one of {}",
                    r.category,
                    Category::ALL.map(|c| c.id()).join(", ")
                ));
            }
            let tone = Tone::from_id(&r.tone);
            if tone.is_none() {
                self.err(EVENTS_FILE, id, "tone", format!("'{}' is not one of cooperation, tension, conflict", r.tone));
            }
            for p in &r.places {
                if !place_ids.contains(p.as_str()) {
                    self.err(EVENTS_FILE, id, "places", format!("unknown place '{p}' (not in {PLACES_FILE})"));
                }
            }
            for t in &r.territories {
                if !territory_ids.contains(t.as_str()) {
                    self.err(EVENTS_FILE, id, "territories", format!("unknown territory '{t}' (not in {TERRITORIES_FILE})"));
                }
            }
            let date = self.date(EVENTS_FILE, id, "date", &r.date);
            let end = r.end.as_deref().and_then(|e| self.date(EVENTS_FILE, id, "end", e));
            let date_os = r.date_os.as_deref().and_then(|e| self.date(EVENTS_FILE, id, "date_os", e));
            let Some(date) = date else { continue };
            if let Some(end) = end {
                if end.last_day() < date.first_day() {
                    self.err(EVENTS_FILE, id, "end", format!("{end} is before the start {date}"));
                }
            }
            if let Some(os) = date_os {
                if date >= RUSSIAN_CALENDAR_REFORM {
                    self.err(EVENTS_FILE, id, "date_os", "Old Style dates only apply before 14 February 1918");
                } else if !old_style_matches(&date, &os) {
                    self.err(EVENTS_FILE, id, "date_os", format!("{os} (Julian) is not the same day as {date} (Gregorian)"));
                }
            }
            let Some(era) = eras.iter().position(|e| e.contains(&date)) else {
                self.err(EVENTS_FILE, id, "date", format!("{date} falls outside every era in {ERAS_FILE}"));
                continue;
            };
            let (Some(category), Some(tone)) = (category, tone) else { continue };
            let place_names = r
                .places
                .iter()
                .filter_map(|p| places.iter().find(|pl| &pl.id == p))
                .map(|p| format!("{} {} {}", p.name, p.names.ru.as_deref().unwrap_or(""), p.names.tr.as_deref().unwrap_or("")));
            let search_text = fold(
                &[r.title.as_str(), r.summary.as_str(), names.ru.as_deref().unwrap_or(""), names.tr.as_deref().unwrap_or("")]
                    .into_iter()
                    .map(str::to_string)
                    .chain(place_names)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            events.push(Event {
                id: r.id,
                date,
                date_os,
                end,
                title: r.title,
                summary: r.summary,
                category,
                tone,
                places: r.places,
                territories: r.territories,
                names,
                sources: r.sources,
                era,
                search_text,
            });
        }
        events
    }
}

#[cfg(test)]
mod tests {
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
    const SOURCES: &str = r#"[{"id":"seed.txt","title":"T","publisher":"P","date":"2024","licence":"CC BY-SA 4.0","sections":["A"]}]"#;
    const REFERENCES: &str = r#"[{"id":"r","author":"A","title":"T","year":"1966","publisher":"P"}]"#;
    const ALIASES: &str = r#"{"territory":{"old-crimea":"crimea"}}"#;

    fn event(fields: &str) -> String {
        format!(
            r#"[{{"id":"e1","date":"1774-07-21","title":"T","summary":"S.","category":"treaty","tone":"conflict","places":["istanbul"],"sources":[{{"seed":"seed.txt","section":"A"}}]{fields}}}]"#
        )
    }

    fn load(events: &str) -> Result<Catalog, Vec<DataError>> {
        Catalog::load(&RawData { events, eras: ERAS, places: PLACES, territories: TERRITORIES, holders: HOLDERS, sources: SOURCES, references: REFERENCES, aliases: ALIASES })
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
            "treaty-of-constantinople-1700", "treaty-of-the-pruth-1711", "treaty-of-belgrade-1739",
            "treaty-of-kucuk-kaynarca-1774", "treaty-of-jassy-1792", "treaty-of-bucharest-1812",
            "akkerman-convention-1826", "treaty-of-adrianople-1829", "treaty-of-hunkar-iskelesi-1833",
            "london-straits-convention-1841", "treaty-of-paris-1856", "treaty-of-london-1871",
            "treaty-of-san-stefano-1878", "treaty-of-berlin-1878", "treaty-of-brest-litovsk-1918",
            "treaty-of-batum-1918", "treaty-of-alexandropol-1920", "treaty-of-moscow-1921",
            "treaty-of-kars-1921", "montreux-convention-1936",
        ];
        for id in treaties {
            let e = c.event(id).unwrap_or_else(|| panic!("missing treaty {id}"));
            assert_eq!(e.category, Category::Treaty, "{id}");
            assert!(e.names.ru.is_some() && e.names.tr.is_some(), "{id} needs its Russian and Turkish names");
        }
        let others = [
            "fall-of-constantinople-1453", "capture-of-azov-1696", "russian-annexation-of-crimea-1783",
            "crimean-war-1853-1856", "turkey-joins-nato-1952", "su-24-shootdown-2015",
            "assassination-of-andrei-karlov-2016", "s-400-delivery-2019", "montreux-straits-closure-2022",
            "black-sea-grain-initiative-2022", "mv-aya-strike-2024", "istanbul-talks-2025-05-16",
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
        assert!(bad("\"section\":\"A\"", "\"section\":\"B\"").contains("field 'sources.section': 'B' is not a section of seed.txt"));
        assert!(bad("{\"seed\":\"seed.txt\",\"section\":\"A\"}", "{\"ref\":\"nope\"}").contains("field 'sources': unknown reference 'nope'"));
        assert!(bad("{\"seed\":\"seed.txt\",\"section\":\"A\"}", "{\"reference\":\"Free text\"}").contains("field 'sources': data did not match"));
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
        let err = Catalog::load(&RawData { events: &event(""), eras: &eras, places: PLACES, territories: TERRITORIES, holders: HOLDERS, sources: SOURCES, references: REFERENCES, aliases: ALIASES })
            .unwrap_err();
        assert!(err[0].to_string().starts_with("data/eras.json: record 'new', field 'start'"), "{}", err[0]);
        let err = load("[{").unwrap_err();
        assert!(err[0].to_string().starts_with("data/events.json: record '(whole file)'"));
    }

    fn territory_error(from: &str, to: &str) -> String {
        let territories = TERRITORIES.replace(from, to);
        assert_ne!(territories, TERRITORIES, "{from} not in the fixture");
        let err = Catalog::load(&RawData { events: &event(""), eras: ERAS, places: PLACES, territories: &territories, holders: HOLDERS, sources: SOURCES, references: REFERENCES, aliases: ALIASES })
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
        assert!(territory_error("\"end\":\"1783\"", "\"end\":\"1780\"").contains("history[1]': starts at 1783 but the period before ends at 1780"));
        assert!(territory_error(",\"by\":\"e1\"", "").contains("names the event"));
        assert!(territory_error("[33,44],[36,45],[35,46]", "[33,44],[35,46],[36,45]").contains("field 'geometry': polygon 0, ring 0: an exterior ring must be counter-clockwise"));
        assert!(territory_error("\"FeatureCollection\"", "\"Feature\"").contains("not a GeoJSON FeatureCollection"));
    }

    #[test]
    fn old_style_only_before_the_reform() {
        let e = event(r#","date_os":"1918-02-20""#).replace("1774-07-21", "1918-03-05");
        assert!(first_error(&e).contains("only apply before"));
    }
}
