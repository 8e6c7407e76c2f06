#!/usr/bin/env python3
"""Regenerate the geometry of data/territories.geojson.

Usage (from the repository root):

    python3 scripts/territories.py [--atlas DIR] [--out data/territories.geojson] [--check]

DIR is the world-atlas package directory (default: $WORLD_ATLAS_DIR, else
node_modules/world-atlas).  It must contain land-10m.json and countries-10m.json
(Natural Earth 1:10m, TopoJSON, from the npm package world-atlas@2).

What it does, deterministically (Python 3.11 + shapely 2 only):
  1. decodes Natural Earth land and country polygons from the TopoJSON;
  2. takes the rough outline of each unit (OUTLINES below, lon/lat), whose shared
     edges follow documented lines (rivers, treaty frontiers), intersects it with
     land, and where the line is a present-day frontier also with that country's
     polygon (MASKS);
  3. builds the Straits as water plus a ~15 km shore strip (see straits());
  4. makes the units disjoint in the order of ORDER (each minus everything before
     it, so neighbours share the earlier unit's edge exactly), closes gaps between
     neighbours narrower than about 6 km (GAP), nodes the coverage, simplifies all
     units together (SIMPLIFY, shared edges stay shared), snaps to a 0.001 degree
     grid and orients rings (exterior counter-clockwise, holes clockwise, RFC 7946);
  5. writes the geometries into the existing GeoJSON file, KEEPING every
     feature's properties (the histories are edited in the GeoJSON; only the
     shapes come from here).  Features are matched by "id".

--check only reports areas, validity and overlaps, and does not write.

The outlines follow the historical boundaries named in each comment to about
10-15 km where a line is drawn by hand (25 km where the historical limit is not
documented better); every feature's "precision" property says the
same in prose.
"""
import argparse
import json
import os
import sys

from shapely import coverage_simplify, set_precision
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, unary_union

import topojson

SIMPLIFY = 0.005     # degrees (about 500 m): keeps riverside towns on their bank
GRID = 0.001         # output precision (3 decimals)
GAP = 0.03           # degrees: gaps between units narrower than about 6 km are closed
MIN_PART = 2e-4      # drop slivers/islets smaller than this (square degrees, ~2 km2)

# ---------------------------------------------------------------------------
# Rough outlines, (lon, lat).  Where an outline runs out to sea it is cut back
# to the coast by the Natural Earth land polygon; where it runs across a modern
# frontier it is cut by the country mask in MASKS.
# ---------------------------------------------------------------------------

# Shared lines.  Where two units meet, the unit earlier in ORDER defines the common
# edge and the later one is cut by it (its rough outline deliberately overlaps), so
# neighbours share their edge exactly; coverage simplification then keeps it shared.
#
# Kuban river from its old Black Sea mouth (Kiziltash liman, north of Anapa)
# upstream past Slavyansk and Krasnodar to Ust-Labinsk: the 1783 line between
# the annexed "Kuban side" and the Circassian lands south of the river.
KUBAN_RIVER = [(36.90, 44.95), (37.20, 44.98), (37.45, 45.05), (37.65, 45.12),
               (38.10, 45.22), (38.55, 45.12), (38.97, 45.01), (39.30, 45.08),
               (39.70, 45.20)]
# Boundary between the Kars and Ardahan okrugs of the Kars oblast (1878-1918),
# roughly today's Kars / Ardahan provincial line.
KARS_ARDAHAN = [(42.45, 40.72), (42.75, 40.76), (43.00, 40.95), (43.40, 41.02),
                (43.90, 41.02)]
