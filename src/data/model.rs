//! The domain types the rest of the app trusts: events, eras, places, sources, and the
//! territories with their holders and histories. Every closed vocabulary is an enum with
//! `ALL`, `id` and `from_id`, so the data files, the URL and the error messages agree.

use serde::Deserialize;

use crate::date::PartialDate;
use crate::geo::Shape;

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
    pub const ALL: [Self; 6] =
        [Self::War, Self::Treaty, Self::Diplomacy, Self::Incident, Self::Economy, Self::Military];

    pub fn id(self) -> &'static str {
        match self {
            Self::War => "war",
            Self::Treaty => "treaty",
            Self::Diplomacy => "diplomacy",
            Self::Incident => "incident",
            Self::Economy => "economy",
            Self::Military => "military",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::War => "War",
            Self::Treaty => "Treaty",
            Self::Diplomacy => "Diplomacy",
            Self::Incident => "Incident",
            Self::Economy => "Economy & energy",
            Self::Military => "Military & arms",
        }
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
    pub const ALL: [Self; 3] = [Self::Cooperation, Self::Tension, Self::Conflict];

    pub fn id(self) -> &'static str {
        match self {
            Self::Cooperation => "cooperation",
            Self::Tension => "tension",
            Self::Conflict => "conflict",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Cooperation => "Cooperation",
            Self::Tension => "Tension",
            Self::Conflict => "Conflict",
        }
    }
}

/// What a place is (`kind` in `data/places.json`): a town, a site such as a battlefield or
/// fortress, or a wider area. The data files are checked against it; nothing shows it yet,
/// so [`Place`] does not keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    City,
    Site,
    Region,
}

impl PlaceKind {
    pub const ALL: [Self; 3] = [Self::City, Self::Site, Self::Region];

    pub fn id(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Site => "site",
            Self::Region => "region",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// Which side of the rivalry a holder belongs to; it sets the colour family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Russia,
    Turkey,
    Other,
}

impl Side {
    pub const ALL: [Self; 3] = [Self::Russia, Self::Turkey, Self::Other];

    pub fn id(self) -> &'static str {
        match self {
            Self::Russia => "russia",
            Self::Turkey => "turkey",
            Self::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Which side of the Russia–Turkey story a holder counts for, as the territory history says it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Russia => "Russian side",
            Self::Turkey => "Ottoman or Turkish side",
            Self::Other => "neither side",
        }
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
pub(crate) struct Reference {
    pub id: String,
    pub author: String,
    pub title: String,
    pub year: String,
    pub publisher: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A seed document or other source the data cites.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceDoc {
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
    /// Index into [`Catalog::eras`](crate::data::Catalog::eras) of the era the event starts in.
    pub era: usize,
    /// Title, summary, names and place names, folded for search.
    pub search_text: String,
}

impl Event {
    /// The year the event (or span) ends.
    pub(crate) fn last_year(&self) -> i32 {
        self.end.map(|e| e.year).unwrap_or(self.date.year)
    }

    pub(crate) fn start_position(&self) -> f64 {
        self.date.fractional_year()
    }

    pub(crate) fn end_position(&self) -> f64 {
        self.end.unwrap_or(self.date).fractional_year_end()
    }

    /// "21 July 1774 (10 July O.S.)" or "1768 – 1774".
    pub(crate) fn date_label(&self) -> String {
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
    pub(crate) fn contains(&self, date: &PartialDate) -> bool {
        date.within(&self.start, self.end.as_ref())
    }

    pub(crate) fn start_position(&self) -> f64 {
        self.start.fractional_year()
    }

    /// Exclusive end on the axis; the open era ends at `horizon`.
    pub(crate) fn end_position(&self, horizon: f64) -> f64 {
        self.end.map(|e| e.fractional_year()).unwrap_or(horizon)
    }
}

/// A place events happened at, drawn as a marker.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Place {
    pub id: String,
    pub name: String,
    pub names: Names,
    pub lat: f64,
    pub lon: f64,
}

/// A state that held a territory, as named at the time.
#[derive(Clone, Debug, PartialEq)]
pub struct Holder {
    pub id: String,
    pub name: String,
    pub side: Side,
    /// A CSS colour.
    pub colour: String,
    /// Drawn hatched: control that most states do not recognise (Crimea since 2014).
    pub hatched: bool,
}

/// One period of sovereignty, half-open: [start, end).
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub holder: String,
    /// The treaty or event that began the period (an event id).
    pub by: Option<String>,
    pub note: Option<String>,
}

/// A step in the regime of the Turkish Straits.
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeStep {
    pub date: PartialDate,
    pub by: String,
    pub summary: String,
}

/// A contested territory, its outline and its history. Who held it when is answered in
/// [`crate::sovereignty`].
#[derive(Clone, Debug, PartialEq)]
pub struct Territory {
    pub id: String,
    pub name: String,
    pub names: Names,
    pub summary: String,
    /// What the outline follows and how approximate it is.
    pub precision: String,
    pub sources: Vec<SourceRef>,
    /// Sorted, contiguous, non-overlapping; the last runs to the present.
    pub history: Vec<Period>,
    pub regime: Vec<RegimeStep>,
    pub shape: Shape,
}
