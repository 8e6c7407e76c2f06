//! The detail of the selected event, or of the selected eras when no event is selected.

use leptos::prelude::*;

use super::event_list::source_item;
use super::state::ViewContext;
use crate::data::{Catalog, Event, Names};
use crate::sovereignty::{transfers, Territory, Transfer};

fn names_view(names: &Names) -> impl IntoView {
    let ru = names.ru.clone().map(|n| view! { <p class="name" lang="ru"><abbr title="Russian">"RU"</abbr>" "{n}</p> });
    let tr = names.tr.clone().map(|n| view! { <p class="name" lang="tr"><abbr title="Turkish">"TR"</abbr>" "{n}</p> });
    view! { {ru} {tr} }
}

fn event_detail(event: &'static Event, catalog: &'static Catalog, hidden: bool) -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let places = event
        .places
        .iter()
        .filter_map(|p| catalog.place(p))
        .map(|p| {
            let id = p.id.as_str();
            view! { <a href=move || ctx.href_for(|s| s.with_place(Some(id))) data-noscroll title="List the events here and show it on the map">{p.name.clone()}</a>" " }
        })
        .collect_view();
    let territories = event
        .territories
        .iter()
        .filter_map(|t| catalog.territory(t))
        .map(|t| {
            let id = t.id.as_str();
            view! { <a href=move || ctx.href_for(|s| s.with_territory(Some(id))) data-noscroll>{t.name.clone()}</a>" " }
        })
        .collect_view();
    let holder_name =
        |id: Option<&str>| id.and_then(|h| catalog.holder(h)).map(|h| h.name.clone()).unwrap_or_else(|| "—".into());
    let moved = transfers(&event.id, &catalog.territories)
        .into_iter()
        .map(|t| {
            let id = t.territory.id.as_str();
            view! {
                <li data-testid="transfer">
                    <a href=move || ctx.href_for(|s| s.with_territory(Some(id))) data-noscroll>{t.territory.name.clone()}</a>
                    ": " {transfer_text(&t, event, holder_name)}
                </li>
            }
        })
        .collect::<Vec<_>>();
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
            {(!event.places.is_empty()).then(|| view! { <p class="where"><strong>"Where: "</strong>{places}</p> })}
            {(!event.territories.is_empty()).then(|| view! { <p class="where"><strong>"Territories: "</strong>{territories}</p> })}
            {(!moved.is_empty()).then(|| view! {
                <h3>"Territories it moved"</h3>
                <ul class="transfers">{moved}</ul>
            })}
            <h3>"Sources"</h3>
            <ul class="detail-sources">
                {event.sources.iter().map(|s| source_item(s, catalog)).collect_view()}
            </ul>
        </article>
    }
}

/// "Ottoman Empire → Russian Empire", with the day it took effect when that is not the event's own.
fn transfer_text(t: &Transfer, event: &Event, holder_name: impl Fn(Option<&str>) -> String) -> String {
    let change = if t.before == Some(t.after) {
        format!("{}, confirmed", holder_name(Some(t.after)))
    } else {
        format!("{} → {}", holder_name(t.before), holder_name(Some(t.after)))
    };
    if t.start == event.date {
        change
    } else {
        format!("{change}, from {}", t.start.human())
    }
}

