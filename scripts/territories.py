#!/usr/bin/env python3
"""Regenerate the geometry of data/territories.geojson.

Usage (from the repository root):

    python3 scripts/territories.py [--atlas DIR] [--out data/territories.geojson] [--check]

DIR is the world-atlas package directory (default: $WORLD_ATLAS_DIR, else
node_modules/world-atlas).  It must contain land-50m.json and countries-50m.json
(Natural Earth 1:50m, TopoJSON, from the npm package world-atlas@2).

What it does, deterministically (Python 3.11 + shapely 2 only):
  1. decodes Natural Earth land and country polygons from the TopoJSON;
  2. takes the rough hand-drawn outline of each territory (OUTLINES below, lon/lat),
     intersects it with Natural Earth land, and where the outline is defined by a
     present-day frontier (e.g. "the part of the 1856 strip now in Ukraine") also
     with that country's polygon (MASKS);
  3. builds the Straits as water plus a ~15 km shore strip (see straits());
  4. simplifies (0.01 degree, topology preserved), removes overlaps in the order
     of ORDER (each territory minus everything before it), snaps to a 0.001 degree
     grid, orients rings (exterior counter-clockwise, holes clockwise, RFC 7946);
  5. writes the geometries into the existing GeoJSON file, KEEPING every
     feature's properties (the history is edited by hand in the GeoJSON; only the
     shapes come from here).  Features are matched by "id".

--check only reports areas, validity and overlaps, and does not write.

The outlines are approximate (typically +-10-20 km) and follow the historical
boundaries named in each comment; every feature's "precision" property says the
same in prose.
"""
import argparse
import json
import os
import sys

from shapely import set_precision
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

import topojson

SIMPLIFY = 0.01      # degrees
GRID = 0.001         # output precision (3 decimals)
MIN_PART = 2e-4      # drop slivers/islets smaller than this (square degrees, ~2 km2)

# ---------------------------------------------------------------------------
# Rough outlines, (lon, lat).  Where an outline runs out to sea it is cut back
# to the coast by the Natural Earth land polygon; where it runs across a modern
# frontier it is cut by the country mask in MASKS.
# ---------------------------------------------------------------------------

# Shared lines (used by two neighbouring outlines so that they meet exactly).
# Kuban river from its old Black Sea mouth (Kiziltash liman, north of Anapa)
# upstream past Slavyansk and Krasnodar to Ust-Labinsk: the 1783 line between
# the annexed "Kuban side" and the Circassian lands south of the river.
KUBAN_RIVER = [(36.90, 44.95), (37.20, 44.98), (37.45, 45.05), (37.65, 45.12),
               (38.10, 45.22), (38.55, 45.12), (38.97, 45.01), (39.30, 45.08),
               (39.70, 45.20)]
# Boundary between the Kars and Ardahan okrugs of the Kars oblast (1878-1918),
# roughly today's Kars / Ardahan provincial line.
KARS_ARDAHAN = [(42.45, 40.80), (42.70, 40.85), (43.00, 40.95), (43.40, 41.02),
                (43.90, 41.02)]
# Boundary between Adjara (Batum okrug) and the Akhaltsikhe uezd: the Arsiani
# ridge and Goderdzi pass.
ADJARA_EAST = [(42.55, 41.76), (42.55, 41.45)]

