//! The view as a value: everything a user can set, and the transitions between views. Its URL
//! form is in [`crate::url`]; what needs the catalogue to compute is on `crate::view::View`.

use crate::data::{Catalog, Category};
use crate::map_view::MapView;

/// Longest search text kept from a URL or the search box.
pub(crate) const MAX_QUERY_CHARS: usize = 100;
/// Earliest year the timeline covers.
pub(crate) const FIRST_YEAR: i32 = 1453;

/// Everything a user can set, in canonical form: eras and categories in catalogue order,
/// no duplicates, years inside the covered range with `from <= to`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Era ids, in the order of `data/eras.json`.
    pub(crate) eras: Vec<String>,
    /// Categories, in the order of [`Category::ALL`].
    pub(crate) categories: Vec<Category>,
    /// Free text as typed (trimmed); empty means no text filter.
    pub(crate) query: String,
    pub(crate) from: Option<i32>,
    pub(crate) to: Option<i32>,
    /// The selected event's id.
    pub(crate) event: Option<String>,
    /// The year the map shows; without it, the selected event's year or the end of the range.
    pub(crate) year: Option<i32>,
    /// The selected territory's id (also a filter).
    pub(crate) territory: Option<String>,
    /// The selected place's id (also a filter).
    pub(crate) place: Option<String>,
    /// The map view; `None` is the default frame.
    pub(crate) map: Option<MapView>,
}

impl ViewState {
    /// True when no filter is set (an event may still be selected).
    pub(crate) fn is_unfiltered(&self) -> bool {
        self.eras.is_empty()
            && self.categories.is_empty()
            && self.query.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.territory.is_none()
            && self.place.is_none()
    }

    /// The same view with every filter cleared; the selected event, year and map view stay.
    pub(crate) fn cleared(&self) -> ViewState {
        ViewState { event: self.event.clone(), year: self.year, map: self.map, ..ViewState::default() }
    }

    /// Selects an event (or none). The map's year then follows the event, so an explicit year is dropped.
    pub(crate) fn with_event(&self, event: Option<&str>) -> ViewState {
        ViewState {
            event: event.map(str::to_string),
            year: if event.is_some() { None } else { self.year },
            ..self.clone()
        }
    }

    /// Selects a territory (or none): its history shows and the timeline keeps its events.
    pub(crate) fn with_territory(&self, territory: Option<&str>) -> ViewState {
        ViewState { territory: territory.map(str::to_string), ..self.clone() }
    }

    /// Selects a place (or none).
    pub(crate) fn with_place(&self, place: Option<&str>) -> ViewState {
        ViewState { place: place.map(str::to_string), ..self.clone() }
    }

    /// Selects the event `id`, or clears the selection if it is already selected.
    pub(crate) fn toggle_event(&self, id: &str) -> ViewState {
        self.with_event(if self.event.as_deref() == Some(id) { None } else { Some(id) })
    }

    /// Selects the territory `id`, or clears it if it is already selected.
    pub(crate) fn toggle_territory(&self, id: &str) -> ViewState {
        self.with_territory(if self.territory.as_deref() == Some(id) { None } else { Some(id) })
    }

    /// Selects the place `id`, or clears it if it is already selected.
    pub(crate) fn toggle_place(&self, id: &str) -> ViewState {
        self.with_place(if self.place.as_deref() == Some(id) { None } else { Some(id) })
    }

    /// Sets the map's year, clamped to the covered years.
    pub(crate) fn with_year(&self, year: Option<i32>, last_year: i32) -> ViewState {
        ViewState { year: year.map(|y| y.clamp(FIRST_YEAR, last_year)), ..self.clone() }
    }

    pub(crate) fn with_map(&self, map: Option<MapView>) -> ViewState {
        ViewState { map, ..self.clone() }
    }

    /// The same view with `era` added or removed (and eras kept in catalogue order).
    pub(crate) fn toggle_era(&self, era: &str, catalog: &Catalog) -> ViewState {
        let mut next = self.clone();
        if let Some(i) = next.eras.iter().position(|e| e == era) {
            next.eras.remove(i);
        } else {
            next.eras.push(era.to_string());
            next.eras.sort_by_key(|e| catalog.era(e).map(|(i, _)| i));
        }
        next
    }

    /// The same view with `category` added or removed (and categories kept in their order).
    pub(crate) fn toggle_category(&self, category: Category) -> ViewState {
        let mut next = self.clone();
        if let Some(i) = next.categories.iter().position(|c| *c == category) {
            next.categories.remove(i);
        } else {
            next.categories.push(category);
            next.categories.sort();
        }
        next
    }

    /// Sets the search text, cleaned as [`clean_query`] does.
    pub(crate) fn with_query(&self, query: &str) -> ViewState {
        ViewState { query: clean_query(query).0, ..self.clone() }
    }

    /// What the search box shows: the text as typed while it still cleans to this view's query
    /// (so spaces being typed stay put), otherwise the query itself (after Back or "Clear all").
    pub(crate) fn search_box_text(&self, typed: Option<&str>) -> String {
        match typed {
            Some(typed) if clean_query(typed).0 == self.query => typed.to_string(),
            _ => self.query.clone(),
        }
    }

    /// Sets the year range, swapping a reversed pair and clamping to the covered years.
    pub(crate) fn with_years(&self, from: Option<i32>, to: Option<i32>, last_year: i32) -> ViewState {
        let clamp = |y: i32| y.clamp(FIRST_YEAR, last_year);
        let (mut from, mut to) = (from.map(clamp), to.map(clamp));
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                (from, to) = (Some(t), Some(f));
            }
        }
        ViewState { from, to, ..self.clone() }
    }
}