fn territory_detail(territory: &'static Territory, catalog: &'static Catalog) -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let periods = territory
        .history
        .iter()
        .map(|p| {
            let holder = catalog.holder(&p.holder);
            let colour = holder.map(|h| h.colour.clone()).unwrap_or_default();
            let name = holder.map(|h| h.name.clone()).unwrap_or_else(|| p.holder.clone());
            let side = holder.map(|h| h.side.label());
            let years = format!("{} – {}", p.start.human(), p.end.map(|e| e.human()).unwrap_or_else(|| "today".into()));
            let by = p.by.as_deref().and_then(|id| catalog.event(id)).map(|e| {
                let id = e.id.as_str();
                view! { <a class="by" href=move || ctx.href_for(|s| s.with_event(Some(id))) data-noscroll>{e.title.clone()}</a> }
            });
            view! {
                <li>
                    <span class="swatch" style:background=colour></span>
                    <span class="period-years">{years}</span>
                    <strong>{name}</strong>
                    {side.map(|side| view! { <span class="period-side">" (" {side} ")"</span> })}
                    {by.map(|b| view! { <span class="period-by">" — by "{b}</span> })}
                    {p.note.clone().map(|n| view! { <p class="period-note">{n}</p> })}
                </li>
            }
        })
        .collect_view();
    let regime = territory
        .regime
        .iter()
        .map(|step| {
            let link = catalog.event(&step.by).map(|e| {
                let id = e.id.as_str();
                view! { <a href=move || ctx.href_for(|s| s.with_event(Some(id))) data-noscroll>{e.title.clone()}</a> }
            });
            view! { <li><span class="period-years">{step.date.human()}</span>" " {link} <p class="period-note">{step.summary.clone()}</p></li> }
        })
        .collect::<Vec<_>>();
    view! {
        <article class="detail territory-detail" data-testid="territory-detail" aria-labelledby="territory-title">
            <a class="close" href=move || ctx.href_for(|s| s.with_territory(None)) data-noscroll aria-label="Close territory">"×"</a>
            <p class="detail-date">"Territory"</p>
            <h2 id="territory-title">{territory.name.clone()}</h2>
            {names_view(&territory.names)}
            <p class="summary">{territory.summary.clone()}</p>
            <h3>"Who held it"</h3>
            <ol class="periods">{periods}</ol>
            {(!regime.is_empty()).then(|| view! { <h3>"The Straits regime"</h3><ol class="periods regime">{regime}</ol> })}
            <p class="precision"><strong>"Outline: "</strong>{territory.precision.clone()}</p>
            <h3>"Sources"</h3>
            <ul class="detail-sources">
                {territory.sources.iter().map(|s| source_item(s, catalog)).collect_view()}
            </ul>
        </article>
    }
}

/// The side panel: the selected event and territory, or an introduction to the eras.
/// After a person selects an event or a territory, brings its detail into the viewport (on a
/// phone it is far below the list); when the selection is closed, goes back to where they were.
/// The first run (a deep link being opened) leaves the page where the browser put it.
fn keep_the_selection_in_view(ctx: ViewContext) {
    let before_selecting = StoredValue::new(None::<f64>);
    Effect::new(move |previous: Option<(Option<String>, Option<String>)>| {
        let now = (ctx.event.get(), ctx.territory.get());
        let Some(previous) = previous else { return now };
        let (was, is) = (previous.0.is_some() || previous.1.is_some(), now.0.is_some() || now.1.is_some());
        if is && previous != now {
            if !was {
                before_selecting.set_value(window().scroll_y().ok());
            }
            request_animation_frame(|| {
                let detail = document().query_selector(".side .detail:not(.intro)").ok().flatten();
                if let Some(detail) = detail {
                    let rect = detail.get_bounding_client_rect();
                    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
                    if rect.top() < 0.0 || rect.top() > height - 80.0 {
                        let options = web_sys::ScrollIntoViewOptions::new();
                        options.set_block(web_sys::ScrollLogicalPosition::Start);
                        detail.scroll_into_view_with_scroll_into_view_options(&options);
                    }
                }
            });
        } else if was && !is {
            if let Some(y) = before_selecting.get_value() {
                window().scroll_to_with_x_and_y(0.0, y);
            }
            before_selecting.set_value(None);
        }
        now
    });
}

#[component]
pub(crate) fn Detail() -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let eras = Memo::new(move |_| ctx.state.with(|s| s.eras.clone()));
    keep_the_selection_in_view(ctx);
    move || {
        let selected = ctx.event.get().and_then(|id| catalog.event_position(&id));
        let territory = ctx.territory.get().and_then(|id| catalog.territory(&id));
        match (selected, territory) {
            (Some(_), _) | (None, Some(_)) => {
                let event =
                    selected.map(|i| event_detail(&catalog.events[i], catalog, !ctx.visible.with(|v| v.contains(&i))));
                let territory = territory.map(|t| territory_detail(t, catalog));
                view! { {event} {territory} }.into_any()
            }
            (None, None) => {
                let eras = eras.get();
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
