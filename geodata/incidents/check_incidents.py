#!/usr/bin/python3
"""Check geodata/incidents/mali-situation.geojson for consistency.

Usage:
    python3 geodata/incidents/check_incidents.py [INCIDENTS_FILE] [--sources DIR]

INCIDENTS_FILE defaults to mali-situation.geojson beside this script.
DIR is the folder holding the cited source documents; it defaults to
<repo>/../shared/seeds. When that folder does not exist the passage check
is skipped with a warning (every other check still runs).

Checks: the file parses as JSON; the collection header (format_version 1
or 2); every required property with the right type and allowed values, in
the writer's order; ids unique, well formed, numbered in start order within
each year and matching the feature id; features sorted by start date then
id; start <= end; fatalities consistent; and every cited passage found in
its document once runs of whitespace are collapsed to one space.

Geometry: version 1 allows only Points. Version 2 also allows LineString,
MultiLineString, Polygon and MultiPolygon (lines of two or more positions,
rings closed with four or more, outer rings counter-clockwise and holes
clockwise) and null. Every position lies inside Mali's bounding box. A null
geometry (an unplaced incident) needs region or country precision and empty
region and cercle; region and country precision are never a Point (null or
a polygon); `route` precision goes with lines and lines with `route`.

Aggregates (version 2): `part_of` is null or the id of another record that
is not itself a part; the aggregate's span covers each part's span, and the
parts' summed fatality low bounds do not exceed the aggregate's high bound
when it has one.
Exits with status 1 when any check fails.
"""

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE / "mali-situation.geojson"
DEFAULT_SOURCES = HERE.parent.parent.parent / "shared" / "seeds"

LON_RANGE = (-12.3, 4.3)
LAT_RANGE = (10.1, 25.0)

DATE_PRECISIONS = {"day", "week", "month", "year"}
LOCATION_PRECISIONS = {"exact", "near", "cercle", "region", "country", "route"}
FORMAT_VERSIONS = (1, 2)
LINES = {"LineString", "MultiLineString"}
REGIONS = {"", "Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal", "Bamako"}
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Explosions/Remote violence": {"Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
REQUIRED = {
    "id": str, "start": str, "end": str, "date_precision": str, "place": str,
    "place_geonameid": (int, type(None)), "location_precision": str, "location_note": str,
    "region": str, "cercle": str, "event_type": str, "sub_event_type": str, "actors": dict,
    "fatalities": dict, "civilian_targeting": bool, "summary": str, "sources": list,
    "part_of": (str, type(None)),
}
PROPERTY_ORDER = list(REQUIRED)
SOURCE_KEYS = ("document", "title", "publisher", "date", "url", "passage")
ID_RE = re.compile(r"^MLI-(\d{4})-(\d{3})$")


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def parse_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_positions(positions, ring, where, err):
    """Check a line (ring=False) or a ring; return its positions, or None."""
    if not isinstance(positions, list):
        err(where, "geometry coordinates must be an array of positions")
        return None
    for pos in positions:
        if not (isinstance(pos, list) and len(pos) == 2 and all(is_number(v) for v in pos)):
            err(where, "geometry position %r is not [lon, lat]" % (pos,))
            return None
    for lon, lat in positions:
        if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
            err(where, "coordinates %r outside Mali's bounding box" % [lon, lat])
    if ring and (len(positions) < 4 or positions[0] != positions[-1]):
        err(where, "polygon ring not closed with four or more positions")
        return None
    if not ring and len(positions) < 2:
        err(where, "line with fewer than two positions")
        return None
    return positions


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2.0


def check_polygon(rings, where, err):
    if not isinstance(rings, list) or not rings:
        err(where, "polygon coordinates must be a non-empty array of rings")
        return
    for number, ring in enumerate(rings):
        ring = check_positions(ring, True, where, err)
        if ring is None:
            continue
        area = signed_area(ring)
        if number == 0 and area <= 0:
            err(where, "polygon outer ring is not counter-clockwise")
        elif number > 0 and area >= 0:
            err(where, "polygon hole is not clockwise")


