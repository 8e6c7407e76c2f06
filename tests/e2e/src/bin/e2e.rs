//! End-to-end tests: the release build in headless Chromium, served from a sub-path.
//! Usage: `e2e DIST_DIR`. Prints one line per test and closes with "N passed, N failed".

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use fantoccini::key::Key;
use fantoccini::Locator;
use straitline_e2e::{Harness, TestResult, SUB_PATH};

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
        [n, "of", m, "events"] => Ok((n.parse().map_err(|_| count.to_string())?, m.parse().map_err(|_| count.to_string())?)),
        _ => Err(format!("unexpected count text {count:?}")),
    }
}

async fn deep_link_reopens_the_view(h: &Harness) -> TestResult {
    h.open("?era=empires&cat=treaty&event=treaty-of-berlin-1878").await?;
    let (shown, total) = total_of(&h.count_text().await?)?;
    check(shown > 5 && shown < total, || format!("treaties of the empires era: {shown} of {total}"))?;
    h.wait_until("document.querySelector('#event-treaty-of-berlin-1878.selected') !== null", "the selected entry").await?;
    // Scrolled into view inside the list.
    h.wait_until(
        "(() => { const el = document.getElementById('event-treaty-of-berlin-1878').getBoundingClientRect(); \
          const box = document.querySelector('.event-list').getBoundingClientRect(); \
          return el.top >= box.top - 1 && el.bottom <= box.bottom + 1; })()",
        "the selected event to be scrolled into view",
    )
    .await?;
    let detail = h.js_string("document.querySelector('[data-testid=detail] h2').textContent").await?;
    check(detail.contains("Berlin"), || format!("detail shows {detail:?}"))?;
    h.wait_until("document.querySelector('[data-testid=axis-mark-treaty-of-berlin-1878].selected, .mark.cluster.selected') !== null", "the mark highlighted on the axis").await?;
    let title = h.client.title().await.map_err(|e| e.to_string())?;
    check(title.contains("Berlin") && title.contains("1878"), || format!("page title {title:?}"))?;
    let chips = h.js("[...document.querySelectorAll('.chip.active')].map(c => c.dataset.testid).join(' ')").await?;
    check(chips == "era-empires cat-treaty", || format!("active chips {chips}"))
}

async fn picking_an_era_filters_and_pushes_history(h: &Harness) -> TestResult {
    h.open("").await?;
    let (all, total) = total_of(&h.count_text().await?)?;
    check(all == total, || format!("unfiltered shows {all} of {total}"))?;
    h.click("[data-testid=era-interwar]").await?;
    h.wait_until("location.search === '?era=interwar'", "the era in the URL").await?;
    let (shown, _) = total_of(&h.count_text().await?)?;
    check(shown > 0 && shown < total, || format!("interwar shows {shown}"))?;
    let years = h.js("[...document.querySelectorAll('[data-testid=event-item] time')].every(t => { const y = +t.getAttribute('datetime').slice(0, 4); return y >= 1918 && y <= 1939; })").await?;
    check(years == true, || "an event outside 1918–1939 is listed".into())?;
    let axis = h.js_string("document.querySelector('[data-testid=axis]').getAttribute('aria-label')").await?;
    check(axis.contains("1918") && axis.contains("1939"), || format!("axis zoomed to {axis:?}"))
}

async fn back_and_forward_step_through_choices(h: &Harness) -> TestResult {
    h.open("").await?;
    h.click("[data-testid=era-crisis-normalisation]").await?;
    h.wait_until("location.search === '?era=crisis-normalisation'", "the era").await?;
    h.click("[data-testid=cat-incident]").await?;
    h.wait_until("location.search === '?era=crisis-normalisation&cat=incident'", "the category").await?;
    h.click("#event-su-24-shootdown-2015 .event-link").await?;
    h.wait_until("location.search.endsWith('&event=su-24-shootdown-2015')", "the event").await?;
    h.wait_until("document.querySelector('[data-testid=detail] h2') !== null", "the detail").await?;

    h.client.back().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?era=crisis-normalisation&cat=incident'", "Back to the category").await?;
    h.wait_until("document.querySelector('[data-testid=detail]') === null && document.querySelector('li.event.selected') === null", "the detail closed").await?;
    h.client.back().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?era=crisis-normalisation'", "Back to the era").await?;
    h.wait_until("document.querySelector('[data-testid=cat-incident]').getAttribute('aria-pressed') === 'false'", "the category chip off").await?;
    h.client.forward().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?era=crisis-normalisation&cat=incident'", "Forward to the category").await?;
    h.wait_until("[...document.querySelectorAll('[data-testid=event-item] .badge:first-child')].every(b => b.textContent === 'Incident')", "only incidents listed").await?;
    h.client.forward().await.map_err(|e| e.to_string())?;
    h.wait_until("document.querySelector('#event-su-24-shootdown-2015.selected') !== null", "Forward to the event").await
}

