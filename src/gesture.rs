//! Pan and zoom gestures on the map in plain numbers: where a screen point falls in the SVG,
//! which view a one-finger drag or a two-finger pinch makes of the view it started from, and
//! what the wheel and the keyboard do.

use crate::map_view::{frame_for, pan, zoom_about, Frame, MapView};
use crate::projection::Lambert;

/// How far (CSS pixels) a pointer must travel before a press counts as a drag, not a click.
pub(crate) const DRAG_THRESHOLD: f64 = 4.0;

/// The SVG element's box on screen, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ScreenRect {
    pub(crate) left: f64,
    pub(crate) top: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// Converts a client (CSS pixel) point to SVG coordinates for `frame`, laid out as
/// `preserveAspectRatio="xMidYMid meet"` lays it out in `rect`.
pub(crate) fn client_to_svg(rect: &ScreenRect, frame: &Frame, cx: f64, cy: f64) -> (f64, f64) {
    let scale = (rect.width / frame.width).min(rect.height / frame.height).max(1e-9);
    let ox = (rect.width - frame.width * scale) / 2.0;
    let oy = (rect.height - frame.height * scale) / 2.0;
    (frame.x + (cx - rect.left - ox) / scale, frame.y + (cy - rect.top - oy) / scale)
}

/// A pointer that is down on the map: its id and where it is, in client pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Pointer {
    pub(crate) id: i32,
    pub(crate) x: f64,
    pub(crate) y: f64,
}

/// The view after dragging from client point `from` to `to`: the point under the pointer
/// stays under it. `to_svg` converts client points for the frame of `start`.
pub(crate) fn drag_view(
    start: &MapView,
    from: (f64, f64),
    to: (f64, f64),
    to_svg: impl Fn(f64, f64) -> (f64, f64),
    projection: &Lambert,
) -> MapView {
    let (x0, y0) = to_svg(from.0, from.1);
    let (x1, y1) = to_svg(to.0, to.1);
    pan(start, x0 - x1, y0 - y1, projection)
}

