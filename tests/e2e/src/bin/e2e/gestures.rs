//! Map gestures through WebDriver input actions: the mouse, the wheel and the keyboard.

use fantoccini::key::Key;
use straitline_e2e::{Harness, TestResult};

use super::check;
use super::map::holder_of;

// ---- Map gestures: the mouse, the wheel and the keyboard through WebDriver input actions ----

/// The `map=zoom/lat/lon` parameter of the current URL, if any.
pub(crate) async fn map_param(h: &Harness) -> Result<Option<(f64, f64, f64)>, String> {
    let raw = h.js_string("new URLSearchParams(location.search).get('map') || ''").await?;
    if raw.is_empty() {
        return Ok(None);
    }
    let parts: Vec<f64> = raw.split('/').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [zoom, lat, lon] => Ok(Some((zoom, lat, lon))),
        _ => Err(format!("map={raw} is not zoom/lat/lon")),
    }
}

/// The map (SVG user-space) point under a client pixel, from the SVG's own screen transform.
pub(crate) async fn map_point_under(h: &Harness, at: (i64, i64)) -> Result<(f64, f64), String> {
    let p = h
        .js(&format!(
            "(m => [m.x, m.y])(new DOMPoint({}, {}).matrixTransform(document.querySelector('[data-testid=map]').getScreenCTM().inverse()))",
            at.0, at.1
        ))
        .await?;
    Ok((p[0].as_f64().unwrap_or(f64::NAN), p[1].as_f64().unwrap_or(f64::NAN)))
}

/// Where a map point is on the screen now, in client pixels.
pub(crate) async fn client_of_map_point(h: &Harness, p: (f64, f64)) -> Result<(f64, f64), String> {
    let c = h
        .js(&format!(
            "(m => [m.x, m.y])(new DOMPoint({}, {}).matrixTransform(document.querySelector('[data-testid=map]').getScreenCTM()))",
            p.0, p.1
        ))
        .await?;
    Ok((c[0].as_f64().unwrap_or(f64::NAN), c[1].as_f64().unwrap_or(f64::NAN)))
}

/// Checks that nothing on the map became selected.
pub(crate) async fn nothing_selected(h: &Harness, after: &str) -> TestResult {
    let search = h.js_string("location.search").await?;
    check(!search.contains("territory=") && !search.contains("place="), || {
        format!("{after} selected something: {search}")
    })?;
    let selected = h
        .js("document.querySelector('.territory.selected, .place.selected, [data-testid=territory-detail]') === null")
        .await?;
    check(selected == true, || format!("{after} left a territory or place selected"))
}