OUTLINES = {
    # Azov: the fortress town and the lower Don delta west of Rostov, the
    # district fought over in 1637-1739 (not the later Rostov and Taganrog).
    "azov": [[(39.05, 46.98), (39.05, 47.25), (39.35, 47.30), (39.62, 47.25),
              (39.62, 46.98)]],
    # Kuban and Taman: the Taman peninsula and the right (north) bank of the
    # Kuban up to the Yeya, i.e. the Crimean Khanate's Kuban lands annexed in
    # 1783; south edge = Kuban river, west edge = Kerch Strait.
    "kuban-taman": [[(36.58, 45.45), (36.58, 45.10)] + KUBAN_RIVER +
                    [(39.80, 45.60), (39.50, 46.20), (39.00, 46.62),
                     (38.40, 46.80), (37.90, 46.80), (37.20, 46.10),
                     (36.70, 45.60)]],
    # Crimea: the peninsula south of the Perekop isthmus and the Syvash,
    # including the Kerch peninsula with Kerch and Yenikale; east edge = middle
    # of the Kerch Strait.
    "crimea": [[(32.30, 45.30), (32.40, 46.05), (33.45, 46.20), (33.70, 46.20),
                (34.10, 46.02), (34.45, 45.95), (34.75, 45.90), (35.05, 45.75),
                (35.40, 45.55), (36.20, 45.52), (36.57, 45.47), (36.57, 45.20),
                (36.50, 44.95), (35.50, 44.50), (34.40, 44.25), (33.30, 44.30)]],
    # Kinburn: the Kinburn spit and the western end of the peninsula (the
    # Mykolaiv-oblast part), where the Ottoman fort of Kilburun stood.
    "kinburn": [[(31.47, 46.540), (31.47, 46.585), (31.62, 46.585),
                 (31.80, 46.560), (31.80, 46.470), (31.70, 46.480),
                 (31.58, 46.520), (31.52, 46.535)]],
    # Yedisan: the land ceded at Jassy between the Dniester (and its liman) and
    # the Southern Bug, north to the Yahorlyk and Kodyma rivers (the old
    # Ottoman-Polish frontier).  Cut to present-day Ukraine, so the left-bank
    # strip now in Moldova (Transnistria) is left out.
    "yedisan": [[(30.52, 46.05), (30.40, 46.20), (30.25, 46.33), (30.05, 46.45),
                 (29.50, 46.60), (29.00, 47.25), (29.55, 47.55), (29.65, 47.93),
                 (30.20, 47.98), (30.85, 48.04), (31.33, 47.57), (31.78, 47.31),
                 (31.93, 46.97), (31.92, 46.80), (31.80, 46.68), (31.62, 46.63),
                 (31.40, 46.55), (30.90, 46.30)]],
    # Bessarabia (north and centre): Bessarabia between the Prut and the
    # Dniester that is now Moldova, south to a line well north of the 1856-78
    # Moldavian strip (Leova - Comrat), so Cahul and the south are left out.
    "bessarabia": [[(26.50, 48.60), (27.80, 48.47), (28.05, 48.35), (28.30, 48.18),
                    (28.60, 47.95), (28.98, 47.75), (29.17, 47.27), (29.10, 47.09),
                    (29.25, 46.95), (29.55, 46.84), (29.72, 46.72), (29.95, 46.55),
                    (30.15, 46.40), (29.60, 46.28), (29.20, 46.33), (28.80, 46.33),
                    (28.50, 46.40), (28.10, 46.55), (27.50, 46.60)]],
    # Budjak: the part of southern Bessarabia ceded to Moldavia in 1856 and
    # retaken by Russia in 1878 that now lies in Ukraine - Reni, Izmail, Kiliya,
    # Vylkove and Bolhrad, south of the Lower Trajan's Wall.
    "budjak": [[(28.05, 45.40), (28.05, 45.80), (28.55, 45.80), (28.90, 45.76),
                (29.30, 45.72), (29.55, 45.66), (29.80, 45.55), (29.85, 45.20),
                (29.40, 45.20), (28.80, 45.20)]],
    # Danube delta: the delta islands between the Chilia (Kiliya) arm and the
    # St George arm, i.e. the Romanian side of the delta; north edge = the
    # Romania-Ukraine frontier on the Chilia arm, south edge = St George arm.
    "danube-delta": [[(28.70, 45.21), (28.70, 45.45), (29.80, 45.45),
                      (29.95, 45.10), (29.70, 44.85), (29.62, 44.88),
                      (29.45, 44.93), (29.25, 45.01), (29.10, 45.07),
                      (28.95, 45.13), (28.85, 45.17), (28.78, 45.195)]],
    # Eastern Black Sea coast from Anapa to the Psou (the Circassian coast ceded
    # in 1829 and Russian since), inland to the crest of the western Caucasus.
    # Abkhazia and Poti are left out (see the feature's precision note).
    "black-sea-coast": [KUBAN_RIVER[:3] +
                        [(37.75, 44.98), (38.05, 44.85), (38.35, 44.70),
                         (38.70, 44.55), (39.10, 44.35), (39.50, 44.10),
                         (39.90, 43.85), (40.15, 43.60), (40.10, 43.30),
                         (38.50, 43.80), (36.80, 44.60), (36.80, 44.90)]],
    # Akhaltsikhe: the old pashalik's core - Akhaltsikhe, Adigeni, Abastumani
    # and Aspindza (the Akhaltsikhe uezd), without Akhalkalaki; south edge =
    # the Georgia-Turkey frontier.
    "akhaltsikhe": [ADJARA_EAST + [(43.00, 41.45), (43.30, 41.45), (43.42, 41.60),
                                   (43.25, 41.80), (42.85, 41.86)]],
    # Kars: the Kars and Kagizman okrugs of the Kars oblast (1878-1918) on the
    # Turkish side of the 1921 frontier (the Arpacay/Akhurian), without the
    # Olti okrug to the west and the Ardahan okrug to the north.
    "kars": [KARS_ARDAHAN + [(44.10, 40.05), (43.70, 40.02), (43.00, 40.05),
                             (42.50, 40.10), (42.45, 40.45)]],
    # Ardahan: the Ardahan okrug (Ardahan, Gole, Cildir, Posof, Hanak) on the
    # Turkish side of the frontier; Savsat and Ardanuc belonged to the Artvin
    # okrug and are in batum-artvin.
    "ardahan": [list(reversed(KARS_ARDAHAN)) +
                [(42.45, 40.95), (42.45, 41.50), (42.75, 41.65), (43.40, 41.60),
                 (43.90, 41.30)]],
    # Batum with Artvin: the Batum oblast of 1878-1918 - Adjara (Batum okrug)
    # and the Artvin okrug (Borcka, Artvin, Ardanuc, Savsat) - without the
    # Turkish coast at Hopa and without Yusufeli.
    # North edge = the Choloki river, Adjara's border with Guria.
    "batum-artvin": [[(41.45, 41.55), (41.70, 41.88), (42.00, 41.84), (42.30, 41.79)] +
                     ADJARA_EAST +
                     [(42.45, 41.45), (42.45, 41.10), (42.20, 41.00),
                      (41.90, 41.00), (41.70, 41.15), (41.58, 41.36),
                      (41.50, 41.47)]],
}

