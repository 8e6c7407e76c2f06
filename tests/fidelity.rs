//! Fidelity checks on the bundled data, run natively by `cargo test`:
//! - the map's units tile without gaps or slivers where they meet (shared edges are exact);
//! - an independent gazetteer of towns agrees with the map's holders, by point-in-polygon;
//! - each era holds at least the number of events the chronology promises;
//! - no summary or note repeats a run of more than six words from a seed document.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use straitline::data::Catalog;
use straitline::date::PartialDate;
use straitline::sovereignty::Territory;
use straitline::text::fold;

/// Kilometres between two lon/lat points (equirectangular; fine at these distances).
fn km(a: [f64; 2], b: [f64; 2]) -> f64 {
    let lat = ((a[1] + b[1]) / 2.0).to_radians();
    let dx = (a[0] - b[0]) * 111.32 * lat.cos();
    let dy = (a[1] - b[1]) * 110.57;
    (dx * dx + dy * dy).sqrt()
}

/// Kilometres from `p` to the segment `a`–`b`.
fn km_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
    km(p, [a[0] + t * dx, a[1] + t * dy])
}

fn rings(t: &Territory) -> impl Iterator<Item = &Vec<[f64; 2]>> {
    t.shape.polygons.iter().flat_map(|p| p.rings.iter())
}

fn km_to_boundary(p: [f64; 2], t: &Territory) -> f64 {
    rings(t).flat_map(|r| r.windows(2)).map(|w| km_to_segment(p, w[0], w[1])).fold(f64::INFINITY, f64::min)
}

fn key(p: [f64; 2]) -> (i64, i64) {
    ((p[0] * 1e6).round() as i64, (p[1] * 1e6).round() as i64)
}

