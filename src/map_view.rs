//! Map framing in plain numbers: which part of the projected plane the SVG shows for a view,
//! how panning and zooming change the view, and where an off-frame place is pointed at.

use crate::projection::Lambert;
use crate::view_state::MapView;

/// An SVG viewBox in projected kilometres (y grows southwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Frame {
    pub fn view_box(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.width, self.height)
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// The default view: the Balkans and the Danube to the Caspian, Crimea to the Levant.
pub const DEFAULT_LON: (f64, f64) = (19.5, 53.0);
pub const DEFAULT_LAT: (f64, f64) = (32.0, 48.5);
/// Width over height of every frame (the SVG keeps this aspect).
pub const ASPECT: f64 = 1.6;

/// Projects (lon, lat) to SVG coordinates: km east, km south.
pub fn to_svg(projection: &Lambert, lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = projection.forward(lon, lat);
    (x, -y)
}

/// The default frame: the region above, padded to [`ASPECT`].
pub fn default_frame(projection: &Lambert) -> Frame {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for i in 0..=20 {
        for j in 0..=20 {
            let lon = DEFAULT_LON.0 + (DEFAULT_LON.1 - DEFAULT_LON.0) * i as f64 / 20.0;
            let lat = DEFAULT_LAT.0 + (DEFAULT_LAT.1 - DEFAULT_LAT.0) * j as f64 / 20.0;
            let (x, y) = to_svg(projection, lon, lat);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
    }
    let (w, h) = (x1 - x0, y1 - y0);
    let (width, height) = if w / h > ASPECT { (w, w / ASPECT) } else { (h * ASPECT, h) };
    Frame { x: (x0 + x1 - width) / 2.0, y: (y0 + y1 - height) / 2.0, width, height }
}

/// The view that shows the default frame.
pub fn default_view(projection: &Lambert) -> MapView {
    let (cx, cy) = default_frame(projection).centre();
    let (lon, lat) = projection.inverse(cx, -cy);
    MapView::new(1.0, lat, lon)
}

/// The frame a view shows: the default frame's size divided by the zoom, around the centre.
pub fn frame_for(view: &MapView, projection: &Lambert) -> Frame {
    let base = default_frame(projection);
    let (cx, cy) = to_svg(projection, view.lon(), view.lat());
    let (width, height) = (base.width / view.zoom(), base.height / view.zoom());
    Frame { x: cx - width / 2.0, y: cy - height / 2.0, width, height }
}

fn view_at(projection: &Lambert, zoom: f64, cx: f64, cy: f64) -> MapView {
    let (lon, lat) = projection.inverse(cx, -cy);
    MapView::new(zoom, lat, lon)
}

/// Moves the view by (dx, dy) in SVG units (km).
pub fn pan(view: &MapView, dx: f64, dy: f64, projection: &Lambert) -> MapView {
    let (cx, cy) = frame_for(view, projection).centre();
    view_at(projection, view.zoom(), cx + dx, cy + dy)
}

/// Zooms by `factor`, keeping the SVG point `anchor` where it is on screen.
pub fn zoom_about(view: &MapView, factor: f64, anchor: (f64, f64), projection: &Lambert) -> MapView {
    let frame = frame_for(view, projection);
    let target = MapView::new(view.zoom() * factor, view.lat(), view.lon()).zoom();
    let actual = target / view.zoom();
    let (cx, cy) = frame.centre();
    let (nx, ny) = (anchor.0 + (cx - anchor.0) / actual, anchor.1 + (cy - anchor.1) / actual);
    view_at(projection, target, nx, ny)
}

/// Where to point at an off-frame point: a position just inside the frame's edge on the line
/// from the centre towards the point, and the bearing (degrees, 0 = east, clockwise in SVG).
/// `None` when the point is inside the frame.
pub fn edge_pointer(frame: &Frame, x: f64, y: f64, inset: f64) -> Option<(f64, f64, f64)> {
    if frame.contains(x, y) {
        return None;
    }
    let (cx, cy) = frame.centre();
    let (dx, dy) = (x - cx, y - cy);
    let half_w = frame.width / 2.0 - inset;
    let half_h = frame.height / 2.0 - inset;
    let t = (half_w / dx.abs().max(1e-9)).min(half_h / dy.abs().max(1e-9));
    Some((cx + dx * t, cy + dy * t, dy.atan2(dx).to_degrees()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Lambert {
        Lambert::black_sea()
    }

    #[test]
    fn the_default_frame_shows_the_region() {
        let f = default_frame(&p());
        assert!((f.width / f.height - ASPECT).abs() < 1e-9);
        for (name, lon, lat) in [
            ("Belgrade", 20.46, 44.79),
            ("Baku", 49.87, 40.41),
            ("Sevastopol", 33.52, 44.62),
            ("Beirut", 35.5, 33.89),
            ("Istanbul", 28.98, 41.01),
            ("Kars", 43.09, 40.6),
        ] {
            let (x, y) = to_svg(&p(), lon, lat);
            assert!(f.contains(x, y), "{name} in the default frame");
        }
        let (x, y) = to_svg(&p(), 37.62, 55.75);
        assert!(!f.contains(x, y), "Moscow needs zooming out");
    }

    #[test]
    fn zooming_out_reaches_the_far_cities() {
        let out = MapView::new(0.4, 47.0, 45.0);
        let f = frame_for(&out, &p());
        for (name, lon, lat) in [("Moscow", 37.62, 55.75), ("Saint Petersburg", 30.31, 59.94), ("Kazan", 49.11, 55.79), ("Tehran", 51.39, 35.69), ("Astana", 71.43, 51.13)] {
            let (x, y) = to_svg(&p(), lon, lat);
            assert!(f.contains(x, y), "{name} reachable at the widest zoom");
        }
    }

    #[test]
    fn the_default_view_round_trips_to_the_default_frame() {
        let v = default_view(&p());
        let (a, b) = (frame_for(&v, &p()), default_frame(&p()));
        assert!((a.x - b.x).abs() < 2.0 && (a.y - b.y).abs() < 2.0 && (a.width - b.width).abs() < 1e-6);
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let v = MapView::new(2.0, 42.0, 33.0);
        let f = frame_for(&v, &p());
        let anchor = (f.x + f.width * 0.25, f.y + f.height * 0.75);
        let z = zoom_about(&v, 2.0, anchor, &p());
        assert_eq!(z.zoom(), 4.0);
        let g = frame_for(&z, &p());
        // The anchor keeps its relative position in the frame (to the URL's rounding).
        assert!(((anchor.0 - g.x) / g.width - 0.25).abs() < 0.01);
        assert!(((anchor.1 - g.y) / g.height - 0.75).abs() < 0.01);
        assert_eq!(zoom_about(&v, 1000.0, anchor, &p()).zoom10, crate::view_state::MAP_ZOOM10.1);
    }

    #[test]
    fn panning_moves_the_centre() {
        let v = MapView::new(1.0, 42.0, 33.0);
        let east = pan(&v, 200.0, 0.0, &p());
        assert!(east.lon() > v.lon() + 1.5);
        let south = pan(&v, 0.0, 200.0, &p());
        assert!(south.lat() < v.lat() - 1.5);
    }

    #[test]
    fn off_frame_points_get_an_edge_pointer() {
        let f = Frame { x: 0.0, y: 0.0, width: 100.0, height: 50.0 };
        assert_eq!(edge_pointer(&f, 10.0, 10.0, 5.0), None);
        let (x, y, bearing) = edge_pointer(&f, 1000.0, 25.0, 5.0).unwrap();
        assert!((x - 95.0).abs() < 1e-9 && (y - 25.0).abs() < 1e-9 && bearing.abs() < 1e-9);
        let (x, y, _) = edge_pointer(&f, 50.0, -500.0, 5.0).unwrap();
        assert!((x - 50.0).abs() < 1e-9 && (y - 5.0).abs() < 1e-9);
        // Washington, far to the west, is pointed at from the default frame's western edge.
        let frame = default_frame(&p());
        let (wx, wy) = to_svg(&p(), -77.04, 38.9);
        let (x, _, _) = edge_pointer(&frame, wx, wy, 10.0).unwrap();
        assert!((x - (frame.x + 10.0)).abs() < 1e-6 || x < frame.centre().0);
    }
}
