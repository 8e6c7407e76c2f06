//! Geometry of the timeline axis: a piecewise-linear scale that gives each era room by its
//! number of events as well as its length (so 2016–2025 is not crushed and the 18th century
//! not empty), year ticks, clustering of marks that would touch, and label lanes that never overlap.

/// One linear piece of the scale: years `[y0, y1)` drawn over `[x0, x1)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Segment {
    pub(crate) y0: f64,
    pub(crate) y1: f64,
    pub(crate) x0: f64,
    pub(crate) x1: f64,
}

/// Maps years (as fractional years) to x positions and back.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scale {
    pub(crate) segments: Vec<Segment>,
}

/// Share of an era's width that comes from its length in years; the rest comes from its events.
const YEAR_SHARE: f64 = 0.35;

impl Scale {
    /// `periods` are `(start, end, events)` and must tile the domain in order; each period
    /// inside `domain` becomes one segment of `[x0, x1]`.
    pub(crate) fn new(domain: (f64, f64), periods: &[(f64, f64, usize)], x0: f64, x1: f64) -> Scale {
        let (d0, d1) = domain;
        let pieces: Vec<(f64, f64, usize)> = periods
            .iter()
            .filter_map(|&(s, e, n)| {
                let (s, e) = (s.max(d0), e.min(d1));
                (e > s).then_some((s, e, n))
            })
            .collect();
        if pieces.is_empty() || d1 <= d0 {
            return Scale { segments: vec![Segment { y0: d0, y1: d1.max(d0 + 1.0), x0, x1 }] };
        }
        let total_years: f64 = pieces.iter().map(|(s, e, _)| e - s).sum();
        let total_events: usize = pieces.iter().map(|p| p.2).sum();
        let weights: Vec<f64> = pieces
            .iter()
            .map(|&(s, e, n)| {
                let by_years = (e - s) / total_years;
                if total_events == 0 {
                    by_years
                } else {
                    YEAR_SHARE * by_years + (1.0 - YEAR_SHARE) * n as f64 / total_events as f64
                }
            })
            .collect();
        let sum: f64 = weights.iter().sum();
        let mut x = x0;
        let segments = pieces
            .iter()
            .zip(&weights)
            .map(|(&(s, e, _), w)| {
                let width = (x1 - x0) * w / sum;
                let seg = Segment { y0: s, y1: e, x0: x, x1: x + width };
                x += width;
                seg
            })
            .collect();
        Scale { segments }
    }

    pub(crate) fn domain(&self) -> (f64, f64) {
        (self.segments[0].y0, self.segments[self.segments.len() - 1].y1)
    }

    /// The x of a year; years outside the domain clamp to its ends.
    pub(crate) fn x(&self, year: f64) -> f64 {
        let seg = self.segments.iter().find(|s| year < s.y1).unwrap_or(&self.segments[self.segments.len() - 1]);
        let t = ((year - seg.y0) / (seg.y1 - seg.y0)).clamp(0.0, 1.0);
        seg.x0 + t * (seg.x1 - seg.x0)
    }

    /// Year ticks at round steps chosen per segment so they stay at least `min_gap` apart.
    pub(crate) fn ticks(&self, min_gap: f64) -> Vec<(i32, f64)> {
        const STEPS: [i32; 10] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
        let mut ticks: Vec<(i32, f64)> = Vec::new();
        for seg in &self.segments {
            let per_year = (seg.x1 - seg.x0) / (seg.y1 - seg.y0);
            let step = STEPS.into_iter().find(|s| *s as f64 * per_year >= min_gap).unwrap_or(1000);
            let first = (seg.y0 / step as f64).ceil() as i32 * step;
            let mut y = first;
            while (y as f64) < seg.y1 {
                let x = self.x(y as f64);
                if ticks.last().is_none_or(|&(_, last)| x - last >= min_gap * 0.75) {
                    ticks.push((y, x));
                }
                y += step;
            }
        }
        ticks
    }
}

/// Splits `periods` (`(start, end)` pairs tiling the timeline) into bins of a round number of
/// years, about `target_bins` across `domain`, cut at period boundaries too; `count(start, end)`
/// gives each bin its number of events. The result feeds [`Scale::new`], so busy decades
/// (or years, when zoomed in) get room inside a long era as well.
pub(crate) fn bins(
    domain: (f64, f64),
    periods: &[(f64, f64)],
    target_bins: usize,
    count: impl Fn(f64, f64) -> usize,
) -> Vec<(f64, f64, usize)> {
    const STEPS: [f64; 9] = [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0];
    let ideal = (domain.1 - domain.0) / target_bins.max(1) as f64;
    let step = STEPS.into_iter().find(|s| *s >= ideal).unwrap_or(500.0);
    let mut cuts: Vec<f64> = vec![domain.0, domain.1];
    for &(start, end) in periods {
        cuts.extend([start, end].into_iter().filter(|c| *c > domain.0 && *c < domain.1));
    }
    let mut y = (domain.0 / step).floor() * step + step;
    while y < domain.1 {
        cuts.push(y);
        y += step;
    }
    cuts.sort_by(f64::total_cmp);
    cuts.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    cuts.windows(2).map(|w| (w[0], w[1], count(w[0], w[1]))).collect()
}