/// Where two units meet, they share their common edge exactly: no vertex of one lies inside
/// the other, and one unit's outline never runs alongside another's without touching it.
/// Independent outlines that merely come close leave slivers or gaps, and fail here: they
/// give runs of vertices near the neighbour but not on its edge. (A single such vertex is
/// normal where a coast or a third unit bends away from a junction.)
#[test]
fn neighbouring_units_share_their_edges_exactly() {
    const NEAR_KM: f64 = 1.5;
    const RUN: usize = 3;
    let c = Catalog::bundled().unwrap();
    let vertex_sets: HashMap<&str, HashSet<(i64, i64)>> =
        c.territories.iter().map(|t| (t.id.as_str(), rings(t).flatten().map(|&p| key(p)).collect())).collect();
    let mut problems = Vec::new();
    let mut shared_km: HashMap<(&str, &str), f64> = HashMap::new();
    for a in &c.territories {
        for b in &c.territories {
            if a.id == b.id {
                continue;
            }
            let b_vertices = &vertex_sets[b.id.as_str()];
            for ring in rings(a) {
                let n = ring.len() - 1; // closed ring: last == first
                let mut run: Vec<[f64; 2]> = Vec::new();
                // Walk twice round so a run that wraps past the start is seen whole.
                for step in 0..2 * n {
                    let i = step % n;
                    let p = ring[i];
                    let next = ring[(i + 1) % n];
                    let shared = b_vertices.contains(&key(p));
                    if step < n && shared && b_vertices.contains(&key(next)) {
                        *shared_km.entry((a.id.as_str(), b.id.as_str())).or_default() += km(p, next);
                    }
                    if step < n && !shared && b.shape.contains(p[0], p[1]) {
                        problems.push(format!("{} vertex {:?} lies inside {}", a.id, p, b.id));
                    }
                    if !shared && km_to_boundary(p, b) < NEAR_KM {
                        run.push(p);
                        continue;
                    }
                    if run.len() >= RUN && step >= n {
                        problems.push(format!(
                            "{} runs alongside {} without touching it at {:?} (gap or sliver)",
                            a.id, b.id, run
                        ));
                    }
                    run.clear();
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    // Units that met on the ground meet on the map, along a real length of border.
    for (a, b, min_km) in [
        ("bessarabia", "tiraspol", 20.0),
        ("bender", "tiraspol", 20.0),
        ("comrat", "tiraspol", 20.0),
        ("akkerman", "yedisan", 40.0),
        ("tiraspol", "yedisan", 100.0),
        ("bessarabia", "briceni", 80.0),
        ("briceni", "khotyn", 80.0),
        ("bessarabia", "comrat", 80.0),
        ("comrat", "cahul", 40.0),
        ("akkerman", "budjak", 80.0),
        ("budjak", "cahul", 50.0),
        ("budjak", "danube-delta", 80.0),
        ("crimea", "kefe", 150.0),
        ("crimea", "kerch-yenikale", 30.0),
        ("black-sea-coast", "kuban-taman", 15.0),
        ("akhaltsikhe", "ardahan", 100.0),
        ("akhaltsikhe", "batum", 15.0),
        ("artvin", "batum", 60.0),
        ("ardahan", "artvin", 30.0),
        ("artvin", "oltu", 40.0),
        ("ardahan", "kars", 70.0),
        ("kars", "oltu", 15.0),
        ("kars", "surmalu", 30.0),
        ("nakhchivan", "surmalu", 4.0),
    ] {
        let len = shared_km.get(&(a, b)).copied().unwrap_or(0.0);
        assert!(len >= min_km, "{a} and {b} should share at least {min_km} km of border; they share {len:.1} km");
    }
}

#[derive(Deserialize)]
struct Town {
    name: String,
    lat: f64,
    lon: f64,
    unit: String,
    checks: Vec<Check>,
}

#[derive(Deserialize)]
struct Check {
    date: String,
    holder: String,
    source: String,
}

/// An independently compiled gazetteer (tests/gazetteer.json): towns and fortresses from
/// standard references, each with dated holders and a source, located by point in polygon.
/// A town on the coast may fall just outside the 1:10m coastline; within 5 km counts.
#[test]
fn gazetteer_towns_have_the_expected_holders() {
    let c = Catalog::bundled().unwrap();
    let towns: Vec<Town> = serde_json::from_str(include_str!("gazetteer.json")).expect("tests/gazetteer.json parses");
    assert!(towns.len() >= 80, "at least 80 towns, not {}", towns.len());
    let mut disagreements = Vec::new();
    let mut covered = HashSet::new();
    let mut rows = 0;
    for town in &towns {
        let p = [town.lon, town.lat];
        let unit = c.territories.iter().find(|t| t.shape.contains(p[0], p[1])).or_else(|| {
            c.territories
                .iter()
                .map(|t| (km_to_boundary(p, t), t))
                .filter(|(d, _)| *d < 5.0)
                .min_by(|x, y| x.0.total_cmp(&y.0))
                .map(|(_, t)| t)
        });
        let Some(unit) = unit else {
            disagreements
                .push(format!("{} ({}, {}) lies in no unit; expected {}", town.name, town.lat, town.lon, town.unit));
            continue;
        };
        if unit.id != town.unit {
            disagreements.push(format!("{} lies in {}, expected {}", town.name, unit.id, town.unit));
        }
        covered.insert(unit.id.as_str());
        for check in &town.checks {
            rows += 1;
            assert!(!check.source.trim().is_empty(), "{}: every row names a source", town.name);
            let date = PartialDate::parse(&check.date).unwrap_or_else(|e| panic!("{}: {e}", town.name));
            let holder = unit.holder_at(&date).unwrap_or("(no record)");
            if holder != check.holder {
                disagreements.push(format!(
                    "{} on {}: the map says {holder}, the gazetteer {} ({})",
                    town.name, check.date, check.holder, check.source
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
    let uncovered: Vec<&str> = c.territories.iter().map(|t| t.id.as_str()).filter(|id| !covered.contains(id)).collect();
    assert!(uncovered.is_empty(), "every unit needs gazetteer towns: {uncovered:?}");
    assert!(rows >= 3 * towns.len(), "several years per town: {rows} rows for {} towns", towns.len());
}

/// Every unit has exactly one holder at every date from its first record to today, and
/// the holders are states, not placeholders such as "divided".
#[test]
fn every_unit_has_one_holder_at_every_date() {
    let c = Catalog::bundled().unwrap();
    for t in &c.territories {
        let first = t.history[0].start;
        for year in first.year..=2025 {
            let date = PartialDate::parse(&format!("{year}-07-01")).unwrap();
            if date < first {
                continue;
            }
            let holders: Vec<&str> =
                t.history.iter().filter(|p| p.contains(&date)).map(|p| p.holder.as_str()).collect();
            assert_eq!(holders.len(), 1, "{} on {date}: {holders:?}", t.id);
            assert!(!holders[0].starts_with("divided"), "{}: {}", t.id, holders[0]);
        }
    }
}

/// The chronology covers every era in depth (issue #8's table).
#[test]
fn each_era_has_its_minimum_number_of_events() {
    let c = Catalog::bundled().unwrap();
    let minimum = [
        ("early-contact", 6),
        ("empires", 110),
        ("interwar", 25),
        ("ww2-cold-war", 40),
        ("post-soviet", 40),
        ("crisis-normalisation", 55),
        ("ukraine-war", 45),
    ];
    assert!(c.events.len() >= 300, "{} events", c.events.len());
    for (id, min) in minimum {
        let (index, _) = c.era(id).unwrap_or_else(|| panic!("no era {id}"));
        let n = c.events.iter().filter(|e| e.era == index).count();
        assert!(n >= min, "era {id} has {n} events, fewer than {min}");
    }
}

// ---------------------------------------------------------------------------------------
// Own words: no run of more than six words shared with a seed.

const RUN: usize = 7;
const FINGERPRINTS: &str = include_str!("seed-fingerprints.txt");

/// FNV-1a over the folded words of one run, cut to 48 bits (12 hex digits) to keep the
/// fingerprint file small; a false match is about one in ten million per run.
fn run_hash(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h ^= u64::from(b' ');
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for b in w.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h & 0xffff_ffff_ffff
}

fn runs(text: &str) -> Vec<(u64, String)> {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    words.windows(RUN).map(|w| (run_hash(w), w.join(" "))).collect()
}

fn seed_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

/// The fingerprints of every 7-word run in the seeds, one hex hash per line, sorted.
fn fingerprints_of_seeds() -> Option<String> {
    let mut entries: Vec<_> = std::fs::read_dir(seed_dir()).ok()?.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    let mut hashes: Vec<u64> = Vec::new();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
        let text = std::fs::read_to_string(path).ok()?;
        hashes.extend(runs(&text).into_iter().map(|(h, _)| h));
    }
    hashes.sort_unstable();
    hashes.dedup();
    Some(hashes.iter().map(|h| format!("{h:012x}\n")).collect())
}

/// The committed fingerprints are those of the seeds, where the seeds are at hand
/// (`../shared/seeds`, as on the team's machines and in CI). Regenerate with
/// `STRAITLINE_WRITE_FINGERPRINTS=1 cargo test --test fidelity fingerprints`.
#[test]
fn seed_fingerprints_are_current() {
    let Some(current) = fingerprints_of_seeds() else {
        eprintln!("seed documents not found at {}; using the committed fingerprints", seed_dir().display());
        return;
    };
    if std::env::var_os("STRAITLINE_WRITE_FINGERPRINTS").is_some() {
        std::fs::write(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seed-fingerprints.txt"), &current)
            .unwrap();
        return;
    }
    assert!(current == FINGERPRINTS, "tests/seed-fingerprints.txt is stale; regenerate it (see this test's doc)");
}

#[test]
fn no_text_shares_more_than_six_words_with_a_seed() {
    let seeds: HashSet<u64> = FINGERPRINTS.lines().map(|l| u64::from_str_radix(l, 16).expect("hex")).collect();
    assert!(seeds.len() > 10_000, "fingerprints missing");
    let c = Catalog::bundled().unwrap();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for e in &c.events {
        texts.push((format!("event {} summary", e.id), &e.summary));
    }
    for e in &c.eras {
        texts.push((format!("era {} summary", e.id), &e.summary));
    }
    for t in &c.territories {
        texts.push((format!("territory {} summary", t.id), &t.summary));
        for (i, p) in t.history.iter().enumerate() {
            if let Some(note) = &p.note {
                texts.push((format!("territory {} history[{i}].note", t.id), note));
            }
        }
    }
    let copied: Vec<String> = texts
        .iter()
        .filter_map(|(what, text)| {
            runs(text).into_iter().find(|(h, _)| seeds.contains(h)).map(|(_, run)| format!("{what}: \"{run}\""))
        })
        .collect();
    assert!(copied.is_empty(), "{} texts repeat a seed's words:\n{}", copied.len(), copied.join("\n"));
}

/// The check itself: a sentence lifted from a seed is caught.
#[test]
fn a_copied_sentence_is_caught() {
    let seeds: HashSet<u64> = FINGERPRINTS.lines().map(|l| u64::from_str_radix(l, 16).unwrap()).collect();
    let lifted = "Relations again turned sour at the end of WWII as the Soviet government laid territorial claims";
    assert!(runs(lifted).iter().any(|(h, _)| seeds.contains(h)));
    let own = "After the war Moscow demanded bases on the Straits and land in the east, and Ankara refused";
    assert!(!runs(own).iter().any(|(h, _)| seeds.contains(h)));
}
