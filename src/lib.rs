//! Straitline: an interactive atlas of Russia–Turkey relations, rendered client-side from
//! bundled data. Pure logic (dates, data, filtering, URL state, axis geometry) is plain Rust
//! tested natively; `components` holds the thin Leptos views on top of it.

pub mod basemap;
pub mod citation;
pub mod components;
pub mod data;
pub mod date;
pub mod filter;
pub mod geo;
pub(crate) mod gesture;
pub(crate) mod map_layers;
pub mod map_view;
pub mod projection;
pub mod sovereignty;
pub mod text;
pub(crate) mod timeline;
pub mod url;
pub(crate) mod view;
pub mod view_state;

pub use components::app::App;
