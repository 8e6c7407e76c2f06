//! End-to-end tests: the release build in headless Chromium, served from a sub-path.
//! Usage: `e2e DIST_DIR [NAME_PART]`. Prints one line per test and closes with
//! "N passed, N failed" (after a line counting the known bugs still failing); tests of open bugs (`known_bugs`) print
//! KNOWN-FAIL while they fail, and fail the run once they pass.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use straitline_e2e::{Harness, TestResult};

mod gestures;
mod map;
mod timeline;

use gestures::*;
use map::*;
use timeline::*;

type Test = for<'a> fn(&'a Harness) -> Pin<Box<dyn Future<Output = TestResult> + 'a>>;

fn check(ok: bool, message: impl FnOnce() -> String) -> TestResult {
    if ok {
        Ok(())
    } else {
        Err(message())
    }
}

fn total_of(count: &str) -> Result<(u32, u32), String> {
    // "N of M events"
    let parts: Vec<&str> = count.split_whitespace().collect();
    match parts.as_slice() {
        [n, "of", m, "events"] => {
            Ok((n.parse().map_err(|_| count.to_string())?, m.parse().map_err(|_| count.to_string())?))
        }
        _ => Err(format!("unexpected count text {count:?}")),
    }
}

/// Runs `tests` on `harness`, those whose name contains `only` (all when it is empty).
/// A test in `known_bugs` (name, issue) is expected to fail: its failure is reported as
/// KNOWN-FAIL and does not fail the run, but a pass does, so that the marker gets removed.
async fn run(harness: &Harness, tests: Vec<(&str, Test)>, known_bugs: &[(&str, u32)], only: &str) -> (u32, u32, u32) {
    let (mut passed, mut failed, mut known) = (0, 0, 0);
    for (name, test) in tests.into_iter().filter(|(name, _)| name.contains(only)) {
        let known_bug = known_bugs.iter().find(|(bug, _)| *bug == name).map(|(_, issue)| *issue);
        match (test(harness).await, known_bug) {
            (Ok(()), None) => {
                passed += 1;
                println!("ok   {name}");
            }
            (Err(e), None) => {
                failed += 1;
                println!("FAIL {name}: {e}");
            }
            (Err(e), Some(issue)) => {
                known += 1;
                println!("KNOWN-FAIL {name} (issue {issue}, expected to fail until it is fixed): {e}");
            }
            (Ok(()), Some(issue)) => {
                failed += 1;
                println!("FAIL {name}: passes, but is marked as known bug issue {issue}; if issue {issue} is fixed, remove it from known_bugs");
            }
        }
    }
    (passed, failed, known)
}

#[tokio::main]
async fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    // An optional second argument runs only the tests whose name contains it.
    let only = std::env::args().nth(2).unwrap_or_default();
    let tests: Vec<(&str, Test)> = vec![
        ("deep link reopens the view", |h| Box::pin(deep_link_reopens_the_view(h))),
        ("picking an era filters and pushes history", |h| Box::pin(picking_an_era_filters_and_pushes_history(h))),
        ("back and forward step through choices", |h| Box::pin(back_and_forward_step_through_choices(h))),
        ("search ignores diacritics and replaces history", |h| {
            Box::pin(search_ignores_diacritics_and_replaces_history(h))
        }),
        ("a bad URL shows a notice and is canonicalised", |h| {
            Box::pin(a_bad_url_shows_a_notice_and_is_canonicalised(h))
        }),
        ("an empty result offers to clear", |h| Box::pin(an_empty_result_offers_to_clear(h))),
        ("the axis works from the keyboard", |h| Box::pin(the_axis_works_from_the_keyboard(h))),
        ("on a phone the axis scrolls to the selected event", |h| {
            Box::pin(on_a_phone_the_axis_scrolls_to_the_selected_event(h))
        }),
        ("year range and clear all", |h| Box::pin(year_range_and_clear_all(h))),
        ("copy link, and index.html as the path", |h| Box::pin(copy_link_and_index_html_path(h))),
        ("the map year colours the territories", |h| Box::pin(the_map_year_colours_the_territories(h))),
        ("a treaty highlights what it moved", |h| Box::pin(a_treaty_highlights_what_it_moved(h))),
        ("the map shows the event's day", |h| Box::pin(the_map_shows_the_events_day(h))),
        ("the selected event's detail is in view", |h| Box::pin(the_selected_events_detail_is_in_view(h))),
        ("a newcomer is oriented", |h| Box::pin(a_newcomer_is_oriented(h))),
        ("a territory filters the timeline, Back undoes it", |h| {
            Box::pin(a_territory_filters_the_timeline_and_back_undoes_it(h))
        }),
        ("places filter, far places are pointed at", |h| Box::pin(places_filter_and_far_places_are_pointed_at(h))),
        ("the map view is a deep link", |h| Box::pin(the_map_view_is_a_deep_link(h))),
        ("dragging the map pans it and selects nothing", |h| Box::pin(dragging_the_map_pans_it_and_selects_nothing(h))),
        ("the wheel zooms about the pointer", |h| Box::pin(the_wheel_zooms_about_the_pointer(h))),
        ("the year slider follows keys and the mouse", |h| Box::pin(the_year_slider_follows_keys_and_the_mouse(h))),
        ("a real click on a territory selects it", |h| Box::pin(a_real_click_on_a_territory_selects_it(h))),
    ];
    // Run in a second browser started with reduced motion.
    let reduced_motion_tests: Vec<(&str, Test)> = vec![("play with reduced motion steps from change to change", |h| {
        Box::pin(play_with_reduced_motion_steps_through_changes(h))
    })];
    // Tests of open bugs: reported as KNOWN-FAIL while they fail; a pass fails the run.
    // Tests of open bugs, expected to fail until the bug is fixed: (test name, issue).
    let known_bugs: &[(&str, u32)] = &[];

    let (mut passed, mut failed, mut known) = (0, 0, 0);
    for (args, tests) in [(&[][..], tests), (&["--force-prefers-reduced-motion"][..], reduced_motion_tests)] {
        if !tests.iter().any(|(name, _)| name.contains(only.as_str())) {
            continue;
        }
        let harness = match Harness::start_with(&dist, args).await {
            Ok(h) => h,
            Err(e) => {
                eprintln!("e2e: could not start the browser {args:?}: {e}");
                failed += 1;
                continue;
            }
        };
        let (p, f, k) = run(&harness, tests, known_bugs, &only).await;
        harness.stop().await;
        (passed, failed, known) = (passed + p, failed + f, known + k);
    }
    // The closing line is the plain "N passed, N failed" that CI reads; known bugs go on their own line.
    println!("known bugs still failing: {known}");
    println!("e2e: {passed} passed, {failed} failed");
    std::process::exit(if failed == 0 { 0 } else { 1 });
}