/// A point to draw: an event (by index) at an x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    pub(crate) event: usize,
    pub(crate) x: f64,
}

/// A mark on the axis: one event, or a cluster of events too close to tell apart.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mark {
    /// Event indices, in x order.
    pub(crate) events: Vec<usize>,
    pub(crate) x: f64,
    /// Label lane (0 is nearest the axis), or `None` when no lane has room: the mark keeps
    /// its tooltip but draws no label.
    pub(crate) lane: Option<usize>,
    /// Where the label starts and ends on the x axis.
    pub(crate) label_start: f64,
    pub(crate) label_end: f64,
}

impl Mark {
    pub(crate) fn is_cluster(&self) -> bool {
        self.events.len() > 1
    }
}

/// A mark's label: `title`, cut to `max_chars` characters with an ellipsis when longer.
pub(crate) fn shorten(title: &str, max_chars: usize) -> String {
    if title.chars().count() > max_chars {
        format!("{}…", title.chars().take(max_chars.saturating_sub(1)).collect::<String>().trim_end())
    } else {
        title.to_string()
    }
}

/// Estimated width of a label in the axis' units.
pub(crate) fn label_width(label: &str, char_width: f64) -> f64 {
    label.chars().count() as f64 * char_width + 6.0
}

/// Groups points closer than `cluster_gap` (a group spans at most four gaps), then gives each
/// mark's label the lowest lane where it does not touch another label. `label_of` returns the
/// label a mark would show. Labels run right of the mark, or left of it near the right edge.
pub(crate) fn layout_marks(
    points: &[Point],
    cluster_gap: f64,
    lanes: usize,
    char_width: f64,
    right_edge: f64,
    label_of: impl Fn(&[usize]) -> String,
) -> Vec<Mark> {
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut groups: Vec<Vec<Point>> = Vec::new();
    for p in sorted {
        match groups.last_mut() {
            Some(g) if p.x - g[g.len() - 1].x < cluster_gap && p.x - g[0].x < 4.0 * cluster_gap => g.push(p),
            _ => groups.push(vec![p]),
        }
    }
    const PAD: f64 = 4.0;
    let mut lane_ends = vec![f64::NEG_INFINITY; lanes];
    groups
        .into_iter()
        .map(|g| {
            let x = g.iter().map(|p| p.x).sum::<f64>() / g.len() as f64;
            let events: Vec<usize> = g.iter().map(|p| p.event).collect();
            let width = label_width(&label_of(&events), char_width);
            let (start, end) = if x + width > right_edge { (x - width, x) } else { (x - 2.0, x - 2.0 + width) };
            let lane = lane_ends.iter().position(|&e| e + PAD <= start);
            if let Some(l) = lane {
                lane_ends[l] = end;
            }
            Mark { events, x, lane, label_start: start, label_end: end }
        })
        .collect()
}

