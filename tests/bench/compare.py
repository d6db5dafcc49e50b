#!/usr/bin/python3
"""Runs the side-by-side comparison (tests/bench/compare calls it after setup
and build) and writes docs/performance.json and the generated part of
docs/performance.md.

For each size the synthetic generator (sv_generate) writes the same
incidents as an ACLED-layout CSV and a GeoPackage; both tools read those
files:
  - the range query plus incident layer at 1920x1080 (our store, imported
    from the GeoPackage) against QGIS drawing the GeoPackage's points with
    its temporal filter, for windows of 1, 30 and 365 days and everything,
    with and without an attribute index on the date (QGIS's best kept);
  - our `export` of the last year as a process against QGIS rendering the
    same year to PNG from a cold process;
  - our import of the CSV against GDAL's CSV driver reading it (in process),
    and our `import` command against ogr2ogr converting the CSV to a
    GeoPackage (as processes);
  - reopening the store, start-up to the first painted frame, memory per
    incident, and the floor (reading the columns a frame touches and filling
    an image).
Every figure is a median of --runs runs.
"""
import argparse
import datetime
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = {"100k": 100_000, "1M": 1_000_000, "2.5M": 2_500_000}
# Mali, Burkina Faso and western Niger, where the generator puts its hotspots.
BBOX = "-12.5,9.5,4.8,21.0"
WINDOWS = [1, 30, 365, 0]
FRAME_60HZ_MS = 1000.0 / 60.0
BEGIN = "<!-- compare:begin -->"
END = "<!-- compare:end -->"


def log(*parts):
    print("compare:", *parts, file=sys.stderr, flush=True)


