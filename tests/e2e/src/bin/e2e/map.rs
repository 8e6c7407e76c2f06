//! The map's year, treaties, territories, places and view as deep links.

use fantoccini::key::Key;
use straitline_e2e::{Harness, TestResult};

use super::{check, total_of};

pub(crate) async fn holder_of(h: &Harness, territory: &str) -> Result<String, String> {
    h.js_string(&format!("document.querySelector('[data-testid=territory-{territory}]').getAttribute('data-holder')"))
        .await
}

pub(crate) async fn the_map_year_colours_the_territories(h: &Harness) -> TestResult {
    h.open("?year=1880").await?;
    h.wait_until("document.querySelector('[data-testid=territory-kars]') !== null", "the map").await?;
    let kars = holder_of(h, "kars").await?;
    check(kars == "russian-empire", || format!("Kars in 1880: {kars}"))?;
    let fill_1880 = h.js_string("document.querySelector('[data-testid=territory-kars]').getAttribute('fill')").await?;
    h.open("?year=1925").await?;
    let kars = holder_of(h, "kars").await?;
    check(kars == "turkey", || format!("Kars in 1925: {kars}"))?;
    let fill_1925 = h.js_string("document.querySelector('[data-testid=territory-kars]').getAttribute('fill')").await?;
    check(fill_1880 != fill_1925, || "Kars keeps its colour from 1880 to 1925".into())?;
    // The stepper and the slider drive the year parameter.
    h.click("[data-testid=year-up]").await?;
    h.wait_until(
        "location.search === '?year=1926' && document.querySelector('[data-testid=map-year]').textContent === '1926'",
        "the year stepper",
    )
    .await?;
    let legend = h.js_string("document.querySelector('.legend').textContent").await?;
    check(legend.contains("Turkey") && legend.contains("Soviet Union"), || format!("legend {legend}"))?;
    check(h.js("document.querySelector('.map .hatch') === null").await? == true, || "hatching in 1926".into())?;
    // Crimea since 2014: Russian control, hatched, and the legend says it is not recognised.
    h.open("?year=2020").await?;
    let crimea = holder_of(h, "crimea").await?;
    check(crimea == "russia-unrecognised", || format!("Crimea in 2020: {crimea}"))?;
    // Crimea, Kefe and Kerch under Russia, Tiraspol and Bender under breakaway Transnistria.
    h.wait_until("document.querySelectorAll('.map .hatch').length === 5", "five units hatched").await?;
    let legend = h.js_string("document.querySelector('.legend').textContent").await?;
    check(legend.contains("Russia (annexation not recognised)"), || format!("legend {legend}"))?;
    // Batum–Artvin was split into two units; an old link opens Batum and the URL follows.
    h.open("?territory=batum-artvin").await?;
    h.wait_until(
        "location.search === '?territory=batum' && document.querySelector('[data-testid=territory-detail]') !== null",
        "the old id opens Batum",
    )
    .await
}

pub(crate) async fn a_treaty_highlights_what_it_moved(h: &Harness) -> TestResult {
    h.open("?era=empires").await?;
    h.click("#event-treaty-of-berlin-1878 .event-link").await?;
    h.wait_until("location.search === '?era=empires&event=treaty-of-berlin-1878'", "Berlin selected").await?;
    h.wait_until("document.querySelector('[data-testid=map-year]').textContent === '1878'", "the map moved to 1878")
        .await?;
    let moved = h
        .js_string("[...document.querySelectorAll('.territory.moved')].map(t => t.dataset.testid).sort().join(' ')")
        .await?;
    for id in ["kars", "ardahan", "oltu", "batum", "artvin"] {
        check(moved.contains(&format!("territory-{id}")), || format!("{id} not highlighted: {moved}"))?;
    }
    let transfers = h
        .js_string("[...document.querySelectorAll('[data-testid=transfer]')].map(t => t.textContent).join(' | ')")
        .await?;
    check(transfers.contains("Kars: Ottoman Empire → Russian Empire"), || format!("transfers: {transfers}"))
}

pub(crate) async fn a_territory_filters_the_timeline_and_back_undoes_it(h: &Harness) -> TestResult {
    h.open("?year=1900").await?;
    let (_, total) = total_of(&h.count_text().await?)?;
    // A person's click: the mouse moves onto a visible point of Kars, presses and releases.
    h.wheel_into_view("[data-testid=map]", "[data-testid=map-year]").await?;
    let at = h.point_on("[data-testid=territory-kars]").await?;
    h.mouse_click_at(at).await?;
    h.wait_until("location.search === '?year=1900&territory=kars'", "the territory in the URL").await?;
    let (shown, _) = total_of(&h.count_text().await?)?;
    check(shown > 0 && shown < total, || format!("Kars shows {shown} of {total}"))?;
    h.wait_until("document.querySelector('#event-treaty-of-kars-1921') !== null && document.querySelector('#event-su-24-shootdown-2015') === null", "only Kars events").await?;
    let history = h.js_string("document.querySelector('[data-testid=territory-detail]').textContent").await?;
    check(
        history.contains("Russian Empire")
            && history.contains("Turkey")
            && history.contains("Treaty of Kars")
            && history.contains("Transcaucasian Commissariat")
            && history.contains("(Russian side)")
            && history.contains("(Ottoman or Turkish side)")
            && history.contains("(neither side)"),
        || format!("history: {history}"),
    )?;
    h.client.back().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?year=1900'", "Back").await?;
    h.wait_until(
        &format!("document.querySelector('[data-testid=count]').textContent === '{total} of {total} events'"),
        "all events again",
    )
    .await?;
    h.client.forward().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?year=1900&territory=kars' && document.querySelector('[data-testid=territory-detail]') !== null", "Forward").await
}

