//! The catalogue: every data file bundled into the build, loaded once, and indexed for
//! lookups by id.

use std::collections::{HashMap, HashSet};

use super::model::{Era, Event, Holder, Place, Reference, SourceDoc, Territory};
use super::records::{
    parse_aliases, parse_features, parse_file, DataError, EraRecord, EventRecord, HolderRecord, PlaceRecord, ERAS_FILE,
    EVENTS_FILE, HOLDERS_FILE, PLACES_FILE, REFERENCES_FILE, SOURCES_FILE,
};
use super::validate::Validator;

/// The raw JSON of every data file, bundled into the build.
pub(crate) struct RawData<'a> {
    pub events: &'a str,
    pub eras: &'a str,
    pub places: &'a str,
    pub territories: &'a str,
    pub holders: &'a str,
    pub sources: &'a str,
    pub references: &'a str,
    pub aliases: &'a str,
}

pub(crate) const BUNDLED: RawData<'static> = RawData {
    events: include_str!("../../data/events.json"),
    eras: include_str!("../../data/eras.json"),
    places: include_str!("../../data/places.json"),
    territories: include_str!("../../data/territories.geojson"),
    holders: include_str!("../../data/holders.json"),
    sources: include_str!("../../data/sources.json"),
    references: include_str!("../../data/references.json"),
    aliases: include_str!("../../data/aliases.json"),
};

/// Everything the app shows, validated and indexed.
#[derive(Debug)]
pub struct Catalog {
    /// Sorted by date, then id.
    pub events: Vec<Event>,
    pub eras: Vec<Era>,
    pub(crate) places: Vec<Place>,
    pub territories: Vec<Territory>,
    pub(crate) holders: Vec<Holder>,
    pub(crate) sources: Vec<SourceDoc>,
    pub(crate) references: Vec<Reference>,
    /// Old territory ids and the ids they were renamed to, so that shared links keep working.
    territory_aliases: HashMap<String, String>,
    event_index: HashMap<String, usize>,
}

impl Catalog {
    pub(crate) fn event(&self, id: &str) -> Option<&Event> {
        self.event_index.get(id).map(|&i| &self.events[i])
    }

    pub(crate) fn event_position(&self, id: &str) -> Option<usize> {
        self.event_index.get(id).copied()
    }

    pub fn era(&self, id: &str) -> Option<(usize, &Era)> {
        self.eras.iter().enumerate().find(|(_, e)| e.id == id)
    }

    pub(crate) fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    pub(crate) fn territory(&self, id: &str) -> Option<&Territory> {
        self.territories.iter().find(|t| t.id == id)
    }

    pub(crate) fn holder(&self, id: &str) -> Option<&Holder> {
        self.holders.iter().find(|h| h.id == id)
    }

    pub(crate) fn source(&self, id: &str) -> Option<&SourceDoc> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The current id for a territory id that was renamed (e.g. when a unit was split).
    pub(crate) fn territory_alias(&self, old: &str) -> Option<&str> {
        self.territory_aliases.get(old).map(String::as_str)
    }

    pub(crate) fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }

    /// The bundled data, parsed fresh. Its validity is proven by the test suite.
    pub fn bundled() -> Result<Catalog, Vec<DataError>> {
        Catalog::load(&BUNDLED)
    }

    /// The bundled data, parsed once per page and kept for its lifetime; should it ever be
    /// invalid, the caller shows the errors instead of a blank page.
    pub(crate) fn shared() -> Result<&'static Catalog, &'static [DataError]> {
        static CATALOG: std::sync::OnceLock<Result<Catalog, Vec<DataError>>> = std::sync::OnceLock::new();
        CATALOG.get_or_init(Catalog::bundled).as_ref().map_err(|e| e.as_slice())
    }

    /// Parses and validates all files, collecting every error found.
    pub(crate) fn load(raw: &RawData<'_>) -> Result<Catalog, Vec<DataError>> {
        let mut errors = Vec::new();
        let event_records: Vec<EventRecord> = parse_file(EVENTS_FILE, raw.events, &mut errors);
        let era_records: Vec<EraRecord> = parse_file(ERAS_FILE, raw.eras, &mut errors);
        let place_records: Vec<PlaceRecord> = parse_file(PLACES_FILE, raw.places, &mut errors);
        let feature_records = parse_features(raw.territories, &mut errors);
        let holder_records: Vec<HolderRecord> = parse_file(HOLDERS_FILE, raw.holders, &mut errors);
        let sources: Vec<SourceDoc> = parse_file(SOURCES_FILE, raw.sources, &mut errors);
        let references: Vec<Reference> = parse_file(REFERENCES_FILE, raw.references, &mut errors);
        let aliases = parse_aliases(raw.aliases, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }

        // The order of the checks is the order of the errors reported.
        let mut v = Validator::default();
        v.references(&references);
        v.source_docs(&sources);
        let places = v.places(place_records);
        let holders = v.holders(holder_records);
        let eras = v.eras(era_records);
        let place_ids: HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
        let territory_ids: HashSet<String> = feature_records.iter().map(|f| f.id.clone()).collect();
        let territory_ids: HashSet<&str> = territory_ids.iter().map(String::as_str).collect();
        let mut events = v.events(event_records, &eras, &places, &place_ids, &territory_ids);
        let event_ids: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let holder_ids: HashSet<&str> = holders.iter().map(|h| h.id.as_str()).collect();
        let territories = v.territories(feature_records, &event_ids, &holder_ids);
        v.aliases(&aliases.territory, &territory_ids);
        v.finish()?;

        events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let event_index = events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let territory_aliases = aliases.territory;
        Ok(Catalog { events, eras, places, territories, holders, sources, references, territory_aliases, event_index })
    }
}
