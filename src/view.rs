//! A view state read against the catalogue: the years it covers, the year the map shows and
//! the page title. Everything here needs both the state and the data, so it lives on [`View`].

use crate::data::Catalog;
use crate::date::PartialDate;
use crate::view_state::ViewState;

/// The moment the map shows: a day (or the end of a year), and the event it follows, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Moment {
    /// Holders are drawn as they stood on this date; a month or year means its last day
    /// for a `year` parameter, and its first for an event dated only to the month or year.
    pub(crate) date: PartialDate,
    /// The selected event whose day this is.
    pub(crate) event: Option<String>,
}

impl Moment {
    /// The caption under the map: which moment it shows.
    pub(crate) fn caption(&self, catalog: &Catalog) -> String {
        match self.event.as_deref().and_then(|id| catalog.event(id)) {
            Some(e) => format!("The map shows {}: {}.", e.date.human(), e.title),
            None => format!("The map shows the end of {}.", self.date.year),
        }
    }
}

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

    /// The year the map shows: the year of [`View::map_moment`].
    #[cfg(test)]
    pub(crate) fn map_year(&self) -> i32 {
        self.map_moment().date.year
    }

    /// The map year moved inside the years the filters show, when it is outside them, as the
    /// URL parser leaves it: links built from a transition (an era chosen while a year is set)
    /// are canonical, so following one raises no notice. `None` when the year is fine.
    pub(crate) fn year_moved_inside(&self) -> Option<i32> {
        let year = self.state.year?;
        let (first, last) = self.year_bounds();
        let inside = year.clamp(first, last);
        (inside != year).then_some(inside)
    }

    /// The moment the map shows. A `year` parameter shows the end of that year, inside the range
    /// the filters allow. Otherwise a selected event shows its own day, whatever the filters (so
    /// a treaty and the map beside it always agree); with neither, the end of the last year in range.
    pub(crate) fn map_moment(&self) -> Moment {
        let (first, last) = self.year_bounds();
        let event = self.state.event.as_deref().and_then(|id| self.catalog.event(id));
        match (self.state.year, event) {
            (Some(year), _) => Moment { date: PartialDate::ymd(year.clamp(first, last), 12, 31), event: None },
            (None, Some(e)) => Moment { date: e.date, event: Some(e.id.clone()) },
            (None, None) => Moment { date: PartialDate::ymd(last, 12, 31), event: None },
        }
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
        // A filter never moves the map away from the selected event (issue 11): Berlin selected
        // under the interwar era still shows 13 July 1878, not 1918.
        let outside = berlin.toggle_era("interwar", &c);
        assert_eq!(view(&outside, &c).map_year(), 1878);
    }

    #[test]
    fn the_map_shows_the_selected_events_day() {
        let c = catalog();
        let at = |id: &str| view(&ViewState::default().with_event(Some(id)), &c).map_moment();
        let (stefano, berlin) = (at("treaty-of-san-stefano-1878"), at("treaty-of-berlin-1878"));
        assert_eq!(stefano.date, PartialDate::ymd(1878, 3, 3));
        assert_eq!(berlin.date, PartialDate::ymd(1878, 7, 13));
        // San Stefano and Berlin no longer paint the same map: Kars changed hands at Berlin.
        let kars = c.territory("kars").unwrap();
        assert_eq!(kars.holder_at(&stefano.date), Some("ottoman-empire"));
        assert_eq!(kars.holder_at(&berlin.date), Some("russian-empire"));
        assert_eq!(berlin.caption(&c), "The map shows 13 July 1878: Congress and Treaty of Berlin.");
        let year = view(&ViewState::default().with_year(Some(1880), LAST), &c).map_moment();
        assert_eq!(
            (year.date, year.caption(&c)),
            (PartialDate::ymd(1880, 12, 31), "The map shows the end of 1880.".into())
        );
    }

    /// For every event that moved a territory on its own day, the map on that day shows the
    /// holder after it, and the detail's "before → after" (the same periods) agrees.
    #[test]
    fn every_treaty_and_its_map_agree() {
        let c = catalog();
        let mut checked = 0;
        for e in &c.events {
            let on_the_day = view(&ViewState::default().with_event(Some(&e.id)), &c).map_moment().date;
            let moved = crate::sovereignty::transfers(&e.id, &c.territories);
            for t in &c.territories {
                for (i, p) in t.history.iter().enumerate().filter(|(_, p)| p.by.as_deref() == Some(e.id.as_str())) {
                    let before = i.checked_sub(1).map(|j| t.history[j].holder.as_str());
                    let listed =
                        moved.iter().any(|m| m.territory.id == t.id && m.before == before && m.after == p.holder);
                    assert!(listed, "{} is missing from {}'s detail", t.id, e.id);
                    if p.start == e.date {
                        assert_eq!(t.holder_at(&on_the_day), Some(p.holder.as_str()), "{} on {}'s day", t.id, e.id);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "only {checked} same-day changes checked");
    }
}
