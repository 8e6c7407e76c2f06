//! Plane geometry on lon/lat rings: point-in-polygon, and the validity checks the territory
//! data must pass (closed rings, RFC 7946 winding, no self-intersections).

/// A closed ring of [lon, lat] positions; the first equals the last.
pub type Ring = Vec<[f64; 2]>;

/// One polygon: the exterior ring first, then holes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polygon {
    pub rings: Vec<Ring>,
}

/// A Polygon or MultiPolygon.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    pub polygons: Vec<Polygon>,
}

/// Twice the signed area (shoelace); positive for counter-clockwise rings.
pub fn signed_area2(ring: &[[f64; 2]]) -> f64 {
    ring.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum()
}

/// Even-odd test of a point against one ring.
fn in_ring(ring: &[[f64; 2]], x: f64, y: f64) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ([x1, y1], [x2, y2]) = (w[0], w[1]);
        if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
            inside = !inside;
        }
    }
    inside
}

impl Polygon {
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let mut rings = self.rings.iter();
        rings.next().is_some_and(|outer| in_ring(outer, lon, lat)) && !rings.any(|hole| in_ring(hole, lon, lat))
    }
}

impl Shape {
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.polygons.iter().any(|p| p.contains(lon, lat))
    }

    /// Mean of the exterior vertices of the largest polygon: a label point.
    pub fn label_point(&self) -> Option<[f64; 2]> {
        let largest = self
            .polygons
            .iter()
            .max_by(|a, b| signed_area2(&a.rings[0]).abs().total_cmp(&signed_area2(&b.rings[0]).abs()))?;
        let ring = &largest.rings[0];
        let n = (ring.len() - 1).max(1) as f64;
        let (sx, sy) = ring[..ring.len() - 1].iter().fold((0.0, 0.0), |(sx, sy), p| (sx + p[0], sy + p[1]));
        Some([sx / n, sy / n])
    }
}

fn orientation(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// True when segments ab and cd cross or touch (collinear overlaps included).
pub fn segments_intersect(a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]) -> bool {
    let (o1, o2, o3, o4) = (orientation(a, b, c), orientation(a, b, d), orientation(c, d, a), orientation(c, d, b));
    let on = |p: [f64; 2], q: [f64; 2], r: [f64; 2]| {
        r[0] >= p[0].min(q[0]) && r[0] <= p[0].max(q[0]) && r[1] >= p[1].min(q[1]) && r[1] <= p[1].max(q[1])
    };
    if ((o1 > 0.0 && o2 < 0.0) || (o1 < 0.0 && o2 > 0.0)) && ((o3 > 0.0 && o4 < 0.0) || (o3 < 0.0 && o4 > 0.0)) {
        return true;
    }
    (o1 == 0.0 && on(a, b, c)) || (o2 == 0.0 && on(a, b, d)) || (o3 == 0.0 && on(c, d, a)) || (o4 == 0.0 && on(c, d, b))
}

/// Checks one ring: at least four positions, closed, finite lon/lat, the right winding
/// (counter-clockwise for an exterior, clockwise for a hole) and no self-intersection.
pub fn check_ring(ring: &[[f64; 2]], exterior: bool) -> Result<(), String> {
    if ring.len() < 4 {
        return Err(format!("a ring needs at least 4 positions, this one has {}", ring.len()));
    }
    if ring.first() != ring.last() {
        return Err("the ring is not closed (first position ≠ last)".into());
    }
    if let Some(p) = ring.iter().find(|p| !(-180.0..=180.0).contains(&p[0]) || !(-90.0..=90.0).contains(&p[1])) {
        return Err(format!("[{}, {}] is not a lon/lat position", p[0], p[1]));
    }
    let area = signed_area2(ring);
    if area == 0.0 {
        return Err("the ring has no area".into());
    }
    if exterior && area < 0.0 {
        return Err("an exterior ring must be counter-clockwise (RFC 7946)".into());
    }
    if !exterior && area > 0.0 {
        return Err("a hole must be clockwise (RFC 7946)".into());
    }
    let n = ring.len() - 1;
    for i in 0..n {
        for j in i + 1..n {
            // Neighbouring segments share a vertex; so do the first and the last.
            if j == i + 1 || (i == 0 && j == n - 1) {
                continue;
            }
            if segments_intersect(ring[i], ring[i + 1], ring[j], ring[j + 1]) {
                return Err(format!(
                    "the ring crosses itself between positions {i}–{} and {j}–{} near [{}, {}]",
                    i + 1,
                    j + 1,
                    ring[i][0],
                    ring[i][1]
                ));
            }
        }
    }
    Ok(())
}

