//! The shared view context: the typed view parsed from the URL, the events it shows, and the
//! one way to change it (navigating to its canonical URL).

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::data::Catalog;
use crate::date::current_year;
use crate::filter::visible_events;
use crate::url;
use crate::view::View;
use crate::view_state::ViewState;

/// How a change of view enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum History {
    /// A deliberate step (an era, a category, an event): Back undoes it.
    Push,
    /// Typing and other continuous input: the current entry is rewritten.
    Replace,
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Provided by the atlas page to everything inside it.
#[derive(Clone, Copy)]
pub(crate) struct ViewContext {
    pub(crate) catalog: &'static Catalog,
    /// The view the URL asks for, canonicalised.
    pub(crate) state: Memo<ViewState>,
    /// What was ignored or corrected when the URL was read (empty for a clean URL).
    pub(crate) url_notices: Memo<Vec<String>>,
    /// Indices into `catalog.events` of the events passing the filters, in date order.
    pub(crate) visible: Memo<Vec<usize>>,
    /// The selected event's id: a narrow signal, so a change of map year does not redraw what depends on it.
    pub(crate) event: Memo<Option<String>>,
    /// The selected territory's id.
    pub(crate) territory: Memo<Option<String>>,
    /// The last year the timeline covers (the current year).
    pub(crate) last_year: i32,
    pathname: Memo<String>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl ViewContext {
    /// Builds the context from the router's location; call inside a `<Router>`.
    pub(crate) fn new(catalog: &'static Catalog) -> Self {
        let location = use_location();
        let navigate = use_navigate();
        let last_year = current_year();
        let parsed = Memo::new(move |_| location.search.with(|s| url::parse(s, catalog, last_year)));
        let state = Memo::new(move |_| parsed.with(|p| p.state.clone()));
        let url_notices = Memo::new(move |_| parsed.with(|p| p.notices.clone()));
        let visible = Memo::new(move |_| state.with(|s| visible_events(s, catalog)));
        let event = Memo::new(move |_| state.with(|s| s.event.clone()));
        let territory = Memo::new(move |_| state.with(|s| s.territory.clone()));
        ViewContext {
            catalog,
            state,
            url_notices,
            visible,
            event,
            territory,
            last_year,
            pathname: location.pathname,
            navigate: StoredValue::new_local(Box::new(navigate)),
        }
    }

    /// Reads the current view against the catalogue; reactive on the current view.
    pub(crate) fn with_view<T>(&self, read: impl FnOnce(View) -> T) -> T {
        self.state.with(|s| read(View::new(s, self.catalog, self.last_year)))
    }

    /// The link that opens `next` on this page (whatever sub-path the app is served from).
    pub(crate) fn href(&self, next: &ViewState) -> String {
        let query = match View::new(next, self.catalog, self.last_year).year_moved_inside() {
            Some(year) => next.with_year(Some(year), self.last_year).to_query(),
            None => next.to_query(),
        };
        let path = self.pathname.get_untracked();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    }

    /// The link for the view `change` makes of the current one; reactive on the current view.
    pub(crate) fn href_for(&self, change: impl FnOnce(&ViewState) -> ViewState) -> String {
        let next = self.state.with(change);
        self.href(&next)
    }

    /// Shows `next`, adding a history entry or replacing the current one.
    pub(crate) fn go(&self, next: &ViewState, history: History) {
        let href = self.href(next);
        let options = NavigateOptions {
            replace: history == History::Replace,
            scroll: false,
            resolve: false,
            ..Default::default()
        };
        self.navigate.with_value(|navigate| navigate(&href, options));
    }

    /// True when the URL is not already in canonical form.
    pub(crate) fn needs_canonical_url(&self, search: &str) -> bool {
        search.trim_start_matches('?') != self.state.with_untracked(|s| s.to_query())
    }
}
