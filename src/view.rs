//! A view state read against the catalogue: the years it covers, the year the map shows and
//! the page title. Everything here needs both the state and the data, so it lives on [`View`].

use crate::data::Catalog;
use crate::view_state::ViewState;

/// A view state together with what it is read against.
#[derive(Clone, Copy, Debug)]
pub(crate) struct View<'a> {
    pub(crate) state: &'a ViewState,
    pub(crate) catalog: &'a Catalog,
    /// The last year the timeline covers (the current year).
    pub(crate) last_year: i32,
}

impl<'a> View<'a> {
    pub(crate) fn new(state: &'a ViewState, catalog: &'a Catalog, last_year: i32) -> Self {
        View { state, catalog, last_year }
    }

    /// The end of the covered time, as a fractional year: the end of the last year.
    pub(crate) fn horizon(&self) -> f64 {
        self.last_year as f64 + 1.0
    }

    /// The span of years the view covers, as fractional years [start, end): the year range if
    /// set, else the selected eras, else everything up to the [`horizon`](Self::horizon). The
    /// axis and the map's year slider use it.
    pub(crate) fn year_domain(&self) -> (f64, f64) {
        let (state, catalog, horizon) = (self.state, self.catalog, self.horizon());
        let full = (catalog.eras[0].start_position(), horizon);
        let (mut start, mut end) = if state.eras.is_empty() {
            full
        } else {
            state.eras.iter().filter_map(|id| catalog.era(id)).fold((f64::MAX, f64::MIN), |(s, e), (_, era)| {
                (s.min(era.start_position()), e.max(era.end_position(horizon)))
            })
        };
        if let Some(from) = state.from {
            start = from as f64;
        }
        if let Some(to) = state.to {
            end = to as f64 + 1.0;
        }
        if end <= start {
            full
        } else {
            (start, end)
        }
    }

    /// The first and last whole years of the [`year_domain`](Self::year_domain).
    pub(crate) fn year_bounds(&self) -> (i32, i32) {
        let (start, end) = self.year_domain();
        (start.floor() as i32, ((end - 1e-6).floor() as i32).max(start.floor() as i32))
    }

    /// The year the map shows: the `year` parameter, else the selected event's year, else the
    /// last year in range; always inside the range the filters allow.
    pub(crate) fn map_year(&self) -> i32 {
        let (first, last) = self.year_bounds();
        let event_year = self.state.event.as_deref().and_then(|id| self.catalog.event(id)).map(|e| e.date.year);
        self.state.year.or(event_year).unwrap_or(last).clamp(first, last)
    }

