#!/usr/bin/env python3
"""Independent cross-check of `acumen report --format json` (plain Python 3, standard library).

Recomputes, from a workspace's own files, per customer: window revenue, margin, cost to serve,
contribution, purchases, recency, R/F/M quintile scores, RFM segment and ABC class, plus the
top-20 % share; and the composite score, rank, tier, recommended and effective strategy under the
settings' weights or a scenario's (docs/analytics.md §4, §6, §7 with their precision rules) --
following docs/analytics.md, not the Swift code -- and compares them exactly with the report.
The report runs without the lifetime-value fit (predicted CLV and P(alive) unknown, §4).

    Scripts/crosscheck_report.py WORKSPACE [--acumen .build/debug/acumen] [--as-of YYYY-MM-DD] [--scenario NAME]

Exit status 0 when everything agrees, 1 on any mismatch.
"""
import argparse, calendar, datetime as dt, json, math, struct, subprocess, sys
from decimal import Decimal

# The criteria table (docs/analytics.md §4): key, rated?, default weight, default direction,
# can be unknown; in the declaration order the score sum follows.
CRITERIA = [
    ("monetary", False, 15, "higher"), ("contribution", False, 15, "higher"), ("frequency", False, 8, "higher"),
    ("recency", False, 8, "higher"), ("tenure", False, 3, "higher"), ("trend", False, 5, "higher"),
    ("predictedCLV", False, 10, "higher"), ("pAlive", False, 0, "higher"),
    ("satisfaction", True, 5, "higher"), ("stickiness", True, 4, "higher"), ("marketPotential", True, 6, "higher"),
    ("needsFit", True, 3, "higher"), ("competition", True, 2, "lower"), ("innovation", True, 2, "higher"),
    ("cooperation", True, 4, "higher"), ("brandInfluence", True, 3, "higher"), ("cultureFit", True, 2, "higher"),
    ("risk", True, 5, "lower"),
]
OPTIONAL = [c for c, rated, _, _ in CRITERIA if rated] + ["predictedCLV", "pAlive"]  # known-mask bit order

def f32(x):
    """Round a double to the nearest 32-bit float (the criterion matrix stores normalised scores so)."""
    return struct.unpack("f", struct.pack("f", x))[0]

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
    ap.add_argument("--scenario")
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

    lifetime_first = {i: min(lifetime_days[i]) if lifetime_days[i] else None for i in ids}
    t12, t24 = add_months(as_of, -12), add_months(as_of, -24)
    last12 = {i: 0 for i in ids}; prev12 = dict(last12)
    for t in read_jsonl(ws + "/transactions.jsonl"):
        c, d = t["customer"], dt.date.fromisoformat(t["date"][:10])
        if c in last12 and t24 <= d < as_of:
            (last12 if d >= t12 else prev12)[c] += minor(t["amount"])
    raw = scoring_inputs(customers, ids, rev, contrib, days, rec_days, max_days, lifetime_first, last12, prev12, as_of)
    norm = normalise(raw, settings, ids)
    weights = criterion_weights(settings, args.scenario)
    score_q = {i: composite(norm, weights, i) for i in ids}
    ranking = sorted(ids, key=lambda i: (-score_q[i], i.encode("utf-8")))
    rank = {i: k + 1 for k, i in enumerate(ranking)}
    tier_names, computed_tier = tiers(settings, ranking, score_q)
    tier = dict(computed_tier)
    for c in customers:
        o = (c.get("tierOverride") or {}).get("value")
        if o in tier_names:
            tier[c["id"]] = o
    recommended, effective = strategies(settings, customers, norm, contrib)

    command = [args.acumen, "report", ws, "--format", "json", "--limit", "0", "--as-of", as_of.isoformat(), "--no-lifetime-value"]
    if args.scenario:
        command += ["--scenario", args.scenario]
    out = subprocess.run(command, check=True, capture_output=True).stdout
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
        check(i, "score", Decimal(row["score"]), Decimal(round_half_away(score_q[i] / 2**25 * 10000)) / 10000)
        check(i, "rank", row["rank"], rank[i])
        check(i, "computedTier", row["computedTier"], computed_tier[i])
        check(i, "tier", row["tier"], tier[i])
        check(i, "recommendedStrategy", row["recommendedStrategy"], recommended[i])
        check(i, "strategy", row["strategy"], effective[i])
    check("summary", "top20Share", round(float(report["summary"]["top20Share"]), 6), round(top20, 6))
    counts = {g["name"]: g["customers"] for g in report["summary"]["abc"]}
    for k in "ABC":
        check("summary", f"abc {k}", counts.get(k), sum(1 for i in ids if cls[i] == k))
    print(f"{ws}: {len(ids)} customers, as of {as_of}, window from {w0}, ABC on {abc_measure}, "
          f"weights {args.scenario or 'settings'}: {'AGREE' if not problems else str(len(problems)) + ' MISMATCHES'} "
          f"(revenue, margin, cost to serve, contribution, purchases, recency, R, F, M, segment, ABC, top-20% share, "
          f"score, rank, tier, strategy)")
    for p in problems[:30]:
        print("  " + p)
    return 1 if problems else 0

def scoring_inputs(customers, ids, rev, contrib, days, rec_days, max_days, first, last12, prev12, as_of):
    """Raw criterion values per customer (None = unknown), docs/analytics.md §1 and §4."""
    raw = {c: {} for c, _, _, _ in CRITERIA}
    for c in customers:
        i = c["id"]
        raw["monetary"][i] = rev[i] / 100                      # currency units from exact hundredths
        raw["contribution"][i] = contrib[i] / 100
        raw["frequency"][i] = float(len(days[i]))              # window purchase days
        raw["recency"][i] = float(-(rec_days[i] if rec_days[i] is not None else max_days + 1))
        raw["tenure"][i] = float((as_of - first[i]).days if first[i] else 0)
        l, p = float(last12[i]), float(prev12[i])               # trend on hundredths, in doubles
        d = (abs(l) + abs(p)) / 2
        raw["trend"][i] = 0.0 if d == 0 else (l - p) / d
        for name, value in (c.get("ratings") or {}).items():
            raw[name][i] = float(value)
    return raw