pub(crate) async fn places_filter_and_far_places_are_pointed_at(h: &Harness) -> TestResult {
    h.open("?event=montreux-convention-1936").await?;
    h.wait_until(
        "document.querySelector('[data-testid=place-montreux].off-frame') !== null",
        "Montreux pointed at from the edge",
    )
    .await?;
    h.open("").await?;
    h.wheel_into_view("[data-testid=map]", "[data-testid=map-year]").await?;
    let at = h.point_on("[data-testid=place-istanbul]").await?;
    h.mouse_click_at(at).await?;
    h.wait_until("location.search === '?place=istanbul'", "the place filter").await?;
    let all_here = h.js("[...document.querySelectorAll('[data-testid=event-item]')].length > 3").await?;
    check(all_here == true, || "few Istanbul events".into())?;
    h.click("[data-testid=remove-place]").await?;
    h.wait_until("location.search === ''", "the place filter removed").await
}

pub(crate) async fn the_map_view_is_a_deep_link(h: &Harness) -> TestResult {
    h.open("?map=2.0/41.00/29.00").await?;
    let a = h.js_string("document.querySelector('[data-testid=map]').getAttribute('viewBox')").await?;
    h.click("[data-testid=zoom-in]").await?;
    h.wait_until("location.search === '?map=3.0/41.00/29.00'", "zoom in").await?;
    h.client.refresh().await.map_err(|e| e.to_string())?;
    h.wait_until("document.querySelector('[data-testid=map]') !== null", "reload").await?;
    let b = h.js_string("document.querySelector('[data-testid=map]').getAttribute('viewBox')").await?;
    check(a != b, || "zoom did not change the view".into())?;
    // Keyboard: focus the map, arrow to pan, 0 to reset.
    h.js("document.querySelector('[data-testid=map]').focus() || true").await?;
    let map = h.client.active_element().await.map_err(|e| e.to_string())?;
    map.send_keys(&String::from(char::from(Key::Right))).await.map_err(|e| e.to_string())?;
    h.wait_until("/map=3\\.0\\/41\\.\\d\\d\\/(29\\.[1-9]|3\\d)/.test(location.search)", "pan east by keyboard").await?;
    map.send_keys("0").await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === ''", "reset").await?;
    // A bad view and a bad territory: notice, canonical URL.
    h.open("?map=zoom&territory=narnia&year=3000").await?;
    h.wait_until("document.querySelector('[data-testid=notice]') !== null", "the notice").await?;
    let notice = h.js_string("document.querySelector('[data-testid=notice]').textContent").await?;
    check(notice.contains("narnia") && notice.contains("map="), || notice.clone())?;
    h.wait_until("/^\\?year=20\\d\\d$/.test(location.search)", "the canonical URL").await
}

/// Issue 11: the map shows the selected event's own day. San Stefano (3 March 1878) and
/// Berlin (13 July 1878) no longer paint the same map, a filter does not move the map away
/// from the event, and a year outside the filters is clamped with a notice.
pub(crate) async fn the_map_shows_the_events_day(h: &Harness) -> TestResult {
    h.open("?event=treaty-of-san-stefano-1878").await?;
    h.wait_until("document.querySelector('[data-testid=map-caption]') !== null", "the caption").await?;
    let stefano = holder_of(h, "kars").await?;
    let caption = h.js_string("document.querySelector('[data-testid=map-caption]').textContent").await?;
    check(stefano == "ottoman-empire", || format!("Kars on 3 March 1878: {stefano}"))?;
    check(caption.contains("3 March 1878") && caption.contains("San Stefano"), || format!("caption: {caption}"))?;
    h.open("?era=ukraine-war&event=treaty-of-berlin-1878").await?;
    h.wait_until(
        "document.querySelector('[data-testid=map-caption]').textContent.includes('13 July 1878')",
        "Berlin's day, whatever the era",
    )
    .await?;
    let berlin = holder_of(h, "kars").await?;
    check(berlin == "russian-empire", || format!("Kars on 13 July 1878: {berlin}"))?;
    h.open("?era=empires&year=2020").await?;
    h.wait_until("location.search === '?era=empires&year=1918'", "the year clamped to the era").await?;
    let notice =
        h.js_string("[...document.querySelectorAll('[data-testid=notice]')].map(n => n.textContent).join(' ')").await?;
    check(notice.contains("year=2020 is outside"), || format!("notice: {notice}"))
}
