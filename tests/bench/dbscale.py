"""A PostGIS table of synthetic incidents beside the file of the same data.

Measured, in one run, each as the median of --runs runs unless said:
- pushing the store file into the table with `db push` (one run: the first
  push inserts everything), and pushing it again (every row compared, none
  changed), beside GDAL's PostgreSQL driver loading the same incidents from
  a GeoPackage (`ogr2ogr -f PostgreSQL`, COPY mode, one run);
- `events` for one month over all of Mali from the table, with the range
  pushed down into SQL (the table is over the load limit), beside the same
  command on the store file;
- reading the whole table (`events` with the load limit raised), beside the
  store file;
- the window's first painted frame after connecting (it opens a table over
  the limit on its last year), beside the store file.
"""
import argparse
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import log, median_run, run  # noqa: E402

BEGIN = "<!-- dbscale:begin -->"
END = "<!-- dbscale:end -->"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--cluster", required=True)
    parser.add_argument("--count", type=int, default=2_500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", default="")
    args = parser.parse_args()
    viewer = os.path.join(args.build, "app", "situation-viewer")
    generate = os.path.join(args.build, "tests", "sv_generate")
    data = args.data or os.path.join(args.build, "compare-data")
    os.makedirs(data, exist_ok=True)
    cluster = dict(line.split("=", 1) for line in open(args.cluster).read().split("\n") if "=" in line)
    env = dict(os.environ, PGPASSWORD=cluster["SV_TEST_PG_PASSWORD"])
    env.pop("SITUATION_VIEWER_DB_LOAD_LIMIT", None)
    base = "postgresql://sv_test@127.0.0.1:{}".format(cluster["SV_TEST_PG_PORT"])
    label = "{:g}M".format(args.count / 1e6) if args.count >= 1_000_000 else "{}k".format(args.count // 1000)

    csv = os.path.join(data, "sahel-{}.csv".format(label))
    gpkg = os.path.join(data, "sahel-{}.gpkg".format(label))
    store = os.path.join(data, "sahel-{}.svstore".format(label))
    if not (os.path.exists(csv) and os.path.exists(gpkg)):
        log("generating {} incidents".format(args.count))
        run([generate, "--count", str(args.count), "--csv", csv + ".partial", "--gpkg", gpkg + ".partial"])
        os.replace(gpkg + ".partial", gpkg)
        os.replace(csv + ".partial", csv)
    if not os.path.exists(store):
        run([viewer, "import", gpkg, "-o", store], env)
    with sqlite3.connect(gpkg) as db:
        last = datetime.date.fromisoformat(db.execute("SELECT max(event_date) FROM incidents").fetchone()[0][:10])
    month_from = (last.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    month_to = last.replace(day=1) - datetime.timedelta(days=1)

    for database in ("incidents", "peer"):
        run(["psql", base + "/postgres", "-qc", "CREATE DATABASE " + database], env)
    uri = base + "/incidents"
    run([viewer, "db", "init", uri], env)
    entries = []

    def entry(name, ours, peer, peer_value, unit, note=""):
        ratio = peer_value / ours if ours > 0 else None
        entries.append({"name": name, "size": label, "ours": round(ours, 3), "peer": peer,
                        "peer_value": round(peer_value, 3), "unit": unit,
                        "ratio": round(ratio, 3) if ratio else None, "note": note})
        log("{}: ours {:.4g} {}, {} {:.4g} {}".format(name, ours, unit, peer, peer_value, unit))

    push, push_peak, out, _ = run([viewer, "db", "push", uri, "--data", store], env)
    log(out.strip().splitlines()[-1])
    again, _, out, _ = run([viewer, "db", "push", uri, "--data", store], env)
    log(out.strip().splitlines()[-1])
    peer, peer_peak, _, _ = run(["ogr2ogr", "-f", "PostgreSQL",
                                 "PG:host=127.0.0.1 port={} dbname=peer user=sv_test".format(cluster["SV_TEST_PG_PORT"]),
                                 gpkg, "-nln", "incidents", "-lco", "GEOMETRY_NAME=geom", "-lco", "SPATIAL_INDEX=GIST",
                                 "--config", "PG_USE_COPY", "YES"], env)
    entry("push the store into an empty table (db push)", push, "ogr2ogr GeoPackage to PostGIS (COPY)", peer, "s")
    entry("push it again, nothing changed", again, "ogr2ogr GeoPackage to PostGIS (COPY)", peer, "s")
    entry("push, peak memory", push_peak / 1e6, "ogr2ogr GeoPackage to PostGIS", peer_peak / 1e6, "MB")

    month = ["events", "--from", month_from.isoformat(), "--to", month_to.isoformat(), "--format", "csv"]
    db_month, _ = median_run([viewer] + month + ["--data", uri], args.runs, env)
    file_month, _ = median_run([viewer] + month + ["--data", store], args.runs, env)
    _, _, rows, _ = run([viewer] + month + ["--data", uri], env)
    entry("events for one month over all of Mali ({} incidents), range pushed down".format(rows.count("\n") - 1),
          db_month, "the same from the store file", file_month, "s")
    whole = dict(env, SITUATION_VIEWER_DB_LOAD_LIMIT=str(10 * args.count))
    db_whole, db_whole_peak = median_run([viewer] + month + ["--data", uri], args.runs, whole)
    entry("events for the same month, the table read whole", db_whole, "the same from the store file", file_month,
          "s")
    entry("reading the table whole, peak memory", db_whole_peak / 1e6, "the store file, peak memory",
          median_run([viewer] + month + ["--data", store], 1, env)[1] / 1e6, "MB")
    frame = dict(env, SITUATION_VIEWER_EXIT_AFTER_FIRST_FRAME="1")
    db_frame, db_frame_peak = median_run([viewer, "--data", uri], args.runs, frame)
    file_frame, file_frame_peak = median_run([viewer, "--data", store], args.runs, frame)
    entry("window: first frame after connecting (its last year)", db_frame, "the store file, whole", file_frame, "s")
    entry("window: peak memory at the first frame", db_frame_peak / 1e6, "the store file", file_frame_peak / 1e6,
          "MB")

    machine = subprocess.run(["uname", "-srm"], capture_output=True, text=True).stdout.strip()
    lines = [BEGIN, "",
             "Generated by `tests/bench/dbscale` on {} ({}, {} cores; PostgreSQL 15 with fsync on, on loopback; "
             "medians of {} runs, pushes one run). Ratio: the peer's figure over ours.".format(
                 datetime.date.today().isoformat(), machine, os.cpu_count(), args.runs), "",
             "| Size | Measure | Ours | Beside | Its figure | Ratio |", "|---|---|---|---|---|---|"]
    for e in entries:
        lines.append("| {} | {} | {:.4g} {} | {} | {:.4g} {} | {} |".format(
            e["size"], e["name"], e["ours"], e["unit"], e["peer"], e["peer_value"], e["unit"],
            "–" if e["ratio"] is None else "{:.3g}×".format(e["ratio"])))
    lines += ["", END]
    path = os.path.join(args.root, "docs", "performance.md")
    text = open(path).read()
    block = "\n".join(lines)
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## A shared PostGIS database\n\n" + block + "\n"
    open(path, "w").write(text)
    with open(os.path.join(args.root, "docs", "performance-db.json"), "w") as f:
        json.dump({"measured": datetime.date.today().isoformat(), "entries": entries}, f, indent=1)
        f.write("\n")
    log("wrote the database table in docs/performance.md and docs/performance-db.json")


if __name__ == "__main__":
    main()
