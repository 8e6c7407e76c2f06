//! The filter bar: era and category chips (links, so each is a shareable step in history),
//! free-text search, year range, the count and "clear all".

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::state::{History, ViewContext};
use crate::data::Category;
use crate::view_state::{ViewState, MAX_QUERY_CHARS};

fn input_value(ev: &leptos::ev::Event) -> String {
    ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// All filters of the timeline.
#[component]
pub(crate) fn Filters() -> impl IntoView {
    let ctx = expect_context::<ViewContext>();
    let catalog = ctx.catalog;
    let total = catalog.events.len();

    let era_chips = catalog
        .eras
        .iter()
        .map(|era| {
            let id = era.id.as_str();
            let active = move || ctx.state.with(|s| s.eras.iter().any(|e| e == id));
            let years =
                format!("{}–{}", era.start.year, era.end.map(|e| e.year.to_string()).unwrap_or_else(|| "today".into()));
            view! {
                <a
                    class="chip era-chip"
                    class:active=active
                    aria-pressed=move || active().to_string()
                    href=move || ctx.href_for(|s| s.toggle_era(id, catalog))
                    data-noscroll
                    data-testid=format!("era-{id}")
                    title=era.summary.clone()
                >
                    <span class="chip-name">{era.name.clone()}</span>
                    <span class="chip-years">{years}</span>
                </a>
            }
        })
        .collect_view();

    let category_chips = Category::ALL
        .into_iter()
        .map(|cat| {
            let active = move || ctx.state.with(|s| s.categories.contains(&cat));
            view! {
                <a
                    class=format!("chip cat-chip cat-{}", cat.id())
                    class:active=active
                    aria-pressed=move || active().to_string()
                    href=move || ctx.href_for(|s| s.toggle_category(cat))
                    data-noscroll
                    data-testid=format!("cat-{}", cat.id())
                >
                    {cat.label()}
                </a>
            }
        })
        .collect_view();

    // The box shows what was typed (spaces included) while it still reads as the URL's text;
    // once the URL says something else (Back, "Clear all", a link), it shows the URL's text.
    let typed = RwSignal::new(None::<String>);
    let shown_query = move || typed.with(|t| ctx.state.with(|s| s.search_box_text(t.as_deref())));
    let on_search = move |ev: leptos::ev::Event| {
        let text = input_value(&ev);
        ctx.go(&ctx.state.with_untracked(|s| s.with_query(&text)), History::Replace);
        typed.set(Some(text));
    };

    let year_input = move |which: &'static str| {
        let value = move || {
            ctx.state.with(|s| if which == "from" { s.from } else { s.to }).map(|y| y.to_string()).unwrap_or_default()
        };
        let on_change = move |ev: leptos::ev::Event| {
            let year = input_value(&ev).trim().parse::<i32>().ok();
            let next = ctx.state.with_untracked(|s| {
                if which == "from" {
                    s.with_years(year, s.to, ctx.last_year)
                } else {
                    s.with_years(s.from, year, ctx.last_year)
                }
            });
            ctx.go(&next, History::Replace);
        };
        view! {
            <label class="year-field">
                {if which == "from" { "From" } else { "To" }}
                <input
                    type="number"
                    inputmode="numeric"
                    min="1453"
                    max=ctx.last_year
                    placeholder=if which == "from" { "1453".to_string() } else { ctx.last_year.to_string() }
                    prop:value=value
                    on:change=on_change
                    data-testid=format!("year-{which}")
                />
            </label>
        }
    };

    // The territory and place chosen on the map filter the timeline too; each can be removed here.
    let map_filters = move || {
        let (territory, place) = ctx.state.with(|s| (s.territory.clone(), s.place.clone()));
        let territory = territory.and_then(|id| catalog.territory(&id)).map(|t| {
            view! {
                <a class="chip active" href=move || ctx.href_for(|s| s.with_territory(None)) data-noscroll data-testid="remove-territory"
                    aria-label=format!("Remove the territory filter {}", t.name)>
                    {format!("Territory: {} ×", t.name)}
                </a>
            }
        });
        let place = place.and_then(|id| catalog.place(&id)).map(|p| {
            view! {
                <a class="chip active" href=move || ctx.href_for(|s| s.with_place(None)) data-noscroll data-testid="remove-place"
                    aria-label=format!("Remove the place filter {}", p.name)>
                    {format!("Place: {} ×", p.name)}
                </a>
            }
        });
        (territory.is_some() || place.is_some()).then(|| {
            view! {
                <div class="filter-row">
                    <span class="filter-label">"Map"</span>
                    <nav class="chips">{territory}{place}</nav>
                </div>
            }
        })
    };

    let shown = move || ctx.visible.with(Vec::len);
    view! {
        <section class="filters" aria-label="Filters">
            <div class="filter-row">
                <span class="filter-label" id="era-label">"Era"</span>
                <nav class="chips" aria-labelledby="era-label">{era_chips}</nav>
            </div>
            <div class="filter-row">
                <span class="filter-label" id="cat-label">"Category"</span>
                <nav class="chips" aria-labelledby="cat-label">{category_chips}</nav>
            </div>
            {map_filters}
            <div class="filter-row">
                <label class="search-field">
                    <span class="filter-label">"Search"</span>
                    <input
                        type="search"
                        placeholder="e.g. kucuk kaynarca, Su-24, Akkuyu"
                        maxlength=MAX_QUERY_CHARS
                        prop:value=shown_query
                        on:input=on_search
                        data-testid="search"
                    />
                </label>
                {year_input("from")}
                {year_input("to")}
                <p class="count" data-testid="count" aria-live="polite">
                    {move || format!("{} of {total} events", shown())}
                </p>
                <Show when=move || !ctx.state.with(ViewState::is_unfiltered)>
                    <a class="clear" href=move || ctx.href_for(ViewState::cleared) data-noscroll data-testid="clear-all">
                        "Clear all"
                    </a>
                </Show>
            </div>
        </section>
    }
}
