//! Checking the territories FeatureCollection: each feature's properties, its history of
//! holders, the Straits regime steps, and its outline.

use std::collections::HashSet;

use super::Validator;
use crate::data::model::{Period, RegimeStep, Territory};
use crate::data::records::{FeatureRecord, GeometryRecord, EVENTS_FILE, HOLDERS_FILE, TERRITORIES_FILE};
use crate::geo::{check_shape, Polygon, Shape};

impl Validator {
    pub(crate) fn territories(
        &mut self,
        records: Vec<FeatureRecord>,
        events: &HashSet<&str>,
        holders: &HashSet<&str>,
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
            self.sources(F, id, &p.sources);
            let names = p.names.clone().unwrap_or_default();
            self.names(F, id, &names);
            let mut history = Vec::new();
            for (i, period) in p.history.iter().enumerate() {
                let field = |name: &str| format!("properties.history[{i}].{name}");
                if !holders.contains(period.holder.as_str()) {
                    let message = format!("unknown holder '{}' (not in {HOLDERS_FILE})", period.holder);
                    self.err(F, id, field("holder"), message);
                }
                match &period.by {
                    Some(by) if !events.contains(by.as_str()) => {
                        self.err(F, id, field("by"), format!("unknown event '{by}' (not in {EVENTS_FILE})"));
                    }
                    None if i > 0 => {
                        self.err(F, id, field("by"), "every change of holder names the event that made it")
                    }
                    _ => {}
                }
                if let Some(note) = &period.note {
                    self.text(F, id, field("note"), note);
                }
                let start = self.date(F, id, &field("start"), &period.start);
                // `None` when the end does not parse; `Some(None)` when the period is open.
                let end = match &period.end {
                    Some(e) => self.date(F, id, &field("end"), e).map(Some),
                    None => Some(None),
                };
                if let (Some(start), Some(end)) = (start, end) {
                    let (holder, by, note) = (period.holder.clone(), period.by.clone(), period.note.clone());
                    history.push(Period { start, end, holder, by, note });
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
                if let Some(date) = self.date(F, id, &format!("properties.regime[{i}].date"), &step.date) {
                    regime.push(RegimeStep { date, by: step.by.clone(), summary: step.summary.clone() });
                }
            }
            let shape = match &r.geometry {
                GeometryRecord::Polygon { coordinates } => {
                    Shape { polygons: vec![Polygon { rings: coordinates.clone() }] }
                }
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
}

/// Checks a history: non-empty, each period ends after it starts, each begins where the last
/// ended, and only the last is open. Returns the index and a message for the first problem.
pub(crate) fn check_history(history: &[Period]) -> Result<(), (usize, String)> {
    if history.is_empty() {
        return Err((0, "a territory needs at least one period".into()));
    }
    for (i, p) in history.iter().enumerate() {
        match p.end {
            Some(end) if end.first_day() <= p.start.first_day() => {
                return Err((i, format!("ends ({end}) before it starts ({})", p.start)));
            }
            None if i + 1 != history.len() => {
                return Err((i, "only the last period may run to the present".into()));
            }
            _ => {}
        }
        if let Some(next) = history.get(i + 1) {
            if p.end != Some(next.start) {
                return Err((
                    i + 1,
                    format!(
                        "starts at {} but the period before ends at {}: periods must follow without gap or overlap",
                        next.start,
                        p.end.map(|e| e.to_string()).unwrap_or_else(|| "the present".into())
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn period(start: &str, end: Option<&str>, holder: &str) -> Period {
        Period {
            start: PartialDate::parse(start).unwrap(),
            end: end.map(|e| PartialDate::parse(e).unwrap()),
            holder: holder.into(),
            by: None,
            note: None,
        }
    }

    fn kars() -> Vec<Period> {
        vec![
            period("1580", Some("1878-07-13"), "ottoman-empire"),
            period("1878-07-13", Some("1918-03-03"), "russian-empire"),
            period("1918-03-03", None, "turkey"),
        ]
    }

    #[test]
    fn histories_must_be_contiguous() {
        let mut history = kars();
        assert_eq!(check_history(&history), Ok(()));
        history[1].start = PartialDate::parse("1878-07-14").unwrap();
        assert_eq!(check_history(&history).unwrap_err().0, 1);
        let mut history = kars();
        history[0].end = None;
        assert!(check_history(&history).unwrap_err().1.contains("only the last"));
        let mut history = kars();
        history[1].end = Some(PartialDate::parse("1800").unwrap());
        assert!(check_history(&history).unwrap_err().1.contains("before it starts"));
        assert!(check_history(&[]).is_err());
    }
}
