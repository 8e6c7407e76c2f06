//! The page: router, shared view context, and the layout of filters, axis, list and detail.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::axis::Axis;
use super::detail::Detail;
use super::event_list::EventList;
use super::filters::Filters;
use super::map::AtlasMap;
use super::notices::Notices;
use super::state::{History, ViewContext};
use crate::data::{Catalog, DataError};

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
        let title = ctx.with_view(|v| v.describe());
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
            <HowTo/>
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

/// The browser storage key that remembers the one-line help was dismissed.
const HOW_TO_DISMISSED: &str = "straitline-how-to-dismissed";

/// One line on how to use the page, until the person dismisses it (remembered in this browser;
/// it is not part of the view, so it stays out of the URL).
#[component]
fn HowTo() -> impl IntoView {
    let storage = window().local_storage().ok().flatten();
    let dismissed = RwSignal::new(storage.as_ref().and_then(|s| s.get_item(HOW_TO_DISMISSED).ok().flatten()).is_some());
    let dismiss = move |_| {
        if let Some(s) = &storage {
            let _ = s.set_item(HOW_TO_DISMISSED, "1");
        }
        dismissed.set(true);
    };
    view! {
        <Show when=move || !dismissed.get()>
            <p class="how-to" data-testid="how-to">
                "Filter by era, category, text or years; select an event on the timeline or in the list to read it and see the map on its day; drag, scroll or pinch the map, and select a territory for its history. Every view has its own link."
                <button type="button" class="how-to-close" aria-label="Dismiss this help" on:click=dismiss.clone() data-testid="how-to-close">
                    "×"
                </button>
            </p>
        </Show>
    }
}

/// What the last press of "Copy link" did, with the link it was for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Copy {
    /// The clipboard took the link.
    Copied(String),
    /// The clipboard is missing (plain http) or refused: the link is selected for the user to copy.
    ByHand(String),
}

/// The Clipboard API, if this page may use it (browsers leave it out on plain http).
fn clipboard() -> Option<web_sys::Clipboard> {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard")).ok()?;
    // `Reflect.get` on `undefined` fails, so a missing API ends here too.
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?;
    write.is_function().then(|| clipboard.unchecked_into())
}

/// Writes `text` to the clipboard; true only once the browser says it worked.
async fn write_to_clipboard(text: &str) -> bool {
    match clipboard() {
        Some(clipboard) => JsFuture::from(clipboard.write_text(text)).await.is_ok(),
        None => false,
    }
}

/// Copies the current URL, which reopens exactly this view. When the browser will not copy it,
/// the link is selected in a read-only field instead, with how to copy it.
#[component]
fn CopyLink() -> impl IntoView {
    let status = RwSignal::new(None::<Copy>);
    let field = NodeRef::<html::Input>::new();
    let copy = move |_| {
        let Ok(href) = window().location().href() else { return };
        spawn_local(async move {
            let done = if write_to_clipboard(&href).await { Copy::Copied(href) } else { Copy::ByHand(href) };
            status.try_set(Some(done));
        });
    };
    // Selecting text is DOM work: once the field shows a link to copy by hand, select it.
    Effect::new(move |_| {
        if let (Some(Copy::ByHand(_)), Some(input)) = (status.get(), field.get()) {
            let _ = input.focus();
            input.select();
        }
    });
    let label = move || match status.get() {
        Some(Copy::ByHand(_)) => "Press Ctrl+C (⌘C on a Mac) to copy the selected link: ",
        _ => "Copied: ",
    };
    let link = move || match status.get() {
        Some(Copy::Copied(href) | Copy::ByHand(href)) => href,
        None => String::new(),
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy data-testid="copy-link">"Copy link"</button>
            <Show when=move || status.with(Option::is_some)>
                <span class="copy-status" role="status">
                    {label}
                    <input node_ref=field readonly aria-label="Link to this view" prop:value=link/>
                </span>
            </Show>
        </div>
    }
}
