//! The Leptos views. They read the view state from the URL (see [`state`]) and call into
//! the pure modules for everything else.

pub mod app;
pub(crate) mod axis;
pub mod detail;
pub mod event_list;
pub mod filters;
pub(crate) mod map;
pub mod notices;
pub mod state;