# Boundary between Adjara (Batum okrug) and the Akhaltsikhe uezd: the Arsiani
# ridge and Goderdzi pass.
ADJARA_EAST = [(42.55, 41.76), (42.55, 41.45)]
# The Dniester from below Soroca (where the Moldova-Ukraine frontier leaves it)
# past Ribnita, Dubasari, Bender and Tiraspol to Palanca, then the middle of the
# Dniester liman to the sea at Zatoka.  Upstream of Soroca and between Palanca and
# the liman the river is the Moldova-Ukraine frontier, which the masks supply.
DNIESTER = [(28.45, 48.15), (28.65, 48.05), (28.75, 47.95), (28.85, 47.85),
            (28.98, 47.76), (29.05, 47.62), (29.08, 47.50), (29.12, 47.38),
            (29.14, 47.27), (29.10, 47.15), (29.08, 47.10), (29.12, 47.02),
            (29.22, 46.95), (29.36, 46.90), (29.50, 46.86), (29.57, 46.80),
            (29.62, 46.77), (29.76, 46.66), (29.90, 46.55), (30.00, 46.48),
            (30.13, 46.40), (30.20, 46.33), (30.30, 46.27), (30.37, 46.20),
            (30.42, 46.12), (30.47, 46.05), (30.55, 45.98)]
# Below Cioburciu the Dniester itself is the Moldova-Ukraine frontier as far as Palanca; there
# the units follow the frontier (from the masks), so this line runs on the Moldovan right bank
# just west of the river, to where both banks become Ukrainian.
RIGHT_BANK_BORDER = [(29.60, 46.66), (29.95, 46.45), (30.13, 46.40)]
# The Yahorlyk and Kodyma: the Ottoman-Polish frontier of 1703-1793, Yedisan's
# northern edge, from the Dniester at Dubasari to the Southern Bug at Pervomaisk.
YAHORLYK_KODYMA = [(29.14, 47.27), (29.40, 47.42), (29.58, 47.55), (29.68, 47.75),
                   (29.80, 47.90), (30.20, 47.98), (30.55, 48.00), (30.85, 48.04)]
# The Southern Bug and its liman, from Pervomaisk to Ochakiv: Yedisan's east edge.
SOUTHERN_BUG = [(30.85, 48.04), (31.33, 47.57), (31.78, 47.31), (31.93, 46.97),
                (31.92, 46.80), (31.80, 46.68), (31.62, 46.63)]
# The frontier of the Treaty of Paris (1856) as marked out by the boundary act of April
# 1857: from the sea east of Lake Burnas, north of Lake Sasyk and of Bolgrad, up the
# Yalpug to north of Congaz, then west of Comrat and across to the Prut near Cantemir.
# South of it lay the strip returned to Moldavia (1856-78); Taraclia and Comrat stayed Russian.
PARIS_1856 = [(27.90, 46.42), (28.22, 46.38), (28.52, 46.30), (28.58, 46.20),
              (28.66, 46.14), (28.64, 46.02), (28.62, 45.90), (28.64, 45.82),
              (28.95, 45.84), (29.30, 45.81), (29.60, 45.79), (29.85, 45.84),
              (30.12, 45.87), (30.40, 45.80)]
# The Upper Trajan's Wall from the Prut at Leova to the Dniester below Bender: the
# northern edge of the Budjak, the Ottoman / Nogai lowland, before 1812.
UPPER_TRAJAN = [(27.90, 46.48), (28.25, 46.48), (28.45, 46.50), (28.75, 46.57),
                (29.05, 46.65), (29.30, 46.72), (29.48, 46.76), (29.70, 46.76)]
# Southern edge of the Ottoman raya of Khotyn (1713-1812), north of Edinet.
KHOTYN_SOUTH = [(26.50, 48.24), (27.00, 48.25), (27.40, 48.27), (27.80, 48.30),
                (28.60, 48.30)]
# The Dniester upstream of Naslavcea (inside Ukraine), the northern edge of
# Bessarabia, and the Bukovina line west of Khotyn.
DNIESTER_NORTH = [(28.00, 48.55), (27.58, 48.47), (27.40, 48.48), (27.15, 48.52),
                  (26.95, 48.55), (26.70, 48.55), (26.49, 48.535), (26.35, 48.53),
                  (26.15, 48.56)]
