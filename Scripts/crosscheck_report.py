#!/usr/bin/env python3
"""Independent cross-check of `acumen report --format json` (plain Python 3, standard library).

Recomputes, from a workspace's own files, per customer: window revenue, margin, cost to serve,
contribution, purchases, recency, R/F/M quintile scores, RFM segment and ABC class, plus the
top-20 % share -- following docs/analytics.md, not the Swift code -- and compares them exactly
with the report.

    Scripts/crosscheck_report.py WORKSPACE [--acumen .build/debug/acumen] [--as-of YYYY-MM-DD]

Exit status 0 when everything agrees, 1 on any mismatch.
"""
import argparse, calendar, datetime as dt, json, math, subprocess, sys
from decimal import Decimal

def minor(x):
    """Exact minor units (hundredths) of a JSON number read as Decimal; half away from zero."""
    q = (Decimal(x) * 100)
    return int(q.to_integral_value(rounding="ROUND_HALF_UP")) if q >= 0 else -int((-q).to_integral_value(rounding="ROUND_HALF_UP"))

def add_months(d, n):
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))

def round_half_away(x):
    """Round a float half away from zero (Swift's `rounded()`)."""
    f = math.floor(abs(x))
    r = f + 1 if abs(x) - f >= 0.5 else f
    return int(r) if x >= 0 else -int(r)

def prorate(amount, num, den):
    """amount * num / den in integers, half away from zero."""
    p = amount * num
    q, r = divmod(abs(p), den)
    if 2 * r >= den:
        q += 1
    return q if p >= 0 else -q

def quintiles(keys):
    """score = ceil(5 * rank_min / n), rank_min = 1 + number of values < v."""
    n = len(keys)
    ordered = sorted(keys.values())
    import bisect
    return {c: (5 * (bisect.bisect_left(ordered, v) + 1) + n - 1) // n for c, v in keys.items()}

def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(l, parse_float=Decimal) for l in f if l.strip()]
    return lines[1:]  # skip the header line

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workspace")
    ap.add_argument("--acumen", default=".build/debug/acumen")
    ap.add_argument("--as-of")
    args = ap.parse_args()
    ws = args.workspace
    with open(ws + "/settings.json", encoding="utf-8") as f:
        settings = json.load(f, parse_float=Decimal)
    as_of = dt.date.fromisoformat(args.as_of or settings["asOf"])
    window_months = int(settings.get("windowMonths", 12))
    rate = float(settings.get("defaultMarginRate", 0.3))
    abc = settings.get("abc", {})
    abc_measure, abc_a, abc_b = abc.get("measure", "revenue"), float(abc.get("a", 0.8)), float(abc.get("b", 0.95))
    rules = settings.get("rfm", {}).get("segments")
    w0 = add_months(as_of, -window_months)

    customers = read_jsonl(ws + "/customers.jsonl")
    ids = [c["id"] for c in customers]
    cost = {c["id"]: minor(c.get("costToServe", 0)) for c in customers}
    rev = {i: 0 for i in ids}; mar = dict(rev); days = {i: set() for i in ids}; last = {i: None for i in ids}
    lifetime_days = {i: set() for i in ids}
    for t in read_jsonl(ws + "/transactions.jsonl"):
        c, d = t["customer"], dt.date.fromisoformat(t["date"][:10])
        if c not in rev or d >= as_of:
            continue
        amount = minor(t["amount"])
        if "margin" in t:
            m = minor(t["margin"])
        elif "cost" in t:
            m = amount - minor(t["cost"])
        else:
            m = round_half_away(float(amount) * rate)
        last[c] = d if last[c] is None or d > last[c] else last[c]
        lifetime_days[c].add(d)
        if d >= w0:
            rev[c] += amount; mar[c] += m; days[c].add(d)
    win_cost = {i: prorate(cost[i], window_months, 12) for i in ids}
    contrib = {i: mar[i] - win_cost[i] for i in ids}
    rec_days = {i: (as_of - last[i]).days if last[i] else None for i in ids}
    max_days = max([d for d in rec_days.values() if d is not None], default=0)
    r = quintiles({i: -(rec_days[i] if rec_days[i] is not None else max_days + 1) for i in ids})
    fq = quintiles({i: len(lifetime_days[i]) for i in ids})
    mq = quintiles(dict(rev))
    def segment(rs, fs):
        for rule in rules:
            if rule["rMin"] <= rs <= rule["rMax"] and rule["fMin"] <= fs <= rule["fMax"]:
                return rule["segment"]
        return "Unclassified"
    value = {i: max(0, (rev if abc_measure == "revenue" else contrib)[i]) for i in ids}
    order = sorted(ids, key=lambda i: (-value[i], i.encode("utf-8")))
    total = sum(value.values())
    cls, before = {}, 0
    for i in order:
        cls[i] = "A" if before < abc_a * total else "B" if before < abc_b * total else "C"
        before += value[i]
    top = (len(ids) + 4) // 5
    top20 = sum(value[i] for i in order[:top]) / total if total > 0 else 0

    out = subprocess.run([args.acumen, "report", ws, "--format", "json", "--limit", "0", "--as-of", as_of.isoformat()],
                         check=True, capture_output=True).stdout
    report = json.loads(out, parse_float=Decimal)
    rows = {row["id"]: row for row in report["customers"]}
    problems = []
    def check(i, field, got, want):
        if got != want:
            problems.append(f"{i}: {field} report={got!r} recomputed={want!r}")
    for i in ids:
        row = rows.get(i)
        if row is None:
            problems.append(f"{i}: missing from the report"); continue
        check(i, "revenue", minor(row["revenue"]), rev[i])
        check(i, "margin", minor(row["margin"]), mar[i])
        check(i, "costToServe", minor(row["costToServe"]), win_cost[i])
        check(i, "contribution", minor(row["contribution"]), contrib[i])
        check(i, "belowBreakEven", row["belowBreakEven"], contrib[i] < 0)
        check(i, "purchases", row["purchases"], len(days[i]))
        check(i, "recencyDays", row["recencyDays"], rec_days[i])
        check(i, "r", row["r"], r[i]); check(i, "f", row["f"], fq[i]); check(i, "m", row["m"], mq[i])
        check(i, "segment", row["segment"], segment(r[i], fq[i]))
        check(i, "abc", row["abc"], cls[i])
    check("summary", "top20Share", round(float(report["summary"]["top20Share"]), 6), round(top20, 6))
    counts = {g["name"]: g["customers"] for g in report["summary"]["abc"]}
    for k in "ABC":
        check("summary", f"abc {k}", counts.get(k), sum(1 for i in ids if cls[i] == k))
    print(f"{ws}: {len(ids)} customers, as of {as_of}, window from {w0}, ABC on {abc_measure}: "
          f"{'AGREE' if not problems else str(len(problems)) + ' MISMATCHES'} "
          f"(revenue, margin, cost to serve, contribution, purchases, recency, R, F, M, segment, ABC, top-20% share)")
    for p in problems[:30]:
        print("  " + p)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
