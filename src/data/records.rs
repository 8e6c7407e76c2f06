//! The data files as written: their serde records, and parsing them record by record so that
//! a malformed record is reported with its file, id and field.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;

use super::model::{Names, SourceRef};
use crate::geo::Ring;

pub(crate) const EVENTS_FILE: &str = "data/events.json";
pub(crate) const ERAS_FILE: &str = "data/eras.json";
pub(crate) const PLACES_FILE: &str = "data/places.json";
pub(crate) const TERRITORIES_FILE: &str = "data/territories.geojson";
pub(crate) const HOLDERS_FILE: &str = "data/holders.json";
pub(crate) const SOURCES_FILE: &str = "data/sources.json";
pub(crate) const REFERENCES_FILE: &str = "data/references.json";
pub(crate) const ALIASES_FILE: &str = "data/aliases.json";

/// A problem in one record of one data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: &'static str,
    pub record: String,
    pub field: String,
    pub message: String,
}

impl DataError {
    /// A problem with a file as a whole, such as JSON that does not parse.
    pub(crate) fn whole_file(file: &'static str, message: String) -> DataError {
        DataError { file, record: "(whole file)".into(), field: "-".into(), message }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: record '{}', field '{}': {}", self.file, self.record, self.field, self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventRecord {
    pub id: String,
    pub date: String,
    pub date_os: Option<String>,
    pub end: Option<String>,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub tone: String,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub territories: Vec<String>,
    pub names: Option<Names>,
    pub sources: Vec<SourceRef>,
}

/// `data/aliases.json`: renamed ids, old to new, by kind.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Aliases {
    #[serde(default)]
    pub territory: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EraRecord {
    pub id: String,
    pub name: String,
    pub start: String,
    pub end: Option<String>,
    pub summary: String,
    pub sources: Vec<SourceRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceRecord {
    pub id: String,
    pub name: String,
    pub names: Option<Names>,
    pub lat: f64,
    pub lon: f64,
    pub kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeatureRecord {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    pub properties: TerritoryProperties,
    pub geometry: GeometryRecord,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TerritoryProperties {
    pub id: String,
    pub name: String,
    pub names: Option<Names>,
    pub summary: String,
    pub precision: String,
    pub sources: Vec<SourceRef>,
    pub history: Vec<PeriodRecord>,
    #[serde(default)]
    pub regime: Vec<RegimeRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeriodRecord {
    pub start: String,
    pub end: Option<String>,
    pub holder: String,
    pub by: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegimeRecord {
    pub date: String,
    pub by: String,
    pub summary: String,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
pub(crate) enum GeometryRecord {
    Polygon { coordinates: Vec<Ring> },
    MultiPolygon { coordinates: Vec<Vec<Ring>> },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HolderRecord {
    pub id: String,
    pub name: String,
    pub side: String,
    pub colour: String,
    #[serde(default)]
    pub hatched: bool,
}

/// The field a serde error is about, where its message says: an unknown or missing field
/// names it, and a source entry of neither shape is in `sources`.
fn field_of(message: &str) -> String {
    let quoted =
        |prefix: &str| message.split(prefix).nth(1).and_then(|rest| rest.split('`').nth(1)).map(str::to_string);
    if let Some(f) = quoted("unknown field").or_else(|| quoted("missing field")) {
        return f;
    }
    if message.contains("enum SourceRef") {
        return "sources".into();
    }
    "-".into()
}

/// The records of a JSON array, each parsed on its own so an error names the record it is in.
pub(crate) fn parse_file<T: for<'de> Deserialize<'de>>(
    file: &'static str,
    json: &str,
    errors: &mut Vec<DataError>,
) -> Vec<T> {
    let values: Vec<serde_json::Value> = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            errors.push(DataError::whole_file(file, format!("not a JSON array: {e}")));
            return Vec::new();
        }
    };
    values
        .into_iter()
        .enumerate()
        .filter_map(|(i, value)| {
            let record =
                value.get("id").and_then(|id| id.as_str()).map(str::to_string).unwrap_or_else(|| format!("#{}", i + 1));
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
pub(crate) fn parse_features(json: &str, errors: &mut Vec<DataError>) -> Vec<FeatureRecord> {
    let file = TERRITORIES_FILE;
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            errors.push(DataError::whole_file(file, format!("not JSON: {e}")));
            return Vec::new();
        }
    };
    if value.get("type").and_then(|t| t.as_str()) != Some("FeatureCollection") {
        errors.push(DataError::whole_file(file, "not a GeoJSON FeatureCollection".into()));
        return Vec::new();
    }
    let features = value.get("features").cloned().unwrap_or(serde_json::Value::Null);
    parse_file(file, &features.to_string(), errors)
}

/// The aliases file, an object rather than an array of records.
pub(crate) fn parse_aliases(json: &str, errors: &mut Vec<DataError>) -> Aliases {
    serde_json::from_str(json).unwrap_or_else(|e| {
        errors.push(DataError::whole_file(ALIASES_FILE, e.to_string()));
        Aliases::default()
    })
}
