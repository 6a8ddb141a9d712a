#!/usr/bin/env bash
# Acumen side by side with its peers (pandas, polars, duckdb) on the same generated data, in one run.
#
#   Scripts/side_by_side.sh [SIZES...]     sizes: s (10k/100k) m (100k/1M) l (1M/10M); default: s m
#
# For each size: the peers' generator (../shared/peer/gen_data.py) writes customers.csv and
# transactions.csv; Acumen imports them once (`acumen import`, timed: that is Acumen's CSV load)
# into a workspace and runs its release benchmark on it (`acumen-bench --workspace`); each peer
# script runs under /usr/bin/time -v. Prints one Markdown table with Acumen's figures, the peers'
# and the ratios (peer time / Acumen time: above 1 means Acumen is faster).
# Work folder (venv, data, results): $PEER_WORK, default ~/.cache/acumen-peer.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER=${PEER_DIR:-$ROOT/../shared/peer}
WORK=${PEER_WORK:-$HOME/.cache/acumen-peer}
SIZES=${*:-s m}
mkdir -p "$WORK/results" "$WORK/data" "$WORK/acumen"
if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q pandas polars duckdb numpy pyarrow
fi
PY=$WORK/venv/bin/python
export SWIFT_BACKTRACE=enable=no
(cd "$ROOT" && swift build -c release --product acumen >/dev/null && swift build -c release --product acumen-bench >/dev/null)
BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)
declare -A NC=([s]=10000 [m]=100000 [l]=1000000) NT=([s]=100000 [m]=1000000 [l]=10000000)
RUN_ID=$(date +%Y%m%dT%H%M%S)
OUT=$WORK/results/side-by-side.$RUN_ID.jsonl
for s in $SIZES; do
  data=$WORK/data/$s
  [ -f "$data/transactions.csv" ] || $PY "$PEER/gen_data.py" --customers "${NC[$s]}" --transactions "${NT[$s]}" --out "$data" --seed 42
  ws=$WORK/acumen/$s
  rm -rf "$ws"
  echo ">> acumen import $s" >&2
  /usr/bin/time -f "%e %M" -o "$WORK/results/acumen-import.$s.time" \
    "$BIN/acumen" import "$ws" --transactions "$data/transactions.csv" --customers "$data/customers.csv" >/dev/null
  "$BIN/acumen" check "$ws" >/dev/null   # first open builds the transaction cache, as a user's first open would
  # Whole processes, before the benchmark's saves touch the workspace: `acumen report` (all rows
  # as JSON, warm caches, with and without the lifetime-value fit) against each peer script run
  # once end to end (interpreter start, load, compute), alternating, three times each.
  rm -f "$WORK"/results/whole.*."$s".time
  echo ">> whole processes $s" >&2
  for rep in 1 2 3; do
    /usr/bin/time -f "%e %M" -a -o "$WORK/results/whole.acumen.$s.time" \
      "$BIN/acumen" report "$ws" --format json --limit 0 --as-of 2025-01-01 >/dev/null
    /usr/bin/time -f "%e %M" -a -o "$WORK/results/whole.acumen-no-ltv.$s.time" \
      "$BIN/acumen" report "$ws" --format json --limit 0 --as-of 2025-01-01 --no-lifetime-value >/dev/null
    for peer in polars pandas duckdb; do
      args="--fmt csv"; [ $peer = pandas ] && args="$args --variant pyarrow"; [ $peer = duckdb ] && args="$args --variant direct"
      (cd "$PEER" && /usr/bin/time -f "%e %M" -a -o "$WORK/results/whole.$peer.$s.time" "$PY" "bench_$peer.py" $args \
          --data "$data" --load-runs 1 --compute-runs 1 --rescore-runs 1 >/dev/null 2>&1) || true
    done
  done
  runs=5; [ "$s" = l ] && runs=3
  echo ">> acumen-bench $s" >&2
  /usr/bin/time -f "%M" -o "$WORK/results/acumen-bench.$s.time" \
    "$BIN/acumen-bench" --workspace "$ws" --label "$s" --as-of 2025-01-01 --runs $runs --json "$WORK/results/acumen.$s.json" >/dev/null
  for peer in pandas polars duckdb; do
    echo ">> $peer $s" >&2
    args="--fmt csv"; [ $peer = pandas ] && args="$args --variant pyarrow"; [ $peer = duckdb ] && args="$args --variant direct"
    prun="--load-runs 5 --compute-runs 5 --rescore-runs 20"; [ "$s" = l ] && prun="--load-runs 3 --compute-runs 3 --rescore-runs 10"
    (cd "$PEER" && /usr/bin/time -v "$PY" "bench_$peer.py" $args --data "$data" $prun \
        > "$WORK/results/$peer.$s.json" 2> "$WORK/results/$peer.$s.time") || echo "   $peer failed (see $WORK/results/$peer.$s.time)" >&2
  done
  $PY "$ROOT/Scripts/side_by_side_summary.py" "$WORK/results" "$s" >> "$OUT"
done
$PY "$ROOT/Scripts/side_by_side_summary.py" --table "$OUT"
