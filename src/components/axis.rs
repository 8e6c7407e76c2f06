//! The horizontal timeline: era bands, ticks, event marks with non-overlapping labels,
//! clusters where marks would touch, and span bars. All geometry comes from [`crate::timeline`].

use leptos::prelude::*;

use super::state::{History, ViewContext};
use crate::data::Catalog;
use crate::timeline::{bins, layout_marks, layout_spans, shorten, Mark, Point, Scale};
use crate::view::View;

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = WIDTH - 8.0;
const LANES: usize = 4;
const LANE_HEIGHT: f64 = 15.0;
const TOP: f64 = 22.0;
const AXIS_Y: f64 = TOP + LANES as f64 * LANE_HEIGHT + 11.0;
const SPAN_HEIGHT: f64 = 6.0;
const CHAR_WIDTH: f64 = 5.6;
const CLUSTER_GAP: f64 = 7.0;
const MAX_LABEL_CHARS: usize = 24;
/// About how many pieces the scale is cut into, each sized by its years and its events.
const BINS: usize = 40;

/// Scrolls the axis container sideways so the selected mark is in its middle third.
fn center_selected_mark() {
    let doc = document();
    let (Some(container), Some(mark)) =
        (doc.query_selector(".axis-scroll").ok().flatten(), doc.query_selector(".axis .mark.selected").ok().flatten())
    else {
        return;
    };
    let width = container.client_width() as f64;
    if container.scroll_width() as f64 <= width {
        return;
    }
    let (c, m) = (container.get_bounding_client_rect(), mark.get_bounding_client_rect());
    let x = m.left() + m.width() / 2.0 - c.left();
    if x < width / 3.0 || x > width * 2.0 / 3.0 {
        container.set_scroll_left((container.scroll_left() as f64 + x - width / 2.0).round() as i32);
    }
}

/// Selecting one event toggles it; selecting a cluster zooms to the years it covers.
fn select(ctx: ViewContext, events: &[usize]) {
    let catalog = ctx.catalog;
    let next = ctx.state.with_untracked(|s| {
        if let [only] = events[..] {
            s.toggle_event(&catalog.events[only].id)
        } else {
            let from = events.iter().map(|&i| catalog.events[i].date.year).min();
            let to = events.iter().map(|&i| catalog.events[i].date.year).max();
            s.with_years(from, to, ctx.last_year)
        }
    });
    ctx.go(&next, History::Push);
}

/// One shaded band per era in the domain, named where the name fits.
fn era_bands(catalog: &'static Catalog, scale: &Scale, horizon: f64) -> impl IntoView {
    let (d0, d1) = scale.domain();
    catalog
        .eras
        .iter()
        .enumerate()
        .filter(|(_, era)| era.start_position() < d1 && era.end_position(horizon) > d0)
        .map(|(i, era)| {
            let (x0, x1) = (scale.x(era.start_position()), scale.x(era.end_position(horizon)));
            let name = era.name.clone();
            let fits = (x1 - x0) > name.chars().count() as f64 * CHAR_WIDTH + 8.0;
            view! {
                <g class=format!("band band-{}", i % 2)>
                    <rect x=x0 y="0" width=(x1 - x0).max(0.0) height=AXIS_Y + 4.0 />
                    {fits.then(|| view! { <text class="band-name" x=x0 + 4.0 y="12">{name.clone()}</text> })}
                    <title>{name}</title>
                </g>
            }
        })
        .collect_view()
}

/// Where each listed event with an end date runs: `(event, x0, x1)`, clipped to the domain.
fn span_positions(catalog: &Catalog, visible: &[usize], scale: &Scale) -> Vec<(usize, f64, f64)> {
    let (d0, d1) = scale.domain();
    visible
        .iter()
        .map(|&i| (i, &catalog.events[i]))
        .filter(|(_, e)| e.end.is_some())
        .map(|(i, e)| (i, scale.x(e.start_position().max(d0)), scale.x(e.end_position().min(d1))))
        .collect()
}

/// A bar below the axis for each event that lasted, in the lanes [`layout_spans`] gave them.
fn span_bars(ctx: ViewContext, spans: &[(usize, f64, f64)], lanes: &[usize], selected: Option<usize>) -> impl IntoView {
    spans
        .iter()
        .zip(lanes)
        .map(|(&(i, x0, x1), &lane)| {
            let e = &ctx.catalog.events[i];
            let y = AXIS_Y + 8.0 + lane as f64 * (SPAN_HEIGHT + 2.0);
            view! {
                <rect
                    class=format!("span tone-{}", e.tone.id())
                    class:selected=selected == Some(i)
                    x=x0
                    y=y
                    width=(x1 - x0).max(3.0)
                    height=SPAN_HEIGHT
                    rx="2"
                    on:click=move |_| select(ctx, &[i])
                >
                    <title>{format!("{} ({})", e.title, e.date_label())}</title>
                </rect>
            }
        })
        .collect_view()
}

/// A mark on the axis for each listed event, or one per cluster of events too close to tell
/// apart, with its label in a lane above when one has room.
fn event_marks(ctx: ViewContext, visible: &[usize], scale: &Scale, selected: Option<usize>) -> impl IntoView {
    let catalog = ctx.catalog;
    let d0 = scale.domain().0;
    let points: Vec<Point> =
        visible.iter().map(|&i| Point { event: i, x: scale.x(catalog.events[i].start_position().max(d0)) }).collect();
    let marks = layout_marks(&points, CLUSTER_GAP, LANES, CHAR_WIDTH, RIGHT, |events| {
        if let [only] = events {
            shorten(&catalog.events[*only].title, MAX_LABEL_CHARS)
        } else {
            format!("{} events", events.len())
        }
    });
    marks.into_iter().map(|m| event_mark(ctx, m, selected)).collect_view()
}

