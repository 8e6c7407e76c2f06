//! Which events a view shows: era, category, free text and year range, all combined with AND.

use crate::data::{Catalog, Event};
use crate::text::fold;
use crate::view_state::ViewState;

/// A view's filters, prepared once for matching many events.
pub struct Filter<'a> {
    eras: Vec<usize>,
    state: &'a ViewState,
    words: Vec<String>,
}

impl<'a> Filter<'a> {
    pub fn new(state: &'a ViewState, catalog: &Catalog) -> Self {
        let eras = state.eras.iter().filter_map(|id| catalog.era(id).map(|(i, _)| i)).collect();
        let words = fold(&state.query).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        Filter { eras, state, words }
    }

    /// True when the event passes every filter. A span passes the year range if any of its
    /// years is inside it; an event belongs to the era it starts in.
    pub fn matches(&self, event: &Event) -> bool {
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

    #[test]
    fn search_ignores_case_and_diacritics() {
        let c = catalog();
        for q in ["kucuk kaynarca", "KÜÇÜK KAYNARCA", "Küçük", "Кючук"] {
            let found = ids(&ViewState::default().with_query(q), &c);
            assert!(found.iter().any(|id| id.contains("kucuk-kaynarca")), "{q}: {found:?}");
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
        let both = ViewState::default().toggle_era("empires", &c).toggle_era("interwar", &c);
        let (a, b) = (
            visible_events(&ViewState::default().toggle_era("empires", &c), &c).len(),
            visible_events(&ViewState::default().toggle_era("interwar", &c), &c).len(),
        );
        assert_eq!(visible_events(&both, &c).len(), a + b);
    }

    #[test]
    fn territory_and_place_keep_the_events_that_concern_them() {
        let c = catalog();
        let kars = ids(&ViewState::default().with_territory(Some("kars")), &c);
        assert!(kars.contains(&"treaty-of-berlin-1878".to_string()) && kars.contains(&"treaty-of-kars-1921".to_string()), "{kars:?}");
        assert!(!kars.contains(&"su-24-shootdown-2015".to_string()));
        let istanbul = visible_events(&ViewState::default().with_place(Some("istanbul")), &c);
        assert!(!istanbul.is_empty());
        assert!(istanbul.iter().all(|&i| c.events[i].places.iter().any(|p| p == "istanbul")));
    }

    #[test]
    fn year_range_keeps_overlapping_spans() {
        let c = catalog();
        let s = ViewState::default().with_years(Some(1770), Some(1772), 2026);
        let found = ids(&s, &c);
        // The 1768–74 war overlaps 1770–72 although it starts before.
        assert!(found.iter().any(|id| id.starts_with("russo-turkish-war-1768")), "{found:?}");
        for i in visible_events(&s, &c) {
            let e = &c.events[i];
            assert!(e.date.year <= 1772 && e.last_year() >= 1770, "{}", e.id);
        }
    }
}
