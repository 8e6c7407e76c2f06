//! Map framing in plain numbers: the map view the URL keeps, which part of the projected
//! plane the SVG shows for it, how panning and zooming change it, and where an off-frame
//! place is pointed at.

use crate::projection::Lambert;

/// A map view: zoom (1 = the default frame) and centre, kept in fixed decimals so a view has
/// one spelling in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MapView {
    /// Zoom × 10.
    pub(crate) zoom10: i32,
    /// Latitude × 100.
    pub(crate) lat100: i32,
    /// Longitude × 100.
    pub(crate) lon100: i32,
}

/// Zoom limits of the map, × 10: out to Saint Petersburg and Astana, in to a single town.
pub(crate) const MAP_ZOOM10: (i32, i32) = (4, 160);
/// Where the centre of the map may go: the basemap's frame.
pub(crate) const MAP_LAT: (f64, f64) = (28.0, 63.0);
pub(crate) const MAP_LON: (f64, f64) = (8.0, 78.0);

impl MapView {
    /// A view clamped to the limits.
    pub(crate) fn new(zoom: f64, lat: f64, lon: f64) -> MapView {
        MapView {
            zoom10: ((zoom * 10.0).round() as i32).clamp(MAP_ZOOM10.0, MAP_ZOOM10.1),
            lat100: (lat.clamp(MAP_LAT.0, MAP_LAT.1) * 100.0).round() as i32,
            lon100: (lon.clamp(MAP_LON.0, MAP_LON.1) * 100.0).round() as i32,
        }
    }

    pub(crate) fn zoom(&self) -> f64 {
        self.zoom10 as f64 / 10.0
    }

    pub(crate) fn lat(&self) -> f64 {
        self.lat100 as f64 / 100.0
    }

    pub(crate) fn lon(&self) -> f64 {
        self.lon100 as f64 / 100.0
    }

    /// The URL spelling, `zoom/lat/lon`.
    pub(crate) fn to_param(self) -> String {
        format!("{:.1}/{:.2}/{:.2}", self.zoom(), self.lat(), self.lon())
    }

    /// Parses `zoom/lat/lon`; values out of range are clamped (and reported as `false`).
    pub(crate) fn parse(raw: &str) -> Option<(MapView, bool)> {
        let parts: Vec<f64> = raw.split('/').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().ok()?;
        let [zoom, lat, lon] = parts[..] else { return None };
        if !(zoom.is_finite() && lat.is_finite() && lon.is_finite()) {
            return None;
        }
        let view = MapView::new(zoom, lat, lon);
        let exact = (view.zoom() - zoom).abs() < 0.051
            && (view.lat() - lat).abs() < 0.0051
            && (view.lon() - lon).abs() < 0.0051;
        Some((view, exact))
    }
}

/// An SVG viewBox in projected kilometres (y grows southwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Frame {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

impl Frame {
    pub(crate) fn view_box(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.width, self.height)
    }

    pub(crate) fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }

    pub(crate) fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// The default view: the Balkans and the Danube to the Caspian, Crimea to the Levant.
pub(crate) const DEFAULT_LON: (f64, f64) = (19.5, 53.0);
pub(crate) const DEFAULT_LAT: (f64, f64) = (32.0, 48.5);
/// Width over height of every frame (the SVG keeps this aspect).
pub(crate) const ASPECT: f64 = 1.6;

/// Projects (lon, lat) to SVG coordinates: km east, km south.
pub(crate) fn to_svg(projection: &Lambert, lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = projection.forward(lon, lat);
    (x, -y)
}

/// The default frame: the region above, padded to [`ASPECT`].
pub(crate) fn default_frame(projection: &Lambert) -> Frame {
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
pub(crate) fn default_view(projection: &Lambert) -> MapView {
    let (cx, cy) = default_frame(projection).centre();
    let (lon, lat) = projection.inverse(cx, -cy);
    MapView::new(1.0, lat, lon)
}

/// The frame a view shows: the default frame's size divided by the zoom, around the centre.
pub(crate) fn frame_for(view: &MapView, projection: &Lambert) -> Frame {
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
pub(crate) fn pan(view: &MapView, dx: f64, dy: f64, projection: &Lambert) -> MapView {
    let (cx, cy) = frame_for(view, projection).centre();
    view_at(projection, view.zoom(), cx + dx, cy + dy)
}

/// Zooms by `factor`, keeping the SVG point `anchor` where it is on screen.
pub(crate) fn zoom_about(view: &MapView, factor: f64, anchor: (f64, f64), projection: &Lambert) -> MapView {
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
pub(crate) fn edge_pointer(frame: &Frame, x: f64, y: f64, inset: f64) -> Option<(f64, f64, f64)> {
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
    fn a_map_view_has_one_spelling() {
        let v = MapView::new(2.04, 41.006, 28.994);
        assert_eq!(v, MapView { zoom10: 20, lat100: 4101, lon100: 2899 });
        assert_eq!(v.to_param(), "2.0/41.01/28.99");
        assert_eq!(MapView::parse(&v.to_param()), Some((v, true)));
        assert_eq!(MapView::parse(" 2 / 41.01 / 28.99 "), Some((v, true)));
        let clamped = MapView { zoom10: MAP_ZOOM10.0, lat100: 6300, lon100: 7800 };
        assert_eq!(MapView::parse("0.01/89/179"), Some((clamped, false)));
        for bad in ["", "1/2", "1/2/3/4", "a/b/c", "inf/1/1", "1//1"] {
            assert_eq!(MapView::parse(bad), None, "{bad:?}");
        }
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
        for (name, lon, lat) in [
            ("Moscow", 37.62, 55.75),
            ("Saint Petersburg", 30.31, 59.94),
            ("Kazan", 49.11, 55.79),
            ("Tehran", 51.39, 35.69),
            ("Astana", 71.43, 51.13),
        ] {
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
        assert_eq!(zoom_about(&v, 1000.0, anchor, &p()).zoom10, MAP_ZOOM10.1);
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
        // Washington, far to the north-west in this projection, is pointed at from the frame's
        // top edge, west of the centre, on the line from the centre towards it.
        let frame = default_frame(&p());
        let (wx, wy) = to_svg(&p(), -77.04, 38.9);
        let (x, y, bearing) = edge_pointer(&frame, wx, wy, 10.0).unwrap();
        let (cx, cy) = frame.centre();
        assert!((y - (frame.y + 10.0)).abs() < 1e-6, "{y} is not on the top edge {}", frame.y + 10.0);
        assert!(x > frame.x + 10.0 && x < cx, "{x} is not between the western edge and the centre");
        assert!(((x - cx) * (wy - cy) - (y - cy) * (wx - cx)).abs() < 1e-6 * wx.abs() * wy.abs(), "off the line");
        assert!((-180.0..-90.0).contains(&bearing), "bearing {bearing} does not point up and left");
    }
}