pub(crate) async fn dragging_the_map_pans_it_and_selects_nothing(h: &Harness) -> TestResult {
    async fn at_1280_by_800(h: &Harness) -> TestResult {
        h.open("?year=1900").await?;
        h.wait_until("document.querySelector('[data-testid=territory-crimea]') !== null", "the map").await?;
        check(map_param(h).await?.is_none(), || "the default view already has map=".into())?;
        let view_box = h.js_string("document.querySelector('[data-testid=map]').getAttribute('viewBox')").await?;
        let history = h.js("history.length").await?;
        // Scroll the page, as a person would, until the whole map is on screen.
        h.wheel_into_view("[data-testid=map]", "[data-testid=map-year]").await?;
        let scroll_y = h.js("scrollY").await?;
        let (left, top, width, height) = h.rect("[data-testid=map]").await?;
        // Press on a territory, so that a drag taken for a click would select it.
        let from = h.point_on("[data-testid=territory-crimea]").await?;
        let dx = if (from.0 as f64) - 200.0 > left + 10.0 { -200 } else { 200 };
        let dy = if (from.1 as f64) - 60.0 > top + 10.0 { -60 } else { 60 };
        let to = (from.0 + dx, from.1 + dy);
        check(
            (to.0 as f64) > left && (to.0 as f64) < left + width && (to.1 as f64) > top && (to.1 as f64) < top + height,
            || format!("the drag {from:?} → {to:?} leaves the map at {left},{top} {width}×{height}"),
        )?;
        let grabbed = map_point_under(h, from).await?;
        h.mouse_drag(from, to, 10).await?;

        h.wait_until("new URLSearchParams(location.search).has('map')", "map= in the URL after the drag").await?;
        let after = h.js_string("document.querySelector('[data-testid=map]').getAttribute('viewBox')").await?;
        check(after != view_box, || format!("the drag left the viewBox at {after}"))?;
        // The map followed the hand: the point pressed is under the pointer where it was let go.
        let now = client_of_map_point(h, grabbed).await?;
        check((now.0 - to.0 as f64).abs() <= 3.0 && (now.1 - to.1 as f64).abs() <= 3.0, || {
            format!(
                "the point grabbed at {from:?} ended at ({:.1}, {:.1}), not under the pointer at {to:?}",
                now.0, now.1
            )
        })?;
        let (zoom, lat, lon) = map_param(h).await?.ok_or("no map=")?;
        nothing_selected(h, "a drag").await?;
        check(h.js("scrollY").await? == scroll_y, || "the page scrolled during the drag".into())?;
        check(h.js("history.length").await? == history, || "a drag added a history entry".into())?;
        check(h.js_string("new URLSearchParams(location.search).get('year')").await? == "1900", || {
            "the drag lost year=1900".into()
        })?;

        // A second drag, the other way, changes map= again: east and west, north and south.
        let from2 = to;
        let to2 = (from2.0 - dx / 2, from2.1 - dy);
        h.mouse_drag(from2, to2, 8).await?;
        let first = format!("{zoom:.1}/{lat:.2}/{lon:.2}");
        h.wait_until(
            &format!("new URLSearchParams(location.search).get('map') !== '{first}'"),
            "map= to change after a second drag",
        )
        .await?;
        let (zoom2, lat2, lon2) = map_param(h).await?.ok_or("no map= after the second drag")?;
        check(zoom2 == zoom, || format!("a drag changed the zoom {zoom} → {zoom2}"))?;
        // Dragging the map towards the west (dx < 0) brings the east into view: lon grows.
        check((lon2 - lon) * (dx as f64) > 0.0, || format!("dragging by {dx} px moved lon {lon} → {lon2}"))?;
        // ...and dragging it down (-dy > 0) brings the north into view: lat grows.
        check((lat2 - lat) * (dy as f64) < 0.0, || format!("dragging by {} px moved lat {lat} → {lat2}", -dy))?;
        nothing_selected(h, "a second drag").await
    }
    h.client.set_window_size(1280, 800).await.map_err(|e| e.to_string())?;
    let result = at_1280_by_800(h).await;
    h.client.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
    result
}

pub(crate) async fn the_wheel_zooms_about_the_pointer(h: &Harness) -> TestResult {
    h.open("?map=2.0/44.00/34.00").await?;
    h.wait_until("document.querySelector('[data-testid=territory-crimea]') !== null", "the map").await?;
    h.wheel_into_view("[data-testid=map]", "[data-testid=map-year]").await?;
    let (left, top, width, height) = h.rect("[data-testid=map]").await?;
    // Well away from the centre, so a zoom about the centre would move this point by tens of pixels.
    let at = ((left + width * 0.25).round() as i64, (top + height * 0.3).round() as i64);
    let centre = (left + width / 2.0, top + height / 2.0);
    check((at.0 as f64 - centre.0).hypot(at.1 as f64 - centre.1) > 150.0, || "the map is too small to test".into())?;
    let hit = h
        .js(&format!(
            "document.querySelector('[data-testid=map]').contains(document.elementFromPoint({}, {}))",
            at.0, at.1
        ))
        .await?;
    check(hit == true, || format!("{at:?} is not over the map"))?;
    let scroll_y = h.js("scrollY").await?;

    for (delta, grows) in [(-120, true), (120, false)] {
        let (zoom0, _, _) = map_param(h).await?.ok_or("no map=")?;
        let anchor = map_point_under(h, at).await?;
        h.wheel_at(at, delta).await?;
        let before = format!("{zoom0:.1}/");
        h.wait_until(
            &format!("!(new URLSearchParams(location.search).get('map') || '').startsWith('{before}')"),
            "the zoom in map= to change",
        )
        .await?;
        // Let every wheel event of this turn arrive before measuring.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let (zoom1, _, _) = map_param(h).await?.ok_or("map= gone after the wheel")?;
        check(if grows { zoom1 > zoom0 } else { zoom1 < zoom0 }, || format!("wheel {delta}: zoom {zoom0} → {zoom1}"))?;
        let now = client_of_map_point(h, anchor).await?;
        check((now.0 - at.0 as f64).abs() <= 4.0 && (now.1 - at.1 as f64).abs() <= 4.0, || {
            format!("wheel {delta}: the point under the pointer at {at:?} moved to ({:.1}, {:.1})", now.0, now.1)
        })?;
        check(h.js("scrollY").await? == scroll_y, || format!("wheel {delta} scrolled the page"))?;
    }
    nothing_selected(h, "the wheel").await
}

