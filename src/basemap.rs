//! The bundled basemap (Natural Earth land and modern borders, from `data/basemap.geojson`,
//! made by `scripts/basemap.py`), projected once into SVG path data in map kilometres.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::projection::Lambert;

const BASEMAP: &str = include_str!("../data/basemap.geojson");

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    id: String,
    geometry: Geometry,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    MultiPolygon { coordinates: Vec<Vec<Vec<[f64; 2]>>> },
    MultiLineString { coordinates: Vec<Vec<[f64; 2]>> },
}

/// Land and borders as SVG path data (y grows southwards, as SVG wants).
#[derive(Debug, Default, PartialEq)]
pub struct Basemap {
    pub land: String,
    pub borders: String,
}

/// Appends `M x y L x y …` for a line of lon/lat positions, in km with y flipped.
pub fn push_path(out: &mut String, points: &[[f64; 2]], projection: &Lambert, close: bool) {
    use std::fmt::Write;
    for (i, p) in points.iter().enumerate() {
        let (x, y) = projection.forward(p[0], p[1]);
        // Adding 0.0 turns -0.0 into 0.0, so the origin prints as "0.0".
        let _ = write!(out, "{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, x + 0.0, -y + 0.0);
    }
    if close {
        out.push('Z');
    }
}

/// Parses and projects the basemap.
pub fn build(json: &str, projection: &Lambert) -> Result<Basemap, String> {
    let collection: Collection = serde_json::from_str(json).map_err(|e| format!("data/basemap.geojson: {e}"))?;
    let mut map = Basemap::default();
    for feature in collection.features {
        match (feature.id.as_str(), feature.geometry) {
            ("land", Geometry::MultiPolygon { coordinates }) => {
                for ring in coordinates.iter().flatten() {
                    push_path(&mut map.land, ring, projection, true);
                }
            }
            ("borders", Geometry::MultiLineString { coordinates }) => {
                for line in &coordinates {
                    push_path(&mut map.borders, line, projection, false);
                }
            }
            (other, _) => return Err(format!("data/basemap.geojson: unexpected feature '{other}'")),
        }
    }
    if map.land.is_empty() {
        return Err("data/basemap.geojson: no land".into());
    }
    Ok(map)
}

/// The bundled basemap, built once; an empty map if it were ever invalid (the tests prove it is not).
pub fn bundled() -> &'static Basemap {
    static MAP: OnceLock<Basemap> = OnceLock::new();
    MAP.get_or_init(|| build(BASEMAP, &Lambert::black_sea()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_basemap_parses_and_projects() {
        let map = build(BASEMAP, &Lambert::black_sea()).expect("valid basemap");
        assert!(map.land.starts_with('M') && map.land.contains('Z'));
        assert!(map.borders.matches('M').count() > 50, "borders drawn");
    }

    #[test]
    fn paths_are_in_flipped_kilometres() {
        let mut out = String::new();
        push_path(&mut out, &[[36.0, 44.0], [36.0, 45.0]], &Lambert::black_sea(), false);
        assert!(out.starts_with("M0.0 0.0L0.0 -11"), "{out}");
    }

    #[test]
    fn bad_basemaps_are_reported() {
        assert!(build("{", &Lambert::black_sea()).unwrap_err().starts_with("data/basemap.geojson"));
        assert!(build(r#"{"features":[]}"#, &Lambert::black_sea()).unwrap_err().contains("no land"));
    }
}