# Modern frontiers used to cut outlines (Natural Earth admin-0 names).
MASKS = {
    "azov": "Russia", "kuban-taman": "Russia", "black-sea-coast": "Russia",
    "yedisan": "Ukraine", "kinburn": "Ukraine", "budjak": "Ukraine",
    "bessarabia": "Moldova", "danube-delta": "Romania",
    "akhaltsikhe": "Georgia", "kars": "Turkey", "ardahan": "Turkey",
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

ORDER = ["nakhchivan", "straits", "crimea", "kinburn", "yedisan", "bessarabia",
         "budjak", "danube-delta", "azov", "kuban-taman", "black-sea-coast",
         "kars", "ardahan", "batum-artvin", "akhaltsikhe"]
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
    return [p for part in g.geoms for p in polys(part)]


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
    land = unary_union(list(load_topojson(os.path.join(atlas, "land-50m.json")).values()))
    land = unary_union([land] + [Polygon(p) for p in COAST_FIXES])
    countries = load_topojson(os.path.join(atlas, "countries-50m.json"))

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

    out, taken = {}, Polygon()
    for fid in ORDER:
        g = raw[fid].simplify(SIMPLIFY, preserve_topology=True)
        g = clean(g.difference(taken))
        g = clean(set_precision(g, GRID))
        g = clean(set_precision(g.difference(taken), GRID))
        out[fid] = g
        taken = unary_union([taken, g])
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
