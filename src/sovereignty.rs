//! Who held each contested territory when: periods of sovereignty, the treaties that moved
//! territories, and the territory under a point. The types live in [`crate::data`]; this
//! module holds the logic over them.

pub use crate::data::{Holder, Period, RegimeStep, Side, Territory};
use crate::date::PartialDate;

impl Period {
    pub fn contains(&self, date: &PartialDate) -> bool {
        date.within(&self.start, self.end.as_ref())
    }
}

impl Territory {
    /// The period in force on `date`, if the history reaches back that far.
    pub(crate) fn period_at(&self, date: &PartialDate) -> Option<&Period> {
        self.history.iter().find(|p| p.contains(date))
    }

    /// Who held the territory on `date`.
    pub fn holder_at(&self, date: &PartialDate) -> Option<&str> {
        self.period_at(date).map(|p| p.holder.as_str())
    }

    /// Who held it at the end of `year` (what a `year` map shows); the app asks [`Territory::holder_at`]
    /// with the map's moment, and tests ask this.
    #[cfg(test)]
    pub(crate) fn holder_in_year(&self, year: i32) -> Option<&str> {
        self.holder_at(&PartialDate::ymd(year, 12, 31))
    }
}

/// A change of holder made by one event.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Transfer<'a> {
    pub territory: &'a Territory,
    /// `None` when the event began the recorded history.
    pub before: Option<&'a str>,
    pub after: &'a str,
    /// The day the change took effect (the period's start), which may differ from the event's.
    pub start: PartialDate,
}

/// Every territory the event `event_id` moved, with the holders before and after.
pub(crate) fn transfers<'a>(event_id: &str, territories: &'a [Territory]) -> Vec<Transfer<'a>> {
    territories
        .iter()
        .flat_map(|t| {
            t.history.iter().enumerate().filter(move |(_, p)| p.by.as_deref() == Some(event_id)).map(move |(i, p)| {
                Transfer {
                    territory: t,
                    before: i.checked_sub(1).map(|j| t.history[j].holder.as_str()),
                    after: p.holder.as_str(),
                    start: p.start,
                }
            })
        })
        .collect()
}

