//! The detail of the selected event, or of the selected eras when no event is selected.

use leptos::prelude::*;

use super::event_list::source_label;
use super::state::ViewContext;
use crate::data::{Catalog, Event, Names};

fn names_view(names: &Names) -> impl IntoView {
    let ru = names.ru.clone().map(|n| view! { <p class="name" lang="ru"><abbr title="Russian">"RU"</abbr>" "{n}</p> });
    let tr = names.tr.clone().map(|n| view! { <p class="name" lang="tr"><abbr title="Turkish">"TR"</abbr>" "{n}</p> });
    view! { {ru} {tr} }
}

fn event_detail(event: &'static Event, catalog: &'static Catalog, hidden: bool) -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let places: Vec<String> = event.places.iter().filter_map(|p| catalog.place(p)).map(|p| p.name.clone()).collect();
    let territories: Vec<String> =
        event.territories.iter().filter_map(|t| catalog.territory(t)).map(|t| t.name.clone()).collect();
    let era = &catalog.eras[event.era];
    view! {
        <article class="detail" data-testid="detail" aria-labelledby="detail-title">
            <a class="close" href=move || ctx.href_for(|s| s.with_event(None)) data-noscroll aria-label="Close detail">"×"</a>
            <p class="detail-date">{event.date_label()}</p>
            <h2 id="detail-title">{event.title.clone()}</h2>
            {names_view(&event.names)}
            <div class="badges">
                <span class=format!("badge cat-{}", event.category.id())>{event.category.label()}</span>
                <span class=format!("badge tone tone-{}", event.tone.id())>{event.tone.label()}</span>
                <span class="badge era">{era.name.clone()}</span>
            </div>
            {hidden.then(|| view! { <p class="hidden-note">"This event is hidden by the current filters."</p> })}
            <p class="summary">{event.summary.clone()}</p>
            {(!places.is_empty()).then(|| view! { <p class="where"><strong>"Where: "</strong>{places.join(", ")}</p> })}
            {(!territories.is_empty()).then(|| view! { <p class="where"><strong>"Territories: "</strong>{territories.join(", ")}</p> })}
            <h3>"Sources"</h3>
            <ul class="detail-sources">
                {event.sources.iter().map(|s| view! { <li>{source_label(s, catalog)}</li> }).collect_view()}
            </ul>
        </article>
    }
}

/// The side panel.
#[component]
pub fn Detail() -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    move || {
        let selected = ctx.state.with(|s| s.event.clone()).and_then(|id| catalog.event_position(&id));
        match selected {
            Some(i) => {
                let hidden = !ctx.visible.with(|v| v.contains(&i));
                event_detail(&catalog.events[i], catalog, hidden).into_any()
            }
            None => {
                let eras = ctx.state.with(|s| s.eras.clone());
                let shown: Vec<_> = if eras.is_empty() {
                    catalog.eras.iter().collect()
                } else {
                    eras.iter().filter_map(|id| catalog.era(id).map(|(_, e)| e)).collect()
                };
                view! {
                    <aside class="detail intro" data-testid="detail-intro">
                        <p class="hint">"Select an event on the timeline or in the list to read its detail and sources."</p>
                        {shown
                            .into_iter()
                            .map(|era| view! {
                                <section class="era-note">
                                    <h3>{era.name.clone()}</h3>
                                    <p>{era.summary.clone()}</p>
                                </section>
                            })
                            .collect_view()}
                    </aside>
                }
                .into_any()
            }
        }
    }
}