/// One mark: a dot (or a numbered circle for a cluster), its leader and label, and its tooltip.
fn event_mark(ctx: ViewContext, m: Mark, selected: Option<usize>) -> impl IntoView {
    let catalog = ctx.catalog;
    let is_selected = selected.is_some_and(|s| m.events.contains(&s));
    let cluster = m.is_cluster();
    let first = &catalog.events[m.events[0]];
    let last = &catalog.events[m.events[m.events.len() - 1]];
    let (label, tooltip, testid) = if cluster {
        (
            format!("{} events", m.events.len()),
            format!("{} events, {}–{}: select to zoom in", m.events.len(), first.date.year, last.date.year),
            "axis-cluster".to_string(),
        )
    } else {
        (
            shorten(&first.title, MAX_LABEL_CHARS),
            format!("{} — {}", first.date_label(), first.title),
            format!("axis-mark-{}", first.id),
        )
    };
    let lane_y = m.lane.map(|l| AXIS_Y - 13.0 - l as f64 * LANE_HEIGHT);
    let events = m.events.clone();
    let events_key = m.events.clone();
    let aria_label = tooltip.clone();
    let class = if cluster { "mark cluster".to_string() } else { format!("mark tone-{}", first.tone.id()) };
    view! {
        <g
            class=class
            class:selected=is_selected
            role="button"
            tabindex="0"
            aria-label=aria_label
            data-testid=testid
            on:click=move |_| select(ctx, &events)
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    select(ctx, &events_key);
                }
            }
        >
            <title>{tooltip}</title>
            {lane_y
                .map(|y| {
                    view! {
                        <line class="leader" x1=m.x y1=AXIS_Y x2=m.x y2=y + 3.0 />
                        <text class="label" x=m.label_start + 3.0 y=y>
                            {label.clone()}
                        </text>
                    }
                })}
            <circle cx=m.x cy=AXIS_Y r=if cluster { 6.0 } else { 4.0 } />
            {cluster.then(|| view! { <text class="count" x=m.x y=AXIS_Y + 3.0>{m.events.len()}</text> })}
        </g>
    }
}

/// Year ticks along the axis, their labels at `ticks_y`.
fn year_ticks(scale: &Scale, ticks_y: f64) -> impl IntoView {
    scale
        .ticks(48.0)
        .into_iter()
        .map(|(year, x)| {
            view! {
                <g class="tick">
                    <line x1=x y1=AXIS_Y x2=x y2=ticks_y - 8.0 />
                    <text x=x y=ticks_y>{year}</text>
                </g>
            }
        })
        .collect_view()
}

/// The timeline axis.
#[component]
pub fn Axis() -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let horizon = ctx.last_year as f64 + 1.0;
    let eras: Vec<(f64, f64)> = catalog.eras.iter().map(|e| (e.start_position(), e.end_position(horizon))).collect();
    let starts: Vec<f64> = catalog.events.iter().map(|e| e.start_position()).collect();
    let scale = Memo::new(move |_| {
        let domain = ctx.state.with(|s| View::new(s, catalog, ctx.last_year).year_domain());
        // Room by events counts all events, so filtering by category or text does not move the axis.
        let bins = bins(domain, &eras, BINS, |a, b| starts.iter().filter(|&&x| a <= x && x < b).count());
        Scale::new(domain, &bins, LEFT, RIGHT)
    });

    let content = move || {
        let scale = scale.get();
        let selected = ctx.event.get().and_then(|id| catalog.event_position(&id));
        let visible = ctx.visible.get();
        let (d0, d1) = scale.domain();
        let spans = span_positions(catalog, &visible, &scale);
        let (span_lanes, span_lane_count) = layout_spans(&spans, 3.0);
        let ticks_y = AXIS_Y + 10.0 + span_lane_count as f64 * (SPAN_HEIGHT + 2.0) + 10.0;
        let height = ticks_y + 6.0;
        view! {
            // On narrow screens the axis keeps a readable width and scrolls sideways.
            <div class="axis-scroll">
                <svg
                    class="axis"
                    viewBox=format!("0 0 {WIDTH} {height}")
                    role="group"
                    aria-label=format!("Timeline from {} to {}", d0.floor(), (d1 - 1e-6).floor())
                    data-testid="axis"
                >
                    {era_bands(catalog, &scale, horizon)}
                    <line class="baseline" x1=LEFT y1=AXIS_Y x2=RIGHT y2=AXIS_Y />
                    {year_ticks(&scale, ticks_y)}
                    {span_bars(ctx, &spans, &span_lanes, selected)}
                    {event_marks(ctx, &visible, &scale, selected)}
                </svg>
            </div>
        }
    };

    // Where the axis scrolls sideways (narrow screens), bring the selected mark into view.
    Effect::new(move |_| {
        if ctx.event.with(|e| e.is_some()) {
            request_animation_frame(center_selected_mark);
        }
    });

    view! {
        <section class="timeline" aria-label="Timeline">
            {content}
            <p class="axis-help">
                "Dense years get more room; numbered circles group events too close to tell apart — select one to zoom in."
            </p>
            <p class="tone-key" data-testid="tone-key">
                "Colours give the tone of Russia–Turkey relations that the event shows, not of the event itself: "
                <span class="tone-dot tone-cooperation" aria-hidden="true"></span>
                " cooperation, "
                <span class="tone-dot tone-tension" aria-hidden="true"></span>
                " tension, "
                <span class="tone-dot tone-conflict" aria-hidden="true"></span>
                " conflict between the two."
            </p>
        </section>
    }
}
