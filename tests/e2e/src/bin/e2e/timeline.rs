//! The timeline, the list, the filters and the URL: deep links, history, bad links.

use fantoccini::key::Key;
use fantoccini::Locator;
use straitline_e2e::{Harness, TestResult, SUB_PATH};

use super::{check, total_of};

pub(crate) async fn deep_link_reopens_the_view(h: &Harness) -> TestResult {
    h.open("?era=empires&cat=treaty&event=treaty-of-berlin-1878").await?;
    let (shown, total) = total_of(&h.count_text().await?)?;
    check(shown > 5 && shown < total, || format!("treaties of the empires era: {shown} of {total}"))?;
    h.wait_until("document.querySelector('#event-treaty-of-berlin-1878.selected') !== null", "the selected entry")
        .await?;
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

pub(crate) async fn picking_an_era_filters_and_pushes_history(h: &Harness) -> TestResult {
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

pub(crate) async fn back_and_forward_step_through_choices(h: &Harness) -> TestResult {
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
    h.wait_until(
        "document.querySelector('[data-testid=cat-incident]').getAttribute('aria-pressed') === 'false'",
        "the category chip off",
    )
    .await?;
    h.client.forward().await.map_err(|e| e.to_string())?;
    h.wait_until("location.search === '?era=crisis-normalisation&cat=incident'", "Forward to the category").await?;
    h.wait_until("[...document.querySelectorAll('[data-testid=event-item] .badge:first-child')].every(b => b.textContent === 'Incident')", "only incidents listed").await?;
    h.client.forward().await.map_err(|e| e.to_string())?;
    h.wait_until("document.querySelector('#event-su-24-shootdown-2015.selected') !== null", "Forward to the event")
        .await
}

pub(crate) async fn search_ignores_diacritics_and_replaces_history(h: &Harness) -> TestResult {
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

pub(crate) async fn a_bad_url_shows_a_notice_and_is_canonicalised(h: &Harness) -> TestResult {
    let long = "x".repeat(3000);
    h.open(&format!("?era=atlantis,interwar&from=1939&to=1920&cat=war,sport&event=nope&q={long}&utm_source=feed"))
        .await?;
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
    for query in
        ["?event=%E0%A4%A", "?from=99999999999999999999&to=-5", "?era=,,,&cat=", "?%ZZ=1&&&=", "?q=%00%01<script>"]
    {
        h.open(query).await?;
        let (_, total) = total_of(&h.count_text().await?)?;
        check(total > 100, || format!("{query}: page did not render"))?;
    }
    Ok(())
}

pub(crate) async fn an_empty_result_offers_to_clear(h: &Harness) -> TestResult {
    h.open("?q=zzzz+nothing+matches").await?;
    h.wait_until("document.querySelector('[data-testid=empty]') !== null", "the empty message").await?;
    let (shown, total) = total_of(&h.count_text().await?)?;
    check(shown == 0 && total > 0, || format!("{shown} of {total}"))?;
    h.click("[data-testid=empty] a").await?;
    h.wait_until(&format!("location.pathname === '{SUB_PATH}' && location.search === ''"), "the cleared URL").await?;
    h.wait_until("document.querySelector('[data-testid=search]').value === ''", "the search box cleared").await
}

pub(crate) async fn the_axis_works_from_the_keyboard(h: &Harness) -> TestResult {
    h.open("?era=interwar").await?;
    let mark = h.js_string("document.querySelector('[data-testid^=axis-mark-]').dataset.testid").await?;
    let id = mark.trim_start_matches("axis-mark-").to_string();
    h.js(&format!("document.querySelector('[data-testid={mark}]').focus() || true")).await?;
    let focused = h.client.active_element().await.map_err(|e| e.to_string())?;
    focused.send_keys(&String::from(char::from(Key::Enter))).await.map_err(|e| e.to_string())?;
    h.wait_until(&format!("location.search === '?era=interwar&event={id}'"), "the event chosen by keyboard").await?;
    h.wait_until(&format!("document.querySelector('#event-{id}.selected') !== null"), "the list entry highlighted")
        .await?;
    // A cluster zooms in to the years it covers.
    h.open("").await?;
    h.click("[data-testid=axis-cluster] circle").await?;
    h.wait_until("/from=\\d{4}&to=\\d{4}/.test(location.search)", "the cluster to zoom in").await
}

pub(crate) async fn on_a_phone_the_axis_scrolls_to_the_selected_event(h: &Harness) -> TestResult {
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

pub(crate) async fn year_range_and_clear_all(h: &Harness) -> TestResult {
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

pub(crate) async fn copy_link_and_index_html_path(h: &Harness) -> TestResult {
    h.client.goto(&format!("{}index.html?era=ukraine-war", h.base)).await.map_err(|e| e.to_string())?;
    h.wait_until("document.querySelector('[data-testid=count]') !== null", "the app at index.html").await?;
    h.click("[data-testid=era-ukraine-war]").await?;
    h.wait_until(
        &format!("location.pathname === '{SUB_PATH}index.html' && location.search === ''"),
        "links to stay on index.html",
    )
    .await?;
    h.open("?era=ukraine-war").await?;
    h.click("[data-testid=copy-link]").await?;
    h.wait_until("document.querySelector('.copy-status input') !== null", "the copied link").await?;
    let shown = h.js_string("document.querySelector('.copy-status input').value").await?;
    check(shown.ends_with(&format!("{SUB_PATH}?era=ukraine-war")), || format!("copied {shown:?}"))
}

/// Issue 11: the selected event's detail is in view at 1280×800 and at 390×844 (on a phone it
/// is above the list), and closing it brings the person back to the event they chose.
pub(crate) async fn the_selected_events_detail_is_in_view(h: &Harness) -> TestResult {
    for (width, height) in [(1280, 800), (390, 844)] {
        h.client.set_window_size(width, height).await.map_err(|e| e.to_string())?;
        let result = detail_in_view(h).await.map_err(|e| format!("at {width}×{height}: {e}"));
        h.client.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
        result?;
    }
    Ok(())
}

async fn detail_in_view(h: &Harness) -> TestResult {
    h.open("?era=empires").await?;
    h.click("#event-treaty-of-berlin-1878 .event-link").await?;
    let in_view = |css: &str| {
        format!(
            "(() => {{ const t = document.querySelector('{css}'); if (!t) return false; \
             const r = t.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }})()"
        )
    };
    h.wait_until(&in_view("[data-testid=detail] h2"), "the detail's heading in the viewport").await?;
    h.click("[data-testid=detail] .close").await?;
    h.wait_until("location.search === '?era=empires'", "the detail closed").await?;
    h.wait_until(&in_view("#event-treaty-of-berlin-1878"), "back at the chosen event").await
}

/// Issue 11: a newcomer is oriented. The tone colours have a key that says a tone describes
/// Russia–Turkey relations, the map legend names the place markers, and a one-line help can be
/// dismissed with a click and stays dismissed after a reload.
pub(crate) async fn a_newcomer_is_oriented(h: &Harness) -> TestResult {
    h.open("").await?;
    let key = h.js_string("document.querySelector('[data-testid=tone-key]').textContent").await?;
    check(key.contains("Russia–Turkey relations") && key.contains("conflict"), || format!("tone key: {key}"))?;
    let legend = h.js_string("document.querySelector('[data-testid=legend-places]').textContent").await?;
    check(legend.contains("place that events name"), || format!("legend: {legend}"))?;
    h.wait_until("document.querySelector('[data-testid=how-to]') !== null", "the help line").await?;
    h.click("[data-testid=how-to-close]").await?;
    h.wait_until("document.querySelector('[data-testid=how-to]') === null", "the help dismissed").await?;
    h.open("?era=interwar").await?;
    h.wait_until("document.querySelector('[data-testid=count]') !== null", "the app").await?;
    let back = h.js("document.querySelector('[data-testid=how-to]') === null").await?;
    check(back == true, || "the help came back after a reload".into())
}