/// The years in which any territory changed hands, sorted: the steps of a reduced-motion animation.
pub(crate) fn change_years(territories: &[Territory]) -> Vec<i32> {
    let mut years: Vec<i32> = territories.iter().flat_map(|t| t.history.iter().skip(1).map(|p| p.start.year)).collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The territory under a lon/lat point, if any. (Public for hit tests; the map itself does
/// not call it yet.)
pub fn territory_at(territories: &[Territory], lon: f64, lat: f64) -> Option<&Territory> {
    territories.iter().find(|t| t.shape.contains(lon, lat))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Catalog, Names};
    use crate::geo::{Polygon, Shape};

    fn period(start: &str, end: Option<&str>, holder: &str, by: &str) -> Period {
        Period {
            start: PartialDate::parse(start).unwrap(),
            end: end.map(|e| PartialDate::parse(e).unwrap()),
            holder: holder.into(),
            by: Some(by.into()),
            note: None,
        }
    }

    fn toy() -> Territory {
        Territory {
            id: "kars".into(),
            name: "Kars".into(),
            names: Names::default(),
            summary: "s".into(),
            precision: "p".into(),
            sources: vec![],
            history: vec![
                period("1580", Some("1878-07-13"), "ottoman-empire", "a"),
                period("1878-07-13", Some("1918-03-03"), "russian-empire", "berlin"),
                period("1918-03-03", None, "turkey", "c"),
            ],
            regime: vec![],
            shape: Shape {
                polygons: vec![Polygon {
                    rings: vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]],
                }],
            },
        }
    }

    #[test]
    fn holder_at_follows_half_open_periods() {
        let t = toy();
        assert_eq!(t.holder_at(&PartialDate::ymd(1878, 7, 12)), Some("ottoman-empire"));
        assert_eq!(t.holder_at(&PartialDate::ymd(1878, 7, 13)), Some("russian-empire"));
        assert_eq!(t.holder_in_year(1878), Some("russian-empire"));
        assert_eq!(t.holder_in_year(1877), Some("ottoman-empire"));
        assert_eq!(t.holder_in_year(2025), Some("turkey"));
        assert_eq!(t.holder_in_year(1500), None);
    }

    #[test]
    fn transfers_name_before_and_after() {
        let ts = [toy()];
        let moved = transfers("berlin", &ts);
        assert_eq!(moved.len(), 1);
        assert_eq!((moved[0].before, moved[0].after), (Some("ottoman-empire"), "russian-empire"));
        assert_eq!(transfers("a", &ts)[0].before, None);
        assert!(transfers("nothing", &ts).is_empty());
    }

    #[test]
    fn change_years_are_the_starts_of_later_periods() {
        assert_eq!(change_years(&[toy(), toy()]), vec![1878, 1918]);
    }

    #[test]
    fn point_lookup_finds_the_territory() {
        let ts = [toy()];
        assert_eq!(territory_at(&ts, 0.5, 0.5).map(|t| t.id.as_str()), Some("kars"));
        assert!(territory_at(&ts, 5.0, 5.0).is_none());
    }

    /// Well-known facts, checked against the bundled data.
    #[test]
    fn the_bundled_history_matches_well_known_facts() {
        let c = Catalog::bundled().unwrap();
        let holder = |id: &str, year: i32| {
            c.territory(id).unwrap_or_else(|| panic!("no {id}")).holder_in_year(year).unwrap_or("(none)").to_string()
        };
        assert_eq!(holder("kars", 1880), "russian-empire");
        assert_eq!(holder("kars", 1925), "turkey");
        assert_eq!(holder("kars", 1870), "ottoman-empire");
        assert_eq!(holder("ardahan", 1925), "turkey");
        assert_eq!(holder("batum", 1880), "russian-empire");
        assert_eq!(holder("artvin", 1880), "russian-empire");
        assert_eq!(holder("crimea", 1700), "crimean-khanate");
        // Independent of the Ottomans in 1774–83, not on their side; Kefe was Ottoman before it.
        assert_eq!(holder("crimea", 1780), "crimean-khanate-independent");
        assert_eq!(holder("kefe", 1700), "ottoman-empire");
        assert_eq!(holder("kerch-yenikale", 1780), "russian-empire");
        // Brest-Litovsk (3 March 1918) ceded nothing: Russia evacuated, and the Ottomans took
        // Batum on 14 April and Kars on 25 April.
        let on = |id: &str, date: &str| {
            c.territory(id).unwrap().holder_at(&PartialDate::parse(date).unwrap()).unwrap().to_string()
        };
        assert_eq!(on("kars", "1918-03-10"), "transcaucasia");
        assert_eq!(on("kars", "1918-04-20"), "transcaucasia");
        assert_eq!(on("kars", "1918-04-26"), "ottoman-empire");
        assert_eq!(on("batum", "1918-04-15"), "ottoman-empire");
        assert_eq!(on("kars", "1917-06-01"), "russian-provisional");
        assert!(transfers("treaty-of-brest-litovsk-1918", &c.territories).is_empty());
        assert_eq!(holder("crimea", 1800), "russian-empire");
        assert_eq!(holder("crimea", 2000), "ukraine");
        // Russian control since 2014, drawn hatched: most states do not recognise the annexation.
        assert_eq!(holder("crimea", 2020), "russia-unrecognised");
        assert!(c.holder("russia-unrecognised").is_some_and(|h| h.hatched));
        assert!(!c.holder("russia").unwrap().hatched);
        assert_eq!(holder("bessarabia", 1830), "russian-empire");
        assert_eq!(holder("bessarabia", 1700), "moldavia");
        assert_eq!(holder("nakhchivan", 1800), "persia");
        assert_eq!(holder("nakhchivan", 1900), "russian-empire");
        assert_eq!(holder("azov", 1705), "tsardom-of-russia");
        assert_eq!(holder("azov", 1720), "ottoman-empire");
        assert_eq!(holder("straits", 1900), "ottoman-empire");
        assert_eq!(holder("straits", 1950), "turkey");
        assert_eq!(holder("yedisan", 1780), "ottoman-empire");
        assert_eq!(holder("yedisan", 1800), "russian-empire");

        let berlin: Vec<(&str, Option<&str>, &str)> = transfers("treaty-of-berlin-1878", &c.territories)
            .iter()
            .map(|t| (t.territory.id.as_str(), t.before, t.after))
            .collect();
        for id in ["kars", "ardahan", "oltu", "batum", "artvin"] {
            assert!(
                berlin.contains(&(id, Some("ottoman-empire"), "russian-empire")),
                "Berlin 1878 moves {id}: {berlin:?}"
            );
        }
        for id in ["budjak", "cahul"] {
            assert!(
                berlin
                    .iter()
                    .any(|(t, before, after)| t == &id && *before == Some("romania") && *after == "russian-empire"),
                "{id}: {berlin:?}"
            );
        }
        assert!(!berlin.iter().any(|(t, ..)| *t == "akkerman"), "Akkerman stayed Russian in 1856: {berlin:?}");
        let kars: Vec<&str> = transfers("treaty-of-kars-1921", &c.territories)
            .iter()
            .chain(transfers("treaty-of-moscow-1921", &c.territories).iter())
            .map(|t| t.territory.id.as_str())
            .collect();
        assert!(kars.contains(&"artvin"), "{kars:?}");
        // 1921 split the Batum oblast: Batum to Soviet Georgia, Artvin to Turkey, each its own unit.
        assert_eq!(holder("batum", 1925), "soviet-union");
        assert_eq!(holder("batum", 2000), "georgia");
        assert_eq!(holder("artvin", 1925), "turkey");
        assert_eq!(holder("artvin", 2000), "turkey");
        let moscow = transfers("treaty-of-moscow-1921", &c.territories);
        assert!(
            moscow.iter().any(|t| t.territory.id == "artvin" && t.before == Some("georgia") && t.after == "turkey"),
            "{moscow:?}"
        );
        assert!(moscow.iter().any(|t| t.territory.id == "ardahan" && t.after == "turkey"), "{moscow:?}");
    }

    #[test]
    fn well_known_points_fall_in_their_territories() {
        let c = Catalog::bundled().unwrap();
        for (id, lat, lon) in [
            ("kars", 40.60, 43.09),
            ("batum", 41.64, 41.64),
            ("artvin", 41.18, 41.82),
            ("oltu", 40.54, 41.99),
            ("kefe", 45.03, 35.38),
            ("kerch-yenikale", 45.36, 36.47),
            ("akkerman", 46.19, 30.35),
            ("tiraspol", 46.84, 29.63),
            ("budjak", 45.35, 28.84),
            ("crimea", 44.95, 34.10),
            ("straits", 41.01, 28.98),
            ("bessarabia", 47.01, 28.86),
            ("black-sea-coast", 44.89, 37.32),
            ("akhaltsikhe", 41.64, 42.98),
            ("nakhchivan", 39.21, 45.41),
            ("azov", 47.11, 39.42),
            ("yedisan", 46.48, 30.73), // Odesa, on the site of Hacıbey
            ("yedisan", 46.63, 31.57), // Ochakiv, just inland of the 1:50m coast
            ("ardahan", 41.11, 42.70),
            ("danube-delta", 45.16, 29.65),
            ("kuban-taman", 45.21, 36.72),
        ] {
            assert_eq!(territory_at(&c.territories, lon, lat).map(|t| t.id.as_str()), Some(id), "{id} at {lat},{lon}");
        }
        assert!(territory_at(&c.territories, 37.62, 55.75).is_none(), "Moscow is in no contested territory");
    }
}
