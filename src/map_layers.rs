//! What each layer of the map shows, in plain numbers: territory outlines and whether their
//! labels fit, the events counted per place, where an off-frame place's label goes, and the
//! legend's holders for a year.

use std::collections::BTreeMap;

use crate::basemap::push_path;
use crate::map_view::{to_svg, Frame};
use crate::projection::Lambert;
use crate::sovereignty::Territory;

/// A territory's outline projected once: its SVG path, where its label sits, and its width
/// (SVG units) to judge whether the label fits.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Outline {
    pub(crate) d: String,
    pub(crate) label: (f64, f64),
    pub(crate) width: f64,
}

/// Projects a territory's outline.
pub(crate) fn outline(territory: &Territory, projection: &Lambert) -> Outline {
    let mut d = String::new();
    let (mut x0, mut x1) = (f64::MAX, f64::MIN);
    for ring in territory.shape.polygons.iter().flat_map(|p| p.rings.iter()) {
        push_path(&mut d, ring, projection, true);
        for p in ring {
            let (x, _) = to_svg(projection, p[0], p[1]);
            (x0, x1) = (x0.min(x), x1.max(x));
        }
    }
    let label = territory.shape.label_point().map(|[lon, lat]| to_svg(projection, lon, lat)).unwrap_or_default();
    Outline { d, label, width: x1 - x0 }
}

/// The name a territory's label shows: its name without the bracketed note.
pub(crate) fn short_name(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name)
}

/// Font size of territory labels for a frame `frame_width` wide: constant on screen.
pub(crate) fn label_size(frame_width: f64) -> f64 {
    frame_width / 85.0
}

/// A label shows once the outline (`outline_width` wide) is wide enough for it at the zoom
/// where the frame is `frame_width` wide.
pub(crate) fn label_fits(outline_width: f64, label: &str, frame_width: f64) -> bool {
    let chars = label.chars().count() as f64;
    outline_width * 1.6 >= chars * 0.55 * label_size(frame_width)
}

/// How many of the listed events name each place, by place id in id order, given each
/// event's places. The `selected` place is included (with its count, maybe 0) even when no
/// listed event names it.
pub(crate) fn events_per_place<'a>(
    event_places: impl IntoIterator<Item = &'a [String]>,
    selected: Option<&'a str>,
) -> Vec<(&'a str, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for places in event_places {
        for p in places {
            *counts.entry(p.as_str()).or_default() += 1;
        }
    }
    if let Some(id) = selected {
        counts.entry(id).or_default();
    }
    counts.into_iter().collect()
}

/// Where the label of an off-frame place goes, given its edge pointer at (`x`, `y`) and the
/// marker radius `r`: its y (inside the frame) and its `text-anchor` (away from the near side).
pub(crate) fn off_frame_label(frame: &Frame, x: f64, y: f64, r: f64) -> (f64, &'static str) {
    let label_y = if y < frame.y + frame.height / 2.0 { y + r * 5.0 } else { y - r * 2.5 };
    let anchor = if x > frame.x + frame.width * 0.66 {
        "end"
    } else if x < frame.x + frame.width * 0.33 {
        "start"
    } else {
        "middle"
    };
    (label_y, anchor)
}

/// The note under the map for places that are off it.
pub(crate) fn off_frame_note(count: usize) -> String {
    format!("{count} place{} off the map: zoom out or pan", if count == 1 { "" } else { "s" })
}

/// The legend for one year: the holders shown, in the order the territories first name them,
/// and whether some territory has no record yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Legend<'a> {
    pub(crate) holders: Vec<&'a str>,
    pub(crate) no_record: bool,
}

/// Builds the legend from each territory's holder in the year (`None`: no record yet).
pub(crate) fn legend<'a>(holders_in_year: impl IntoIterator<Item = Option<&'a str>>) -> Legend<'a> {
    let mut legend = Legend::default();
    for holder in holders_in_year {
        match holder {
            Some(h) if !legend.holders.contains(&h) => legend.holders.push(h),
            Some(_) => {}
            None => legend.no_record = true,
        }
    }
    legend
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Catalog;

    #[test]
    fn short_names_drop_the_bracketed_note() {
        assert_eq!(short_name("Kars (and Ardahan)"), "Kars");
        assert_eq!(short_name("Crimea"), "Crimea");
    }

    #[test]
    fn labels_fit_once_zoomed_in_far_enough() {
        // 6 characters at the default size need 6 × 0.55 × 1000/85 ≈ 38.8 units, over 1.6.
        assert!(!label_fits(20.0, "Batumi", 1000.0));
        assert!(label_fits(25.0, "Batumi", 1000.0));
        // Zooming in (a narrower frame) shrinks the labels until they fit.
        assert!(label_fits(20.0, "Batumi", 500.0));
        assert!(label_fits(1.0, "", 1000.0));
        assert_eq!(label_size(850.0), 10.0);
    }

    #[test]
    fn events_are_counted_per_place_with_the_selected_place_kept() {
        let events = [vec!["kars".to_string(), "batum".into()], vec!["kars".into()], vec![]];
        let counts = events_per_place(events.iter().map(Vec::as_slice), None);
        assert_eq!(counts, [("batum", 1), ("kars", 2)]);
        let with_selected = events_per_place(events.iter().map(Vec::as_slice), Some("montreux"));
        assert_eq!(with_selected, [("batum", 1), ("kars", 2), ("montreux", 0)]);
        assert_eq!(events_per_place(events.iter().map(Vec::as_slice), Some("kars")), counts);
    }

    #[test]
    fn off_frame_labels_stay_inside_the_frame() {
        let f = Frame { x: 0.0, y: 0.0, width: 300.0, height: 100.0 };
        assert_eq!(off_frame_label(&f, 290.0, 10.0, 1.0), (15.0, "end"));
        assert_eq!(off_frame_label(&f, 10.0, 90.0, 1.0), (87.5, "start"));
        assert_eq!(off_frame_label(&f, 150.0, 90.0, 2.0), (85.0, "middle"));
        assert_eq!(off_frame_note(1), "1 place off the map: zoom out or pan");
        assert_eq!(off_frame_note(3), "3 places off the map: zoom out or pan");
    }

    #[test]
    fn the_legend_lists_each_holder_once_in_order() {
        let l = legend([Some("turkey"), None, Some("ussr"), Some("turkey")]);
        assert_eq!(l, Legend { holders: vec!["turkey", "ussr"], no_record: true });
        assert_eq!(legend([Some("a")]), Legend { holders: vec!["a"], no_record: false });
    }

    #[test]
    fn the_bundled_legend_for_1926_and_the_outlines() {
        let catalog = Catalog::bundled().expect("the bundled data loads");
        let l = legend(catalog.territories.iter().map(|t| t.holder_in_year(1926)));
        assert!(l.holders.contains(&"turkey"), "{l:?}");
        assert!(l.holders.iter().all(|h| catalog.holder(h).is_some()), "{l:?}");
        let projection = Lambert::black_sea();
        for t in &catalog.territories {
            let o = outline(t, &projection);
            assert!(o.d.starts_with('M') && o.width > 0.0, "{}", t.id);
        }
    }
}