/// Checks every ring of a shape.
pub fn check_shape(shape: &Shape) -> Result<(), String> {
    if shape.polygons.is_empty() {
        return Err("the geometry has no polygon".into());
    }
    for (p, polygon) in shape.polygons.iter().enumerate() {
        if polygon.rings.is_empty() {
            return Err(format!("polygon {p} has no ring"));
        }
        for (r, ring) in polygon.rings.iter().enumerate() {
            check_ring(ring, r == 0).map_err(|e| format!("polygon {p}, ring {r}: {e}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, size: f64) -> Ring {
        vec![[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    }

    #[test]
    fn points_inside_outside_and_in_holes() {
        let mut hole = square(2.0, 2.0, 2.0);
        hole.reverse();
        let p = Polygon { rings: vec![square(0.0, 0.0, 10.0), hole] };
        assert!(p.contains(1.0, 1.0));
        assert!(!p.contains(3.0, 3.0), "inside the hole");
        assert!(!p.contains(11.0, 1.0));
        let shape = Shape { polygons: vec![p, Polygon { rings: vec![square(20.0, 0.0, 1.0)] }] };
        assert!(shape.contains(20.5, 0.5));
        assert!(!shape.contains(15.0, 0.5));
    }

    #[test]
    fn valid_rings_pass() {
        assert_eq!(check_ring(&square(0.0, 0.0, 1.0), true), Ok(()));
        let mut hole = square(0.0, 0.0, 1.0);
        hole.reverse();
        assert_eq!(check_ring(&hole, false), Ok(()));
    }

    #[test]
    fn invalid_rings_are_named() {
        let open = &square(0.0, 0.0, 1.0)[..4];
        assert!(check_ring(open, true).unwrap_err().contains("not closed"));
        let mut clockwise = square(0.0, 0.0, 1.0);
        clockwise.reverse();
        assert!(check_ring(&clockwise, true).unwrap_err().contains("counter-clockwise"));
        assert!(check_ring(&square(0.0, 0.0, 1.0), false).unwrap_err().contains("clockwise"));
        let bowtie = vec![[0.0, 0.0], [2.0, 2.0], [2.0, 0.0], [0.0, 2.0], [0.0, 0.0]];
        assert!(
            check_ring(&bowtie, true).unwrap_err().contains("crosses itself")
                || check_ring(&bowtie, true).unwrap_err().contains("area")
        );
        let figure_eight = vec![[0.0, 0.0], [4.0, 0.0], [4.0, 1.0], [1.0, 1.0], [1.0, -1.0], [0.0, -1.0], [0.0, 0.0]];
        assert!(check_ring(&figure_eight, true).unwrap_err().contains("crosses itself"));
        assert!(check_ring(&[[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]], true).unwrap_err().contains("at least 4"));
        assert!(check_ring(&[[0.0, 0.0], [200.0, 0.0], [0.0, 1.0], [0.0, 0.0]], true).unwrap_err().contains("lon/lat"));
    }

    #[test]
    fn segment_intersection_cases() {
        assert!(segments_intersect([0.0, 0.0], [2.0, 2.0], [0.0, 2.0], [2.0, 0.0]));
        assert!(!segments_intersect([0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]));
        assert!(segments_intersect([0.0, 0.0], [2.0, 0.0], [1.0, 0.0], [3.0, 0.0]), "collinear overlap");
        assert!(!segments_intersect([0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]));
    }

    #[test]
    fn label_points_sit_in_the_largest_polygon() {
        let shape = Shape {
            polygons: vec![
                Polygon { rings: vec![square(0.0, 0.0, 1.0)] },
                Polygon { rings: vec![square(10.0, 10.0, 4.0)] },
            ],
        };
        assert_eq!(shape.label_point(), Some([12.0, 12.0]));
    }
}