/// The view after a pinch that moved two fingers from `from` to `to` (client points): zoomed
/// by the change in their distance about their first midpoint, then panned so that midpoint
/// follows the fingers. `to_svg` converts client points for the frame of `start`.
pub(crate) fn pinch_view(
    start: &MapView,
    from: [(f64, f64); 2],
    to: [(f64, f64); 2],
    to_svg: impl Fn(f64, f64) -> (f64, f64),
    projection: &Lambert,
) -> MapView {
    let distance = |[a, b]: [(f64, f64); 2]| (b.0 - a.0).hypot(b.1 - a.1).max(1.0);
    let midpoint = |[a, b]: [(f64, f64); 2]| to_svg((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let (mid0, mid1) = (midpoint(from), midpoint(to));
    let zoomed = zoom_about(start, distance(to) / distance(from), mid0, projection);
    let scale = zoomed.zoom() / start.zoom();
    pan(&zoomed, (mid0.0 - mid1.0) / scale, (mid0.1 - mid1.1) / scale, projection)
}

/// The zoom factor of one wheel step: in when scrolling up, out when scrolling down.
pub(crate) fn wheel_factor(delta_y: f64) -> f64 {
    if delta_y < 0.0 {
        1.25
    } else {
        0.8
    }
}

/// The view a key makes of `view` (showing `frame`): arrows pan by 15% of the frame, + and −
/// zoom about its centre, 0 goes `home`. `None` for any other key, which the map leaves alone.
pub(crate) fn keyboard_view(
    key: &str,
    view: &MapView,
    frame: &Frame,
    home: MapView,
    projection: &Lambert,
) -> Option<MapView> {
    let (dx, dy) = (frame.width * 0.15, frame.height * 0.15);
    Some(match key {
        "ArrowLeft" => pan(view, -dx, 0.0, projection),
        "ArrowRight" => pan(view, dx, 0.0, projection),
        "ArrowUp" => pan(view, 0.0, -dy, projection),
        "ArrowDown" => pan(view, 0.0, dy, projection),
        "+" | "=" => zoom_about(view, 1.5, frame.centre(), projection),
        "-" | "_" => zoom_about(view, 1.0 / 1.5, frame.centre(), projection),
        "0" => home,
        _ => return None,
    })
}

/// An active drag or pinch: the view it started from, the pointers then and now, and whether
/// it has moved far enough to be more than a click.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gesture {
    start_view: Option<MapView>,
    start: Vec<Pointer>,
    now: Vec<Pointer>,
    moved: bool,
}

impl Gesture {
    /// A pointer goes down while `view` is shown; the gesture restarts from there with every
    /// pointer now down (a second finger turns a drag into a pinch).
    pub(crate) fn press(&mut self, pointer: Pointer, view: MapView) {
        self.now.retain(|p| p.id != pointer.id);
        self.now.push(pointer);
        if self.now.len() == 1 {
            self.moved = false;
        }
        self.restart(view);
    }

    /// A pointer moves to `pointer`; returns the view the gesture now shows, or `None` when the
    /// pointer is not part of a gesture (or more than two are down). `rect` is the SVG's box.
    pub(crate) fn move_to(&mut self, pointer: Pointer, rect: &ScreenRect, projection: &Lambert) -> Option<MapView> {
        let p = self.now.iter_mut().find(|p| p.id == pointer.id)?;
        (p.x, p.y) = (pointer.x, pointer.y);
        let start_view = self.start_view?;
        let start_frame = frame_for(&start_view, projection);
        let to_svg = |x: f64, y: f64| client_to_svg(rect, &start_frame, x, y);
        let at = |p: &Pointer| (p.x, p.y);
        match (&self.start[..], &self.now[..]) {
            ([a], [b]) => {
                if (b.x - a.x).hypot(b.y - a.y) > DRAG_THRESHOLD {
                    self.moved = true;
                }
                Some(drag_view(&start_view, at(a), at(b), to_svg, projection))
            }
            ([a0, a1], [b0, b1]) => {
                self.moved = true;
                Some(pinch_view(&start_view, [at(a0), at(a1)], [at(b0), at(b1)], to_svg, projection))
            }
            _ => None,
        }
    }

    /// Whether the gesture has become a drag or pinch (past the click threshold).
    pub(crate) fn has_moved(&self) -> bool {
        self.moved
    }

    /// Pointer `id` lifts (or is cancelled) while `view` is shown. Returns `Some(moved)` when it
    /// was the last pointer down, so the gesture is over; `None` while others are still down.
    pub(crate) fn release(&mut self, id: i32, view: MapView) -> Option<bool> {
        self.now.retain(|p| p.id != id);
        self.restart(view);
        self.now.is_empty().then_some(self.moved)
    }

    fn restart(&mut self, view: MapView) {
        self.start_view = Some(view);
        self.start = self.now.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Lambert {
        Lambert::black_sea()
    }

    /// A screen box with the frame's aspect, 800 pixels wide, at (100, 50).
    fn rect(frame: &Frame) -> ScreenRect {
        ScreenRect { left: 100.0, top: 50.0, width: 800.0, height: 800.0 * frame.height / frame.width }
    }

    fn pointer(id: i32, x: f64, y: f64) -> Pointer {
        Pointer { id, x, y }
    }

    #[test]
    fn client_points_map_onto_the_frame() {
        let frame = Frame { x: -500.0, y: -250.0, width: 1000.0, height: 500.0 };
        let r = ScreenRect { left: 10.0, top: 20.0, width: 200.0, height: 100.0 };
        assert_eq!(client_to_svg(&r, &frame, 10.0, 20.0), (-500.0, -250.0));
        assert_eq!(client_to_svg(&r, &frame, 110.0, 70.0), (0.0, 0.0));
        assert_eq!(client_to_svg(&r, &frame, 210.0, 120.0), (500.0, 250.0));
        // A box wider than the frame letterboxes it in the middle.
        let wide = ScreenRect { left: 0.0, top: 0.0, width: 400.0, height: 100.0 };
        assert_eq!(client_to_svg(&wide, &frame, 100.0, 0.0), (-500.0, -250.0));
        assert_eq!(client_to_svg(&wide, &frame, 200.0, 50.0), (0.0, 0.0));
    }

    #[test]
    fn a_drag_keeps_the_point_under_the_pointer() {
        let start = MapView::new(2.0, 42.0, 33.0);
        let f0 = frame_for(&start, &p());
        let r = rect(&f0);
        let (from, to) = ((300.0, 200.0), (500.0, 260.0));
        let v = drag_view(&start, from, to, |x, y| client_to_svg(&r, &f0, x, y), &p());
        assert_eq!(v.zoom(), 2.0);
        let grabbed = client_to_svg(&r, &f0, from.0, from.1);
        let under = client_to_svg(&r, &frame_for(&v, &p()), to.0, to.1);
        // To the URL's rounding of the centre (0.01°, about a kilometre).
        assert!((grabbed.0 - under.0).abs() < 3.0 && (grabbed.1 - under.1).abs() < 3.0, "{grabbed:?} {under:?}");
        // Dragging right and down moves the centre west and north.
        assert!(v.lon() < start.lon() && v.lat() > start.lat());
    }

    /// A press that moves less than the threshold stays a click (the map takes no pointer
    /// capture, so the click reaches the territory); past it, it is a drag.
    #[test]
    fn a_small_wobble_is_still_a_click() {
        let start = MapView::new(1.0, 42.0, 33.0);
        let r = rect(&frame_for(&start, &p()));
        let mut g = Gesture::default();
        g.press(pointer(1, 300.0, 200.0), start);
        g.move_to(pointer(1, 302.0, 201.0), &r, &p());
        assert!(!g.has_moved());
        assert_eq!(g.release(1, start), Some(false));
        g.press(pointer(1, 300.0, 200.0), start);
        g.move_to(pointer(1, 320.0, 200.0), &r, &p());
        assert!(g.has_moved());
        assert_eq!(g.release(1, start), Some(true));
    }

    #[test]
    fn a_pinch_zooms_by_the_spread_about_the_fingers() {
        let start = MapView::new(1.0, 42.0, 33.0);
        let f0 = frame_for(&start, &p());
        let r = rect(&f0);
        let to_svg = |x: f64, y: f64| client_to_svg(&r, &f0, x, y);
        // The fingers spread to twice their distance around the same midpoint.
        let v = pinch_view(&start, [(400.0, 200.0), (500.0, 200.0)], [(350.0, 200.0), (550.0, 200.0)], to_svg, &p());
        assert_eq!(v.zoom(), 2.0);
        let mid = to_svg(450.0, 200.0);
        let still = client_to_svg(&r, &frame_for(&v, &p()), 450.0, 200.0);
        assert!((mid.0 - still.0).abs() < 3.0 && (mid.1 - still.1).abs() < 3.0, "{mid:?} {still:?}");
        // Moving both fingers without spreading them pans like a drag.
        let moved =
            pinch_view(&start, [(400.0, 200.0), (500.0, 200.0)], [(300.0, 200.0), (400.0, 200.0)], to_svg, &p());
        let dragged = drag_view(&start, (450.0, 200.0), (350.0, 200.0), to_svg, &p());
        assert_eq!(moved, dragged);
    }

    #[test]
    fn keys_pan_zoom_and_reset() {
        let view = MapView::new(2.0, 42.0, 33.0);
        let frame = frame_for(&view, &p());
        let home = MapView::new(1.0, 41.0, 35.0);
        let key = |k: &str| keyboard_view(k, &view, &frame, home, &p());
        assert!(key("ArrowLeft").unwrap().lon() < view.lon());
        assert!(key("ArrowRight").unwrap().lon() > view.lon());
        assert!(key("ArrowUp").unwrap().lat() > view.lat());
        assert!(key("ArrowDown").unwrap().lat() < view.lat());
        assert_eq!(key("+").unwrap().zoom(), 3.0);
        assert_eq!(key("=").unwrap().zoom(), 3.0);
        assert_eq!(key("-").unwrap().zoom(), 1.3);
        assert_eq!(key("0"), Some(home));
        assert_eq!(key("a"), None);
        assert_eq!(key("Enter"), None);
        assert_eq!(wheel_factor(-3.0), 1.25);
        assert_eq!(wheel_factor(3.0), 0.8);
    }

    #[test]
    fn a_short_wobble_is_a_click_and_a_longer_move_a_drag() {
        let view = MapView::new(1.0, 42.0, 33.0);
        let r = rect(&frame_for(&view, &p()));
        let mut g = Gesture::default();
        g.press(pointer(1, 300.0, 300.0), view);
        let wobble = g.move_to(pointer(1, 302.0, 301.0), &r, &p());
        assert!(wobble.is_some());
        assert_eq!(g.release(1, view), Some(false));

        g.press(pointer(1, 300.0, 300.0), view);
        let dragged = g.move_to(pointer(1, 340.0, 300.0), &r, &p()).unwrap();
        assert!(dragged.lon() < view.lon());
        assert_eq!(g.release(1, dragged), Some(true));
        // A new press starts afresh.
        g.press(pointer(2, 0.0, 0.0), view);
        assert_eq!(g.release(2, view), Some(false));
    }

    #[test]
    fn a_second_finger_turns_a_drag_into_a_pinch() {
        let view = MapView::new(1.0, 42.0, 33.0);
        let r = rect(&frame_for(&view, &p()));
        let mut g = Gesture::default();
        g.press(pointer(1, 400.0, 200.0), view);
        g.press(pointer(2, 500.0, 200.0), view);
        // A pointer that never went down changes nothing.
        assert_eq!(g.move_to(pointer(3, 0.0, 0.0), &r, &p()), None);
        let pinched = g.move_to(pointer(2, 600.0, 200.0), &r, &p()).unwrap();
        assert_eq!(pinched.zoom(), 2.0);
        // One finger lifts: the other carries on dragging from the pinched view.
        assert_eq!(g.release(1, pinched), None);
        let dragged = g.move_to(pointer(2, 650.0, 200.0), &r, &p()).unwrap();
        assert_eq!(dragged.zoom(), 2.0);
        assert!(dragged.lon() < pinched.lon());
        assert_eq!(g.release(2, dragged), Some(true));
    }
}