BUKOVINA_LINE = [(26.15, 48.56), (26.05, 48.40), (26.27, 48.21)]
# South-coast line of the Ottoman sanjak of Kefe in Crimea: from the coast west of
# Balaklava over Inkerman and Mangup, then along the crest of the Crimean Mountains
# to the coast north of Kefe (Feodosia).
KEFE_RIDGE = [(33.45, 44.45), (33.50, 44.55), (33.62, 44.635), (33.82, 44.625),
              (34.05, 44.66), (34.30, 44.74), (34.55, 44.80), (34.80, 44.88),
              (35.05, 44.97), (35.22, 45.05), (35.35, 45.12), (35.60, 45.12)]

OUTLINES = {
    # Azov: the fortress town and the lower Don delta west of Rostov, the
    # district fought over in 1637-1739 (not the later Rostov and Taganrog).
    "azov": [[(39.05, 46.98), (39.05, 47.25), (39.35, 47.30), (39.62, 47.25),
              (39.62, 46.98)]],
    # Kuban and Taman: the Taman peninsula and the right (north) bank of the
    # Kuban up to the Yeya, i.e. the Crimean Khanate's Kuban lands annexed in
    # 1783; south edge = Kuban river, west edge = Kerch Strait.
    "kuban-taman": [[(36.45, 45.45), (36.45, 45.10)] + KUBAN_RIVER +
                    [(39.80, 45.60), (39.50, 46.20), (39.00, 46.62),
                     (38.40, 46.80), (37.90, 46.80), (37.20, 46.10),
                     (36.70, 45.60)]],
    # Kerch and Yenikale: the two fortresses at the eastern tip of the Kerch
    # peninsula with their district, ceded to Russia in 1774; east edge = the middle
    # of the Kerch Strait, leaving the Tuzla spit to Taman.
    "kerch-yenikale": [[(36.28, 45.15), (36.28, 45.55), (36.68, 45.55), (36.68, 45.33),
                        (36.56, 45.27), (36.56, 45.10)]],
    # Kefe: the Ottoman-ruled south coast (Balaklava, Inkerman, Mangup, Sudak, Kefe).
    "kefe": [KEFE_RIDGE + [(35.60, 44.60), (34.50, 44.20), (33.30, 44.20)]],
    # Crimea: the rest of the peninsula, the khanate's own lands, south of the
    # Perekop isthmus and the Syvash.
    "crimea": [[(32.30, 45.30), (32.40, 46.05), (33.45, 46.20), (33.70, 46.20),
                (34.10, 46.02), (34.45, 45.95), (34.75, 45.90), (35.05, 45.75),
                (35.40, 45.55), (36.20, 45.52), (36.57, 45.47), (36.57, 45.20),
                (36.50, 44.95), (35.50, 44.50), (34.40, 44.25), (33.30, 44.30)]],
    # Kinburn: the Kinburn spit and the western end of the peninsula (the
    # Mykolaiv-oblast part), where the Ottoman fort of Kilburun stood.
    "kinburn": [[(31.47, 46.540), (31.47, 46.585), (31.62, 46.585),
                 (31.80, 46.560), (31.80, 46.470), (31.70, 46.480),
                 (31.58, 46.520), (31.52, 46.535)]],
    # The 1856-78 strip of southern Bessarabia, in Ukraine (budjak) and Moldova (cahul).
    "budjak": [[(27.80, 45.20), (27.80, 46.42)] + PARIS_1856 + [(30.40, 45.20)]],
    "cahul": [[(27.80, 45.20), (27.80, 46.42)] + PARIS_1856 + [(30.40, 45.20)]],
    # Akkerman: southern Bessarabia kept by Russia in 1856, now in Ukraine: west of
    # the Dniester liman.
    "akkerman": [[(27.80, 45.50), (27.80, 46.60), (29.00, 46.60)] + RIGHT_BANK_BORDER +
                 DNIESTER[21:] + [(30.60, 45.50)]],
    # The Ottoman raya of Bender: the fortress town and its district on the right
    # bank (simplified to about 15 km round the town).
    "bender": [[(29.22, 46.95), (29.36, 46.90), (29.50, 46.86), (29.57, 46.80),
                (29.65, 46.76), (29.55, 46.70), (29.35, 46.72), (29.25, 46.80)]],
    # Northern Budjak in Moldova (Comrat, Ceadir-Lunga, Taraclia, Causeni):
    # between the Upper Trajan's Wall and the 1856 line, west of the Dniester.
    "comrat": [UPPER_TRAJAN + [(29.90, 46.55), (30.40, 46.55), (30.40, 46.20),
                               (29.00, 45.70), (27.90, 45.80)]],
    # The raya of Khotyn: northern Bessarabia now in Ukraine (khotyn) and the
    # Moldovan north round Briceni and Ocnita (briceni).
    "khotyn": [DNIESTER_NORTH[1:] + BUKOVINA_LINE[1:] +
               [(26.80, 48.20), (27.60, 48.20), (28.00, 48.30)]],
    "briceni": [[(26.50, 48.60), (28.60, 48.60)] + list(reversed(KHOTYN_SOUTH))],
    # Central Bessarabia: Moldova between the Prut, the Dniester, the raya of
    # Khotyn and the Upper Trajan's Wall.
    "bessarabia": [[(26.50, 48.70), (28.30, 48.70)] + DNIESTER[:17] +
                   list(reversed(UPPER_TRAJAN))],
    # The left bank of the lower Dniester south of the Yahorlyk, now in Moldova.
    "tiraspol": [list(reversed(DNIESTER[8:19])) + YAHORLYK_KODYMA[:3] +
                 [(30.20, 47.30), (30.40, 46.60)]],
    # Yedisan: between the Dniester (and its liman) and the Southern Bug, north to
    # the Yahorlyk and Kodyma, now in Ukraine.
    "yedisan": [YAHORLYK_KODYMA + SOUTHERN_BUG[1:] +
                [(31.40, 46.55), (30.90, 46.30), (30.55, 45.98)] +
                list(reversed(DNIESTER[21:26])) + list(reversed(RIGHT_BANK_BORDER)) +
                list(reversed(DNIESTER[8:16]))],
    # Danube delta: the delta islands between the Chilia (Kiliya) arm and the
    # St George arm, i.e. the Romanian side of the delta.
    "danube-delta": [[(28.70, 45.21), (28.70, 45.45), (29.80, 45.45),
                      (29.95, 45.10), (29.70, 44.85), (29.62, 44.88),
                      (29.45, 44.93), (29.25, 45.01), (29.10, 45.07),
                      (28.95, 45.13), (28.85, 45.17), (28.78, 45.195)]],
    # Eastern Black Sea coast from Anapa to the Psou (the Circassian coast ceded
    # in 1829 and Russian since), inland to the crest of the western Caucasus.
    "black-sea-coast": [KUBAN_RIVER[:3] +
                        [(37.75, 44.98), (38.05, 44.85), (38.35, 44.70),
                         (38.70, 44.55), (39.10, 44.35), (39.50, 44.10),
                         (39.90, 43.85), (40.15, 43.60), (40.10, 43.30),
                         (38.50, 43.80), (36.80, 44.60), (36.80, 44.90)]],
    # Poti: the Ottoman fortress at the mouth of the Rioni and its district.
    "poti": [[(41.58, 42.06), (41.58, 42.24), (41.82, 42.24), (41.82, 42.06)]],
    # Batum: Adjara, the Batum okrug; north edge = the Choloki, east = Arsiani ridge.
    "batum": [[(41.45, 41.55), (41.70, 41.88), (42.00, 41.84), (42.30, 41.79)] +
              ADJARA_EAST + [(42.50, 41.30), (41.50, 41.30)]],
    # Akhaltsikhe and Akhalkalaki: the two uezds ceded in 1829, south to the
    # Georgia-Turkey frontier, east to Armenia.
    "akhaltsikhe": [ADJARA_EAST + [(42.50, 41.30), (43.00, 41.30), (43.50, 41.00),
                                   (44.10, 41.00), (44.10, 41.55), (43.80, 41.62),
                                   (43.42, 41.72), (43.25, 41.80), (42.85, 41.86)]],
    # Surmalu: the Surmalu uezd of the Erivan governorate, today's Igdir province:
    # south of the Aras, north of Ararat; west edge near Tuzluca.
    "surmalu": [[(43.45, 40.30), (45.00, 40.30), (45.00, 39.55), (44.20, 39.62),
                 (43.80, 39.75), (43.45, 39.85)]],
    # Kars: the Kars and Kagizman okrugs of the Kars oblast (1878-1918) on the
    # Turkish side of the 1921 frontier (the Arpacay/Akhurian).
    "kars": [KARS_ARDAHAN + [(44.10, 41.02), (44.10, 40.05), (43.70, 39.90),
                             (43.00, 39.90), (42.50, 40.00), (42.50, 40.20),
                             (42.45, 40.45)]],
    # Ardahan: the Ardahan okrug (Ardahan, Gole, Cildir, Posof, Hanak) on the
    # Turkish side of the frontier.
    "ardahan": [list(reversed(KARS_ARDAHAN)) +
                [(42.45, 40.95), (42.45, 41.70), (42.75, 41.85), (43.40, 41.80),
                 (43.90, 41.45)]],
    # Oltu: the Olti okrug of the Kars oblast (Oltu, Senkaya), Russian 1878-1918.
    "oltu": [[(41.75, 40.98), (42.60, 40.98), (42.60, 40.42), (42.20, 40.36),
              (41.85, 40.40), (41.72, 40.70)]],
    # Artvin: the Artvin okrug of the Batum oblast (Borcka, Artvin, Ardanuc,
    # Savsat), without Hopa and Yusufeli.
    "artvin": [[(41.40, 41.60), (42.60, 41.70), (42.60, 40.90), (41.85, 40.90),
                (41.75, 41.05), (41.65, 41.25), (41.55, 41.40), (41.52, 41.52)]],
}