/// Trims, collapses inner whitespace and shortens to [`MAX_QUERY_CHARS`]; says whether it shortened.
pub(crate) fn clean_query(raw: &str) -> (String, bool) {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() > MAX_QUERY_CHARS {
        (collapsed.chars().take(MAX_QUERY_CHARS).collect::<String>().trim_end().to_string(), true)
    } else {
        (collapsed, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAST: i32 = 2026;

    fn catalog() -> Catalog {
        Catalog::bundled().expect("bundled data is valid")
    }

    #[test]
    fn toggles_keep_canonical_order() {
        let c = catalog();
        let s = ViewState::default().toggle_era("interwar", &c).toggle_era("empires", &c);
        assert_eq!(s.eras, ["empires", "interwar"]);
        assert_eq!(s.toggle_era("empires", &c).eras, ["interwar"]);
        let s = ViewState::default().toggle_category(Category::Military).toggle_category(Category::War);
        assert_eq!(s.categories, [Category::War, Category::Military]);
        assert_eq!(s.toggle_category(Category::War).categories, [Category::Military]);
        assert_eq!(s.cleared(), ViewState::default());
    }

    #[test]
    fn toggling_an_event_selects_it_then_clears_it() {
        let c = catalog();
        let (a, b) = (c.events[0].id.as_str(), c.events[1].id.as_str());
        let s = ViewState::default().with_year(Some(1900), LAST).toggle_event(a);
        assert_eq!((s.event.as_deref(), s.year), (Some(a), None), "the year follows the event");
        assert_eq!(s.toggle_event(b).event.as_deref(), Some(b), "another event replaces it");
        let off = s.toggle_event(a);
        assert_eq!(off.event, None);
        assert_eq!(off, ViewState { event: None, ..s.clone() }, "nothing else changes");
        assert_eq!(s.toggle_event(a), s.with_event(None));
    }

    #[test]
    fn toggling_a_territory_or_place_selects_it_then_clears_it() {
        let base = ViewState::default().with_query("treaty").with_year(Some(1880), LAST);
        let kars = base.toggle_territory("kars");
        assert_eq!(kars, ViewState { territory: Some("kars".into()), ..base.clone() });
        assert_eq!(kars.toggle_territory("batum").territory.as_deref(), Some("batum"));
        assert_eq!(kars.toggle_territory("kars"), base);
        let istanbul = kars.toggle_place("istanbul");
        assert_eq!(istanbul, ViewState { place: Some("istanbul".into()), ..kars.clone() });
        assert_eq!(istanbul.toggle_place("azov").place.as_deref(), Some("azov"));
        assert_eq!(istanbul.toggle_place("istanbul"), kars);
        // The two are independent: clearing one keeps the other.
        assert_eq!(istanbul.toggle_territory("kars").place.as_deref(), Some("istanbul"));
    }

    #[test]
    fn choosing_an_event_hands_the_year_to_it() {
        let c = catalog();
        let s = ViewState::default().with_year(Some(1900), LAST).with_event(Some(&c.events[3].id));
        assert_eq!(s.year, None);
        assert_eq!(s.with_event(None).year, None);
        let s = ViewState::default().with_year(Some(1900), LAST).with_territory(Some("kars")).cleared();
        assert_eq!((s.year, s.territory), (Some(1900), None));
    }

    #[test]
    fn years_are_clamped_and_put_in_order() {
        let s = ViewState::default().with_years(Some(1900), Some(1800), LAST);
        assert_eq!((s.from, s.to), (Some(1800), Some(1900)));
        let s = ViewState::default().with_years(Some(1000), Some(3000), LAST);
        assert_eq!((s.from, s.to), (Some(FIRST_YEAR), Some(LAST)));
        assert_eq!(ViewState::default().with_year(Some(1), LAST).year, Some(FIRST_YEAR));
        assert_eq!(ViewState::default().with_year(Some(9999), LAST).year, Some(LAST));
    }

    #[test]
    fn the_search_text_is_cleaned() {
        assert_eq!(ViewState::default().with_query("  küçük \t  kaynarca ").query, "küçük kaynarca");
        assert_eq!(clean_query(&"abc ".repeat(60)), ("abc ".repeat(25).trim_end().to_string(), true));
        assert_eq!(clean_query("x".repeat(MAX_QUERY_CHARS).as_str()), ("x".repeat(MAX_QUERY_CHARS), false));
    }

    #[test]
    fn the_search_box_keeps_what_is_typed_until_the_url_moves_on() {
        let s = ViewState::default().with_query("kars ");
        assert_eq!(s.search_box_text(Some("kars ")), "kars ", "a trailing space stays while typing");
        assert_eq!(s.search_box_text(Some("  kars")), "  kars");
        assert_eq!(s.search_box_text(None), "kars");
        assert_eq!(s.search_box_text(Some("batum")), "kars", "the URL wins over stale text");
        assert_eq!(s.cleared().search_box_text(Some("kars ")), "", "clearing empties the box");
        assert_eq!(ViewState::default().search_box_text(Some("   ")), "   ");
    }

    #[test]
    fn only_filters_count_as_filtered() {
        let c = catalog();
        let selected = ViewState::default().with_event(Some(&c.events[0].id)).with_year(Some(1900), LAST);
        assert!(selected.is_unfiltered());
        assert!(!selected.with_query("kars").is_unfiltered());
        assert!(!selected.toggle_territory("kars").is_unfiltered());
        assert!(!selected.toggle_place("istanbul").is_unfiltered());
        assert!(!selected.with_years(None, Some(1900), LAST).is_unfiltered());
        assert!(selected.toggle_place("istanbul").cleared().is_unfiltered());
    }
}
