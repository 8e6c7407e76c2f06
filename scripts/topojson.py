"""TopoJSON (as shipped by the npm package world-atlas) to shapely polygons.
Shared by scripts/basemap.py and scripts/territories.py."""

from shapely.geometry import Polygon


def decode_arcs(topo):
    """The arcs as lists of (lon, lat), undoing the quantisation and delta encoding."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    """Joins arcs into a ring; a negative index (~i) means arc i reversed."""
    points = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygon(arcs, rings):
    """One polygon: the exterior ring, then holes."""
    holes = [ring(arcs, r) for r in rings[1:]]
    # The 1:10m files carry a few degenerate rings (fewer than 4 points); they enclose nothing.
    return Polygon(ring(arcs, rings[0]), [h for h in holes if len(h) >= 4])


def polygons(arcs, geometry):
    """The polygons of a Polygon or MultiPolygon geometry object; [] for anything else."""
    if geometry["type"] == "Polygon":
        return [polygon(arcs, geometry["arcs"])]
    if geometry["type"] == "MultiPolygon":
        return [polygon(arcs, rings) for rings in geometry["arcs"] if len(ring(arcs, rings[0])) >= 4]
    return []
