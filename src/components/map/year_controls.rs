//! The map's year controls: a one-year stepper either side of the slider, the year shown, and
//! Play, which animates the year (from one change of holder to the next under reduced motion).

use leptos::prelude::*;
use leptos_use::utils::Pausable;
use leptos_use::{use_interval_fn_with_options, UseIntervalFnOptions};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::components::state::{History, ViewContext};
use crate::sovereignty::change_years;
use crate::view::View;

/// Milliseconds between Play's steps: one year at a time, or one change of holder at a time.
const YEAR_STEP_MS: u64 = 150;
const REDUCED_MOTION_STEP_MS: u64 = 1500;

/// The interval's `pause`, kept where the tick can call it.
type Pause = std::sync::Arc<dyn Fn() + Send + Sync>;

fn prefers_reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

/// The year after `now` that Play shows: the next one, or under reduced motion the next year
/// in `steps` (the years a holder changes); past `last` when there is none.
fn next_play_year(now: i32, last: i32, reduced: bool, steps: &[i32]) -> i32 {
    if reduced {
        steps.iter().copied().find(|y| *y > now).unwrap_or(last + 1)
    } else {
        now + 1
    }
}

/// The slider, the stepper buttons, the year shown and Play.
#[component]
pub(crate) fn YearControls(
    /// The map's year.
    year: Memo<i32>,
) -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let bounds = Memo::new(move |_| ctx.state.with(|s| View::new(s, catalog, ctx.last_year).year_bounds()));
    // Sliding and stepping replace the history entry rather than adding one per year.
    let set_year = move |y: i32| {
        let (first, last) = bounds.get_untracked();
        let next = ctx.state.with_untracked(|s| s.with_year(Some(y.clamp(first, last)), ctx.last_year));
        ctx.go(&next, History::Replace);
    };

    // The preference is read when Play is pressed, and sets both the step and its pace.
    let reduced = StoredValue::new(false);
    let steps = change_years(&catalog.territories);
    // The tick stops the timer it runs in at the last year, so it reaches `pause` through here.
    let pause_at_end = StoredValue::new(None::<Pause>);
    let tick = move || {
        let (_, last) = bounds.get_untracked();
        let next = next_play_year(year.get_untracked(), last, reduced.get_value(), &steps);
        if next > last {
            pause_at_end.with_value(|pause| {
                if let Some(pause) = pause {
                    pause();
                }
            });
        } else {
            set_year(next);
        }
    };
    let period = Signal::derive(move || if reduced.get_value() { REDUCED_MOTION_STEP_MS } else { YEAR_STEP_MS });
    let Pausable { pause, resume, is_active: playing } =
        use_interval_fn_with_options(tick, period, UseIntervalFnOptions::default().immediate(false));
    pause_at_end.set_value(Some(std::sync::Arc::new(pause.clone())));
    let play = move |_| {
        if playing.get_untracked() {
            pause();
            return;
        }
        reduced.set_value(prefers_reduced_motion());
        let (first, last) = bounds.get_untracked();
        if year.get_untracked() >= last {
            set_year(first);
        }
        resume();
    };

    let on_slider = move |ev: leptos::ev::Event| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            if let Ok(y) = input.value().parse::<i32>() {
                set_year(y);
            }
        }
    };

    view! {
        <div class="year-controls">
            <button
                type="button"
                on:click=move |_| set_year(year.get_untracked() - 1)
                aria-label="One year earlier"
                data-testid="year-down"
            >
                "−"
            </button>
            <input
                type="range"
                aria-label="Map year"
                min=move || bounds.get().0
                max=move || bounds.get().1
                prop:value=move || year.get().to_string()
                on:input=on_slider
                data-testid="year-slider"
            />
            <button
                type="button"
                on:click=move |_| set_year(year.get_untracked() + 1)
                aria-label="One year later"
                data-testid="year-up"
            >
                "+"
            </button>
            <output class="map-year" data-testid="map-year">
                {move || year.get()}
            </output>
            <button
                type="button"
                class="play"
                on:click=play
                aria-pressed=move || playing.get().to_string()
                data-testid="play"
            >
                {move || if playing.get() { "Pause" } else { "Play" }}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn play_steps_a_year_or_to_the_next_change_of_holder() {
        let steps = [1774, 1812, 1878];
        assert_eq!(next_play_year(1800, 2026, false, &steps), 1801);
        assert_eq!(next_play_year(1800, 2026, true, &steps), 1812);
        assert_eq!(next_play_year(1812, 2026, true, &steps), 1878);
        // No change left: past the last year, so Play stops.
        assert_eq!(next_play_year(1878, 2026, true, &steps), 2027);
        assert_eq!(next_play_year(2026, 2026, false, &steps), 2027);
    }
}