    /// The page title: the selected event, else the filters, then the app's name.
    pub(crate) fn describe(&self) -> String {
        const NAME: &str = "Straitline";
        let (state, catalog) = (self.state, self.catalog);
        if let Some(event) = state.event.as_deref().and_then(|id| catalog.event(id)) {
            return format!("{} ({}) · {NAME}", event.title, event.date.year);
        }
        let mut parts: Vec<String> = Vec::new();
        let eras: Vec<&str> =
            state.eras.iter().filter_map(|id| catalog.era(id)).map(|(_, e)| e.name.as_str()).collect();
        if !eras.is_empty() {
            parts.push(eras.join(" + "));
        }
        if !state.categories.is_empty() {
            parts.push(state.categories.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "));
        }
        match (state.from, state.to) {
            (Some(f), Some(t)) => parts.push(format!("{f}–{t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("to {t}")),
            (None, None) => {}
        }
        if !state.query.is_empty() {
            parts.push(format!("“{}”", state.query));
        }
        if let Some(t) = state.territory.as_deref().and_then(|id| catalog.territory(id)) {
            parts.push(t.name.clone());
        }
        if let Some(p) = state.place.as_deref().and_then(|id| catalog.place(id)) {
            parts.push(p.name.clone());
        }
        if let Some(year) = state.year {
            parts.push(format!("map of {year}"));
        }
        if parts.is_empty() {
            format!("{NAME} · Russia–Turkey relations, 1453 to today")
        } else {
            format!("{} · {NAME}", parts.join(" · "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Category;

    const LAST: i32 = 2026;

    fn catalog() -> Catalog {
        Catalog::bundled().expect("bundled data is valid")
    }

    fn view<'a>(state: &'a ViewState, catalog: &'a Catalog) -> View<'a> {
        View::new(state, catalog, LAST)
    }

    #[test]
    fn the_year_domain_follows_years_then_eras() {
        let c = catalog();
        assert_eq!(view(&ViewState::default(), &c).year_domain(), (1453.0, 2027.0));
        let interwar = ViewState::default().toggle_era("interwar", &c);
        let (s, e) = view(&interwar, &c).year_domain();
        assert!((1918.8..1918.9).contains(&s) && (1939.6..1939.7).contains(&e), "{s} {e}");
        assert_eq!(view(&interwar, &c).year_bounds(), (1918, 1939));
        let years = interwar.with_years(Some(1920), Some(1930), LAST);
        assert_eq!(view(&years, &c).year_domain(), (1920.0, 1931.0));
        assert_eq!(view(&years, &c).year_bounds(), (1920, 1930));
        // Only `from` set: the range runs on to the end of the era.
        let from = interwar.with_years(Some(1930), None, LAST);
        assert_eq!(view(&from, &c).year_bounds(), (1930, 1939));
        // Two eras span from the first's start to the second's end.
        let both = interwar.toggle_era("empires", &c);
        let (start, end) = view(&both, &c).year_bounds();
        assert_eq!(end, 1939);
        assert!(start < 1918, "{start}");
    }

    #[test]
    fn a_single_year_range_covers_that_year() {
        let c = catalog();
        let s = ViewState::default().with_years(Some(1878), Some(1878), LAST);
        assert_eq!(view(&s, &c).year_domain(), (1878.0, 1879.0));
        assert_eq!(view(&s, &c).year_bounds(), (1878, 1878));
        assert_eq!(view(&s, &c).map_year(), 1878);
    }

    #[test]
    fn the_map_year_comes_from_the_year_then_the_event_then_the_range() {
        let c = catalog();
        assert_eq!(view(&ViewState::default(), &c).map_year(), LAST);
        let berlin = ViewState::default().with_event(Some("treaty-of-berlin-1878"));
        assert_eq!(view(&berlin, &c).map_year(), 1878);
        assert_eq!(view(&berlin.with_year(Some(1900), LAST), &c).map_year(), 1900);
        let interwar = ViewState::default().toggle_era("interwar", &c);
        assert_eq!(view(&interwar, &c).map_year(), 1939);
        assert_eq!(view(&interwar.with_year(Some(1880), LAST), &c).map_year(), 1918, "clamped to the era");
        // An event outside the range gives way to the range.
        let outside = berlin.toggle_era("interwar", &c);
        assert_eq!(view(&outside, &c).map_year(), 1918);
    }

    #[test]
    fn titles_describe_the_view() {
        let c = catalog();
        assert_eq!(view(&ViewState::default(), &c).describe(), "Straitline · Russia–Turkey relations, 1453 to today");
        let s = ViewState::default().toggle_era("interwar", &c).toggle_category(Category::Treaty).with_query("kars");
        assert_eq!(view(&s, &c).describe(), "Interwar friendship · Treaty · “kars” · Straitline");
        let e = &c.events[0];
        let selected = s.with_event(Some(&e.id));
        assert_eq!(view(&selected, &c).describe(), format!("{} ({}) · Straitline", e.title, e.date.year));
        let map = ViewState::default()
            .with_years(Some(1800), None, LAST)
            .with_territory(Some("kars"))
            .with_place(Some("istanbul"))
            .with_year(Some(1880), LAST);
        let (kars, istanbul) = (&c.territory("kars").unwrap().name, &c.place("istanbul").unwrap().name);
        assert_eq!(view(&map, &c).describe(), format!("from 1800 · {kars} · {istanbul} · map of 1880 · Straitline"));
        let to = ViewState::default().with_years(None, Some(1900), LAST);
        assert_eq!(view(&to, &c).describe(), "to 1900 · Straitline");
    }
}
