//! The list of filtered events in date order, in step with the axis.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::state::ViewContext;
use crate::citation::{cite, Citation};
use crate::data::{Catalog, Event, SourceRef};

/// The source as a list item for the detail view: its citation, linked where it has an address.
/// (The list shows the same text without links, to keep its tab stops few.)
pub(crate) fn source_item(source: &SourceRef, catalog: &Catalog) -> impl IntoView {
    let Citation { text, href } = cite(source, catalog);
    view! {
        <li>
            {match href {
                Some(href) => view! { <a href=href rel="noopener" target="_blank">{text}</a> }.into_any(),
                None => text.into_any(),
            }}
        </li>
    }
}

/// Scrolls the list (not the page) so the selected entry is visible, once the DOM shows it.
fn scroll_to_event(id: String) {
    request_animation_frame(move || {
        let entry = document().get_element_by_id(&format!("event-{id}")).and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let list =
            document().query_selector(".event-list").ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let (Some(entry), Some(list)) = (entry, list) {
            let (top, bottom) = (entry.offset_top(), entry.offset_top() + entry.offset_height());
            let (view_top, view_bottom) = (list.scroll_top(), list.scroll_top() + list.client_height());
            if top < view_top || bottom > view_bottom {
                list.set_scroll_top((top - list.client_height() / 3).max(0));
            }
        }
    });
}

/// One entry: date, title, category, tone, summary and sources.
#[component]
fn EventItem(
    /// The event shown.
    event: &'static Event,
) -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let id = event.id.as_str();
    let selected = move || ctx.event.with(|e| e.as_deref() == Some(id));
    let href = move || ctx.href_for(|s| s.toggle_event(id));
    let sources = event.sources.iter().map(|s| view! { <li>{cite(s, ctx.catalog).text}</li> }).collect_view();
    view! {
        <li id=format!("event-{id}") class="event" class:selected=selected data-testid="event-item" data-id=id>
            <a class="event-link" href=href data-noscroll aria-current=move || selected().then_some("true")>
                <time datetime=event.date.to_string()>{event.date_label()}</time>
                <span class="event-title">{event.title.clone()}</span>
            </a>
            <div class="badges">
                <span class=format!("badge cat-{}", event.category.id())>{event.category.label()}</span>
                <span class=format!("badge tone tone-{}", event.tone.id())>{event.tone.label()}</span>
            </div>
            <p class="summary">{event.summary.clone()}</p>
            <details class="sources">
                <summary>{format!("Sources ({})", event.sources.len())}</summary>
                <ul>{sources}</ul>
            </details>
        </li>
    }
}

/// The filtered events, or a way out when nothing matches.
#[component]
pub(crate) fn EventList() -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;

    // A mark for the benchmark: navigation start to the first rendered list.
    Effect::new(move |first: Option<()>| {
        ctx.visible.track();
        if first.is_none() {
            if let Some(perf) = window().performance() {
                let _ = perf.mark("straitline:list-rendered");
            }
        }
    });
    Effect::new(move |_| {
        if let Some(id) = ctx.event.get() {
            scroll_to_event(id);
        }
    });

    view! {
        <section class="event-list" aria-label="Events">
            <Show
                when=move || ctx.visible.with(|v| !v.is_empty())
                fallback=move || view! {
                    <div class="empty" data-testid="empty">
                        <p>"No events match these filters."</p>
                        <a href=move || ctx.href_for(|s| s.cleared()) data-noscroll>"Clear the filters"</a>
                    </div>
                }
            >
                <ol class="events">
                    <For each=move || ctx.visible.get() key=|i| *i let:i>
                        <EventItem event=&catalog.events[i]/>
                    </For>
                </ol>
            </Show>
        </section>
    }
}