pub(crate) async fn shown_year(h: &Harness) -> Result<String, String> {
    h.js_string("document.querySelector('[data-testid=map-year]').textContent").await
}

/// Waits until the shown year, the slider and `year=` in the URL all read `year`.
pub(crate) async fn year_everywhere(h: &Harness, year: i32, what: &str) -> TestResult {
    h.wait_until(
        &format!(
            "document.querySelector('[data-testid=map-year]').textContent === '{year}' \
             && document.querySelector('[data-testid=year-slider]').value === '{year}' \
             && new URLSearchParams(location.search).get('year') === '{year}'"
        ),
        what,
    )
    .await
}

pub(crate) async fn fill_of(h: &Harness, territory: &str) -> Result<String, String> {
    h.js_string(&format!("getComputedStyle(document.querySelector('[data-testid=territory-{territory}]')).fill")).await
}

pub(crate) async fn the_year_slider_follows_keys_and_the_mouse(h: &Harness) -> TestResult {
    h.open("?year=1871").await?;
    // A real click on "one year earlier" gives it focus; Tab moves on to the slider.
    h.click("[data-testid=year-down]").await?;
    year_everywhere(h, 1870, "the year stepper to 1870").await?;
    let kars_1870 = holder_of(h, "kars").await?;
    let fill_1870 = fill_of(h, "kars").await?;
    h.press_key(Key::Tab).await?;
    let focused = h.js_string("document.activeElement?.dataset?.testid || document.activeElement?.tagName").await?;
    check(focused == "year-slider", || format!("Tab from the stepper focused {focused}, not the slider"))?;
    let history = h.js("history.length").await?;

    for year in 1871..=1880 {
        h.press_key(Key::Right).await?;
        year_everywhere(h, year, &format!("ArrowRight to {year}")).await?;
    }
    let kars_1880 = holder_of(h, "kars").await?;
    check(kars_1870 == "ottoman-empire" && kars_1880 == "russian-empire", || {
        format!("Kars held by {kars_1870} in 1870, {kars_1880} in 1880")
    })?;
    let fill_1880 = fill_of(h, "kars").await?;
    check(fill_1870 != fill_1880, || format!("Kars is {fill_1880} in both 1870 and 1880"))?;
    h.press_key(Key::Left).await?;
    year_everywhere(h, 1879, "ArrowLeft to 1879").await?;

    let min: i32 = h
        .js_string("document.querySelector('[data-testid=year-slider]').min")
        .await?
        .parse()
        .map_err(|e| format!("slider min: {e}"))?;
    let max: i32 = h
        .js_string("document.querySelector('[data-testid=year-slider]').max")
        .await?
        .parse()
        .map_err(|e| format!("slider max: {e}"))?;
    check(min <= 1500 && max >= 2024, || format!("the slider runs {min}–{max}"))?;
    h.press_key(Key::Home).await?;
    year_everywhere(h, min, "Home to the first year").await?;
    h.press_key(Key::End).await?;
    year_everywhere(h, max, "End to the last year").await?;
    check(h.js("history.length").await? == history, || "moving the slider added history entries".into())?;

    // The mouse: take the thumb at the right end and drag it to the middle of the track.
    let (left, top, width, height) = h.rect("[data-testid=year-slider]").await?;
    let y = (top + height / 2.0).round() as i64;
    let thumb = ((left + width - 8.0).round() as i64, y);
    let to = ((left + width / 2.0).round() as i64, y);
    h.mouse_drag(thumb, to, 10).await?;
    h.wait_until(
        &format!("document.querySelector('[data-testid=map-year]').textContent !== '{max}'"),
        "the year to follow the thumb",
    )
    .await?;
    let year: i32 = shown_year(h).await?.parse().map_err(|e| format!("map-year: {e}"))?;
    year_everywhere(h, year, "the slider, the shown year and the URL to agree after the drag").await?;
    let middle = (min + max) as f64 / 2.0;
    check(((year as f64) - middle).abs() <= (max - min) as f64 * 0.08, || {
        format!("dragging the thumb to the middle of {min}–{max} gave {year}")
    })?;
    let kars = holder_of(h, "kars").await?;
    check(!kars.is_empty(), || format!("Kars has no holder in {year}"))
}

/// Every territory's holder, as `id=holder`, in document order.
pub(crate) async fn holders(h: &Harness) -> Result<Vec<String>, String> {
    let all = h.js_string("[...document.querySelectorAll('.map .territory')].map(t => t.dataset.testid + '=' + t.getAttribute('data-holder')).join(' ')").await?;
    Ok(all.split(' ').map(str::to_string).collect())
}

