//! The dismissible notice that says what a URL asked for and the page ignored or corrected.

use leptos::prelude::*;

/// Lists what was ignored; hidden when there is nothing to say.
#[component]
pub fn Notices(
    /// Messages collected from the URLs opened so far; dismissing clears them.
    notices: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <aside class="notice" role="status" data-testid="notice">
                <p>"Some of this link could not be used:"</p>
                <ul>
                    {move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" class="dismiss" on:click=move |_| notices.set(Vec::new()) aria-label="Dismiss notice">
                    "Dismiss"
                </button>
            </aside>
        </Show>
    }
}