/// Gives each span `(event, x0, x1)` the lowest lane where it does not touch another;
/// returns the lane of each span in input order, and the number of lanes used.
pub(crate) fn layout_spans(spans: &[(usize, f64, f64)], min_width: f64) -> (Vec<usize>, usize) {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| spans[a].1.total_cmp(&spans[b].1));
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut lanes = vec![0; spans.len()];
    for i in order {
        let (_, x0, x1) = spans[i];
        let x1 = x1.max(x0 + min_width);
        let lane = match lane_ends.iter().position(|&e| e + 1.0 <= x0) {
            Some(l) => l,
            None => {
                lane_ends.push(f64::NEG_INFINITY);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = x1;
        lanes[i] = lane;
    }
    (lanes, lane_ends.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The range and the inverse of [`Scale::x`]: the app does not need them, the tests
    /// use them to check the scale is monotonic and fills its range.
    impl Scale {
        fn range(&self) -> (f64, f64) {
            (self.segments[0].x0, self.segments[self.segments.len() - 1].x1)
        }

        /// The year at an x; the inverse of `Scale::x` inside the range.
        fn year(&self, x: f64) -> f64 {
            let seg = self.segments.iter().find(|s| x < s.x1).unwrap_or(&self.segments[self.segments.len() - 1]);
            let t = ((x - seg.x0) / (seg.x1 - seg.x0).max(f64::EPSILON)).clamp(0.0, 1.0);
            seg.y0 + t * (seg.y1 - seg.y0)
        }
    }

    fn scale() -> Scale {
        // A long empty-ish period and a short busy one.
        Scale::new((1500.0, 2025.0), &[(1500.0, 2000.0, 10), (2000.0, 2025.0, 90)], 0.0, 1000.0)
    }

    #[test]
    fn busy_short_periods_get_room() {
        let s = scale();
        let busy = s.segments[1];
        let per_year_busy = (busy.x1 - busy.x0) / 25.0;
        let quiet = s.segments[0];
        let per_year_quiet = (quiet.x1 - quiet.x0) / 500.0;
        assert!(per_year_busy > 10.0 * per_year_quiet);
        assert_eq!(s.range(), (0.0, 1000.0));
        assert!((busy.x1 - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn x_and_year_are_inverse_and_monotonic() {
        let s = scale();
        let mut last = f64::NEG_INFINITY;
        for i in 0..=525 {
            let y = 1500.0 + i as f64;
            let x = s.x(y);
            assert!(x >= last);
            last = x;
            assert!((s.year(x) - y).abs() < 1e-6, "{y}");
        }
        assert_eq!(s.x(1000.0), 0.0);
        assert_eq!(s.x(3000.0), 1000.0);
    }

    #[test]
    fn clips_periods_to_the_domain() {
        let s = Scale::new((1990.0, 2010.0), &[(1500.0, 2000.0, 10), (2000.0, 2025.0, 90)], 0.0, 100.0);
        assert_eq!(s.domain(), (1990.0, 2010.0));
        assert_eq!(s.segments.len(), 2);
        let empty = Scale::new((1990.0, 2010.0), &[], 0.0, 100.0);
        assert_eq!(empty.x(2000.0), 50.0);
    }

    #[test]
    fn ticks_keep_their_distance() {
        let s = scale();
        let ticks = s.ticks(40.0);
        assert!(ticks.len() > 5);
        for w in ticks.windows(2) {
            assert!(w[1].1 - w[0].1 >= 30.0, "{w:?}");
            assert!(w[1].0 > w[0].0);
        }
    }

    #[test]
    fn labels_never_overlap_and_close_points_cluster() {
        let points: Vec<Point> = (0..200).map(|i| Point { event: i, x: (i * 7 % 1000) as f64 }).collect();
        let marks = layout_marks(&points, 6.0, 4, 6.0, 1000.0, |e| {
            if e.len() > 1 {
                format!("{} events", e.len())
            } else {
                "A fairly long event title".into()
            }
        });
        assert_eq!(marks.iter().map(|m| m.events.len()).sum::<usize>(), 200);
        for lane in 0..4 {
            let mut in_lane: Vec<&Mark> = marks.iter().filter(|m| m.lane == Some(lane)).collect();
            in_lane.sort_by(|a, b| a.label_start.total_cmp(&b.label_start));
            for w in in_lane.windows(2) {
                assert!(w[0].label_end < w[1].label_start, "overlap in lane {lane}");
            }
        }
        for w in marks.windows(2) {
            assert!(w[1].x > w[0].x);
        }
        let close = [Point { event: 0, x: 10.0 }, Point { event: 1, x: 12.0 }, Point { event: 2, x: 50.0 }];
        let m = layout_marks(&close, 6.0, 2, 6.0, 1000.0, |_| "x".into());
        assert_eq!(m.len(), 2);
        assert!(m[0].is_cluster());
        assert_eq!(m[0].x, 11.0);
    }

    #[test]
    fn bins_cut_at_round_years_and_period_boundaries() {
        let b = bins((1453.0, 1600.0), &[(1453.0, 1549.0), (1549.0, 1918.0)], 10, |s, e| (e - s) as usize);
        let cuts: Vec<f64> = b.iter().map(|x| x.0).collect();
        assert_eq!(cuts, [1453.0, 1460.0, 1480.0, 1500.0, 1520.0, 1540.0, 1549.0, 1560.0, 1580.0]);
        assert_eq!(b.last().unwrap().1, 1600.0);
        assert_eq!(b[0].2, 7);
        let fine = bins((2016.0, 2026.0), &[], 40, |_, _| 0);
        assert_eq!(fine.len(), 10);
    }

    #[test]
    fn labels_near_the_right_edge_run_left() {
        let m = layout_marks(&[Point { event: 0, x: 995.0 }], 6.0, 1, 6.0, 1000.0, |_| "Istanbul talks".into());
        assert!(m[0].label_end <= 995.0 + 1e-9);
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        assert_eq!(shorten("Treaty of Kars", 24), "Treaty of Kars");
        assert_eq!(shorten("Exactly twenty-four char", 24), "Exactly twenty-four char");
        // The first 23 characters and an ellipsis; a space before the ellipsis is trimmed.
        assert_eq!(shorten("Treaty of Küçük Kaynarca and its aftermath", 24), "Treaty of Küçük Kaynarc…");
        assert_eq!(shorten("Congress of Berlin opens in June", 24), "Congress of Berlin open…");
        assert_eq!(shorten("Congress of Berlin opens in June", 20), "Congress of Berlin…");
        assert!(shorten("Congress of Berlin opens in June", 24).chars().count() <= 24);
    }

    #[test]
    fn spans_get_separate_lanes_when_they_overlap() {
        let (lanes, count) = layout_spans(&[(0, 0.0, 50.0), (1, 40.0, 60.0), (2, 70.0, 80.0), (3, 10.0, 20.0)], 2.0);
        assert_eq!(count, 2);
        assert_ne!(lanes[0], lanes[1]);
        assert_ne!(lanes[0], lanes[3]);
        assert_eq!(lanes[2], 0);
    }
}
