//! The map's legend: a swatch for each holder on the map at its moment, and one for territories
//! with no record yet.

use leptos::prelude::*;

use super::NO_RECORD;
use crate::components::state::ViewContext;
use crate::date::PartialDate;
use crate::map_layers::legend;

/// The legend list for the map's moment.
#[component]
pub(crate) fn Legend(
    /// The map's moment.
    date: Memo<PartialDate>,
) -> impl IntoView {
    let catalog = expect_context::<ViewContext>().catalog;
    let items = move || {
        let shown = date.with(|d| legend(catalog.territories.iter().map(|t| t.holder_at(d))));
        let holders = shown
            .holders
            .into_iter()
            .filter_map(|h| catalog.holder(h))
            .map(|h| {
                view! {
                    <li>
                        <span class="swatch" class:hatched=h.hatched style:background-color=h.colour.clone()></span>
                        {h.name.clone()}
                    </li>
                }
            })
            .collect_view();
        view! {
            {holders}
            {shown
                .no_record
                .then(|| {
                    view! {
                        <li>
                            <span class="swatch" style:background=NO_RECORD></span>
                            "No record in the data yet"
                        </li>
                    }
                })}
        }
    };
    view! {
        <ul class="legend" aria-label="Holders">
            {items}
            <li data-testid="legend-places">
                <span class="marker-swatch" aria-hidden="true"></span>
                "A place that events name: select it to keep only its events"
            </li>
        </ul>
    }
}