def check_geometry(geom, version, where, err):
    """Check the geometry; return its type ("Point", ..., or None for null)."""
    if geom is None:
        if version < 2:
            err(where, "null geometry needs format_version 2")
        return None
    if not isinstance(geom, dict):
        err(where, "geometry must be an object or null")
        return "invalid"
    kind, coords = geom.get("type"), geom.get("coordinates")
    if kind == "Point":
        if not (isinstance(coords, list) and len(coords) == 2 and all(is_number(v) for v in coords)):
            err(where, "geometry must be a Point [lon, lat]")
        else:
            lon, lat = coords
            if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
                err(where, "coordinates %r outside Mali's bounding box" % coords)
        return kind
    if version < 2:
        err(where, "geometry must be a Point [lon, lat]")
        return "invalid"
    if kind == "LineString":
        check_positions(coords, False, where, err)
    elif kind == "MultiLineString":
        if not isinstance(coords, list) or not coords:
            err(where, "MultiLineString coordinates must be a non-empty array of lines")
        else:
            for line in coords:
                check_positions(line, False, where, err)
    elif kind == "Polygon":
        check_polygon(coords, where, err)
    elif kind == "MultiPolygon":
        if not isinstance(coords, list) or not coords:
            err(where, "MultiPolygon coordinates must be a non-empty array of polygons")
        else:
            for polygon in coords:
                check_polygon(polygon, where, err)
    else:
        err(where, "geometry type %r is not Point, LineString, MultiLineString, Polygon or MultiPolygon" % (kind,))
        return "invalid"
    return kind


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    ap.add_argument("--sources", default=str(DEFAULT_SOURCES))
    args = ap.parse_args()

    errors = []

    def err(where, msg):
        errors.append("%s: %s" % (where, msg))

    try:
        with open(args.file, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        print("FAIL: cannot read %s: %s" % (args.file, exc))
        return 1

    for key, value in (("type", "FeatureCollection"), ("name", "mali-situation"),
                       ("format", "situation-viewer-incidents")):
        if data.get(key) != value:
            err("collection", "%s should be %r, found %r" % (key, value, data.get(key)))
    version = data.get("format_version")
    if version not in FORMAT_VERSIONS or isinstance(version, bool):
        err("collection", "format_version should be one of %r, found %r" % (FORMAT_VERSIONS, version))
        version = max(FORMAT_VERSIONS)
    dataset = data.get("dataset")
    if not isinstance(dataset, dict):
        err("collection", "dataset object missing")
    else:
        for key in ("title", "description", "compiled", "licence"):
            if not isinstance(dataset.get(key), str) or not dataset.get(key):
                err("dataset", "%s missing or empty" % key)
    features = data.get("features")
    if not isinstance(features, list) or not features:
        err("collection", "features missing or empty")
        features = []

    sources_dir = Path(args.sources)
    documents = {}
    check_passages = sources_dir.is_dir()
    if not check_passages:
        print("warning: source folder %s not found; passage check skipped" % sources_dir)

    seen_ids = set()
    sort_keys = []
    per_year = {}
    records = {}
    for index, feat in enumerate(features):
        props = feat.get("properties") or {}
        fid = props.get("id", "#%d" % index)
        where = str(fid)
        if feat.get("type") != "Feature":
            err(where, "type is not Feature")
        if feat.get("id") != props.get("id"):
            err(where, "feature id and properties.id differ")

        for key, typ in REQUIRED.items():
            if key == "part_of" and version < 2:
                if key in props:
                    err(where, "part_of needs format_version 2")
                continue
            if key not in props:
                err(where, "missing property %s" % key)
            elif not isinstance(props[key], typ) or (typ is str and key in ("id", "start", "end")
                                                      and not props[key]):
                err(where, "property %s has wrong type or is empty" % key)
        if isinstance(props.get("place_geonameid"), bool):
            err(where, "place_geonameid must be an integer or null")
        order = [key for key in props if key in REQUIRED]
        if order != [key for key in PROPERTY_ORDER if key in props]:
            err(where, "properties are not in the writer's order")
        unknown = sorted(set(props) - set(REQUIRED))
        if unknown:
            err(where, "unknown properties %s" % ", ".join(unknown))

        match = ID_RE.match(str(props.get("id", "")))
        if not match:
            err(where, "id does not match MLI-YYYY-NNN")
        elif fid in seen_ids:
            err(where, "duplicate id")
        seen_ids.add(fid)
        records.setdefault(fid, props)

        start, end = parse_date(props.get("start")), parse_date(props.get("end"))
        if start is None or end is None:
            err(where, "start/end not ISO dates")
        else:
            if start > end:
                err(where, "start after end")
            if match and match.group(1) != props["start"][:4]:
                err(where, "id year differs from start year")
            if match:
                per_year.setdefault(match.group(1), []).append((props["start"], int(match.group(2))))
        sort_keys.append((props.get("start", ""), str(fid)))

        if props.get("date_precision") not in DATE_PRECISIONS:
            err(where, "bad date_precision")
        if props.get("location_precision") not in LOCATION_PRECISIONS:
            err(where, "bad location_precision")
        if props.get("location_precision") != "exact" and not props.get("location_note"):
            err(where, "coarse location without location_note")
        if props.get("place_geonameid") is None and not props.get("location_note"):
            err(where, "no GeoNames id and no location_note")
        if props.get("region") not in REGIONS:
            err(where, "unknown region %r" % props.get("region"))
        subs = EVENT_TYPES.get(props.get("event_type"))
        if subs is None:
            err(where, "bad event_type %r" % props.get("event_type"))
        elif props.get("sub_event_type") not in subs:
            err(where, "sub_event_type %r not allowed for %s" % (props.get("sub_event_type"),
                                                                  props.get("event_type")))

        actors = props.get("actors")
        if isinstance(actors, dict):
            for key in ("primary", "secondary", "associated"):
                value = actors.get(key)
                if not isinstance(value, list) or not all(isinstance(a, str) and a for a in value):
                    err(where, "actors.%s must be a list of names" % key)
            if not actors.get("primary"):
                err(where, "no primary actor")

        fat = props.get("fatalities")
        if isinstance(fat, dict):
            rep, low, high = fat.get("reported"), fat.get("low"), fat.get("high")
            if not isinstance(rep, bool):
                err(where, "fatalities.reported must be boolean")
            for name, val in (("low", low), ("high", high)):
                if val is not None and (not isinstance(val, int) or isinstance(val, bool) or val < 0):
                    err(where, "fatalities.%s must be a non-negative integer or null" % name)
            if rep is False and (low is not None or high is not None):
                err(where, "fatalities not reported but low/high given")
            if high is not None and (low is None or (isinstance(low, int) and high < low)):
                err(where, "fatalities.high without a valid low")

        if "geometry" not in feat:
            err(where, "geometry missing")
        kind = check_geometry(feat.get("geometry"), version, where, err)
        precision = props.get("location_precision")
        if kind is None:
            if precision not in ("region", "country"):
                err(where, "null geometry with %s precision (only region or country)" % precision)
            if props.get("region") or props.get("cercle"):
                err(where, "unplaced incident with a region or cercle")
        if version >= 2 and kind == "Point" and precision in ("region", "country"):
            err(where, "%s precision at a Point (use null or a polygon)" % precision)
        if precision == "route" and kind not in LINES:
            err(where, "route precision without a LineString or MultiLineString")
        if kind in LINES and precision != "route":
            err(where, "%s geometry without route precision" % kind)

        sources = props.get("sources")
        if not isinstance(sources, list) or not sources:
            err(where, "no sources")
            continue
        for number, source in enumerate(sources):
            swhere = "%s source %d" % (where, number)
            if not isinstance(source, dict):
                err(swhere, "not an object")
                continue
            for key in SOURCE_KEYS:
                if not isinstance(source.get(key), str):
                    err(swhere, "missing %s" % key)
            if source.get("date") and parse_date(source["date"]) is None:
                err(swhere, "date is neither empty nor ISO")
            if not source.get("passage"):
                err(swhere, "empty passage")
                continue
            if check_passages:
                name = source.get("document", "")
                if name not in documents:
                    path = sources_dir / name
                    documents[name] = collapse(path.read_text(encoding="utf-8")) if path.is_file() else None
                if documents[name] is None:
                    err(swhere, "document %s not found" % name)
                elif collapse(source["passage"]) not in documents[name]:
                    err(swhere, "passage not found verbatim in %s" % name)

    parts = {}
    for fid, props in records.items():
        target = props.get("part_of")
        if target is None:
            continue
        if not isinstance(target, str):
            continue  # reported above as a wrong type
        if target == fid:
            err(fid, "part_of refers to itself")
        elif target not in records:
            err(fid, "part_of refers to unknown id %r" % target)
        elif records[target].get("part_of") is not None:
            err(fid, "part_of refers to %s, which is itself a part" % target)
        else:
            parts.setdefault(target, []).append(fid)
    for target, members in sorted(parts.items()):
        whole = records[target]
        wstart, wend = parse_date(whole.get("start")), parse_date(whole.get("end"))
        lows = 0
        for fid in members:
            part = records[fid]
            pstart, pend = parse_date(part.get("start")), parse_date(part.get("end"))
            if None not in (wstart, wend, pstart, pend) and not (wstart <= pstart and pend <= wend):
                err(fid, "span lies outside the span of its aggregate %s" % target)
            low = (part.get("fatalities") or {}).get("low")
            if isinstance(low, int) and not isinstance(low, bool):
                lows += low
        high = (whole.get("fatalities") or {}).get("high")
        if isinstance(high, int) and not isinstance(high, bool) and lows > high:
            err(target, "its parts' fatality low bounds add up to %d, above its high bound %d" % (lows, high))

    if sort_keys != sorted(sort_keys):
        err("collection", "features are not sorted by start date then id")
    for year, items in per_year.items():
        numbers = [n for _, n in sorted(items, key=lambda t: (t[0], t[1]))]
        if numbers != sorted(numbers):
            err("collection", "ids of %s are not in start order" % year)

    if errors:
        for line in errors:
            print("FAIL " + line)
        print("%d problem(s) in %d features" % (len(errors), len(features)))
        return 1
    print("OK: %d features, %d ids, %d aggregate(s) with %d part(s), %d unplaced, passages %s" % (
        len(features), len(seen_ids), len(parts), sum(len(m) for m in parts.values()),
        sum(1 for feat in features if feat.get("geometry") is None),
        "checked" if check_passages else "NOT checked"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
