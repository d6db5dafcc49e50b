#!/usr/bin/python3
"""Build geodata/mali.gpkg, the base map bundled with Situation Viewer.

Usage:
    /usr/bin/python3 geodata/build_geodata.py [SOURCE_DIR] [--output FILE]

SOURCE_DIR defaults to <repo>/../shared/geodata-src. The output file is
deleted and written again from scratch; the same input gives the same
content. All layers are in EPSG:4326 (longitude, latitude). See
docs/data-sources.md for the sources, licences and processing steps.

Requires the GDAL Python bindings (Debian package python3-gdal).
"""

import argparse
import csv
import math
import os
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from osgeo import gdal, ogr, osr

ogr.UseExceptions()
gdal.UseExceptions()
osr.UseExceptions()

# --------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------

# Fixed timestamp written to gpkg_contents.last_change so that the output
# does not depend on the time of the build.
FIXED_TIMESTAMP = "2023-12-12T00:00:00.000Z"

# Douglas-Peucker tolerances in degrees. Adjacent polygons share their
# common borders, which are simplified once, so no gaps or overlaps appear.
TOLERANCE = {
    "countries": 0.002,
    "regions": 0.001,
    "cercles": 0.001,
    "rivers": 0.001,
    "lakes": 0.001,
}

# GeoNames points up to this distance (degrees, about 1.1 km) outside the
# outline of Mali are kept and given the nearest region and cercle: the
# boundary itself is generalised, and such points are villages on the
# border rivers that GeoNames places in Mali. Set to 0 to keep only points
# strictly inside the outline.
BORDER_TOLERANCE = 0.01

# Neighbours are clipped to this box (lon_min, lat_min, lon_max, lat_max).
COUNTRY_CLIP_BOX = (-20.0, 3.0, 16.0, 30.0)

# English name in Natural Earth -> (ISO 3166-1 alpha-3, ISO numeric, French)
COUNTRIES = {
    "Mali": ("MLI", "466", "Mali"),
    "Senegal": ("SEN", "686", "Sénégal"),
    "Mauritania": ("MRT", "478", "Mauritanie"),
    "Algeria": ("DZA", "012", "Algérie"),
    "Niger": ("NER", "562", "Niger"),
    "Burkina Faso": ("BFA", "854", "Burkina Faso"),
    "Côte d'Ivoire": ("CIV", "384", "Côte d'Ivoire"),
    "Guinea": ("GIN", "324", "Guinée"),
}

# geoBoundaries ADM1 shapeISO -> (French name, kind, ASCII shapeName in source)
REGIONS = {
    "ML-1": ("Kayes", "region", "Kayes"),
    "ML-2": ("Koulikoro", "region", "Koulikouro"),
    "ML-3": ("Sikasso", "region", "Sikasso"),
    "ML-4": ("Ségou", "region", "Segou"),
    "ML-5": ("Mopti", "region", "Mopti"),
    "ML-6": ("Tombouctou", "region", "Tombouctou"),
    "ML-7": ("Gao", "region", "Gao"),
    "ML-8": ("Kidal", "region", "Kidal"),
    "ML-BKO": ("Bamako", "district", "Bamako"),
}

# Natural Earth admin-1 label point names that differ from the French names.
LABEL_POINT_ALIASES = {
    "Timbuktu": "Tombouctou",
}

# Cercle names where the GeoNames spelling is missing or wrong.
#   Djenne: GeoNames spells the town "Djénné"; the official form is Djenné.
#   Dioila: GeoNames has no accented form; the official form is Dioïla.
CERCLE_NAME_OVERRIDES = {
    "Djenne": "Djenné",
    "Dioila": "Dioïla",
}

# Natural Earth v4.0.0 lost the accented letter of this lake's name.
LAKE_NAME_FIXES = {
    "Lake Dbo": "Lac Débo",
}

GEONAMES_COLUMNS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude",
    "longitude", "feature_class", "feature_code", "country_code", "cc2",
    "admin1", "admin2", "admin3", "admin4", "population", "elevation",
    "dem", "timezone", "modification_date",
)