def settings_of(settings):
    """criterion -> (weight, direction, normalisation); a criterion left out takes its defaults."""
    listed = {e["criterion"]: e for e in settings.get("criteria", [])}
    out = {}
    for c, rated, weight, direction in CRITERIA:
        e = listed.get(c, {})
        out[c] = (float(e.get("weight", weight)), e.get("direction", direction), e.get("normalisation", "scale" if rated else "percentile"))
    return out

def normalise(raw, settings, ids):
    """Normalised 0-100 scores as 32-bit floats; unknown values are absent (§4)."""
    norm = {}
    for c, (_, direction, how) in settings_of(settings).items():
        known = {i: v for i, v in raw[c].items() if v is not None and math.isfinite(v)}
        out = {}
        if how == "percentile":
            ordered = sorted(known.items(), key=lambda kv: kv[1])
            m, lo = len(ordered), 0
            while lo < m:
                hi = lo
                while hi < m and ordered[hi][1] == ordered[lo][1]:
                    hi += 1
                p = 50.0 if m <= 1 else 100 * (lo + (hi - lo - 1) / 2) / (m - 1)
                for j in range(lo, hi):
                    out[ordered[j][0]] = f32(p)
                lo = hi
        elif how in ("minMax", "logMinMax"):
            xs = {i: (math.copysign(math.log1p(abs(v)), v) if how == "logMinMax" else v) for i, v in known.items()}
            lo, hi = min(xs.values(), default=0), max(xs.values(), default=0)
            out = {i: f32(100 * (x - lo) / (hi - lo)) if hi > lo else f32(50) for i, x in xs.items()}
        else:
            out = {i: f32(min(100, max(0, v * 10))) for i, v in known.items()}
        if direction == "lower":
            out = {i: f32(100 - s) for i, s in out.items()}    # the flip happens on the 32-bit value
        norm[c] = out
    return norm

def criterion_weights(settings, scenario):
    if scenario:
        w = next(s["weights"] for s in settings.get("scenarios", []) if s["name"] == scenario)
        return {c: float(w.get(c, 0)) for c, _, _, _ in CRITERIA}   # a scenario's unlisted criteria weigh 0
    return {c: v[0] for c, v in settings_of(settings).items()}

def composite(norm, weights, i):
    """Quantised score q (score = q / 2^25), §4: sum in criteria order, times 1 / (known weights)."""
    acc, base, optional = 0.0, 0.0, {c: 0.0 for c in OPTIONAL}
    for c, _, _, _ in CRITERIA:
        w = weights[c]
        if not (math.isfinite(w) and w > 0):
            continue
        acc += w * float(norm[c].get(i, 0.0))
        if c in optional:
            optional[c] += w
        else:
            base += w
    total = base
    for c in OPTIONAL:
        if i in norm[c]:
            total += optional[c]
    s = min(100.0, max(0.0, acc * (1 / total if total > 0 else 0.0)))
    return round_half_away(s * 33554432)

def tiers(settings, ranking, score_q):
    """Computed tier per customer, §6 (share or score mode)."""
    t = settings.get("tiers", {})
    bands = t.get("bands") or [{"name": "All", "share": 1, "minScore": 0}]
    names, n = [b["name"] for b in bands], len(ranking)
    out = {}
    if t.get("mode", "share") == "share":
        cum, counts = 0.0, []
        for b in bands[:-1]:
            cum += max(0.0, float(b.get("share", 0)))
            counts.append(min(n, math.floor(n * cum + 1e-9)))
        for k, i in enumerate(ranking):
            out[i] = names[sum(1 for c in counts if c < k + 1)]
    else:
        for i in ranking:
            s = score_q[i] / 2**25
            out[i] = next((b["name"] for b in bands if s >= float(b.get("minScore", 0))), names[-1])
    return names, out

def strategies(settings, customers, norm, contrib):
    """Recommended and effective strategy, §7: axes are double means of the 32-bit scores."""
    st = settings.get("strategy", {})
    vc = st.get("valueCriteria", ["monetary", "contribution", "predictedCLV"])
    pc = st.get("potentialCriteria", ["trend", "marketPotential", "cooperation", "needsFit"])
    vcut, pcut, bcut = (float(st.get(k, d)) for k, d in (("valueCut", 50), ("potentialCut", 50), ("breakEvenPotentialCut", 70)))
    def axis(criteria, i):
        xs = [float(norm[c][i]) for c in criteria if i in norm[c]]
        total = 0.0
        for x in xs:
            total += x
        return total / len(xs) if xs else 0.0
    rec, eff = {}, {}
    names = {"grow": "grow", "maintain": "maintain", "nurture": "nurture", "cut-cost": "cut-cost", "cut cost": "cut-cost", "cutcost": "cut-cost"}
    for c in customers:
        i = c["id"]
        v, p = axis(vc, i), axis(pc, i)
        if contrib[i] < 0 and p < bcut:
            rec[i] = "cut-cost"
        else:
            rec[i] = {(True, True): "grow", (True, False): "maintain", (False, True): "nurture", (False, False): "cut-cost"}[(v >= vcut, p >= pcut)]
        o = ((c.get("strategyOverride") or {}).get("value") or "").lower()
        eff[i] = names.get(o, rec[i])
    return rec, eff

if __name__ == "__main__":
    sys.exit(main())