# Modern frontiers used to cut outlines (Natural Earth admin-0 names).
MASKS = {
    "azov": "Russia", "kuban-taman": "Russia", "black-sea-coast": "Russia",
    "yedisan": "Ukraine", "kinburn": "Ukraine", "budjak": "Ukraine", "akkerman": "Ukraine",
    "khotyn": "Ukraine", "cahul": "Moldova", "bessarabia": "Moldova", "briceni": "Moldova",
    "bender": "Moldova", "comrat": "Moldova", "tiraspol": "Moldova",
    "danube-delta": "Romania", "poti": "Georgia", "batum": "Georgia",
    "akhaltsikhe": "Georgia", "kars": "Turkey", "ardahan": "Turkey", "oltu": "Turkey",
    "artvin": "Turkey", "surmalu": "Turkey",
}

# Towns and spits that the 1:50m coastline leaves in the sea; these small
# patches are added to the land before cutting (each a few km across).
COAST_FIXES = [
    # Kinburn spit (the 50m coast stops short of the spit and the fort).
    [(31.49, 46.548), (31.49, 46.568), (31.58, 46.570), (31.60, 46.545),
     (31.53, 46.540)],
    # Ochakiv cape.
    [(31.50, 46.600), (31.50, 46.640), (31.53, 46.700), (31.60, 46.700),
     (31.60, 46.600)],
    # Taman village on Taman Bay.
    [(36.66, 45.195), (36.66, 45.225), (36.78, 45.230), (36.78, 45.195)],
    # Batumi waterfront.
    [(41.60, 41.60), (41.60, 41.67), (41.67, 41.67), (41.67, 41.60)],
]

