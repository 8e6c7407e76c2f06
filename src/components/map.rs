//! The map of treaty territories: Natural Earth land, faint modern borders, each contested
//! territory coloured by its holder in the map's year, and a marker for each place the listed
//! events name. This file lays the map out; each part lives in `map/`, and all geometry comes
//! from [`crate::map_view`], [`crate::map_layers`], [`crate::gesture`] and [`crate::sovereignty`].

mod legend;
mod pan_zoom;
mod places;
mod territories;
mod year_controls;

use leptos::prelude::*;

use super::state::ViewContext;
use crate::basemap;
use crate::map_view::ASPECT;
use crate::projection::Lambert;
use crate::view::View;
use legend::Legend;
use pan_zoom::use_pan_zoom;
use places::{use_places_shown, OffFrameNote, PlaceMarkers};
use territories::TerritoryLayer;
use year_controls::YearControls;

/// Colour of a territory before its recorded history begins.
const NO_RECORD: &str = "#d5d2cb";

/// The map, its year controls and its legend. Pan and zoom by drag, wheel, pinch, keyboard
/// and buttons; the view and the year live in the URL.
#[component]
pub fn AtlasMap() -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let projection = Lambert::black_sea();
    let base = basemap::bundled();
    let map = use_pan_zoom(ctx, projection);
    let frame = map.frame;
    let moment = Memo::new(move |_| ctx.state.with(|s| View::new(s, catalog, ctx.last_year).map_moment()));
    let year = Memo::new(move |_| moment.with(|m| m.date.year));
    let date = Memo::new(move |_| moment.with(|m| m.date));
    let places = use_places_shown(ctx);
    let hatch_size = move || frame.get().width / 140.0;

    view! {
        <section class="map-panel" aria-label="Map of treaty territories">
            <YearControls year=year />
            <div class="map-wrap" style=format!("aspect-ratio: {ASPECT}")>
                <svg
                    node_ref=map.svg_ref
                    class="map"
                    viewBox=move || frame.get().view_box()
                    preserveAspectRatio="xMidYMid meet"
                    tabindex="0"
                    role="group"
                    aria-label="Map: drag or use the arrow keys to pan, the wheel, a pinch or + and − to zoom, 0 to reset"
                    data-testid="map"
                    on:pointerdown=move |ev| map.pointer_down(ev)
                    on:pointermove=move |ev| map.pointer_move(ev)
                    on:pointerup=move |ev| map.pointer_up(ev)
                    on:pointercancel=move |ev| map.pointer_up(ev)
                    on:wheel=move |ev| map.wheel(ev)
                    on:keydown=move |ev| map.key_down(ev)
                >
                    <defs>
                        // Stripes for holders whose control most states do not recognise.
                        <pattern
                            id="hatch"
                            patternUnits="userSpaceOnUse"
                            patternTransform="rotate(45)"
                            width=hatch_size
                            height=hatch_size
                        >
                            <rect class="hatch-stripe" width=move || hatch_size() * 0.4 height=hatch_size />
                        </pattern>
                    </defs>
                    <rect class="sea" x="-8000" y="-8000" width="16000" height="16000" />
                    <path class="land" d=base.land.clone() />
                    <TerritoryLayer date=date frame=frame projection=projection suppress_click=map.suppress_click />
                    <path class="borders" d=base.borders.clone() />
                    <PlaceMarkers places=places frame=frame projection=projection suppress_click=map.suppress_click />
                </svg>
                <div class="map-buttons">
                    <button
                        type="button"
                        on:click=move |_| map.zoom_centre(1.5)
                        aria-label="Zoom in"
                        data-testid="zoom-in"
                    >
                        "+"
                    </button>
                    <button
                        type="button"
                        on:click=move |_| map.zoom_centre(1.0 / 1.5)
                        aria-label="Zoom out"
                        data-testid="zoom-out"
                    >
                        "−"
                    </button>
                    <button
                        type="button"
                        on:click=move |_| map.reset()
                        aria-label="Reset the map view"
                        data-testid="zoom-reset"
                    >
                        "⟲"
                    </button>
                </div>
            </div>
            <OffFrameNote places=places frame=frame projection=projection />
            <p class="map-caption" data-testid="map-caption">{move || moment.with(|m| m.caption(catalog))}</p>
            <Legend date=date />
            <p class="map-credit">
                "Coasts and modern borders (faint): Natural Earth, public domain. Territory outlines are approximate; each states its precision."
            </p>
        </section>
    }
}
