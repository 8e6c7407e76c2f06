//! The map of treaty territories: Natural Earth land, faint modern borders, each contested
//! territory coloured by its holder in the map's year, and a marker for each place the
//! listed events name. Pan and zoom by drag, wheel, pinch, keyboard and buttons; all geometry
//! comes from [`crate::map_view`], [`crate::projection`] and [`crate::sovereignty`].

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::state::{History, ViewContext};
use crate::basemap::{self, push_path};
use crate::map_view::{default_view, edge_pointer, frame_for, pan, to_svg, zoom_about, Frame, ASPECT};
use crate::projection::Lambert;
use crate::sovereignty::{change_years, transfers};
use crate::view_state::{map_year, year_bounds, MapView};

/// Colour of a territory before its recorded history begins.
const NO_RECORD: &str = "#d5d2cb";

/// An active pan or pinch: where it started and which pointers are down.
#[derive(Clone, Default)]
struct Gesture {
    start_view: Option<MapView>,
    start: Vec<(i32, f64, f64)>,
    now: Vec<(i32, f64, f64)>,
    moved: bool,
}

/// Converts a client (CSS pixel) point to SVG coordinates for the frame shown.
fn client_to_svg(svg: &Element, frame: &Frame, cx: f64, cy: f64) -> (f64, f64) {
    let rect = svg.get_bounding_client_rect();
    let scale = (rect.width() / frame.width).min(rect.height() / frame.height).max(1e-9);
    let ox = (rect.width() - frame.width * scale) / 2.0;
    let oy = (rect.height() - frame.height * scale) / 2.0;
    (frame.x + (cx - rect.left() - ox) / scale, frame.y + (cy - rect.top() - oy) / scale)
}

fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