async fn search_ignores_diacritics_and_replaces_history(h: &Harness) -> TestResult {
    for typed in ["kucuk kaynarca", "Küçük Kaynarca", "КЮЧУК"] {
        h.open("").await?;
        let before = h.js("history.length").await?;
        let input = h.client.find(Locator::Css("[data-testid=search]")).await.map_err(|e| e.to_string())?;
        input.send_keys(typed).await.map_err(|e| e.to_string())?;
        h.wait_until("document.querySelector('#event-treaty-of-kucuk-kaynarca-1774') !== null && location.search.startsWith('?q=')", "the search result").await?;
        let (shown, total) = total_of(&h.count_text().await?)?;
        check((1..10).contains(&shown), || format!("{typed:?} found {shown} of {total}"))?;
        let after = h.js("history.length").await?;
        check(before == after, || format!("typing {typed:?} added history entries ({before} → {after})"))?;
    }
    Ok(())
}

async fn a_bad_url_shows_a_notice_and_is_canonicalised(h: &Harness) -> TestResult {
    let long = "x".repeat(3000);
    h.open(&format!("?era=atlantis,interwar&from=1939&to=1920&cat=war,sport&event=nope&q={long}&utm_source=feed")).await?;
    h.wait_until("document.querySelector('[data-testid=notice]') !== null", "the notice").await?;
    let notice = h.js_string("document.querySelector('[data-testid=notice]').textContent").await?;
    for word in ["atlantis", "sport", "nope", "reversed", "shortened", "utm_source"] {
        check(notice.contains(word), || format!("notice does not mention {word}: {notice}"))?;
    }
    let expected = format!("?era=interwar&cat=war&q={}&from=1920&to=1939", "x".repeat(100));
    h.wait_until(&format!("location.search === '{expected}'"), "the canonical URL").await?;
    // The rest of the page still renders.
    h.count_text().await?;
    check(h.js("document.querySelector('[data-testid=axis]') !== null").await? == true, || "no axis".into())?;
    h.click("[data-testid=notice] .dismiss").await?;
    h.wait_until("document.querySelector('[data-testid=notice]') === null", "the notice dismissed").await?;

    // Garbage of every kind never blanks the page.
    for query in ["?event=%E0%A4%A", "?from=99999999999999999999&to=-5", "?era=,,,&cat=", "?%ZZ=1&&&=", "?q=%00%01<script>"] {
        h.open(query).await?;
        let (_, total) = total_of(&h.count_text().await?)?;
        check(total > 100, || format!("{query}: page did not render"))?;
    }
    Ok(())
}

async fn an_empty_result_offers_to_clear(h: &Harness) -> TestResult {
    h.open("?q=zzzz+nothing+matches").await?;
    h.wait_until("document.querySelector('[data-testid=empty]') !== null", "the empty message").await?;
    let (shown, total) = total_of(&h.count_text().await?)?;
    check(shown == 0 && total > 0, || format!("{shown} of {total}"))?;
    h.click("[data-testid=empty] a").await?;
    h.wait_until(&format!("location.pathname === '{SUB_PATH}' && location.search === ''"), "the cleared URL").await?;
    h.wait_until("document.querySelector('[data-testid=search]').value === ''", "the search box cleared").await
}

async fn the_axis_works_from_the_keyboard(h: &Harness) -> TestResult {
    h.open("?era=interwar").await?;
    let mark = h.js_string("document.querySelector('[data-testid^=axis-mark-]').dataset.testid").await?;
    let id = mark.trim_start_matches("axis-mark-").to_string();
    h.js(&format!("document.querySelector('[data-testid={mark}]').focus() || true")).await?;
    let focused = h.client.active_element().await.map_err(|e| e.to_string())?;
    focused.send_keys(&String::from(char::from(Key::Enter))).await.map_err(|e| e.to_string())?;
    h.wait_until(&format!("location.search === '?era=interwar&event={id}'"), "the event chosen by keyboard").await?;
    h.wait_until(&format!("document.querySelector('#event-{id}.selected') !== null"), "the list entry highlighted").await?;
    // A cluster zooms in to the years it covers.
    h.open("").await?;
    h.click("[data-testid=axis-cluster] circle").await?;
    h.wait_until("/from=\\d{4}&to=\\d{4}/.test(location.search)", "the cluster to zoom in").await
}

