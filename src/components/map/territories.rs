//! The territory layer: each contested territory coloured by its holder at the map's moment,
//! hatched where most states do not recognise that control, outlined when the selected event
//! moved it, and labelled once it is wide enough on screen.

use leptos::prelude::*;

use super::NO_RECORD;
use crate::components::state::{History, ViewContext};
use crate::date::PartialDate;
use crate::map_layers::{label_fits, label_size, outline, short_name, Outline};
use crate::map_view::Frame;
use crate::projection::Lambert;
use crate::sovereignty::transfers;

/// One `<path>` per territory (with its hatching and label); selecting one toggles it.
#[component]
pub(crate) fn TerritoryLayer(
    /// The map's moment, which picks each territory's holder.
    date: Memo<PartialDate>,
    /// The frame shown, which sizes the labels.
    frame: Memo<Frame>,
    /// Projects the outlines (once, when the layer is built).
    projection: Lambert,
    /// True when a click only ends a drag and selects nothing.
    suppress_click: StoredValue<bool>,
) -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let moved = Memo::new(move |_| {
        ctx.event
            .get()
            .map(|id| transfers(&id, &catalog.territories).iter().map(|t| t.territory.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });

    let territories = catalog
        .territories
        .iter()
        .map(|t| {
            let Outline { d, label, width } = outline(t, &projection);
            let short_name = short_name(&t.name).to_string();
            let fits = {
                let short_name = short_name.clone();
                move || label_fits(width, &short_name, frame.get().width)
            };
            let id = t.id.as_str();
            let holder = move || date.with(|d| t.holder_at(d)).and_then(|h| catalog.holder(h));
            let fill = move || holder().map(|h| h.colour.clone()).unwrap_or_else(|| NO_RECORD.into());
            let hatched = move || holder().is_some_and(|h| h.hatched);
            let hatch_d = d.clone();
            let tooltip = move || {
                let who = holder().map(|h| h.name.clone()).unwrap_or_else(|| "no record".into());
                format!("{} — {} on {}", t.name, who, date.with(|d| d.human()))
            };
            let selected = move || ctx.state.with(|s| s.territory.as_deref() == Some(id));
            let select = move |_| {
                if suppress_click.get_value() {
                    return;
                }
                ctx.go(&ctx.state.with_untracked(|s| s.toggle_territory(id)), History::Push);
            };
            view! {
                <path
                    class="territory"
                    class:selected=selected
                    class:moved=move || moved.with(|m| m.iter().any(|x| x == id))
                    d=d
                    fill=fill
                    data-testid=format!("territory-{id}")
                    data-holder=move || holder().map(|h| h.id.clone()).unwrap_or_default()
                    on:click=select
                >
                    <title>{tooltip}</title>
                </path>
                <Show when=hatched>
                    <path class="hatch" d=hatch_d.clone() fill="url(#hatch)" />
                </Show>
                <Show when=fits>
                    <text
                        class="territory-label"
                        x=label.0
                        y=label.1
                        font-size=move || label_size(frame.get().width)
                    >
                        {short_name.clone()}
                    </text>
                </Show>
            }
        })
        .collect_view();

    view! { <g class="territories">{territories}</g> }
}