SOURCE_FILES = {
    "countries": "countries/world-atlas_ne4.1.0_10m_mali_neighbours.geojson",
    "adm1": "admin/mli_adm1_geoboundaries_gbOpen_9regions.geojson",
    "adm2": "admin/mli_adm2_geoboundaries_gbOpen_50cercles.geojson",
    "labels": "natural_earth/ne_10m_admin_1_label_points_mali.geojson",
    "rivers": "natural_earth/ne_10m_rivers_lake_centerlines_westafrica.geojson",
    "lakes": "natural_earth/ne_10m_lakes_westafrica.geojson",
    "geonames": "gazetteer/geonames_ML.txt",
    "interest": "places/mali_places_of_interest.csv",
}

GEOBOUNDARIES_ATTRIBUTION = (
    "geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), "
    "www.geoboundaries.org, CC BY 4.0; original data DNCT Mali / UN OCHA"
)
GEONAMES_ATTRIBUTION = "GeoNames (www.geonames.org), CC BY 4.0"
NATURAL_EARTH_ATTRIBUTION = "Made with Natural Earth"


def log(message):
    print(message, file=sys.stderr)


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

def strip_marks(text):
    """Remove combining accents, keeping every other character."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def fold(text):
    """Lower-case ASCII letters and digits only, for loose name matching."""
    return "".join(c for c in strip_marks(text).lower()
                   if c.isascii() and c.isalnum())


def strip_cercle_words(name):
    """'Cercle de Yélimané' / 'Diré Cercle' -> the bare place name."""
    name = name.strip()
    for prefix in ("Cercle de ", "Cercle du ", "Cercle d'", "Cercle d’"):
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
            break
    if name.endswith(" Cercle"):
        name = name[:-len(" Cercle")].strip()
    return name


# --------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------

def read_features(path):
    """Return [(attributes, geometry)] with cloned 2D geometries."""
    ds = ogr.Open(str(path))
    if ds is None:
        raise RuntimeError(f"cannot open {path}")
    layer = ds.GetLayer(0)
    result = []
    for feature in layer:
        geom = feature.GetGeometryRef()
        geom = geom.Clone() if geom is not None else None
        if geom is not None:
            geom.FlattenTo2D()
        result.append((feature.items(), geom))
    layer = None
    ds = None
    return result


def polygons_of(geom):
    """Geometry -> list of polygons, each a list of closed rings of (x, y)."""
    name = geom.GetGeometryName()
    if name == "POLYGON":
        parts = [geom]
    elif name in ("MULTIPOLYGON", "GEOMETRYCOLLECTION"):
        parts = [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
        parts = [p for p in parts if p.GetGeometryName() == "POLYGON"]
    else:
        return []
    polys = []
    for part in parts:
        rings = []
        for i in range(part.GetGeometryCount()):
            pts = [(p[0], p[1]) for p in part.GetGeometryRef(i).GetPoints()]
            if len(pts) >= 4:
                if pts[0] != pts[-1]:
                    pts.append(pts[0])
                rings.append(pts)
        if rings:
            polys.append(rings)
    return polys


def lines_of(geom):
    name = geom.GetGeometryName()
    if name == "LINESTRING":
        parts = [geom]
    else:
        parts = [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
    return [[(p[0], p[1]) for p in part.GetPoints()] for part in parts
            if part.GetPointCount() >= 2]


def make_multipolygon(polys):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for rings in polys:
        poly = ogr.Geometry(ogr.wkbPolygon)
        for ring_pts in rings:
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in ring_pts:
                ring.AddPoint_2D(x, y)
            poly.AddGeometry(ring)
        multi.AddGeometry(poly)
    return multi


def make_multilinestring(lines):
    multi = ogr.Geometry(ogr.wkbMultiLineString)
    for pts in lines:
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in pts:
            line.AddPoint_2D(x, y)
        multi.AddGeometry(line)
    return multi


def as_multipolygon(geom):
    """Keep only the polygonal parts of geom, as a MultiPolygon."""
    return make_multipolygon(polygons_of(geom))


def count_vertices(geom):
    if geom.GetGeometryCount() == 0:
        return geom.GetPointCount()
    return sum(count_vertices(geom.GetGeometryRef(i))
               for i in range(geom.GetGeometryCount()))


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(px - ax, py - ay)
    t = ((px - ax) * dx + (py - ay) * dy) / length2
    t = max(0.0, min(1.0, t))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points, tolerance):
    """Simplify a polyline; the first and last points are always kept."""
    n = len(points)
    if n < 3 or tolerance <= 0.0:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        start, end = stack.pop()
        if end - start < 2:
            continue
        ax, ay = points[start]
        bx, by = points[end]
        best_distance = -1.0
        best_index = -1
        for i in range(start + 1, end):
            px, py = points[i]
            d = segment_distance(px, py, ax, ay, bx, by)
            if d > best_distance:
                best_distance = d
                best_index = i
        if best_distance > tolerance:
            keep[best_index] = True
            stack.append((start, best_index))
            stack.append((best_index, end))
    return [p for p, k in zip(points, keep) if k]


def ring_area(ring):
    area = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        area += x1 * y2 - x2 * y1
    return area / 2.0


def simplify_closed_ring(ring, tolerance):
    """Simplify a closed ring whose first point is fixed."""
    simplified = douglas_peucker(ring, tolerance)
    if len(simplified) < 4 or abs(ring_area(simplified)) < abs(ring_area(ring)) * 0.5:
        return list(ring)
    return simplified


def coverage_simplify(features, tolerance):
    """Simplify a set of polygon features that share borders.

    features: list (one entry per feature) of polygon lists as returned by
    polygons_of(). Rings are cut into arcs at the points where the set of
    features along the border changes; each arc is simplified once and the
    same result is used by every feature that touches it, so neighbouring
    polygons keep a common border.
    """
    if tolerance <= 0.0:
        return features

    def edge_key(a, b):
        return (a, b) if a < b else (b, a)

    owners = defaultdict(set)
    neighbours = defaultdict(set)
    for index, polys in enumerate(features):
        for rings in polys:
            for ring in rings:
                for a, b in zip(ring, ring[1:]):
                    if a == b:
                        continue
                    owners[edge_key(a, b)].add(index)
                    neighbours[a].add(b)
                    neighbours[b].add(a)

    cache = {}

    def simplified_arc(arc, closed):
        forward = tuple(arc)
        backward = tuple(reversed(arc))
        canonical = min(forward, backward)
        if canonical not in cache:
            if closed:
                cache[canonical] = tuple(simplify_closed_ring(list(canonical), tolerance))
            else:
                cache[canonical] = tuple(douglas_peucker(list(canonical), tolerance))
        result = cache[canonical]
        return list(result) if canonical == forward else list(reversed(result))

    out = []
    for polys in features:
        new_polys = []
        for rings in polys:
            new_rings = []
            for ring in rings:
                pts = [p for i, p in enumerate(ring[:-1]) if i == 0 or p != ring[i - 1]]
                if len(pts) > 1 and pts[-1] == pts[0]:
                    pts.pop()
                n = len(pts)
                if n < 3:
                    continue

                def edge_owners(i):
                    return frozenset(owners[edge_key(pts[i % n], pts[(i + 1) % n])])

                nodes = [i for i in range(n)
                         if len(neighbours[pts[i]]) > 2
                         or edge_owners(i - 1) != edge_owners(i)]
                if not nodes:
                    start = min(range(n), key=lambda i: pts[i])
                    rotated = pts[start:] + pts[:start] + [pts[start]]
                    new_ring = simplified_arc(rotated, closed=True)
                else:
                    rotated = pts[nodes[0]:] + pts[:nodes[0]]
                    node_set = {i - nodes[0] for i in nodes}
                    node_set = {i % n for i in node_set}
                    new_ring = [rotated[0]]
                    arc = [rotated[0]]
                    for i in range(1, n + 1):
                        p = rotated[i % n]
                        arc.append(p)
                        if i == n or i in node_set:
                            new_ring.extend(simplified_arc(arc, closed=False)[1:])
                            arc = [p]
                if len(new_ring) >= 4 and new_ring[0] == new_ring[-1]:
                    new_rings.append(new_ring)
                elif not new_rings:
                    break  # outer ring collapsed: drop the polygon
            if new_rings:
                new_polys.append(new_rings)
        out.append(new_polys)
    return out


def repair(geom, label):
    """Return a valid MultiPolygon, repairing it if simplification broke it."""
    if geom.IsValid():
        return geom
    log(f"  note: repairing invalid geometry of {label}")
    fixed = geom.MakeValid()
    return as_multipolygon(fixed)


def coverage_diagnostics(geoms):
    """Sum of areas vs area of union (overlaps) and holes in the union (gaps)."""
    union = geoms[0].Clone()
    for g in geoms[1:]:
        union = union.Union(g)
    holes = 0
    for rings in polygons_of(union):
        holes += len(rings) - 1
    overlap = sum(g.GetArea() for g in geoms) - union.GetArea()
    return overlap, holes


class PolygonIndex:
    """Point-in-polygon lookup over a list of (name, geometry)."""

    def __init__(self, items):
        self.items = []
        for name, geom in items:
            minx, maxx, miny, maxy = geom.GetEnvelope()
            prepared = None
            if hasattr(geom, "CreatePreparedGeometry"):
                prepared = geom.CreatePreparedGeometry()
            self.items.append((name, geom, prepared, (minx, maxx, miny, maxy)))

    def lookup(self, point):
        """Return (name, exact): the containing polygon, else the nearest."""
        x, y = point.GetX(), point.GetY()
        for name, geom, prepared, (minx, maxx, miny, maxy) in self.items:
            if minx <= x <= maxx and miny <= y <= maxy:
                inside = prepared.Contains(point) if prepared else geom.Contains(point)
                if inside:
                    return name, True
        best = None
        for name, geom, _prepared, _env in self.items:
            d = geom.Distance(point)
            if best is None or d < best[0]:
                best = (d, name)
        return best[1], False


# --------------------------------------------------------------------------
# Layer builders
# --------------------------------------------------------------------------

def build_countries(src):
    rows = []
    box = ogr.CreateGeometryFromWkt(
        "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(*COUNTRY_CLIP_BOX))
    for attrs, geom in read_features(src / SOURCE_FILES["countries"]):
        name = attrs["name"]
        if name not in COUNTRIES:
            raise RuntimeError(f"unexpected country {name!r}")
        iso_a3, numeric, name_fr = COUNTRIES[name]
        if str(attrs["id"]) != numeric:
            raise RuntimeError(f"ISO numeric code mismatch for {name}: {attrs['id']}")
        clipped = geom.Intersection(box)
        rows.append({"name": name, "name_fr": name_fr, "iso_a3": iso_a3,
                     "polys": polygons_of(clipped)})
    if len(rows) != len(COUNTRIES):
        raise RuntimeError("countries: expected %d features, got %d" % (len(COUNTRIES), len(rows)))
    rows.sort(key=lambda r: (r["iso_a3"] != "MLI", r["name"]))
    return rows


def build_regions(src):
    rows = []
    for attrs, geom in read_features(src / SOURCE_FILES["adm1"]):
        iso = attrs["shapeISO"]
        if iso not in REGIONS:
            raise RuntimeError(f"unexpected ADM1 unit {iso!r}")
        name, kind, source_name = REGIONS[iso]
        if attrs["shapeName"] != source_name:
            raise RuntimeError(f"ADM1 {iso}: expected {source_name!r}, got {attrs['shapeName']!r}")
        rows.append({"name": name, "iso_code": iso, "kind": kind,
                     "source_name": source_name, "geom": as_multipolygon(geom)})
    if len(rows) != len(REGIONS):
        raise RuntimeError("regions: expected 9 features")

    by_fold = {fold(r["name"]): r for r in rows}
    for attrs, geom in read_features(src / SOURCE_FILES["labels"]):
        label_name = LABEL_POINT_ALIASES.get(attrs["name"], attrs["name"])
        region = by_fold.get(fold(label_name))
        if region is None:
            log(f"  note: label point {attrs['name']!r} matches no region")
            continue
        if region["geom"].Contains(geom):
            region["label"] = (geom.GetX(), geom.GetY(), "Natural Earth label point")
        else:
            log(f"  note: label point of {region['name']} lies outside its polygon")
    for region in rows:
        if "label" not in region:
            p = region["geom"].PointOnSurface()
            region["label"] = (p.GetX(), p.GetY(), "point on surface")
    rows.sort(key=lambda r: r["iso_code"])
    return rows


def read_geonames(src):
    records = []
    path = src / SOURCE_FILES["geonames"]
    with open(path, encoding="utf-8", newline="") as handle:
        for line_number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != len(GEONAMES_COLUMNS):
                raise RuntimeError(f"{path}:{line_number}: {len(cols)} columns")
            records.append(dict(zip(GEONAMES_COLUMNS, cols)))
    return records


def accented_cercle_name(source_name, polygon, adm2_records, place_records):
    """Find the accented spelling of a cercle name in GeoNames.

    A candidate is accepted only if removing its accents gives back the
    source name exactly. ADM2 records (name and alternate names) are tried
    first, then populated places inside the cercle (the cercle seat).
    Returns (name, how).
    """
    if source_name in CERCLE_NAME_OVERRIDES:
        return CERCLE_NAME_OVERRIDES[source_name], "override"
    target = fold(source_name)

    def pick(candidates):
        counts = defaultdict(int)
        for candidate in candidates:
            candidate = strip_cercle_words(candidate)
            if candidate != source_name and strip_marks(candidate) == source_name:
                counts[candidate] += 1
        if not counts:
            return None
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    adm2_candidates = []
    for rec in adm2_records:
        forms = [rec["name"], rec["asciiname"]] + rec["alternatenames"].split(",")
        if any(fold(strip_cercle_words(f)) == target for f in forms if f):
            adm2_candidates.extend(f for f in forms if f)
    found = pick(adm2_candidates)
    if found:
        return found, "GeoNames ADM2"

    seat_candidates = []
    for rec, point in place_records:
        if fold(rec["name"]) == target and polygon.Contains(point):
            seat_candidates.append(rec["name"])
    found = pick(seat_candidates)
    if found:
        return found, "GeoNames populated place in the cercle"
    return source_name, "source"


def build_cercles(src, regions, geonames):
    adm2_records = [r for r in geonames if r["feature_code"] == "ADM2"]
    place_records = []
    for rec in geonames:
        if rec["feature_class"] == "P":
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(float(rec["longitude"]), float(rec["latitude"]))
            place_records.append((rec, point))

    rows = []
    for attrs, geom in read_features(src / SOURCE_FILES["adm2"]):
        geom = as_multipolygon(geom)
        source_name = attrs["shapeName"]
        name, how = accented_cercle_name(source_name, geom, adm2_records, place_records)
        best = None
        for region in regions:
            overlap = 0.0
            if geom.Intersects(region["geom"]):
                overlap = as_multipolygon(geom.Intersection(region["geom"])).GetArea()
            if best is None or overlap > best[0]:
                best = (overlap, region["name"])
        share = best[0] / geom.GetArea()
        if share < 0.95:
            log(f"  note: cercle {source_name} has only {share:.1%} inside {best[1]}")
        rows.append({"name": name, "name_ascii": source_name, "region": best[1],
                     "how": how, "share": share, "geom": geom})
    if len(rows) != 50:
        raise RuntimeError(f"cercles: expected 50 features, got {len(rows)}")
    lowest = min(rows, key=lambda r: r["share"])
    log(f"  cercles: smallest share inside the assigned region: "
        f"{lowest['share']:.4%} ({lowest['name_ascii']})")
    rows.sort(key=lambda r: (r["region"], r["name_ascii"]))
    return rows


def read_interest_ranks(src):
    """GeoNames ids of the places the situation's sources name, ranked in the
    order of the vetted places-of-interest list (1 = first). The viewer labels
    these at every zoom and ranks them first among homonyms."""
    ranks = {}
    with open(src / SOURCE_FILES["interest"], newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            geonameid = (row.get("geonameid") or "").strip()
            if geonameid and int(geonameid) not in ranks:
                ranks[int(geonameid)] = len(ranks) + 1
    return ranks


def build_places(geonames, regions, cercles, interest_ranks):
    mali = regions[0]["geom"].Clone()
    for region in regions[1:]:
        mali = mali.Union(region["geom"])
    # Fill any interior holes so sliver gaps count as inside Mali.
    mali = make_multipolygon([[rings[0]] for rings in polygons_of(mali)])
    if BORDER_TOLERANCE > 0.0:
        mali = mali.Buffer(BORDER_TOLERANCE)
    mali_prepared = mali.CreatePreparedGeometry() \
        if hasattr(mali, "CreatePreparedGeometry") else None
    region_index = PolygonIndex([(r["name"], r["geom"]) for r in regions])
    cercle_index = PolygonIndex([(c["name"], c["geom"]) for c in cercles])
    cercle_region = {c["name"]: c["region"] for c in cercles}

    rows = []
    dropped = 0
    nearest_region = nearest_cercle = inconsistent = 0
    for rec in geonames:
        if not (rec["feature_class"] == "P" or rec["feature_code"] == "ADM3"):
            continue
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(rec["longitude"]), float(rec["latitude"]))
        inside = mali_prepared.Intersects(point) if mali_prepared else mali.Intersects(point)
        if not inside:
            dropped += 1
            continue
        region, exact_region = region_index.lookup(point)
        cercle, exact_cercle = cercle_index.lookup(point)
        nearest_region += not exact_region
        nearest_cercle += not exact_cercle
        if cercle_region[cercle] != region:
            inconsistent += 1
        rows.append({
            "geonameid": int(rec["geonameid"]),
            "name": rec["name"],
            "asciiname": rec["asciiname"],
            "alternatenames": rec["alternatenames"],
            "feature_code": rec["feature_code"],
            "population": int(rec["population"] or 0),
            "region": region,
            "cercle": cercle,
            "of_interest": interest_ranks.get(int(rec["geonameid"]), 0),
            "geom": point,
        })
    rows.sort(key=lambda r: r["geonameid"])
    log(f"  places: kept {len(rows)}, dropped {dropped} outside Mali, "
        f"nearest-polygon fallback (border tolerance {BORDER_TOLERANCE}°): "
        f"{nearest_region} region / {nearest_cercle} cercle, "
        f"region differs from the cercle's region: {inconsistent}")
    return rows


def build_rivers(src):
    rows = []
    tolerance = TOLERANCE["rivers"]
    for attrs, geom in read_features(src / SOURCE_FILES["rivers"]):
        lines = [douglas_peucker(pts, tolerance) for pts in lines_of(geom)]
        rows.append({"name": attrs["name"],
                     "scalerank": int(round(attrs["scalerank"])),
                     "featurecla": attrs["featurecla"],
                     "geom": make_multilinestring(lines),
                     "before": count_vertices(geom)})
    rows.sort(key=lambda r: (r["scalerank"], r["name"] or "", r["featurecla"] or ""))
    return rows


def build_lakes(src):
    rows = []
    for attrs, geom in read_features(src / SOURCE_FILES["lakes"]):
        name = attrs["name"]
        name = LAKE_NAME_FIXES.get(name, name)
        rows.append({"name": name, "scalerank": int(round(attrs["scalerank"])),
                     "polys": polygons_of(geom), "before": count_vertices(geom)})
    rows.sort(key=lambda r: (r["scalerank"], r["name"] or "",
                             r["polys"][0][0][0]))
    simplified = coverage_simplify([r["polys"] for r in rows], TOLERANCE["lakes"])
    for row, polys in zip(rows, simplified):
        row["geom"] = repair(make_multipolygon(polys), row["name"] or "unnamed lake")
    return rows


def simplify_layer(name, rows, polys_key):
    before = sum(count_vertices(make_multipolygon(r[polys_key])) for r in rows)
    simplified = coverage_simplify([r[polys_key] for r in rows], TOLERANCE[name])
    geoms = []
    for row, polys in zip(rows, simplified):
        geoms.append(repair(make_multipolygon(polys), f"{name}/{row['name']}"))
    after = sum(count_vertices(g) for g in geoms)
    overlap, holes = coverage_diagnostics(geoms)
    log(f"  {name}: {before} -> {after} vertices (tolerance {TOLERANCE[name]}°), "
        f"overlap area {overlap:.2e} deg², holes in union {holes}")
    return geoms


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def create_layer(ds, name, geom_type, fields, description):
    srs = None
    if geom_type != ogr.wkbNone:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(name, srs, geom_type,
                           options=[f"DESCRIPTION={description}", "FID=fid"])
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    return layer


def write_rows(layer, rows, field_names, geom_key="geom"):
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for fid, row in enumerate(rows, 1):
        feature = ogr.Feature(defn)
        feature.SetFID(fid)
        for field_name in field_names:
            value = row[field_name]
            if value is None:
                feature.SetFieldNull(field_name)
            else:
                feature.SetField(field_name, value)
        if geom_key is not None:
            feature.SetGeometry(row[geom_key])
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def main():
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source_dir", nargs="?",
                        default=str(repo.parent / "shared" / "geodata-src"),
                        help="directory with the vetted sources "
                             "(default: <repo>/../shared/geodata-src)")
    parser.add_argument("--output", default=str(repo / "geodata" / "mali.gpkg"),
                        help="GeoPackage to write (default: geodata/mali.gpkg)")
    args = parser.parse_args()
    src = Path(args.source_dir).resolve()
    out = Path(args.output)
    for key, rel in SOURCE_FILES.items():
        if not (src / rel).is_file():
            parser.error(f"missing source file {src / rel}")

    log(f"reading sources from {src}")
    geonames = read_geonames(src)
    countries = build_countries(src)
    regions = build_regions(src)
    cercles = build_cercles(src, regions, geonames)
    places = build_places(geonames, regions, cercles, read_interest_ranks(src))
    rivers = build_rivers(src)
    lakes = build_lakes(src)

    for row in cercles:
        if row["name"] != row["name_ascii"]:
            log(f"  cercle name: {row['name_ascii']} -> {row['name']} ({row['how']})")

    log("simplifying")
    for row, geom in zip(countries, simplify_layer("countries", countries, "polys")):
        row["geom"] = geom
    for rows, key in ((regions, "regions"), (cercles, "cercles")):
        for row in rows:
            row["polys"] = polygons_of(row["geom"])
        for row, geom in zip(rows, simplify_layer(key, rows, "polys")):
            row["display_geom"] = geom
    for row in regions:
        row["label_lon"], row["label_lat"] = row["label"][0], row["label"][1]
    log("  rivers: %d -> %d vertices (tolerance %s°)" % (
        sum(r["before"] for r in rivers), sum(count_vertices(r["geom"]) for r in rivers),
        TOLERANCE["rivers"]))
    log("  lakes: %d -> %d vertices (tolerance %s°)" % (
        sum(r["before"] for r in lakes), sum(count_vertices(r["geom"]) for r in lakes),
        TOLERANCE["lakes"]))

    newest = max(r["modification_date"] for r in geonames)
    attribution = [
        {"layer": "countries",
         "source": "Natural Earth 1:10m Admin 0 - Countries, from npm package "
                   "world-atlas 2.0.2 (countries-10m.json); clipped to "
                   "lon %g..%g, lat %g..%g" % (COUNTRY_CLIP_BOX[0], COUNTRY_CLIP_BOX[2],
                                               COUNTRY_CLIP_BOX[1], COUNTRY_CLIP_BOX[3]),
         "version": "Natural Earth 4.1.0",
         "licence": "Public domain (Natural Earth); world-atlas package ISC",
         "attribution": NATURAL_EARTH_ATTRIBUTION},
        {"layer": "regions",
         "source": "geoBoundaries gbOpen MLI ADM1, simplified edition "
                   "(boundaryID MLI-ADM1-92416918); label points from Natural "
                   "Earth 1:10m admin-1 label points",
         "version": "geoBoundaries gbOpen MLI ADM1; Natural Earth 4.0.0",
         "licence": "CC BY 4.0 (geoBoundaries); public domain (Natural Earth)",
         "attribution": GEOBOUNDARIES_ATTRIBUTION + "; " + NATURAL_EARTH_ATTRIBUTION},
        {"layer": "cercles",
         "source": "geoBoundaries gbOpen MLI ADM2, simplified edition; "
                   "accented names from GeoNames",
         "version": "geoBoundaries gbOpen MLI ADM2 release 2023-12-12; "
                    "GeoNames ML dump of %s" % newest,
         "licence": "CC BY 4.0",
         "attribution": GEOBOUNDARIES_ATTRIBUTION + "; " + GEONAMES_ATTRIBUTION},
        {"layer": "rivers",
         "source": "Natural Earth 1:10m Rivers + lake centerlines, West Africa extract",
         "version": "Natural Earth 4.0.0",
         "licence": "Public domain",
         "attribution": NATURAL_EARTH_ATTRIBUTION},
        {"layer": "lakes",
         "source": "Natural Earth 1:10m Lakes + Reservoirs, West Africa extract",
         "version": "Natural Earth 4.0.0",
         "licence": "Public domain",
         "attribution": NATURAL_EARTH_ATTRIBUTION},
        {"layer": "places",
         "source": "GeoNames country dump ML (feature class P and ADM3 records "
                   "inside Mali); region and cercle from geoBoundaries",
         "version": "GeoNames ML dump, records modified up to %s" % newest,
         "licence": "CC BY 4.0",
         "attribution": GEONAMES_ATTRIBUTION + "; " + GEOBOUNDARIES_ATTRIBUTION},
    ]

    log(f"writing {out}")
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_TIMESTAMP)
    gdal.SetConfigOption("OGR_SQLITE_JOURNAL", "OFF")
    for suffix in ("", "-journal", "-wal", "-shm"):
        path = Path(str(out) + suffix)
        if path.exists():
            path.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(out))

    layer = create_layer(ds, "countries", ogr.wkbMultiPolygon,
                         [("name", ogr.OFTString), ("name_fr", ogr.OFTString),
                          ("iso_a3", ogr.OFTString)],
                         "Mali and its neighbours")
    write_rows(layer, countries, ["name", "name_fr", "iso_a3"])

    layer = create_layer(ds, "regions", ogr.wkbMultiPolygon,
                         [("name", ogr.OFTString), ("iso_code", ogr.OFTString),
                          ("kind", ogr.OFTString), ("label_lon", ogr.OFTReal),
                          ("label_lat", ogr.OFTReal)],
                         "Regions of Mali and the Bamako district")
    write_rows(layer, regions, ["name", "iso_code", "kind", "label_lon", "label_lat"],
               geom_key="display_geom")

    layer = create_layer(ds, "cercles", ogr.wkbMultiPolygon,
                         [("name", ogr.OFTString), ("name_ascii", ogr.OFTString),
                          ("region", ogr.OFTString)],
                         "Cercles of Mali")
    write_rows(layer, cercles, ["name", "name_ascii", "region"], geom_key="display_geom")

    layer = create_layer(ds, "rivers", ogr.wkbMultiLineString,
                         [("name", ogr.OFTString), ("scalerank", ogr.OFTInteger)],
                         "Rivers and lake centre lines")
    write_rows(layer, rivers, ["name", "scalerank"])

    layer = create_layer(ds, "lakes", ogr.wkbMultiPolygon,
                         [("name", ogr.OFTString), ("scalerank", ogr.OFTInteger)],
                         "Lakes and reservoirs")
    write_rows(layer, lakes, ["name", "scalerank"])

    layer = create_layer(ds, "places", ogr.wkbPoint,
                         [("geonameid", ogr.OFTInteger), ("name", ogr.OFTString),
                          ("asciiname", ogr.OFTString), ("alternatenames", ogr.OFTString),
                          ("feature_code", ogr.OFTString), ("population", ogr.OFTInteger),
                          ("region", ogr.OFTString), ("cercle", ogr.OFTString),
                          ("of_interest", ogr.OFTInteger)],
                         "Populated places and communes of Mali")
    write_rows(layer, places, ["geonameid", "name", "asciiname", "alternatenames",
                               "feature_code", "population", "region", "cercle",
                               "of_interest"])

    layer = create_layer(ds, "attribution", ogr.wkbNone,
                         [("layer", ogr.OFTString), ("source", ogr.OFTString),
                          ("version", ogr.OFTString), ("licence", ogr.OFTString),
                          ("attribution", ogr.OFTString)],
                         "Sources and required attribution of each layer")
    write_rows(layer, attribution, ["layer", "source", "version", "licence", "attribution"],
               geom_key=None)

    layer = None
    ds.ExecuteSQL("VACUUM")
    ds = None
    log(f"done: {out} ({os.path.getsize(out)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
