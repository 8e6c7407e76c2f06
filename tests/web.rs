//! Component tests in a real browser (wasm-bindgen-test in headless Chromium).
//! Run by `scripts/test`; natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use straitline::components::notices::Notices;
use straitline::data::Catalog;
use straitline::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn container() -> HtmlElement {
    let div = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn text(selector: &str) -> String {
    doc().query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

fn count(selector: &str) -> u32 {
    doc().query_selector_all(selector).unwrap().length()
}

fn attr(selector: &str, name: &str) -> String {
    doc().query_selector(selector).unwrap().and_then(|e| e.get_attribute(name)).unwrap_or_default()
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

fn history_length() -> u32 {
    web_sys::window().unwrap().history().unwrap().length().unwrap()
}

fn click(selector: &str) {
    doc()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Goes to `query` as if the user had followed a link: pushState, then popstate for the router.
fn visit(query: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{query}")))
        .unwrap();
    window.dispatch_event(&web_sys::Event::new("popstate").unwrap()).unwrap();
}

async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn notices_list_messages_and_dismiss() {
    let notices = RwSignal::new(vec!["Ignored unknown era \"x\".".to_string()]);
    let _handle = leptos::mount::mount_to(container(), move || view! { <Notices notices/> });
    settle().await;
    assert!(text("[data-testid=notice]").contains("Ignored unknown era \"x\"."));
    click("[data-testid=notice] .dismiss");
    settle().await;
    assert_eq!(count("[data-testid=notice]"), 0);
}

/// One mounted app walks through the main interactions (a second router in the same page
/// would also listen to clicks, so the app is mounted once).
#[wasm_bindgen_test]
async fn the_app_follows_and_rewrites_the_url() {
    let catalog = Catalog::bundled().unwrap();
    let total = catalog.events.len();
    let kaynarca = catalog.events.iter().find(|e| e.id.contains("kucuk-kaynarca")).unwrap();

    // A deep link opens with the event selected in list, axis and detail.
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?era=empires&event={}", kaynarca.id)),
        )
        .unwrap();
    let _handle = leptos::mount::mount_to(container(), App);
    settle().await;
    let in_era = catalog.events.iter().filter(|e| catalog.eras[e.era].id == "empires").count();
    assert_eq!(text("[data-testid=count]"), format!("{in_era} of {total} events"));
    assert_eq!(count("[data-testid=event-item]") as usize, in_era);
    assert_eq!(count("li.event.selected"), 1);
    assert!(text("li.event.selected").contains(&kaynarca.title));
    assert!(text("[data-testid=detail] h2").contains(&kaynarca.title));
    assert!(text("[data-testid=detail]").contains("Кючук"), "Russian name shown");
    // With 200 events in the era, 1774 may sit inside a numbered cluster: exactly one mark,
    // the event's own or the cluster holding it, shows the selection.
    assert_eq!(count(".axis .mark.selected"), 1);
    assert_eq!(
        count(&format!("[data-testid=axis-mark-{}].selected", kaynarca.id))
            + count("[data-testid=axis-cluster].selected"),
        1
    );
    assert_eq!(doc().title(), format!("{} ({}) · Straitline", kaynarca.title, kaynarca.date.year));

    // Choosing a second era is a link click: it pushes a history entry.
    let before = history_length();
    click("[data-testid=era-interwar]");
    settle().await;
    assert_eq!(search(), format!("?era=empires,interwar&event={}", kaynarca.id));
    assert_eq!(history_length(), before + 1);

    // Typing replaces the entry; diacritics and case do not matter.
    let before = history_length();
    let input: HtmlInputElement = doc().query_selector("[data-testid=search]").unwrap().unwrap().unchecked_into();
    input.set_value("KUCUK kaynarca");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(history_length(), before);
    assert!(search().contains("q=KUCUK+kaynarca"), "{}", search());
    let state = straitline::url::parse(&search(), &catalog, 2026).state;
    let found = straitline::filter::visible_events(&state, &catalog).len();
    assert!(found >= 1);
    assert_eq!(text("[data-testid=count]"), format!("{found} of {total} events"));
    assert_eq!(count("li.event.selected"), 1, "the selected event is among the results");

    // Nothing found: the page says so and offers a way out.
    input.set_value("no such thing anywhere");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    assert!(text("[data-testid=empty]").contains("No events match"));
    click("[data-testid=empty] a");
    settle().await;
    assert_eq!(text("[data-testid=count]"), format!("{total} of {total} events"));
    assert_eq!(input.value(), "");

    // A bad URL: notice, the rest rendered, the URL rewritten to its canonical form.
    visit("?era=atlantis,interwar&from=abc&to=1800&cat=war&event=nope");
    settle().await;
    let notice = text("[data-testid=notice]");
    assert!(notice.contains("atlantis") && notice.contains("abc") && notice.contains("nope"), "{notice}");
    assert_eq!(search(), "?era=interwar&cat=war&to=1800");
    assert_eq!(text("[data-testid=count]"), format!("0 of {total} events"));

    // The map colours each territory by its holder in the map's year.
    visit("?year=1880");
    settle().await;
    assert_eq!(attr("[data-testid=territory-kars]", "data-holder"), "russian-empire");
    assert_eq!(text("[data-testid=map-year]"), "1880");
    visit("?year=1925&territory=kars");
    settle().await;
    assert_eq!(attr("[data-testid=territory-kars]", "data-holder"), "turkey");
    assert!(text("[data-testid=territory-detail]").contains("Treaty of Kars"));
    // Selecting a treaty moves the year to it and outlines what it moved.
    visit("?event=treaty-of-berlin-1878");
    settle().await;
    assert_eq!(text("[data-testid=map-year]"), "1878");
    assert_eq!(count(".territory.moved[data-testid=territory-kars]"), 1);
}
