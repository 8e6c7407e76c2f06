//! The map projection: a Lambert conformal conic on a sphere, centred on the Black Sea.
//! Conformal, so shapes stay true at the small scale of the region; map units are kilometres
//! with x to the east and y to the north.

use std::f64::consts::FRAC_PI_4;

/// Earth's mean radius in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// A Lambert conformal conic with two standard parallels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lambert {
    n: f64,
    f: f64,
    rho0: f64,
    lon0: f64,
}

impl Lambert {
    /// `lat1`, `lat2`: standard parallels; (`lat0`, `lon0`): the origin. Degrees.
    pub fn new(lat1: f64, lat2: f64, lat0: f64, lon0: f64) -> Self {
        let (p1, p2, p0) = (lat1.to_radians(), lat2.to_radians(), lat0.to_radians());
        let t = |p: f64| (FRAC_PI_4 + p / 2.0).tan();
        let n = if (lat1 - lat2).abs() < 1e-9 { p1.sin() } else { (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln() };
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = EARTH_RADIUS_KM * f / t(p0).powf(n);
        Lambert { n, f, rho0, lon0: lon0.to_radians() }
    }

    /// The projection Straitline draws with: standard parallels 38° and 50° N, origin 44° N 36° E
    /// (the middle of the Black Sea).
    pub fn black_sea() -> Self {
        Lambert::new(38.0, 50.0, 44.0, 36.0)
    }

    /// (lon, lat) in degrees to (x, y) in km.
    pub fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let phi = lat.clamp(-89.9, 89.9).to_radians();
        let rho = EARTH_RADIUS_KM * self.f / (FRAC_PI_4 + phi / 2.0).tan().powf(self.n);
        let theta = self.n * (lon.to_radians() - self.lon0);
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// (x, y) in km back to (lon, lat) in degrees.
    pub fn inverse(&self, x: f64, y: f64) -> (f64, f64) {
        let dy = self.rho0 - y;
        let rho = self.n.signum() * (x * x + dy * dy).sqrt();
        let theta = if self.n > 0.0 { x.atan2(dy) } else { (-x).atan2(-dy) };
        let phi = 2.0 * (EARTH_RADIUS_KM * self.f / rho).powf(1.0 / self.n).atan() - std::f64::consts::FRAC_PI_2;
        ((self.lon0 + theta / self.n).to_degrees(), phi.to_degrees())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn the_origin_maps_to_zero_and_north_is_up() {
        let p = Lambert::black_sea();
        let (x, y) = p.forward(36.0, 44.0);
        assert!(close(x, 0.0, 1e-9) && close(y, 0.0, 1e-9));
        let (x, y) = p.forward(36.0, 50.0);
        assert!(close(x, 0.0, 1e-9) && y > 600.0, "{x} {y}");
        let (east, _) = p.forward(40.0, 44.0);
        assert!(east > 0.0);
    }

    #[test]
    fn distances_between_the_standard_parallels_shrink_slightly() {
        // Between the standard parallels the scale is slightly below 1 (about 0.995 at 44° N),
        // so 6° of latitude (≈ 667 km on the sphere) comes out a little shorter, within 1 %.
        let p = Lambert::black_sea();
        let (_, y1) = p.forward(36.0, 41.0);
        let (_, y2) = p.forward(36.0, 47.0);
        let true_km = 6.0_f64.to_radians() * EARTH_RADIUS_KM;
        assert!(close(y2 - y1, true_km, true_km * 0.01) && y2 - y1 < true_km, "{} vs {true_km}", y2 - y1);
    }

    #[test]
    fn it_is_conformal() {
        // Equal scale along the meridian and the parallel, at several points.
        let p = Lambert::black_sea();
        for (lon, lat) in [(29.0, 41.0), (36.0, 44.0), (43.1, 40.6), (37.6, 55.75), (51.4, 35.7)] {
            let d = 1e-4;
            let (x0, y0) = p.forward(lon, lat);
            let (x1, y1) = p.forward(lon + d, lat);
            let (x2, y2) = p.forward(lon, lat + d);
            let along_parallel =
                ((x1 - x0).hypot(y1 - y0)) / (d.to_radians() * EARTH_RADIUS_KM * lat.to_radians().cos());
            let along_meridian = ((x2 - x0).hypot(y2 - y0)) / (d.to_radians() * EARTH_RADIUS_KM);
            assert!(close(along_parallel, along_meridian, 1e-4), "{lon},{lat}: {along_parallel} vs {along_meridian}");
            // And the scale is exactly 1 on the standard parallels.
            if lat == 38.0 || lat == 50.0 {
                assert!(close(along_meridian, 1.0, 1e-4));
            }
        }
        for lat in [38.0, 50.0] {
            let d = 1e-5;
            let (_, y0) = p.forward(36.0, lat);
            let (_, y1) = p.forward(36.0, lat + d);
            assert!(close((y1 - y0) / (d.to_radians() * EARTH_RADIUS_KM), 1.0, 1e-4));
        }
    }

    #[test]
    fn known_places_land_where_expected() {
        let p = Lambert::black_sea();
        let (ix, iy) = p.forward(28.98, 41.01); // Istanbul: west-south-west of the origin
        let (mx, my) = p.forward(37.62, 55.75); // Moscow: far north, a little east
        assert!(ix < -550.0 && ix > -700.0 && iy < -250.0 && iy > -400.0, "Istanbul {ix} {iy}");
        assert!(my > 1250.0 && my < 1350.0 && mx > 80.0 && mx < 140.0, "Moscow {mx} {my}");
        // Istanbul–Moscow great-circle distance is about 1,755 km.
        let map_km = (mx - ix).hypot(my - iy);
        assert!(close(map_km, 1755.0, 25.0), "{map_km}");
    }

    #[test]
    fn forward_and_inverse_round_trip() {
        let p = Lambert::black_sea();
        let mut lon = -77.0; // Washington is on the map too, far off the frame.
        while lon <= 78.0 {
            let mut lat = 20.0;
            while lat <= 63.0 {
                let (x, y) = p.forward(lon, lat);
                let (lon2, lat2) = p.inverse(x, y);
                assert!(close(lon, lon2, 1e-9) && close(lat, lat2, 1e-9), "{lon},{lat} -> {lon2},{lat2}");
                lat += 3.7;
            }
            lon += 4.3;
        }
    }
}
