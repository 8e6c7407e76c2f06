//! The bundled data: JSON records from `data/` parsed once, validated, and turned into
//! typed values the rest of the app trusts. Validation errors name the file, record and field.
//!
//! - `records`: the files as written, and parsing them record by record;
//! - `model`: the domain types the app uses;
//! - `validate`: the checks that turn records into domain types;
//! - `catalog`: the bundled files, loaded and indexed.

mod catalog;
mod model;
mod records;
mod validate;

pub use catalog::Catalog;
pub(crate) use model::Place;
pub use model::{Category, Era, Event, Holder, Names, Period, RegimeStep, Side, SourceRef, Territory, Tone};
pub use records::DataError;

#[cfg(test)]
mod tests;