def run(command, env=None, capture=True):
    """Runs a command; returns (seconds, peak RSS in bytes, stdout, stderr)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as measured:
        timed = ["/usr/bin/time", "-f", "%e %M", "-o", measured.name] + command
        started = time.perf_counter()
        process = subprocess.run(timed, env=env, stdout=subprocess.PIPE if capture else None,
                                 stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - started
        figures = measured.read().split()
    if process.returncode != 0:
        sys.exit("compare: failed ({}): {}\n{}".format(process.returncode, " ".join(command), process.stderr[-2000:]))
    peak = int(figures[-1]) * 1024 if figures else 0
    return elapsed, peak, process.stdout or "", process.stderr


def median_run(command, runs, env=None, fresh=None):
    """Median time and largest peak of `runs` runs; `fresh` is removed before each."""
    times, peaks = [], []
    for _ in range(runs):
        if fresh and os.path.exists(fresh):
            os.remove(fresh)
        seconds, peak, _, _ = run(command, env)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


class Comparison:
    def __init__(self, args):
        self.args = args
        self.root = args.root
        self.build = args.build
        self.viewer = os.path.join(self.build, "app", "situation-viewer")
        self.benchmarks = os.path.join(self.build, "tests", "bench", "sv_benchmarks")
        self.generate = os.path.join(self.build, "tests", "sv_generate")
        self.qgis = [sys.executable, os.path.join(self.root, "tests", "bench", "qgis_peer.py")]
        self.data = args.data or os.path.join(self.build, "compare-data")
        os.makedirs(self.data, exist_ok=True)
        self.cache = tempfile.mkdtemp(prefix="sv-compare-cache-")
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SITUATION_VIEWER_CACHE=self.cache)
        self.env.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
        self.entries = []
        self.notes = []

    def entry(self, name, ours, peer, peer_value, unit, goal=None, met=None, size=None, lower_is_better=True):
        if lower_is_better:
            ratio = peer_value / ours if ours > 0 else None
        else:
            ratio = ours / peer_value if peer_value > 0 else None
        e = {"name": name, "size": size, "ours": round(ours, 4), "peer": peer, "peer_value": round(peer_value, 4),
             "unit": unit, "ratio": round(ratio, 3) if ratio is not None else None, "goal": goal, "met": met}
        self.entries.append(e)
        log("{}: ours {:.4g} {}, {} {:.4g} {} (ratio {}){}".format(
            name, ours, unit, peer, peer_value, unit, e["ratio"],
            "" if goal is None else " goal: {} {}".format(goal, "met" if met else "NOT met")))
        return e

    # --- data ---
    def files(self, label):
        n = SIZES[label]
        csv = os.path.join(self.data, "sahel-{}.csv".format(label))
        gpkg = os.path.join(self.data, "sahel-{}.gpkg".format(label))
        if not (os.path.exists(csv) and os.path.exists(gpkg)):
            log("generating {} incidents".format(n))
            run([self.generate, "--count", str(n), "--csv", csv + ".partial", "--gpkg", gpkg + ".partial"])
            os.replace(gpkg + ".partial", gpkg)
            os.replace(csv + ".partial", csv)
        with sqlite3.connect(gpkg) as db:
            last = db.execute("SELECT max(event_date) FROM incidents").fetchone()[0][:10]
        return csv, gpkg, last

    # --- measurements ---
    def imports(self, label, csv, gpkg):
        store = os.path.join(self.data, "sahel-{}.svstore".format(label))
        csv_store = os.path.join(self.data, "sahel-{}-csv.svstore".format(label))
        runs = min(self.args.runs, 3)
        seconds, peak = median_run([self.viewer, "import", gpkg, "-o", store], runs, self.env)
        fgb = os.path.join(self.data, "peer.fgb")
        peer_seconds, peer_peak = median_run(["ogr2ogr", "-f", "FlatGeobuf", fgb, gpkg], runs, fresh=fgb)
        self.entry("import GeoPackage to store, process", seconds, "ogr2ogr GeoPackage to FlatGeobuf", peer_seconds,
                   "s", size=label)
        self.entry("import GeoPackage to store, peak memory", peak / 1e6, "ogr2ogr GeoPackage to FlatGeobuf",
                   peer_peak / 1e6, "MB", size=label)
        seconds, peak = median_run([self.viewer, "import", csv, "-o", csv_store], runs, self.env)
        peer_gpkg = os.path.join(self.data, "peer.gpkg")
        peer_seconds, peer_peak = median_run(
            ["ogr2ogr", "-f", "GPKG", peer_gpkg, csv, "-oo", "X_POSSIBLE_NAMES=longitude", "-oo",
             "Y_POSSIBLE_NAMES=latitude", "-nln", "incidents"], runs, fresh=peer_gpkg)
        self.entry("import ACLED CSV to store, process", seconds, "ogr2ogr CSV to GeoPackage", peer_seconds, "s",
                   size=label)
        self.entry("import ACLED CSV to store, peak memory", peak / 1e6, "ogr2ogr CSV to GeoPackage",
                   peer_peak / 1e6, "MB", size=label)
        self.entry("store file size per incident", os.path.getsize(store) / SIZES[label], "GeoPackage per feature",
                   os.path.getsize(gpkg) / SIZES[label], "bytes", size=label)
        os.remove(csv_store)
        return store

    def benchmarks_of(self, label, store, csv, last):
        env = dict(self.env, SV_COMPARE_STORE=store, SV_COMPARE_BBOX=BBOX, SV_COMPARE_LAST=last, SV_COMPARE_CSV=csv)
        out = os.path.join(self.data, "bench-{}.json".format(label))
        pattern = "BM_Compare_|BM_ImportAcledCsv_1M|BM_GdalCsvDriverRead_1M"
        run([self.benchmarks, "--benchmark_filter=" + pattern, "--benchmark_repetitions={}".format(self.args.runs),
             "--benchmark_report_aggregates_only=true", "--benchmark_out=" + out, "--benchmark_out_format=json"], env)
        with open(out) as f:
            report = json.load(f)
        medians = {}
        for b in report["benchmarks"]:
            if b.get("aggregate_name") == "median":
                scale = {"ms": 1.0, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b.get("time_unit", "ns")]
                name = re.sub(r"(/iterations:\d+)?(/real_time)?$", "", b["run_name"])
                medians[name] = (b["real_time"] * scale, b.get("incidents"))
        return medians

    def qgis_render(self, gpkg, last):
        best = {}
        for index in (False, True):
            command = self.qgis + ["render", gpkg, "--bbox=" + BBOX, "--last", last, "--windows",
                                   ",".join(map(str, WINDOWS)), "--runs", str(self.args.runs)]
            if index:
                command.append("--index")
            _, _, out, _ = run(command, self.env)
            for w in json.loads(out)["windows"]:
                key = w["days"]
                if key not in best or w["median_ms"] < best[key]["median_ms"]:
                    best[key] = dict(w, index=index)
        return best

    def size(self, label):
        csv, gpkg, last = self.files(label)
        log("{}: data up to {}".format(label, last))
        store = self.imports(label, csv, gpkg)
        medians = self.benchmarks_of(label, store, csv, last)
        qgis = self.qgis_render(gpkg, last)
        for days in WINDOWS:
            what = "everything" if days == 0 else "{}-day window".format(days)
            ours, shown = medians["BM_Compare_RangeAndLayer/days:{}".format(days)]
            peer = qgis[days]
            goal = met = None
            if label == "1M" and days == 365:
                goal = ">= 200x faster than QGIS"
                met = peer["median_ms"] / ours >= 200
            e = self.entry("range query + incident layer 1920x1080, " + what, ours,
                           "QGIS {} (temporal filter, parallel job{})".format(
                               "3.22", ", date index" if peer["index"] else ""),
                           peer["median_ms"], "ms", goal, met, label)
            e["incidents"] = shown
            e["peer_features"] = peer["features"]
            floor, _ = medians["BM_Compare_Floor/days:{}".format(days)]
            self.entry("floor (columns read + image fill), " + what, ours, "floor", floor, "ms", size=label,
                       lower_is_better=False)
            if label == "2.5M" and days == 365:
                self.entry("range query + incident layer at 2.5M, 1-year window, against a 60 fps frame", ours,
                           "60 fps frame", FRAME_60HZ_MS, "ms", "within a 60 fps frame", ours <= FRAME_60HZ_MS,
                           label)

        ours_import, _ = medians["BM_ImportAcledCsv_1M"]
        gdal, _ = medians["BM_GdalCsvDriverRead_1M"]
        self.entry("ACLED CSV import, in process", ours_import, "GDAL CSV driver reading every field", gdal, "ms",
                   ">= 5x GDAL's driver", gdal / ours_import >= 5, label)
        reopen, _ = medians["BM_Compare_OpenStore"]
        self.entry("reopen the store (read + project)", reopen, "GDAL CSV driver reading every field", gdal, "ms",
                   "well under 1 s" if label == "1M" else None, reopen < 500 if label == "1M" else None, label)

        # Whole commands as a user runs them: a year to a 1920x1080 PNG.
        first = (datetime.date.fromisoformat(last) - datetime.timedelta(days=364)).isoformat()
        png = os.path.join(self.data, "ours.png")
        ours, ours_peak = median_run([self.viewer, "export", "--data", store, "--from", first, "--to", last, "--size",
                                      "1920x1080", "-o", png], self.args.runs, self.env)
        peer, peer_peak = median_run(self.qgis + ["once", gpkg, "--bbox=" + BBOX, "--last", last, "--days", "365",
                                                  "--out", os.path.join(self.data, "qgis.png")],
                                     self.args.runs, self.env)
        self.entry("export of the last year to PNG, cold process", ours, "QGIS open and render to PNG, cold process",
                   peer, "s", size=label)
        self.entry("export of the last year, peak memory", ours_peak / 1e6, "QGIS open and render, peak memory",
                   peer_peak / 1e6, "MB", size=label)

        # Memory the open incidents take, text included: the peak of a command
        # that opens them, less the same command on the bundled sixty.
        _, base = median_run([self.viewer, "events", "--format", "csv"], 1, self.env)
        _, opened = median_run([self.viewer, "events", "--data", store, "--from", last, "--to", last, "--format",
                                "csv"], 1, self.env)
        per_incident = max(0, opened - base) / SIZES[label]
        goal = met = None
        if label == "2.5M":
            goal = "2.5M well inside 1 GB"
            met = opened < 1e9 * 0.75
        self.entry("memory per open incident (peak RSS over the bundled data's)", per_incident,
                   "QGIS open and render, peak memory per feature", peer_peak / SIZES[label], "bytes", goal, met,
                   label)

        if label == "1M":
            self.startup(store, gpkg)

    def startup(self, store, gpkg):
        env = dict(self.env, SITUATION_VIEWER_EXIT_AFTER_FIRST_FRAME="1")
        bundled, _ = median_run([self.viewer], self.args.runs, env)
        million, _ = median_run([self.viewer, "--data", store], self.args.runs, env)
        peer, _ = median_run(self.qgis + ["once", gpkg, "--bbox=" + BBOX, "--out", os.path.join(self.data, "q.png")],
                             self.args.runs, self.env)
        self.entry("start-up to the first painted frame, bundled data", bundled, "QGIS open 1M GeoPackage and render",
                   peer, "s", "under 0.5 s", bundled < 0.5, "bundled")
        self.entry("start-up to the first painted frame, 1M from the store", million,
                   "QGIS open 1M GeoPackage and render", peer, "s", size="1M")

    def animation(self):
        """Frames per second of animations to MP4 (drawn on every core, piped to
        ffmpeg) against writing the same frames as PNG files (the floor of the
        former way), at 1080p and 4K, on the synthetic million over Mali."""
        out = os.path.join(self.data, "bench-animation.json")
        run([self.benchmarks, "--benchmark_filter=BM_AnimationToMp4_Million|BM_Peer_PngWriteFrames",
             "--benchmark_repetitions={}".format(min(self.args.runs, 3)), "--benchmark_report_aggregates_only=true",
             "--benchmark_out=" + out, "--benchmark_out_format=json"], self.env)
        fps = {}
        with open(out) as f:
            for b in json.load(f)["benchmarks"]:
                if b.get("aggregate_name") == "median":
                    fps[re.sub(r"(/iterations:\d+)?(/real_time)?$", "", b["run_name"])] = b["fps"]
        for height, preset in ((1080, "1080p"), (2160, "4K")):
            self.entry("animation to MP4, 60 frames, frames per second", fps["BM_AnimationToMp4_Million/{}".format(height)],
                       "PNG write of the frames alone (floor of the former way)",
                       fps["BM_Peer_PngWriteFrames/{}".format(height)], "fps", size=preset, lower_is_better=False)

    # --- output ---
    def write(self):
        machine = subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip()
        cores = os.cpu_count()
        with open(os.path.join(self.root, "docs", "performance.json"), "w") as f:
            json.dump({"measured": datetime.date.today().isoformat(), "machine": "{}, {} cores".format(machine, cores),
                       "runs": self.args.runs, "bbox": BBOX, "entries": self.entries}, f, indent=1)
            f.write("\n")
        lines = [BEGIN, "",
                 "Generated by `tests/bench/compare` on {} ({}, {} cores; medians of {} runs). "
                 "Ratio: how many times the peer's time ours is (higher is better for us); for memory and sizes, "
                 "the peer's figure over ours; for frames per second and the floor, ours over the peer's.".format(
                     datetime.date.today().isoformat(), machine, cores, self.args.runs), "",
                 "| Size | Measure | Ours | Peer | Peer's figure | Ratio | Goal | Met |",
                 "|---|---|---|---|---|---|---|---|"]
        for e in self.entries:
            extra = ""
            if e.get("incidents") is not None:
                extra = " ({:,} drawn; QGIS: {:,} features)".format(int(e["incidents"]), int(e["peer_features"]))
            lines.append("| {} | {}{} | {:.4g} {} | {} | {:.4g} {} | {} | {} | {} |".format(
                e["size"], e["name"], extra, e["ours"], e["unit"], e["peer"], e["peer_value"], e["unit"],
                "–" if e["ratio"] is None else "{:.3g}×".format(e["ratio"]), e["goal"] or "–",
                "–" if e["met"] is None else ("yes" if e["met"] else "**no**")))
        lines += ["", END]
        path = os.path.join(self.root, "docs", "performance.md")
        with open(path) as f:
            text = f.read()
        block = "\n".join(lines)
        if BEGIN in text and END in text:
            text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
        else:
            text = text.rstrip("\n") + "\n\n## Side by side with QGIS and GDAL\n\n" + block + "\n"
        with open(path, "w") as f:
            f.write(text)
        log("wrote docs/performance.json and the table in docs/performance.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--sizes", default="100k,1M,2.5M")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", default="")
    parser.add_argument("--skip-animation", action="store_true")
    args = parser.parse_args()
    comparison = Comparison(args)
    for label in args.sizes.split(","):
        if label not in SIZES:
            sys.exit("compare: unknown size {} (use {})".format(label, ", ".join(SIZES)))
        comparison.size(label)
    if not args.skip_animation:
        comparison.animation()
    comparison.write()


if __name__ == "__main__":
    main()