# The Straits: water between the Black Sea mouth of the Bosphorus and the
# Aegean mouth of the Dardanelles.  LIMIT runs on land except where it crosses
# the two mouths; the Straits are the water inside it plus every bit of land
# within SHORE degrees of that water.
STRAITS_LIMIT = [(26.19, 40.09), (26.30, 40.22), (26.45, 40.35), (26.62, 40.45),
                 (26.78, 40.55), (27.00, 40.78), (27.50, 41.05), (28.00, 41.15),
                 (28.60, 41.15), (28.92, 41.20), (29.00, 41.22), (29.12, 41.21),
                 (29.20, 41.15), (29.40, 41.05), (29.70, 40.95), (30.05, 40.80),
                 (30.10, 40.65), (29.70, 40.30), (28.50, 40.20), (27.70, 40.20),
                 (27.00, 40.20), (26.60, 40.00), (26.40, 39.90), (26.24, 39.97)]
STRAITS_MARMARA_POINT = (28.0, 40.7)
SHORE = 0.15

ORDER = ["nakhchivan", "straits", "kerch-yenikale", "kefe", "crimea", "kinburn",
         "danube-delta", "budjak", "cahul", "bender", "khotyn", "briceni", "tiraspol",
         "comrat", "bessarabia", "akkerman", "yedisan", "azov", "kuban-taman",
         "black-sea-coast", "poti", "batum", "akhaltsikhe", "surmalu", "kars", "ardahan",
         "oltu", "artvin"]
