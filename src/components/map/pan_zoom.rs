//! The `use_pan_zoom` hook: the map view shown, and the drag, pinch, wheel, keyboard and
//! button handlers that move it. The URL holds the view; a drag or pinch shows a live view
//! while it runs and writes the URL when it ends. The maths is in [`crate::gesture`].

use leptos::ev::{KeyboardEvent, PointerEvent, WheelEvent};
use leptos::prelude::*;
use web_sys::Element;

use crate::components::state::{History, ViewContext};
use crate::gesture::{client_to_svg, keyboard_view, wheel_factor, Gesture, Pointer, ScreenRect};
use crate::map_view::{default_view, frame_for, zoom_about, Frame, MapView};
use crate::projection::Lambert;

/// The map's view and its handlers; cheap to copy into each event handler.
#[derive(Clone, Copy)]
pub(crate) struct PanZoom {
    ctx: ViewContext,
    projection: Lambert,
    home: MapView,
    /// The view a drag or pinch shows while it runs; `None` the rest of the time.
    live: RwSignal<Option<MapView>>,
    /// The view shown: the gesture's while one runs, else the URL's.
    pub(crate) view: Memo<MapView>,
    /// The SVG viewBox for [`PanZoom::view`].
    pub(crate) frame: Memo<Frame>,
    gesture: StoredValue<Gesture>,
    /// Set when a drag ends, so the click that follows it selects nothing.
    pub(crate) suppress_click: StoredValue<bool>,
    /// The map's `<svg>`, to turn pointer positions into map coordinates.
    pub(crate) svg_ref: NodeRef<leptos::svg::Svg>,
}

/// Derives the map view from the URL (or a running gesture) and returns its handlers.
pub(crate) fn use_pan_zoom(ctx: ViewContext, projection: Lambert) -> PanZoom {
    let home = default_view(&projection);
    let live = RwSignal::new(None::<MapView>);
    let url_view = Memo::new(move |_| ctx.state.with(|s| s.map).unwrap_or(home));
    let view = Memo::new(move |_| live.get().unwrap_or_else(|| url_view.get()));
    let frame = Memo::new(move |_| frame_for(&view.get(), &projection));
    PanZoom {
        ctx,
        projection,
        home,
        live,
        view,
        frame,
        gesture: StoredValue::new(Gesture::default()),
        suppress_click: StoredValue::new(false),
        svg_ref: NodeRef::new(),
    }
}

fn screen_rect(svg: &Element) -> ScreenRect {
    let rect = svg.get_bounding_client_rect();
    ScreenRect { left: rect.left(), top: rect.top(), width: rect.width(), height: rect.height() }
}

fn pointer(ev: &PointerEvent) -> Pointer {
    Pointer { id: ev.pointer_id(), x: ev.client_x() as f64, y: ev.client_y() as f64 }
}

impl PanZoom {
    /// Writes `view` to the URL, replacing the history entry (the default view has no parameter).
    fn commit(&self, view: MapView) {
        let map = if view == self.home { None } else { Some(view) };
        let next = self.ctx.state.with_untracked(|s| s.with_map(map));
        self.ctx.go(&next, History::Replace);
    }

    /// A pointer goes down: a drag starts, or a second finger makes it a pinch.
    pub(crate) fn pointer_down(&self, ev: PointerEvent) {
        if ev.button() != 0 {
            return;
        }
        self.suppress_click.set_value(false);
        // No pointer capture yet: a press that ends without moving is a click, and it must
        // reach the territory or marker under the pointer, not the <svg> (issue 11).
        let view = self.view.get_untracked();
        self.gesture.update_value(|g| g.press(pointer(&ev), view));
    }

    /// A pointer moves: the gesture's view is shown live.
    pub(crate) fn pointer_move(&self, ev: PointerEvent) {
        let Some(svg) = self.svg_ref.get_untracked() else { return };
        let rect = screen_rect(&svg);
        let projection = self.projection;
        if let Some(Some(view)) = self.gesture.try_update_value(|g| g.move_to(pointer(&ev), &rect, &projection)) {
            // Once it is a drag, keep the pointer even if it leaves the map.
            if self.gesture.with_value(Gesture::has_moved) && !svg.has_pointer_capture(ev.pointer_id()) {
                let _ = svg.set_pointer_capture(ev.pointer_id());
            }
            self.live.set(Some(view));
        }
    }

    /// A pointer lifts or is cancelled; when the last one does after a drag or pinch, the
    /// view it reached goes into the URL.
    pub(crate) fn pointer_up(&self, ev: PointerEvent) {
        let view = self.view.get_untracked();
        if let Some(Some(moved)) = self.gesture.try_update_value(|g| g.release(ev.pointer_id(), view)) {
            if moved {
                self.suppress_click.set_value(true);
                self.commit(view);
            }
            self.live.set(None);
        }
    }

    /// The wheel zooms about the point under the pointer.
    pub(crate) fn wheel(&self, ev: WheelEvent) {
        ev.prevent_default();
        let Some(svg) = self.svg_ref.get_untracked() else { return };
        let anchor =
            client_to_svg(&screen_rect(&svg), &self.frame.get_untracked(), ev.client_x() as f64, ev.client_y() as f64);
        self.commit(zoom_about(&self.view.get_untracked(), wheel_factor(ev.delta_y()), anchor, &self.projection));
    }

    /// Arrow keys pan, + and − zoom, 0 resets.
    pub(crate) fn key_down(&self, ev: KeyboardEvent) {
        let (view, frame) = (self.view.get_untracked(), self.frame.get_untracked());
        if let Some(next) = keyboard_view(&ev.key(), &view, &frame, self.home, &self.projection) {
            ev.prevent_default();
            self.commit(next);
        }
    }

    /// Zooms by `factor` about the centre (the + and − buttons).
    pub(crate) fn zoom_centre(&self, factor: f64) {
        let centre = self.frame.get_untracked().centre();
        self.commit(zoom_about(&self.view.get_untracked(), factor, centre, &self.projection));
    }

    /// Back to the default view.
    pub(crate) fn reset(&self) {
        self.commit(self.home);
    }
}
