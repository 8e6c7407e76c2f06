//! Place markers: one per place named by a listed event (and the selected place, listed or
//! not). Places off the frame: the selected event's and the selected place get an arrow at the
//! edge pointing towards them; the others are counted in a note, so none is dropped silently.

use leptos::prelude::*;

use crate::components::state::{History, ViewContext};
use crate::data::Place;
use crate::map_layers::{events_per_place, off_frame_label, off_frame_note};
use crate::map_view::{edge_pointer, to_svg, Frame};
use crate::projection::Lambert;

/// The places to mark, each with the number of listed events that name it.
pub(crate) type PlacesShown = Memo<Vec<(&'static Place, usize)>>;

/// The places the listed events name, plus the selected place.
pub(crate) fn use_places_shown(ctx: ViewContext) -> PlacesShown {
    let catalog = ctx.catalog;
    Memo::new(move |_| {
        let visible = ctx.visible.get();
        let selected = ctx.state.with(|s| s.place.clone());
        let event_places = visible.iter().map(|&i| catalog.events[i].places.as_slice());
        events_per_place(event_places, selected.as_deref())
            .into_iter()
            .filter_map(|(id, count)| catalog.place(id).map(|p| (p, count)))
            .collect()
    })
}

/// The markers, inside the map's SVG; selecting one toggles it.
#[component]
pub(crate) fn PlaceMarkers(
    /// The places to mark.
    places: PlacesShown,
    /// The frame shown, which sizes the markers and tells which places are off it.
    frame: Memo<Frame>,
    /// Projects the places.
    projection: Lambert,
    /// True when a click only ends a drag and selects nothing.
    suppress_click: StoredValue<bool>,
) -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let markers = move || {
        let f = frame.get();
        let selected_place = ctx.state.with(|s| s.place.clone());
        let event_places: Vec<String> =
            ctx.event.get().and_then(|id| catalog.event(&id).map(|e| e.places.clone())).unwrap_or_default();
        let r = f.width / 220.0;
        places
            .get()
            .into_iter()
            .filter_map(|(place, count)| {
                let (x, y) = to_svg(&projection, place.lon, place.lat);
                let id = place.id.as_str();
                let is_selected = selected_place.as_deref() == Some(id);
                let in_event = event_places.iter().any(|p| p == id);
                let select = move |ev: leptos::ev::MouseEvent| {
                    ev.stop_propagation();
                    if suppress_click.get_value() {
                        return;
                    }
                    ctx.go(&ctx.state.with_untracked(|s| s.toggle_place(id)), History::Push);
                };
                let tooltip = format!(
                    "{}: {count} event{} listed — select to list only these",
                    place.name,
                    if count == 1 { "" } else { "s" }
                );
                match edge_pointer(&f, x, y, r * 3.0) {
                    None => Some(
                        view! {
                            <g
                                class="place"
                                class:selected=is_selected
                                class:in-event=in_event
                                data-testid=format!("place-{id}")
                                on:click=select
                            >
                                <title>{tooltip}</title>
                                <circle cx=x cy=y r=r * if in_event || is_selected { 1.6 } else { 1.0 } />
                                {(in_event || is_selected)
                                    .then(|| {
                                        view! {
                                            <text
                                                class="place-label"
                                                x=x + r * 2.0
                                                y=y + r * 0.8
                                                font-size=r * 3.2
                                            >
                                                {place.name.clone()}
                                            </text>
                                        }
                                    })}
                            </g>
                        }
                        .into_any(),
                    ),
                    Some((ex, ey, bearing)) if in_event || is_selected => {
                        let (label_y, anchor) = off_frame_label(&f, ex, ey, r);
                        let arrow =
                            format!("M{:.1} {:.1}l{:.1} {:.1}l0 {:.1}z", ex + r * 2.0, ey, -r * 3.0, -r * 1.5, r * 3.0);
                        Some(
                            view! {
                                <g
                                    class="place off-frame"
                                    class:selected=is_selected
                                    class:in-event=in_event
                                    data-testid=format!("place-{id}")
                                    on:click=select
                                >
                                    <title>{format!("{tooltip} (off the map: zoom out or pan)")}</title>
                                    <path d=arrow transform=format!("rotate({bearing:.1} {ex:.1} {ey:.1})") />
                                    <text
                                        class="place-label"
                                        x=ex
                                        y=label_y
                                        font-size=r * 3.2
                                        text-anchor=anchor
                                    >
                                        {format!("{} (off the map)", place.name)}
                                    </text>
                                </g>
                            }
                            .into_any(),
                        )
                    }
                    Some(_) => None,
                }
            })
            .collect_view()
    };
    view! { <g class="places">{markers}</g> }
}

/// The note under the map naming (in its tooltip) and counting the places off the frame.
#[component]
pub(crate) fn OffFrameNote(
    /// The places marked.
    places: PlacesShown,
    /// The frame shown.
    frame: Memo<Frame>,
    /// Projects the places.
    projection: Lambert,
) -> impl IntoView {
    move || {
        let f = frame.get();
        let names: Vec<&str> = places.with(|ps| {
            ps.iter()
                .filter(|(p, _)| {
                    let (x, y) = to_svg(&projection, p.lon, p.lat);
                    !f.contains(x, y)
                })
                .map(|(p, _)| p.name.as_str())
                .collect()
        });
        (!names.is_empty()).then(|| {
            view! {
                <p class="off-frame-note" title=names.join(", ") data-testid="off-frame">
                    {off_frame_note(names.len())}
                </p>
            }
        })
    }
}
