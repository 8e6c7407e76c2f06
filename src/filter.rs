//! Which events a view shows: era, category, free text and year range, all combined with AND.

use crate::data::{Catalog, Event};
use crate::text::fold;
use crate::view_state::ViewState;

/// A view's filters, prepared once for matching many events.
pub(crate) struct Filter<'a> {
    eras: Vec<usize>,
    state: &'a ViewState,
    words: Vec<String>,
}

impl<'a> Filter<'a> {
    pub(crate) fn new(state: &'a ViewState, catalog: &Catalog) -> Self {
        let eras = state.eras.iter().filter_map(|id| catalog.era(id).map(|(i, _)| i)).collect();
        let words = fold(&state.query).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        Filter { eras, state, words }
    }

    /// True when the event passes every filter. A span passes the year range if any of its
    /// years is inside it; an event belongs to the era it starts in.
    pub(crate) fn matches(&self, event: &Event) -> bool {
        (self.eras.is_empty() || self.eras.contains(&event.era))
            && (self.state.categories.is_empty() || self.state.categories.contains(&event.category))
            && self.state.from.is_none_or(|from| event.last_year() >= from)
            && self.state.to.is_none_or(|to| event.date.year <= to)
            && self.words.iter().all(|w| event.search_text.contains(w.as_str()))
            && self.state.territory.as_ref().is_none_or(|t| event.territories.contains(t))
            && self.state.place.as_ref().is_none_or(|p| event.places.contains(p))
    }
}

/// Indices into `catalog.events` of the events the view shows, in date order.
pub fn visible_events(state: &ViewState, catalog: &Catalog) -> Vec<usize> {
    let filter = Filter::new(state, catalog);
    catalog.events.iter().enumerate().filter(|(_, e)| filter.matches(e)).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Category;

    fn catalog() -> Catalog {
        Catalog::bundled().expect("bundled data is valid")
    }

    fn ids(state: &ViewState, c: &Catalog) -> Vec<String> {
        visible_events(state, c).into_iter().map(|i| c.events[i].id.clone()).collect()
    }

    #[test]
    fn no_filter_shows_everything_in_date_order() {
        let c = catalog();
        let all = visible_events(&ViewState::default(), &c);
        assert_eq!(all.len(), c.events.len());
        assert!(all.windows(2).all(|w| c.events[w[0]].date <= c.events[w[1]].date));
    }

    /// True when every word of `query`, folded, is in the event's searchable text.
    fn mentions(event: &Event, query: &str) -> bool {
        fold(query).split(' ').filter(|w| !w.is_empty()).all(|w| event.search_text.contains(w))
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let c = catalog();
        for q in ["kucuk kaynarca", "KÜÇÜK KAYNARCA", "Küçük", "Кючук"] {
            let found = visible_events(&ViewState::default().with_query(q), &c);
            assert!(found.iter().any(|&i| c.events[i].id.contains("kucuk-kaynarca")), "{q}: {found:?}");
            for &i in &found {
                assert!(mentions(&c.events[i], q), "{q}: {} does not mention it", c.events[i].id);
            }
            let missed: Vec<&str> = c
                .events
                .iter()
                .filter(|e| mentions(e, q))
                .map(|e| e.id.as_str())
                .filter(|id| !found.iter().any(|&i| c.events[i].id == *id))
                .collect();
            assert!(missed.is_empty(), "{q}: missed {missed:?}");
        }
        assert!(ids(&ViewState::default().with_query("zzzz no such thing"), &c).is_empty());
    }

    #[test]
    fn eras_and_categories_combine() {
        let c = catalog();
        let s = ViewState::default().toggle_era("empires", &c).toggle_category(Category::Treaty);
        let found = visible_events(&s, &c);
        assert!(!found.is_empty());
        for i in &found {
            let e = &c.events[*i];
            assert_eq!(c.eras[e.era].id, "empires");
            assert_eq!(e.category, Category::Treaty);
        }
        let expected: Vec<usize> = (0..c.events.len())
            .filter(|&i| c.eras[c.events[i].era].id == "empires" && c.events[i].category == Category::Treaty)
            .collect();
        assert_eq!(found, expected);
        // Two eras show the events of either, and nothing else.
        let both = visible_events(&ViewState::default().toggle_era("empires", &c).toggle_era("interwar", &c), &c);
        let either: Vec<usize> = (0..c.events.len())
            .filter(|&i| ["empires", "interwar"].contains(&c.eras[c.events[i].era].id.as_str()))
            .collect();
        assert_eq!(both, either);
        assert!(both.iter().any(|&i| c.eras[c.events[i].era].id == "interwar"));
        assert!(both.iter().any(|&i| c.eras[c.events[i].era].id == "empires"));
    }

    #[test]
    fn territory_and_place_keep_the_events_that_concern_them() {
        let c = catalog();
        let kars = ids(&ViewState::default().with_territory(Some("kars")), &c);
        assert!(kars.contains(&"treaty-of-berlin-1878".to_string()), "{kars:?}");
        assert!(kars.contains(&"treaty-of-kars-1921".to_string()), "{kars:?}");
        let concern: Vec<String> =
            c.events.iter().filter(|e| e.territories.iter().any(|t| t == "kars")).map(|e| e.id.clone()).collect();
        assert_eq!(kars, concern);
        assert!(!kars.contains(&"su-24-shootdown-2015".to_string()));
        let istanbul = visible_events(&ViewState::default().with_place(Some("istanbul")), &c);
        assert!(!istanbul.is_empty());
        let there: Vec<usize> =
            (0..c.events.len()).filter(|&i| c.events[i].places.iter().any(|p| p == "istanbul")).collect();
        assert_eq!(istanbul, there);
    }

    #[test]
    fn year_range_keeps_overlapping_spans() {
        let c = catalog();
        let s = ViewState::default().with_years(Some(1770), Some(1772), 2026);
        let found = ids(&s, &c);
        // The 1768–74 war overlaps 1770–72 although it starts before.
        assert!(found.iter().any(|id| id.starts_with("russo-turkish-war-1768")), "{found:?}");
        let overlapping: Vec<String> =
            c.events.iter().filter(|e| e.date.year <= 1772 && e.last_year() >= 1770).map(|e| e.id.clone()).collect();
        assert_eq!(found, overlapping);
    }

    #[test]
    fn every_filter_applies_at_once() {
        let c = catalog();
        let s = ViewState::default().toggle_category(Category::Treaty).with_years(Some(1700), Some(1900), 2026);
        let found = visible_events(&s, &c);
        assert!(!found.is_empty());
        let expected: Vec<usize> = (0..c.events.len())
            .filter(|&i| {
                let e = &c.events[i];
                e.category == Category::Treaty && e.date.year <= 1900 && e.last_year() >= 1700
            })
            .collect();
        assert_eq!(found, expected);
        let narrower = visible_events(&s.with_query("kars"), &c);
        assert!(!narrower.is_empty() && narrower.len() < found.len(), "{} of {}", narrower.len(), found.len());
        assert!(narrower.iter().all(|i| found.contains(i) && mentions(&c.events[*i], "kars")));
    }
}