# Nakhchivan is the present exclave of Azerbaijan (the Nakhchivan Autonomous
# Republic) taken whole from Natural Earth.
NAKHCHIVAN_POINT = (45.41, 39.21)


# ---------------------------------------------------------------------------
def load_topojson(path):
    """Return {name or index: shapely geometry} for every object's geometries."""
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = topojson.decode_arcs(topo)

    result = {}
    for obj in topo["objects"].values():
        for n, g in enumerate(obj["geometries"]):
            parts = [p.buffer(0) for p in topojson.polygons(arcs, g)]
            if not parts:
                continue
            geom = parts[0] if g["type"] == "Polygon" else unary_union(parts)
            name = (g.get("properties") or {}).get("name", n)
            result[name] = unary_union([result[name], geom]) if name in result else geom
    return result


def polys(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    return [p for part in getattr(g, "geoms", []) for p in polys(part)]


def clean(g):
    parts = [p for p in polys(g.buffer(0)) if p.area >= MIN_PART]
    return unary_union(parts) if parts else Polygon()


def straits(land):
    limit = Polygon(STRAITS_LIMIT)
    water = limit.difference(land)
    marmara = Point(STRAITS_MARMARA_POINT)
    core = [p for p in polys(water) if p.intersects(marmara) or p.distance(marmara) == 0]
    if not core:
        sys.exit("straits: no water found around the Sea of Marmara")
    core = core[0]
    strip = core.buffer(SHORE).intersection(land).intersection(limit.buffer(SHORE))
    return unary_union([core, strip])


def build(atlas):
    land = unary_union(list(load_topojson(os.path.join(atlas, "land-10m.json")).values()))
    land = unary_union([land] + [Polygon(p) for p in COAST_FIXES])
    countries = load_topojson(os.path.join(atlas, "countries-10m.json"))

    raw = {}
    for fid, rings in OUTLINES.items():
        g = unary_union([Polygon(r).buffer(0) for r in rings]).intersection(land)
        if fid in MASKS:
            # the mask may be a little short of the coast patches: keep patches
            mask = countries[MASKS[fid]].buffer(0)
            g = g.intersection(unary_union([mask] + [Polygon(p) for p in COAST_FIXES]))
        raw[fid] = g
    az = countries["Azerbaijan"]
    raw["nakhchivan"] = [p for p in polys(az) if p.contains(Point(NAKHCHIVAN_POINT))][0]
    raw["straits"] = straits(land)

    # Make the units disjoint: each one minus everything earlier in ORDER, so that
    # neighbours share the earlier unit's edge exactly.
    disjoint, taken = {}, Polygon()
    for fid in ORDER:
        g = clean(raw[fid].difference(taken))
        disjoint[fid] = g
        taken = unary_union([taken, g])
    # Close the gaps: land left between neighbouring units (where a hand-drawn line and a
    # modern frontier run a little apart) goes to the neighbour it shares most border with.
    union = unary_union(list(disjoint.values()))
    closed = union.buffer(GAP, join_style="mitre").buffer(-GAP, join_style="mitre")
    for gap in polys(closed.difference(union).intersection(land)):
        if gap.area < MIN_PART / 20:
            continue
        best = max(ORDER, key=lambda f: gap.boundary.intersection(disjoint[f].boundary).length)
        if gap.boundary.intersection(disjoint[best].boundary).length > 0:
            disjoint[best] = unary_union([disjoint[best], gap]).buffer(0)
    # Node the coverage: rebuild every unit from the faces of all the units' boundaries, so a
    # vertex of one unit on a neighbour's edge becomes a vertex of the neighbour too.
    faces = list(polygonize(unary_union([g.boundary for g in disjoint.values()])))
    noded = {fid: [] for fid in ORDER}
    for face in faces:
        point = face.representative_point()
        owner = next((fid for fid in ORDER if disjoint[fid].contains(point)), None)
        if owner:
            noded[owner].append(face)
    disjoint = {fid: unary_union(noded[fid]) for fid in ORDER}
    # Simplify them together as one coverage, so shared edges stay shared, then
    # snap every vertex to the output grid (shared vertices snap alike).
    simplified = coverage_simplify([disjoint[f] for f in ORDER], SIMPLIFY)
    out = {}
    for fid, g in zip(ORDER, simplified):
        out[fid] = set_precision(g, GRID)
    return out


def ring_coords(ring):
    pts = []
    for x, y in ring.coords:
        p = [round(x, 3), round(y, 3)]
        if not pts or pts[-1] != p:
            pts.append(p)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def to_geojson(g):
    parts = [orient(p, sign=1.0) for p in polys(g)]
    parts.sort(key=lambda p: (-p.area, p.bounds))
    rings = [[ring_coords(p.exterior)] + [ring_coords(h) for h in p.interiors] for p in parts]
    if len(rings) == 1:
        return {"type": "Polygon", "coordinates": rings[0]}
    return {"type": "MultiPolygon", "coordinates": rings}


def dump(fc):
    """Pretty properties (edited by hand), one compact line per geometry."""
    lines = ['{"type": "FeatureCollection", "features": [']
    for i, f in enumerate(fc["features"]):
        props = json.dumps(f["properties"], ensure_ascii=False, indent=2)
        props = props.replace("\n", "\n  ")
        geom = json.dumps(f["geometry"], separators=(",", ":"))
        comma = "," if i < len(fc["features"]) - 1 else ""
        lines.append('{"type": "Feature", "id": %s,\n  "properties": %s,\n  "geometry": %s}%s'
                     % (json.dumps(f["id"]), props, geom, comma))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--atlas", default=os.environ.get("WORLD_ATLAS_DIR", "node_modules/world-atlas"))
    ap.add_argument("--out", default="data/territories.geojson")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    geoms = build(args.atlas)
    ids = list(geoms)
    for i, a in enumerate(ids):
        g = geoms[a]
        print(f"{a:16s} area={g.area:8.4f} parts={len(polys(g))} valid={g.is_valid}")
        for b in ids[i + 1:]:
            inter = g.intersection(geoms[b]).area
            if inter > 1e-9:
                print(f"  overlap {a} / {b}: {inter:.2e}")
    if args.check:
        return

    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            fc = json.load(f)
    else:
        fc = {"type": "FeatureCollection", "features": []}
    by_id = {f["id"]: f for f in fc["features"]}
    features = []
    # keep the file's feature order; append any missing territory at the end
    for f in fc["features"]:
        fid = f["id"]
        if fid in geoms:
            f = {"type": "Feature", "id": fid,
                 "properties": f.get("properties") or {"id": fid},
                 "geometry": to_geojson(geoms[fid])}
        features.append(f)
    for fid in ORDER:
        if fid not in by_id:
            features.append({"type": "Feature", "id": fid, "properties": {"id": fid},
                             "geometry": to_geojson(geoms[fid])})
    fc = {"type": "FeatureCollection", "features": features}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump(fc))
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)")


if __name__ == "__main__":
    main()
