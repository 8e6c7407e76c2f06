//! Checks every parsed record and turns it into a domain type: ids are unique slugs, text is
//! not empty, dates parse and fall in range, every cross-reference resolves and every record
//! cites a source. Each problem becomes a [`DataError`] naming the file, record and field.
//! The territories file, with its histories and outlines, is checked in `territories`.

use std::collections::{HashMap, HashSet};

use super::model::{
    Category, Era, Event, Holder, Names, Place, PlaceKind, Reference, Side, SourceDoc, SourceRef, Tone,
};
use super::records::{
    DataError, EraRecord, EventRecord, HolderRecord, PlaceRecord, ALIASES_FILE, ERAS_FILE, EVENTS_FILE, HOLDERS_FILE,
    PLACES_FILE, REFERENCES_FILE, SOURCES_FILE, TERRITORIES_FILE,
};
use crate::date::{old_style_matches, PartialDate, RUSSIAN_CALENDAR_REFORM};
use crate::text::fold;

mod territories;

/// Longest summary accepted: three sentences fit well within it.
const MAX_SUMMARY_CHARS: usize = 700;

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Collects the problems found while checking the records of every file.
#[derive(Default)]
pub(crate) struct Validator {
    errors: Vec<DataError>,
    /// The ids in `data/references.json`, which `sources` entries must name.
    references: HashSet<String>,
    /// Each seed's citable sections (from `data/sources.json`).
    seed_sections: HashMap<String, Vec<String>>,
}

