//! The page: router, shared view context, and the layout of filters, axis, list and detail.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

use super::axis::Axis;
use super::detail::Detail;
use super::event_list::EventList;
use super::filters::Filters;
use super::map::AtlasMap;
use super::notices::Notices;
use super::state::{History, ViewContext};
use crate::data::{Catalog, DataError};
use crate::view_state::describe;

/// The whole app: the atlas when the bundled data is valid, otherwise the list of data errors.
#[component]
pub fn App() -> impl IntoView {
    match Catalog::shared() {
        Ok(catalog) => view! {
            <Router>
                <Atlas catalog/>
            </Router>
        }
        .into_any(),
        Err(errors) => view! { <DataErrors errors/> }.into_any(),
    }
}

/// Shown instead of a blank page if the bundled data ever fails validation.
#[component]
fn DataErrors(
    /// The validation errors, each naming file, record and field.
    errors: &'static [DataError],
) -> impl IntoView {
    view! {
        <main class="data-errors" role="alert">
            <h1>"Straitline could not load its data"</h1>
            <ul>{errors.iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}</ul>
        </main>
    }
}

/// The timeline page, driven entirely by the URL.
#[component]
fn Atlas(
    /// The validated data.
    catalog: &'static Catalog,
) -> impl IntoView {
    let ctx = ViewContext::new(catalog);
    provide_context(ctx);
    let location = use_location();
    let notices = RwSignal::new(Vec::<String>::new());

    // Keep what a bad URL asked for on screen, then rewrite the URL to its canonical form.
    Effect::new(move |_| {
        let search = location.search.get();
        let found = ctx.url_notices.get();
        if !found.is_empty() {
            notices.update(|shown| {
                for n in found {
                    if !shown.contains(&n) {
                        shown.push(n);
                    }
                }
            });
        }
        if ctx.needs_canonical_url(&search) {
            ctx.go(&ctx.state.get_untracked(), History::Replace);
        }
    });

    Effect::new(move |_| {
        let title = ctx.state.with(|s| describe(s, catalog));
        document().set_title(&title);
    });

    view! {
        <div class="app">
            <header class="masthead">
                <div>
                    <h1>
                        <a href=move || ctx.href(&Default::default()) data-noscroll>"Straitline"</a>
                    </h1>
                    <p class="tagline">"Russia and Turkey, from the fall of Constantinople to the Istanbul talks"</p>
                </div>
                <CopyLink/>
            </header>
            <Notices notices/>
            <Filters/>
            <Axis/>
            <div class="panes">
                <EventList/>
                <div class="side">
                    <AtlasMap/>
                    <Detail/>
                </div>
            </div>
            <footer class="footer">
                "Every summary is written for Straitline; each event names the sources its facts come from. "
                "Nothing is loaded from the network."
            </footer>
        </div>
    }
}

/// Copies the current URL, which reopens exactly this view.
#[component]
fn CopyLink() -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let copy = move |_| {
        let Ok(href) = window().location().href() else { return };
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&href);
        status.set(Some(href));
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy data-testid="copy-link">"Copy link"</button>
            <Show when=move || status.with(Option::is_some)>
                <span class="copy-status" role="status">
                    "Copied: "
                    <input readonly aria-label="Link to this view" prop:value=move || status.get().unwrap_or_default()/>
                </span>
            </Show>
        </div>
    }
}
