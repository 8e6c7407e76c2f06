#!/usr/bin/env python3
"""Derives data/basemap.geojson from Natural Earth (public domain) as shipped by the npm
package world-atlas (TopoJSON, 1:50m): land clipped to the region and simplified, plus
modern borders (arcs shared by two countries) for faint orientation lines.

Usage (from the repo root; `npm ci` installs world-atlas into node_modules/):
    pip install shapely
    python3 scripts/basemap.py [node_modules/world-atlas/countries-50m.json]

Deterministic: the same input gives the same file.
"""

import json
import sys
from collections import Counter

from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.ops import linemerge, unary_union

import topojson

# Balkans to Central Asia, the Levant to Saint Petersburg: everything the map can zoom out to.
BBOX = (8.0, 28.0, 78.0, 63.0)
LAND_TOLERANCE = 0.02  # degrees, about 2 km
BORDER_TOLERANCE = 0.03
DECIMALS = 2
SOURCE = "Natural Earth 1:50m (public domain) via npm world-atlas 2.0.2, countries-50m.json"


def valid_polygons(arcs, geometry):
    return [p if p.is_valid else p.buffer(0) for p in topojson.polygons(arcs, geometry)]


def rounded(coords):
    return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in coords]


def dedupe(coords):
    out = []
    for c in coords:
        if not out or out[-1] != c:
            out.append(c)
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "node_modules/world-atlas/countries-50m.json"
    topo = json.load(open(path, encoding="utf-8"))
    arcs = topojson.decode_arcs(topo)
    frame = box(*BBOX)

    # Land: the union of the land object, clipped and simplified.
    land = unary_union([p for g in topo["objects"]["land"]["geometries"] for p in valid_polygons(arcs, g)])
    land = land.intersection(frame).simplify(LAND_TOLERANCE, preserve_topology=True)
    land_parts = [land] if isinstance(land, Polygon) else list(getattr(land, "geoms", []))
    land_coords = []
    for part in land_parts:
        if not isinstance(part, Polygon) or part.area < 0.02:
            continue
        part = orient(part, 1.0)  # RFC 7946: exterior counter-clockwise
        rings = [dedupe(rounded(part.exterior.coords))] + [
            dedupe(rounded(h.coords)) for h in part.interiors if Polygon(h).area >= 0.02
        ]
        if len(rings[0]) >= 4:
            land_coords.append(rings)

    # Borders: arcs used by two country geometries.
    uses = Counter()
    for g in topo["objects"]["countries"]["geometries"]:
        rings = []
        if g["type"] == "Polygon":
            rings = g["arcs"]
        elif g["type"] == "MultiPolygon":
            rings = [r for poly in g["arcs"] for r in poly]
        for r in rings:
            for i in r:
                uses[i if i >= 0 else ~i] += 1
    shared = [LineString(arcs[i]) for i, n in sorted(uses.items()) if n >= 2]
    borders = linemerge(MultiLineString(shared)).intersection(frame).simplify(BORDER_TOLERANCE)
    lines = [borders] if isinstance(borders, LineString) else list(getattr(borders, "geoms", []))
    border_coords = [dedupe(rounded(l.coords)) for l in lines if isinstance(l, LineString) and l.length > 0.05]
    border_coords = [c for c in border_coords if len(c) >= 2]

    out = {
        "type": "FeatureCollection",
        "bbox": list(BBOX),
        "features": [
            {"type": "Feature", "id": "land", "properties": {"source": SOURCE}, "geometry": {"type": "MultiPolygon", "coordinates": land_coords}},
            {"type": "Feature", "id": "borders", "properties": {"source": SOURCE + "; modern borders, for orientation only"}, "geometry": {"type": "MultiLineString", "coordinates": border_coords}},
        ],
    }
    with open("data/basemap.geojson", "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    points = sum(len(r) for p in land_coords for r in p) + sum(len(l) for l in border_coords)
    print(f"data/basemap.geojson: {len(land_coords)} land polygons, {len(border_coords)} border lines, {points} points")


if __name__ == "__main__":
    main()