pub(crate) async fn play_with_reduced_motion_steps_through_changes(h: &Harness) -> TestResult {
    check(h.js("matchMedia('(prefers-reduced-motion: reduce)').matches").await? == true, || {
        "this browser does not prefer reduced motion".into()
    })?;
    h.open("?year=1870").await?;
    h.wait_until("document.querySelector('[data-testid=territory-kars]') !== null", "the map").await?;
    let mut seen: Vec<(i32, Vec<String>)> = vec![(1870, holders(h).await?)];
    h.click("[data-testid=play]").await?;
    h.wait_until("document.querySelector('[data-testid=play]').getAttribute('aria-pressed') === 'true' && document.querySelector('[data-testid=play]').textContent === 'Pause'", "Play to turn into Pause").await?;
    // Watch four steps (1.5 s apart with reduced motion).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(12);
    while seen.len() < 5 && std::time::Instant::now() < deadline {
        let now = h.js("[document.querySelector('[data-testid=map-year]').textContent, new URLSearchParams(location.search).get('year'), [...document.querySelectorAll('.map .territory')].map(t => t.dataset.testid + '=' + t.getAttribute('data-holder')).join(' ')]").await?;
        let shown: i32 = now[0].as_str().unwrap_or_default().parse().map_err(|e| format!("map-year: {e}"))?;
        if shown != seen.last().map(|s| s.0).unwrap_or_default() {
            let in_url = now[1].as_str().unwrap_or_default().to_string();
            check(in_url == shown.to_string(), || format!("showing {shown} with year={in_url} in the URL"))?;
            seen.push((shown, now[2].as_str().unwrap_or_default().split(' ').map(str::to_string).collect()));
        }
        tokio::time::sleep(std::time::Duration::from_millis(40)).await;
    }
    h.click("[data-testid=play]").await?;
    h.wait_until("document.querySelector('[data-testid=play]').getAttribute('aria-pressed') === 'false' && document.querySelector('[data-testid=play]').textContent === 'Play'", "Pause to stop").await?;
    let stopped_at = shown_year(h).await?;
    let years: Vec<i32> = seen.iter().map(|s| s.0).collect();
    check(seen.len() == 5, || format!("Play showed only {years:?} in 12 s"))?;
    tokio::time::sleep(std::time::Duration::from_millis(2000)).await;
    let later = shown_year(h).await?;
    check(later == stopped_at, || format!("still playing after the second press: {stopped_at} → {later}"))?;
    check(years.windows(2).any(|w| w[1] - w[0] > 1), || format!("Play went year by year: {years:?}"))?;

    // Each year shown is one in which some holder changed, and no change was skipped on the way.
    for pair in seen.windows(2) {
        let ((a, at_a), (b, at_b)) = (&pair[0], &pair[1]);
        check(b > a, || format!("Play went back from {a} to {b}"))?;
        h.open(&format!("?year={}", b - 1)).await?;
        let before_b = holders(h).await?;
        check(&before_b != at_b, || format!("Play stopped at {b}, but no holder changed from {} to {b}", b - 1))?;
        // Between a and b nothing changed hands (territories whose record begins later aside).
        let skipped: Vec<String> = at_a
            .iter()
            .zip(&before_b)
            .filter(|(x, y)| x != y && !x.ends_with('='))
            .map(|(x, y)| format!("{x} → {y}"))
            .collect();
        check(skipped.is_empty(), || format!("Play jumped from {a} to {b} over changes: {}", skipped.join(", ")))?;
    }
    Ok(())
}

/// Issue 11's bug: the map took pointer capture on pointerdown, so a real click landed on the
/// SVG and selected nothing (a dispatched click hid it). A person's mouse: move, press, release.
pub(crate) async fn a_real_click_on_a_territory_selects_it(h: &Harness) -> TestResult {
    h.open("?year=1900").await?;
    h.wait_until("document.querySelector('[data-testid=territory-crimea]') !== null", "the map").await?;
    h.wheel_into_view("[data-testid=map]", "[data-testid=map-year]").await?;
    let at = h.point_on("[data-testid=territory-crimea]").await?;
    h.mouse_click_at(at).await?;
    h.wait_until(
        "new URLSearchParams(location.search).get('territory') === 'crimea' && document.querySelector('[data-testid=territory-detail]') !== null",
        "a click on Crimea to select it",
    )
    .await
}