async fn on_a_phone_the_axis_scrolls_to_the_selected_event(h: &Harness) -> TestResult {
    async fn phone(h: &Harness) -> TestResult {
        h.open("?event=istanbul-talks-2025-06-02").await?;
        h.wait_until("document.querySelector('.axis .mark.selected') !== null", "the selected mark").await?;
        let scrolls = h.js("(c => c.scrollWidth > c.clientWidth)(document.querySelector('.axis-scroll'))").await?;
        check(scrolls == true, || "the axis is squeezed into the phone's width instead of scrolling".into())?;
        h.wait_until(
            "(() => { const c = document.querySelector('.axis-scroll').getBoundingClientRect(); \
             const m = document.querySelector('.axis .mark.selected').getBoundingClientRect(); \
             return m.left >= c.left && m.right <= c.right; })()",
            "the selected 2025 mark scrolled into view",
        )
        .await
    }
    h.client.set_window_size(390, 844).await.map_err(|e| e.to_string())?;
    let result = phone(h).await;
    h.client.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
    result
}

async fn year_range_and_clear_all(h: &Harness) -> TestResult {
    h.open("").await?;
    let from = h.client.find(Locator::Css("[data-testid=year-from]")).await.map_err(|e| e.to_string())?;
    from.send_keys("1800\n").await.map_err(|e| e.to_string())?;
    let to = h.client.find(Locator::Css("[data-testid=year-to]")).await.map_err(|e| e.to_string())?;
    to.send_keys("1850\n").await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?from=1800&to=1850'", "the year range in the URL").await?;
    let ok = h.js("[...document.querySelectorAll('[data-testid=event-item] time')].length > 0").await?;
    check(ok == true, || "nothing listed for 1800–1850".into())?;
    h.click("[data-testid=clear-all]").await?;
    h.wait_until(&format!("location.pathname + location.search === '{SUB_PATH}'"), "clear all").await
}

async fn copy_link_and_index_html_path(h: &Harness) -> TestResult {
    h.client.goto(&format!("{}index.html?era=ukraine-war", h.base)).await.map_err(|e| e.to_string())?;
    h.wait_until("document.querySelector('[data-testid=count]') !== null", "the app at index.html").await?;
    h.click("[data-testid=era-ukraine-war]").await?;
    h.wait_until(&format!("location.pathname === '{SUB_PATH}index.html' && location.search === ''"), "links to stay on index.html").await?;
    h.open("?era=ukraine-war").await?;
    h.click("[data-testid=copy-link]").await?;
    h.wait_until("document.querySelector('.copy-status input') !== null", "the copied link").await?;
    let shown = h.js_string("document.querySelector('.copy-status input').value").await?;
    check(shown.ends_with(&format!("{SUB_PATH}?era=ukraine-war")), || format!("copied {shown:?}"))
}

async fn holder_of(h: &Harness, territory: &str) -> Result<String, String> {
    h.js_string(&format!("document.querySelector('[data-testid=territory-{territory}]').getAttribute('data-holder')")).await
}

async fn the_map_year_colours_the_territories(h: &Harness) -> TestResult {
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
    h.wait_until("location.search === '?year=1926' && document.querySelector('[data-testid=map-year]').textContent === '1926'", "the year stepper").await?;
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
    h.wait_until("location.search === '?territory=batum' && document.querySelector('[data-testid=territory-detail]') !== null", "the old id opens Batum").await
}

async fn a_treaty_highlights_what_it_moved(h: &Harness) -> TestResult {
    h.open("?era=empires").await?;
    h.click("#event-treaty-of-berlin-1878 .event-link").await?;
    h.wait_until("location.search === '?era=empires&event=treaty-of-berlin-1878'", "Berlin selected").await?;
    h.wait_until("document.querySelector('[data-testid=map-year]').textContent === '1878'", "the map moved to 1878").await?;
    let moved = h.js_string("[...document.querySelectorAll('.territory.moved')].map(t => t.dataset.testid).sort().join(' ')").await?;
    for id in ["kars", "ardahan", "oltu", "batum", "artvin"] {
        check(moved.contains(&format!("territory-{id}")), || format!("{id} not highlighted: {moved}"))?;
    }
    let transfers = h.js_string("[...document.querySelectorAll('[data-testid=transfer]')].map(t => t.textContent).join(' | ')").await?;
    check(transfers.contains("Kars: Ottoman Empire → Russian Empire"), || format!("transfers: {transfers}"))
}

