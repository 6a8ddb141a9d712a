#!/usr/bin/env python3
"""Collects Acumen's and the peers' figures for one size into a JSON line, or prints the table.

  side_by_side_summary.py RESULTS_DIR SIZE      -> one JSON line on stdout
  side_by_side_summary.py --table FILE.jsonl    -> Markdown table with ratios (peer / Acumen)
"""
import json, os, re, sys

PEERS = ["polars", "pandas", "duckdb"]


def acumen(results, size):
    data = json.load(open(os.path.join(results, f"acumen.{size}.json")))
    steps = {r["step"]: r["median_ms"] / 1000 for r in data["results"]}
    imp = open(os.path.join(results, f"acumen-import.{size}.time")).read().split()
    rss = open(os.path.join(results, f"acumen-bench.{size}.time")).read().strip()
    return {
        "import_csv_s": float(imp[0]),
        "open_s": steps.get("open (load files)"),
        "analysis_s": steps.get("full analysis (no CLV)"),
        "open_plus_analysis_s": (steps.get("open (load files)") or 0) + (steps.get("full analysis (no CLV)") or 0),
        "rescore_s": steps.get("weight change: full re-rank"),
        "rescore_live_s": steps.get("weight change: scores + tier cut-offs"),
        "peak_rss_mb": round(int(rss or 0) / 1024, 1),
    }


def peer(results, name, size):
    try:
        rec = json.loads(open(os.path.join(results, f"{name}.{size}.json")).read().strip().splitlines()[-1])
        t = open(os.path.join(results, f"{name}.{size}.time")).read()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)
        return {"load_s": rec["load"]["median_s"], "compute_s": rec["compute"]["median_s"],
                "rescore_s": rec["rescore"]["median_s"], "peak_rss_mb": round(int(m.group(1)) / 1024, 1) if m else None}
    except Exception as e:  # a failed peer is reported, not fatal
        return {"error": str(e)}


def whole(results, size):
    """Median wall seconds and peak MB of each whole process (`/usr/bin/time -f "%e %M"` lines)."""
    out = {}
    for name in ["acumen", "acumen-no-ltv"] + PEERS:
        try:
            runs = [l.split() for l in open(os.path.join(results, f"whole.{name}.{size}.time")) if re.match(r"^[0-9.]+ \d+$", l.strip())]
            walls = sorted(float(r[0]) for r in runs)
            out[name] = {"wall_s": walls[len(walls) // 2], "min_s": walls[0], "max_s": walls[-1],
                         "peak_rss_mb": round(max(int(r[1]) for r in runs) / 1024, 1)}
        except Exception as e:  # a missing measurement is reported, not fatal
            out[name] = {"error": str(e)}
    return out


def fmt(v):
    """Four significant digits, or a dash."""
    return "—" if v is None else f"{v:.4g}"


def table(path):
    rows = [json.loads(l) for l in open(path)]
    print("| size | measure | Acumen s | " + " | ".join(f"{p} s | {p}/Acumen" for p in PEERS) + " |")
    print("|---|---|---:|" + "---:|---:|" * len(PEERS))
    measures = [("load CSV (Acumen: import, once)", "import_csv_s", "load_s"),
                ("open workspace (Acumen) vs load CSV (peers)", "open_s", "load_s"),
                ("compute RFM/ABC/composite", "analysis_s", "compute_s"),
                ("re-score after a weight change (full re-rank)", "rescore_s", "rescore_s"),
                ("peak memory MB", "peak_rss_mb", "peak_rss_mb")]
    for r in rows:
        a = r["acumen"]
        for label, ak, pk in measures:
            cells = []
            for p in PEERS:
                v = r["peers"].get(p, {}).get(pk)
                ratio = f"{v / a[ak]:.1f}×" if v and a.get(ak) else "—"
                cells.append(f"{fmt(v)} | {ratio}")
            print(f"| {r['size']} | {label} | {fmt(a.get(ak))} | " + " | ".join(cells) + " |")
    print()
    print("Whole processes, wall seconds: median (min–max) of 3, peak MB; ratio = peer / `acumen report`")
    print()
    print("| size | acumen report | acumen report --no-lifetime-value | " + " | ".join(f"{p} | {p}/Acumen" for p in PEERS) + " |")
    print("|---|---:|---:|" + "---:|---:|" * len(PEERS))
    for r in rows:
        w = r.get("whole", {})
        def cell(name):
            v = w.get(name, {})
            return "—" if "wall_s" not in v else f"{v['wall_s']:.2f} ({v['min_s']:.2f}–{v['max_s']:.2f}), {v['peak_rss_mb']:.0f} MB"
        a = w.get("acumen", {}).get("wall_s")
        cells = []
        for p in PEERS:
            v = w.get(p, {}).get("wall_s")
            cells.append(cell(p) + " | " + (f"{v / a:.2f}×" if v and a else "—"))
        print(f"| {r['size']} | {cell('acumen')} | {cell('acumen-no-ltv')} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        table(sys.argv[2])
    else:
        results, size = sys.argv[1], sys.argv[2]
        print(json.dumps({"size": size, "acumen": acumen(results, size),
                          "peers": {p: peer(results, p, size) for p in PEERS},
                          "whole": whole(results, size)}))
