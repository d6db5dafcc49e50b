#!/usr/bin/python3
"""The QGIS side of tests/bench/compare: a GeoPackage of incidents drawn as
points at 1920x1080 with QGIS's temporal filter, through
QgsMapRendererParallelJob, headless.

  qgis_peer.py render GPKG --bbox W,S,E,N --last YYYY-MM-DD --windows 1,30,365,0
                      [--runs 5] [--index]   -> JSON on standard output
  qgis_peer.py once GPKG --bbox W,S,E,N --out PNG [--last YYYY-MM-DD --days N]
                                             (open, render once, save: a cold process)

Windows are days ending on --last (0: no temporal filter, everything). With
--index an attribute index on event_date is created first (and dropped after),
so the caller can keep QGIS's best of the two. Run with /usr/bin/python3 and
Debian's python3-qgis.
"""
import argparse
import json
import os
import sqlite3
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

SIZE = QSize(1920, 1080)


def start_qgis():
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    return app


def open_layer(path):
    layer = QgsVectorLayer(path + "|layername=incidents", "incidents", "ogr")
    if not layer.isValid():
        sys.exit(f"qgis_peer: {path}: QGIS cannot open the incidents layer")
    return layer


def settings_for(layer, bbox):
    west, south, east, north = (float(v) for v in bbox.split(","))
    crs = QgsCoordinateReferenceSystem("EPSG:3857")
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(crs)
    settings.setOutputSize(SIZE)
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    settings.setExtent(transform.transformBoundingBox(QgsRectangle(west, south, east, north)))
    return settings


def make_temporal(layer):
    props = layer.temporalProperties()
    props.setIsActive(True)
    props.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
    props.setStartField("event_date")


def window_range(last, days):
    end = QDateTime(QDate.fromString(last, "yyyy-MM-dd").addDays(1), QTime(0, 0))
    start = end.addDays(-days)
    return QgsDateTimeRange(start, end, True, False)


def render(settings):
    job = QgsMapRendererParallelJob(settings)
    started = time.perf_counter()
    job.start()
    job.waitForFinished()
    elapsed = time.perf_counter() - started
    return elapsed, job.renderedImage()


def count_in(layer, last, days):
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setNoAttributes()
    if days > 0:
        r = window_range(last, days)
        request.setFilterExpression(
            "\"event_date\" >= to_datetime('{}') AND \"event_date\" < to_datetime('{}')".format(
                r.begin().toString("yyyy-MM-ddTHH:mm:ss"), r.end().toString("yyyy-MM-ddTHH:mm:ss")))
    return sum(1 for _ in layer.getFeatures(request))


def command_render(args):
    if args.index:
        with sqlite3.connect(args.gpkg) as db:
            db.execute("CREATE INDEX IF NOT EXISTS incidents_event_date ON incidents(event_date)")
    try:
        app = start_qgis()
        layer = open_layer(args.gpkg)
        make_temporal(layer)
        settings = settings_for(layer, args.bbox)
        results = []
        for days in (int(d) for d in args.windows.split(",")):
            if days > 0:
                settings.setIsTemporal(True)
                settings.setTemporalRange(window_range(args.last, days))
            else:
                settings.setIsTemporal(False)
            render(settings)  # warm the provider and caches, as a second frame would
            times = [render(settings)[0] for _ in range(args.runs)]
            results.append({"days": days, "median_ms": statistics.median(times) * 1000.0,
                            "runs_ms": [t * 1000.0 for t in times],
                            "features": count_in(layer, args.last, days)})
        json.dump({"qgis": app.version() if hasattr(app, "version") else "", "index": args.index,
                   "windows": results}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        del layer
        app.exitQgis()
    finally:
        if args.index:
            with sqlite3.connect(args.gpkg) as db:
                db.execute("DROP INDEX IF EXISTS incidents_event_date")


def command_once(args):
    app = start_qgis()
    layer = open_layer(args.gpkg)
    settings = settings_for(layer, args.bbox)
    if args.days > 0:
        make_temporal(layer)
        settings.setIsTemporal(True)
        settings.setTemporalRange(window_range(args.last, args.days))
    _, image = render(settings)
    if not image.save(args.out):
        sys.exit(f"qgis_peer: {args.out}: cannot write")
    del layer
    app.exitQgis()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("gpkg")
    common.add_argument("--bbox", required=True)
    r = sub.add_parser("render", parents=[common])
    r.add_argument("--last", required=True)
    r.add_argument("--windows", default="1,30,365,0")
    r.add_argument("--runs", type=int, default=5)
    r.add_argument("--index", action="store_true")
    o = sub.add_parser("once", parents=[common])
    o.add_argument("--out", required=True)
    o.add_argument("--last", default="")
    o.add_argument("--days", type=int, default=0)
    args = parser.parse_args()
    command_render(args) if args.command == "render" else command_once(args)


if __name__ == "__main__":
    main()