async fn a_territory_filters_the_timeline_and_back_undoes_it(h: &Harness) -> TestResult {
    h.open("?year=1900").await?;
    let (_, total) = total_of(&h.count_text().await?)?;
    h.js("document.querySelector('[data-testid=territory-kars]').dispatchEvent(new MouseEvent('click', {bubbles: true})) || true").await?;
    h.wait_until("location.search === '?year=1900&territory=kars'", "the territory in the URL").await?;
    let (shown, _) = total_of(&h.count_text().await?)?;
    check(shown > 0 && shown < total, || format!("Kars shows {shown} of {total}"))?;
    h.wait_until("document.querySelector('#event-treaty-of-kars-1921') !== null && document.querySelector('#event-su-24-shootdown-2015') === null", "only Kars events").await?;
    let history = h.js_string("document.querySelector('[data-testid=territory-detail]').textContent").await?;
    check(history.contains("Russian Empire") && history.contains("Turkey") && history.contains("Treaty of Kars"), || format!("history: {history}"))?;
    h.client.back().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?year=1900'", "Back").await?;
    h.wait_until(&format!("document.querySelector('[data-testid=count]').textContent === '{total} of {total} events'"), "all events again").await?;
    h.client.forward().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?year=1900&territory=kars' && document.querySelector('[data-testid=territory-detail]') !== null", "Forward").await
}

async fn places_filter_and_far_places_are_pointed_at(h: &Harness) -> TestResult {
    h.open("?event=montreux-convention-1936").await?;
    h.wait_until("document.querySelector('[data-testid=place-montreux].off-frame') !== null", "Montreux pointed at from the edge").await?;
    h.open("").await?;
    h.js("document.querySelector('[data-testid=place-istanbul]').dispatchEvent(new MouseEvent('click', {bubbles: true})) || true").await?;
    h.wait_until("location.search === '?place=istanbul'", "the place filter").await?;
    let all_here = h.js("[...document.querySelectorAll('[data-testid=event-item]')].length > 3").await?;
    check(all_here == true, || "few Istanbul events".into())?;
    h.click("[data-testid=remove-place]").await?;
    h.wait_until("location.search === ''", "the place filter removed").await
}

async fn the_map_view_is_a_deep_link(h: &Harness) -> TestResult {
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

#[tokio::main]
async fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let harness = match Harness::start(&dist).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("e2e: could not start: {e}");
            println!("0 passed, 1 failed");
            std::process::exit(1);
        }
    };
    let tests: Vec<(&str, Test)> = vec![
        ("deep link reopens the view", |h| Box::pin(deep_link_reopens_the_view(h))),
        ("picking an era filters and pushes history", |h| Box::pin(picking_an_era_filters_and_pushes_history(h))),
        ("back and forward step through choices", |h| Box::pin(back_and_forward_step_through_choices(h))),
        ("search ignores diacritics and replaces history", |h| Box::pin(search_ignores_diacritics_and_replaces_history(h))),
        ("a bad URL shows a notice and is canonicalised", |h| Box::pin(a_bad_url_shows_a_notice_and_is_canonicalised(h))),
        ("an empty result offers to clear", |h| Box::pin(an_empty_result_offers_to_clear(h))),
        ("the axis works from the keyboard", |h| Box::pin(the_axis_works_from_the_keyboard(h))),
        ("on a phone the axis scrolls to the selected event", |h| Box::pin(on_a_phone_the_axis_scrolls_to_the_selected_event(h))),
        ("year range and clear all", |h| Box::pin(year_range_and_clear_all(h))),
        ("copy link, and index.html as the path", |h| Box::pin(copy_link_and_index_html_path(h))),
        ("the map year colours the territories", |h| Box::pin(the_map_year_colours_the_territories(h))),
        ("a treaty highlights what it moved", |h| Box::pin(a_treaty_highlights_what_it_moved(h))),
        ("a territory filters the timeline, Back undoes it", |h| Box::pin(a_territory_filters_the_timeline_and_back_undoes_it(h))),
        ("places filter, far places are pointed at", |h| Box::pin(places_filter_and_far_places_are_pointed_at(h))),
        ("the map view is a deep link", |h| Box::pin(the_map_view_is_a_deep_link(h))),
    ];
    let (mut passed, mut failed) = (0, 0);
    for (name, test) in tests {
        match test(&harness).await {
            Ok(()) => {
                passed += 1;
                println!("ok   {name}");
            }
            Err(e) => {
                failed += 1;
                println!("FAIL {name}: {e}");
            }
        }
    }
    harness.stop().await;
    println!("e2e: {passed} passed, {failed} failed");
    std::process::exit(if failed == 0 { 0 } else { 1 });
}