impl Validator {
    /// Every problem found, in the order found; `Ok` when there were none.
    pub(crate) fn finish(self) -> Result<(), Vec<DataError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }

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

    fn date(&mut self, file: &'static str, record: &str, field: &str, value: &str) -> Option<PartialDate> {
        PartialDate::parse(value).map_err(|e| self.err(file, record, field, e.to_string())).ok()
    }

    /// The value an id names in a closed vocabulary (an enum's `from_id`), or an error listing
    /// the ids accepted, in the order of the enum's `ALL`.
    fn one_of<T, const N: usize>(
        &mut self,
        (file, record, field): (&'static str, &str, &str),
        value: &str,
        from_id: fn(&str) -> Option<T>,
        ids: [&str; N],
    ) -> Option<T> {
        let found = from_id(value);
        if found.is_none() {
            self.err(file, record, field, format!("'{value}' is not one of {}", ids.join(", ")));
        }
        found
    }

    fn sources(&mut self, file: &'static str, record: &str, sources: &[SourceRef]) {
        if sources.is_empty() {
            self.err(file, record, "sources", "every record must cite at least one source");
        }
        for s in sources {
            match s {
                SourceRef::Seed { seed, section } => {
                    let known_section = self.seed_sections.get(seed.as_str()).map(|s| s.contains(section));
                    if known_section.is_none() {
                        self.err(file, record, "sources", format!("unknown seed '{seed}' (not in {SOURCES_FILE})"));
                    }
                    self.text(file, record, "sources.section", section);
                    if known_section == Some(false) {
                        let message = format!("'{section}' is not a section of {seed} (see {SOURCES_FILE})");
                        self.err(file, record, "sources.section", message);
                    }
                }
                SourceRef::Reference { reference, at } => {
                    if !self.references.contains(reference.as_str()) {
                        let message = format!("unknown reference '{reference}' (not in {REFERENCES_FILE})");
                        self.err(file, record, "sources", message);
                    }
                    if let Some(at) = at {
                        self.text(file, record, "sources.at", at);
                    }
                }
            }
        }
    }

    /// Checks the works in `data/references.json` and remembers their ids for `sources`.
    pub(crate) fn references(&mut self, references: &[Reference]) {
        let ids = self.unique_ids(REFERENCES_FILE, references.iter().map(|r| r.id.as_str()));
        self.references = ids.into_iter().map(str::to_string).collect();
        for r in references {
            for (field, value) in
                [("author", &r.author), ("title", &r.title), ("year", &r.year), ("publisher", &r.publisher)]
            {
                self.text(REFERENCES_FILE, &r.id, field, value);
            }
            if let Some(date) = &r.date {
                self.date(REFERENCES_FILE, &r.id, "date", date);
            }
            if r.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                self.err(REFERENCES_FILE, &r.id, "url", "must be an https:// address");
            }
        }
    }

    /// Checks the seed documents, remembers their sections, and returns their ids.
    /// Checks the seed documents and remembers each one's citable sections for `sources`.
    pub(crate) fn source_docs(&mut self, sources: &[SourceDoc]) {
        self.unique_ids(SOURCES_FILE, sources.iter().map(|s| s.id.as_str()));
        for s in sources {
            self.text(SOURCES_FILE, &s.id, "title", &s.title);
            self.text(SOURCES_FILE, &s.id, "publisher", &s.publisher);
            self.text(SOURCES_FILE, &s.id, "licence", &s.licence);
            self.text(SOURCES_FILE, &s.id, "date", &s.date);
            if s.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                self.err(SOURCES_FILE, &s.id, "url", "must be an https:// address");
            }
            self.seed_sections.insert(s.id.clone(), s.sections.clone());
        }
    }

    pub(crate) fn places(&mut self, records: Vec<PlaceRecord>) -> Vec<Place> {
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
                let ids = PlaceKind::ALL.map(PlaceKind::id);
                self.one_of((PLACES_FILE, &r.id, "kind"), &r.kind, PlaceKind::from_id, ids)?;
                Some(Place { id: r.id, name: r.name, names, lat: r.lat, lon: r.lon })
            })
            .collect()
    }

    pub(crate) fn holders(&mut self, records: Vec<HolderRecord>) -> Vec<Holder> {
        self.unique_ids(HOLDERS_FILE, records.iter().map(|r| r.id.as_str()));
        records
            .into_iter()
            .filter_map(|r| {
                self.text(HOLDERS_FILE, &r.id, "name", &r.name);
                let hex = r.colour.starts_with('#')
                    && matches!(r.colour.len(), 4 | 7)
                    && r.colour[1..].bytes().all(|b| b.is_ascii_hexdigit());
                if !hex {
                    self.err(HOLDERS_FILE, &r.id, "colour", format!("'{}' is not a #rgb or #rrggbb colour", r.colour));
                }
                let side =
                    self.one_of((HOLDERS_FILE, &r.id, "side"), &r.side, Side::from_id, Side::ALL.map(Side::id))?;
                Some(Holder { id: r.id, name: r.name, side, colour: r.colour, hatched: r.hatched })
            })
            .collect()
    }

    /// Checks that the renamed territory ids point at current ones and are not current themselves.
    pub(crate) fn aliases(&mut self, aliases: &HashMap<String, String>, territory_ids: &HashSet<&str>) {
        for (old, new) in aliases {
            if territory_ids.contains(old.as_str()) {
                self.err(ALIASES_FILE, old, "territory", "an alias must not be a current territory id");
            }
            if !territory_ids.contains(new.as_str()) {
                let message = format!("unknown territory '{new}' (not in {TERRITORIES_FILE})");
                self.err(ALIASES_FILE, old, "territory", message);
            }
        }
    }

    pub(crate) fn eras(&mut self, records: Vec<EraRecord>) -> Vec<Era> {
        self.unique_ids(ERAS_FILE, records.iter().map(|r| r.id.as_str()));
        let mut eras: Vec<Era> = Vec::new();
        let count = records.len();
        for (i, r) in records.into_iter().enumerate() {
            self.text(ERAS_FILE, &r.id, "name", &r.name);
            self.text(ERAS_FILE, &r.id, "summary", &r.summary);
            self.sources(ERAS_FILE, &r.id, &r.sources);
            let start = self.date(ERAS_FILE, &r.id, "start", &r.start);
            let end = r.end.as_deref().and_then(|e| self.date(ERAS_FILE, &r.id, "end", e));
            if r.end.is_none() && i + 1 != count {
                self.err(ERAS_FILE, &r.id, "end", "only the last era may run to the present");
            }
            let Some(start) = start else { continue };
            if end.is_some_and(|end| end <= start) {
                self.err(ERAS_FILE, &r.id, "end", "the era must end after it starts");
            }
            if let Some(prev) = eras.last() {
                if prev.end != Some(start) {
                    let message = format!(
                        "eras must follow each other without gap or overlap: '{}' ends at {}, this one starts at {start}",
                        prev.id,
                        prev.end.map(|e| e.to_string()).unwrap_or_else(|| "the present".into())
                    );
                    self.err(ERAS_FILE, &r.id, "start", message);
                }
            }
            eras.push(Era { id: r.id, name: r.name, start, end, summary: r.summary, sources: r.sources });
        }
        if eras.is_empty() {
            self.err(ERAS_FILE, "(whole file)", "-", "at least one era is needed");
        }
        eras
    }

    pub(crate) fn events(
        &mut self,
        records: Vec<EventRecord>,
        eras: &[Era],
        places: &[Place],
        place_ids: &HashSet<&str>,
        territory_ids: &HashSet<&str>,
    ) -> Vec<Event> {
        const F: &str = EVENTS_FILE;
        self.unique_ids(F, records.iter().map(|r| r.id.as_str()));
        let mut events = Vec::new();
        for r in records {
            let id = r.id.as_str();
            self.text(F, id, "title", &r.title);
            self.text(F, id, "summary", &r.summary);
            if r.summary.chars().count() > MAX_SUMMARY_CHARS {
                let message = format!("longer than {MAX_SUMMARY_CHARS} characters; keep it to 1–3 sentences");
                self.err(F, id, "summary", message);
            }
            let names = r.names.unwrap_or_default();
            self.names(F, id, &names);
            self.sources(F, id, &r.sources);
            let category =
                self.one_of((F, id, "category"), &r.category, Category::from_id, Category::ALL.map(Category::id));
            let tone = self.one_of((F, id, "tone"), &r.tone, Tone::from_id, Tone::ALL.map(Tone::id));
            for p in &r.places {
                if !place_ids.contains(p.as_str()) {
                    self.err(F, id, "places", format!("unknown place '{p}' (not in {PLACES_FILE})"));
                }
            }
            for t in &r.territories {
                if !territory_ids.contains(t.as_str()) {
                    self.err(F, id, "territories", format!("unknown territory '{t}' (not in {TERRITORIES_FILE})"));
                }
            }
            let date = self.date(F, id, "date", &r.date);
            let end = r.end.as_deref().and_then(|e| self.date(F, id, "end", e));
            let date_os = r.date_os.as_deref().and_then(|e| self.date(F, id, "date_os", e));
            let Some(date) = date else { continue };
            if let Some(end) = end.filter(|end| end.last_day() < date.first_day()) {
                self.err(F, id, "end", format!("{end} is before the start {date}"));
            }
            if let Some(os) = date_os {
                if date >= RUSSIAN_CALENDAR_REFORM {
                    self.err(F, id, "date_os", "Old Style dates only apply before 14 February 1918");
                } else if !old_style_matches(&date, &os) {
                    self.err(F, id, "date_os", format!("{os} (Julian) is not the same day as {date} (Gregorian)"));
                }
            }
            let Some(era) = eras.iter().position(|e| e.contains(&date)) else {
                self.err(F, id, "date", format!("{date} falls outside every era in {ERAS_FILE}"));
                continue;
            };
            let (Some(category), Some(tone)) = (category, tone) else { continue };
            let search_text = search_text([&r.title, &r.summary], &names, &r.places, places);
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

/// Title, summary, names and the names of the event's places, folded for search.
fn search_text([title, summary]: [&str; 2], names: &Names, place_ids: &[String], places: &[Place]) -> String {
    let place_names = place_ids
        .iter()
        .filter_map(|p| places.iter().find(|pl| &pl.id == p))
        .map(|p| format!("{} {} {}", p.name, p.names.ru.as_deref().unwrap_or(""), p.names.tr.as_deref().unwrap_or("")));
    fold(
        &[title, summary, names.ru.as_deref().unwrap_or(""), names.tr.as_deref().unwrap_or("")]
            .into_iter()
            .map(str::to_string)
            .chain(place_names)
            .collect::<Vec<_>>()
            .join(" "),
    )
}
