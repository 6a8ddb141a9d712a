#!/usr/bin/env python3
"""Checks `acumen report --compare-as-of` against plain `acumen report` at each date.

For the two dates, the comparison's tier, ABC and RFM-segment migration matrices must have
row sums equal to the earlier date's tier / ABC / segment counts in plain `report`, and column
sums equal to the later date's; every matrix must sum to the customer count; and, customer by
customer, the comparison's CSV must give the same tier, ABC class and segment as plain `report`
at each date.

    Scripts/check_compare.py WORKSPACE --as-of 1998-01-01 --compare-as-of 1997-07-01 \
        [--acumen .build/debug/acumen] [--no-lifetime-value]

Example with the CDNOW data (import it outside the repository, never commit it):

    acumen import /tmp/cdnow --transactions ../shared/data/CDNOW_master.txt
    Scripts/check_compare.py /tmp/cdnow --as-of 1998-01-01 --compare-as-of 1997-07-01

Exit status 0 when everything agrees, 1 on any mismatch. Plain Python 3, standard library.
"""
import argparse, csv, io, json, subprocess, sys

def run(acumen, args):
    out = subprocess.run([acumen] + args, check=True, capture_output=True, text=True)
    return out.stdout

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workspace")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--compare-as-of", required=True)
    ap.add_argument("--acumen", default=".build/debug/acumen")
    ap.add_argument("--no-lifetime-value", action="store_true")
    a = ap.parse_args()
    extra = ["--no-lifetime-value"] if a.no_lifetime_value else []
    dates = sorted([a.as_of, a.compare_as_of])
    plain = {d: json.loads(run(a.acumen, ["report", a.workspace, "--as-of", d, "--format", "json"] + extra)) for d in dates}
    base = ["report", a.workspace, "--as-of", a.as_of, "--compare-as-of", a.compare_as_of, "--limit", "0"] + extra
    comp = json.loads(run(a.acumen, base + ["--format", "json"]))
    rows = list(csv.DictReader(io.StringIO(run(a.acumen, base + ["--format", "csv"]))))
    problems = []
    def check(what, got, want):
        if got != want:
            problems.append(f"{what}: comparison {got} != report {want}")
    check("earlier date", comp["earlier"]["asOf"], dates[0])
    check("later date", comp["later"]["asOf"], dates[1])
    n = comp["customerCount"]
    for name, summary_key in [("tiers", "tiers"), ("abc", "abc"), ("segments", "segments")]:
        m = comp["migration"][name]
        counts = m["counts"]
        rows_sum = [sum(r) for r in counts]
        cols_sum = [sum(r[j] for r in counts) for j in range(len(m["classes"]))]
        check(f"{name}: total", sum(rows_sum), n)
        check(f"{name}: rowSums field", m["rowSums"], rows_sum)
        check(f"{name}: columnSums field", m["columnSums"], cols_sum)
        for d, sums in [(dates[0], rows_sum), (dates[1], cols_sum)]:
            groups = plain[d]["summary"][summary_key]
            key = "name" if summary_key != "segments" else "segment"
            want = {g[key]: g["customers"] for g in groups}
            got = dict(zip(m["classes"], sums))
            for cls in set(want) | set(got):
                check(f"{name} at {d}: {cls}", got.get(cls, 0), want.get(cls, 0))
        print(f"{name}: {len(m['classes'])}x{len(m['classes'])} matrix, {sum(rows_sum)} customers, "
              f"{m['unchanged']} unchanged, {m['movedUp']} up, {m['movedDown']} down")
    # Customer by customer.
    for d, prefix in [(dates[0], "earlier"), (dates[1], "later")]:
        by_id = {c["id"]: c for c in plain[d]["customers"]}
        check(f"customers at {d}", len(by_id), len(rows))
        bad = 0
        for r in rows:
            c = by_id.get(r["id"])
            if c is None or (c["tier"], c["abc"], c["segment"]) != (r[prefix + "Tier"], r[prefix + "Abc"], r[prefix + "Segment"]):
                bad += 1
                if bad <= 3:
                    problems.append(f"{d}: customer {r['id']}: comparison {r[prefix + 'Tier']}/{r[prefix + 'Abc']}/{r[prefix + 'Segment']}"
                                    f" != report {c and (c['tier'], c['abc'], c['segment'])}")
        if bad > 3:
            problems.append(f"{d}: {bad} customers differ in all")
    print(f"per customer: {len(rows)} customers checked at {dates[0]} and {dates[1]}")
    for p in problems:
        print("MISMATCH " + p)
    print("OK" if not problems else f"{len(problems)} mismatches")
    return 0 if not problems else 1

if __name__ == "__main__":
    sys.exit(main())