/// The map, its year controls and its legend.
#[component]
pub fn AtlasMap() -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let projection = Lambert::black_sea();
    let base = basemap::bundled();
    let home = default_view(&projection);

    // The shown view follows the URL; gestures move it live and write it back when they end.
    let view = RwSignal::new(ctx.state.with_untracked(|s| s.map).unwrap_or(home));
    Effect::new(move |_| {
        let from_url = ctx.state.with(|s| s.map).unwrap_or(home);
        if view.get_untracked() != from_url {
            view.set(from_url);
        }
    });
    let frame = Memo::new(move |_| frame_for(&view.get(), &projection));
    let commit = move |v: MapView| {
        view.set(v);
        let next = ctx.state.with_untracked(|s| s.with_map(if v == home { None } else { Some(v) }));
        ctx.go(&next, History::Replace);
    };

    let year = Memo::new(move |_| ctx.state.with(|s| map_year(s, catalog, ctx.last_year)));
    let bounds = Memo::new(move |_| ctx.state.with(|s| year_bounds(s, catalog, ctx.last_year)));
    let set_year = move |y: i32| {
        let (first, last) = bounds.get_untracked();
        ctx.go(&ctx.state.with_untracked(|s| s.with_year(Some(y.clamp(first, last)), ctx.last_year)), History::Replace);
    };
    let moved = Memo::new(move |_| {
        ctx.event.get().map(|id| transfers(&id, &catalog.territories).iter().map(|t| t.territory.id.clone()).collect::<Vec<_>>()).unwrap_or_default()
    });

    // Territory outlines are projected once, with the width of each outline for its label.
    let territory_paths: Vec<(usize, String, (f64, f64), f64)> = catalog
        .territories
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = String::new();
            let (mut x0, mut x1) = (f64::MAX, f64::MIN);
            for ring in t.shape.polygons.iter().flat_map(|p| p.rings.iter()) {
                push_path(&mut d, ring, &projection, true);
                for p in ring {
                    let (x, _) = to_svg(&projection, p[0], p[1]);
                    (x0, x1) = (x0.min(x), x1.max(x));
                }
            }
            let label = t.shape.label_point().map(|[lon, lat]| to_svg(&projection, lon, lat)).unwrap_or_default();
            (i, d, label, x1 - x0)
        })
        .collect();

    let gesture = StoredValue::new(Gesture::default());
    let suppress_click = StoredValue::new(false);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();

    let restart = move |g: &mut Gesture| {
        g.start_view = Some(view.get_untracked());
        g.start = g.now.clone();
    };
    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        suppress_click.set_value(false);
        if let Some(svg) = svg_ref.get_untracked() {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
        gesture.update_value(|g| {
            g.now.retain(|p| p.0 != ev.pointer_id());
            g.now.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64));
            if g.now.len() == 1 {
                g.moved = false;
            }
            restart(g);
        });
    };
    let on_pointermove = move |ev: leptos::ev::PointerEvent| {
        let Some(svg) = svg_ref.get_untracked() else { return };
        let next = gesture.try_update_value(|g| {
            let p = g.now.iter_mut().find(|p| p.0 == ev.pointer_id())?;
            (p.1, p.2) = (ev.client_x() as f64, ev.client_y() as f64);
            let start_view = g.start_view?;
            let start_frame = frame_for(&start_view, &projection);
            let to_svg_start = |x: f64, y: f64| client_to_svg(&svg, &start_frame, x, y);
            match (&g.start[..], &g.now[..]) {
                ([a], [b]) => {
                    if (b.1 - a.1).hypot(b.2 - a.2) > 4.0 {
                        g.moved = true;
                    }
                    let (x0, y0) = to_svg_start(a.1, a.2);
                    let (x1, y1) = to_svg_start(b.1, b.2);
                    Some(pan(&start_view, x0 - x1, y0 - y1, &projection))
                }
                ([a0, a1], [b0, b1]) => {
                    g.moved = true;
                    let d0 = (a1.1 - a0.1).hypot(a1.2 - a0.2).max(1.0);
                    let d1 = (b1.1 - b0.1).hypot(b1.2 - b0.2).max(1.0);
                    let mid0 = to_svg_start((a0.1 + a1.1) / 2.0, (a0.2 + a1.2) / 2.0);
                    let mid1 = to_svg_start((b0.1 + b1.1) / 2.0, (b0.2 + b1.2) / 2.0);
                    let zoomed = zoom_about(&start_view, d1 / d0, mid0, &projection);
                    let scale = zoomed.zoom() / start_view.zoom();
                    Some(pan(&zoomed, (mid0.0 - mid1.0) / scale, (mid0.1 - mid1.1) / scale, &projection))
                }
                _ => None,
            }
        });
        if let Some(Some(v)) = next {
            view.set(v);
        }
    };
    let on_pointerup = move |ev: leptos::ev::PointerEvent| {
        let finished = gesture.try_update_value(|g| {
            g.now.retain(|p| p.0 != ev.pointer_id());
            restart(g);
            g.now.is_empty().then_some(g.moved)
        });
        if let Some(Some(moved)) = finished {
            if moved {
                suppress_click.set_value(true);
                commit(view.get_untracked());
            }
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else { return };
        let anchor = client_to_svg(&svg, &frame.get_untracked(), ev.client_x() as f64, ev.client_y() as f64);
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        commit(zoom_about(&view.get_untracked(), factor, anchor, &projection));
    };
    let zoom_centre = move |factor: f64| {
        let f = frame.get_untracked();
        commit(zoom_about(&view.get_untracked(), factor, f.centre(), &projection));
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let f = frame.get_untracked();
        let step = (f.width * 0.15, f.height * 0.15);
        let v = view.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowLeft" => pan(&v, -step.0, 0.0, &projection),
            "ArrowRight" => pan(&v, step.0, 0.0, &projection),
            "ArrowUp" => pan(&v, 0.0, -step.1, &projection),
            "ArrowDown" => pan(&v, 0.0, step.1, &projection),
            "+" | "=" => zoom_about(&v, 1.5, f.centre(), &projection),
            "-" | "_" => zoom_about(&v, 1.0 / 1.5, f.centre(), &projection),
            "0" => home,
            _ => return,
        };
        ev.prevent_default();
        commit(next);
    };

    // Play animates the year; with reduced motion it steps from one change of holder to the next.
    let playing = RwSignal::new(false);
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    let stop = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        playing.set(false);
    };
    let steps = change_years(&catalog.territories);
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        let reduced = prefers_reduced_motion();
        let (first, last) = bounds.get_untracked();
        if year.get_untracked() >= last {
            set_year(first);
        }
        let steps = steps.clone();
        let tick = move || {
            let now = year.get_untracked();
            let (_, last) = bounds.get_untracked();
            let next = if reduced { steps.iter().copied().find(|y| *y > now).unwrap_or(last + 1) } else { now + 1 };
            if next > last {
                stop();
            } else {
                set_year(next);
            }
        };
        let period = std::time::Duration::from_millis(if reduced { 1500 } else { 150 });
        if let Ok(handle) = set_interval_with_handle(tick, period) {
            timer.set_value(Some(handle));
            playing.set(true);
        }
    };
    on_cleanup(stop);

    let territories = territory_paths
        .into_iter()
        .map(|(i, d, label, width)| {
            let t = &catalog.territories[i];
            let short_name = t.name.split(" (").next().unwrap_or(&t.name).to_string();
            // A label shows once the outline is wide enough for it at the current zoom.
            let label_fits = {
                let chars = short_name.chars().count() as f64;
                move || width * 1.6 >= chars * 0.55 * frame.get().width / 85.0
            };
            let id = t.id.as_str();
            let holder = move || t.holder_in_year(year.get()).and_then(|h| catalog.holder(h));
            let fill = move || holder().map(|h| h.colour.clone()).unwrap_or_else(|| NO_RECORD.into());
            let hatched = move || holder().is_some_and(|h| h.hatched);
            let hatch_d = d.clone();
            let tooltip = move || {
                let who = holder().map(|h| h.name.clone()).unwrap_or_else(|| "no record".into());
                format!("{} — {} in {}", t.name, who, year.get())
            };
            let selected = move || ctx.state.with(|s| s.territory.as_deref() == Some(id));
            let select = move |_| {
                if suppress_click.get_value() {
                    return;
                }
                let next = ctx.state.with_untracked(|s| s.with_territory(if s.territory.as_deref() == Some(id) { None } else { Some(id) }));
                ctx.go(&next, History::Push);
            };
            let label_size = move || frame.get().width / 85.0;
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
                    <path class="hatch" d=hatch_d.clone() fill="url(#hatch)"/>
                </Show>
                <Show when=label_fits>
                    <text class="territory-label" x=label.0 y=label.1 font-size=label_size>{short_name.clone()}</text>
                </Show>
            }
        })
        .collect_view();

    // One marker per place named by a listed event (and the selected place, listed or not).
    // Places off the frame: the selected event's and the selected place get an arrow at the
    // edge pointing towards them; the others are counted in a note, so none is dropped silently.
    let places_shown = Memo::new(move |_| {
        let mut places: BTreeMap<&'static str, usize> = BTreeMap::new();
        for &i in ctx.visible.get().iter() {
            for p in &catalog.events[i].places {
                *places.entry(p.as_str()).or_default() += 1;
            }
        }
        if let Some(p) = ctx.state.with(|s| s.place.clone()).as_deref().and_then(|id| catalog.place(id)) {
            places.entry(p.id.as_str()).or_default();
        }
        places.into_iter().filter_map(|(id, count)| catalog.place(id).map(|p| (p, count))).collect::<Vec<_>>()
    });
    let off_frame = move || {
        let f = frame.get();
        let names: Vec<&str> = places_shown.with(|ps| {
            ps.iter()
                .filter(|(p, _)| {
                    let (x, y) = to_svg(&projection, p.lon, p.lat);
                    !f.contains(x, y)
                })
                .map(|(p, _)| p.name.as_str())
                .collect()
        });
        (!names.is_empty()).then(|| view! {
            <p class="off-frame-note" title=names.join(", ") data-testid="off-frame">
                {format!("{} place{} off the map: zoom out or pan", names.len(), if names.len() == 1 { "" } else { "s" })}
            </p>
        })
    };
    let markers = move || {
        let f = frame.get();
        let selected_place = ctx.state.with(|s| s.place.clone());
        let event_places: Vec<String> =
            ctx.event.get().and_then(|id| catalog.event(&id).map(|e| e.places.clone())).unwrap_or_default();
        let r = f.width / 220.0;
        places_shown
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
                    let next = ctx.state.with_untracked(|s| s.with_place(if s.place.as_deref() == Some(id) { None } else { Some(id) }));
                    ctx.go(&next, History::Push);
                };
                let tooltip = format!("{}: {count} event{} listed — select to list only these", place.name, if count == 1 { "" } else { "s" });
                match edge_pointer(&f, x, y, r * 3.0) {
                    None => Some(view! {
                        <g class="place" class:selected=is_selected class:in-event=in_event data-testid=format!("place-{id}") on:click=select>
                            <title>{tooltip}</title>
                            <circle cx=x cy=y r=r * if in_event || is_selected { 1.6 } else { 1.0 }/>
                            {(in_event || is_selected).then(|| view! {
                                <text class="place-label" x=x + r * 2.0 y=y + r * 0.8 font-size=r * 3.2>{place.name.clone()}</text>
                            })}
                        </g>
                    }
                    .into_any()),
                    Some((ex, ey, bearing)) if in_event || is_selected => {
                        let label_y = if ey < f.y + f.height / 2.0 { ey + r * 5.0 } else { ey - r * 2.5 };
                        let anchor = if ex > f.x + f.width * 0.66 { "end" } else if ex < f.x + f.width * 0.33 { "start" } else { "middle" };
                        Some(view! {
                        <g class="place off-frame" class:selected=is_selected class:in-event=in_event data-testid=format!("place-{id}") on:click=select>
                            <title>{format!("{tooltip} (off the map: zoom out or pan)")}</title>
                            <path d=format!("M{:.1} {:.1}l{:.1} {:.1}l0 {:.1}z", ex + r * 2.0, ey, -r * 3.0, -r * 1.5, r * 3.0)
                                transform=format!("rotate({bearing:.1} {ex:.1} {ey:.1})")/>
                            <text class="place-label" x=ex y=label_y font-size=r * 3.2 text-anchor=anchor>
                                {format!("{} (off the map)", place.name)}
                            </text>
                        </g>
                    }
                    .into_any())
                    }
                    Some(_) => None,
                }
            })
            .collect_view()
    };

    let hatch_size = move || frame.get().width / 140.0;
    let legend = move || {
        let y = year.get();
        let mut shown: Vec<&str> = Vec::new();
        let mut no_record = false;
        for t in &catalog.territories {
            match t.holder_in_year(y) {
                Some(h) if !shown.contains(&h) => shown.push(h),
                Some(_) => {}
                None => no_record = true,
            }
        }
        let items = shown
            .into_iter()
            .filter_map(|h| catalog.holder(h))
            .map(|h| view! { <li><span class="swatch" class:hatched=h.hatched style:background-color=h.colour.clone()></span>{h.name.clone()}</li> })
            .collect_view();
        view! {
            {items}
            {no_record.then(|| view! { <li><span class="swatch" style:background=NO_RECORD></span>"No record in the data yet"</li> })}
        }
    };

    let on_slider = move |ev: leptos::ev::Event| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            if let Ok(y) = input.value().parse::<i32>() {
                set_year(y);
            }
        }
    };

    view! {
        <section class="map-panel" aria-label="Map of treaty territories">
            <div class="year-controls">
                <button type="button" on:click=move |_| set_year(year.get_untracked() - 1) aria-label="One year earlier" data-testid="year-down">"−"</button>
                <input
                    type="range"
                    aria-label="Map year"
                    min=move || bounds.get().0
                    max=move || bounds.get().1
                    prop:value=move || year.get().to_string()
                    on:input=on_slider
                    data-testid="year-slider"
                />
                <button type="button" on:click=move |_| set_year(year.get_untracked() + 1) aria-label="One year later" data-testid="year-up">"+"</button>
                <output class="map-year" data-testid="map-year">{move || year.get()}</output>
                <button type="button" class="play" on:click=play aria-pressed=move || playing.get().to_string() data-testid="play">
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
            </div>
            <div class="map-wrap" style=format!("aspect-ratio: {ASPECT}")>
                <svg
                    node_ref=svg_ref
                    class="map"
                    viewBox=move || frame.get().view_box()
                    preserveAspectRatio="xMidYMid meet"
                    tabindex="0"
                    role="group"
                    aria-label="Map: drag or use the arrow keys to pan, the wheel, a pinch or + and − to zoom, 0 to reset"
                    data-testid="map"
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=on_pointerup
                    on:pointercancel=on_pointerup
                    on:wheel=on_wheel
                    on:keydown=on_keydown
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
                            <rect class="hatch-stripe" width=move || hatch_size() * 0.4 height=hatch_size/>
                        </pattern>
                    </defs>
                    <rect class="sea" x="-8000" y="-8000" width="16000" height="16000"/>
                    <path class="land" d=base.land.clone()/>
                    <g class="territories">{territories}</g>
                    <path class="borders" d=base.borders.clone()/>
                    <g class="places">{markers}</g>
                </svg>
                <div class="map-buttons">
                    <button type="button" on:click=move |_| zoom_centre(1.5) aria-label="Zoom in" data-testid="zoom-in">"+"</button>
                    <button type="button" on:click=move |_| zoom_centre(1.0 / 1.5) aria-label="Zoom out" data-testid="zoom-out">"−"</button>
                    <button type="button" on:click=move |_| commit(home) aria-label="Reset the map view" data-testid="zoom-reset">"⟲"</button>
                </div>
            </div>
            {off_frame}
            <ul class="legend" aria-label="Holders">{legend}</ul>
            <p class="map-credit">"Coasts and modern borders (faint): Natural Earth, public domain. Territory outlines are approximate; each states its precision."</p>
        </section>
    }
}
