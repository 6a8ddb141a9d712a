#!/usr/bin/env bash
# Longer fuzz runs with libFuzzer, by hand or in a nightly job:
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 60 s, every target)
#   ACUMEN_FUZZ_RUNS=N also stops each target after N inputs (libFuzzer's -runs=).
# Builds the model (AcumenCore, AcumenAnalytics, AcumenStore) and Fuzz/*.swift into one libFuzzer binary (-sanitize=fuzzer,address),
# seeds each target's corpus with a valid demo workspace, and runs it bounded by time with a
# memory cap. Findings are written to .build/fuzz/findings-TARGET/ and the script fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(json settings customers transactions journal replay csv)
out=.build/fuzz
mkdir -p "$out"
export SWIFT_BACKTRACE=enable=no
echo "building $out/acumen-fuzz"
# One module: copy the sources without their imports of each other.
src="$out/src"; rm -rf "$src"; mkdir -p "$src"
for f in $(find Sources/AcumenCore Sources/AcumenAnalytics Sources/AcumenStore -name '*.swift' | sort); do
  sed -E '/^(@testable )?import Acumen(Core|Analytics|Store)$/d' "$f" > "$src/$(echo "$f" | tr / _)"
done
swiftc -sanitize=fuzzer,address -parse-as-library -O -wmo -g -package-name Acumen -module-name AcumenFuzz \
  "$src"/*.swift Fuzz/*.swift -o "$out/acumen-fuzz" 2>"$out/build.log" \
  || { cat "$out/build.log"; exit 1; }
# Seed corpus: a small demo workspace with a few journaled edits.
seed="$out/seed-workspace"
rm -rf "$seed"
swift build --product acumen >/dev/null 2>&1
"$(swift build --show-bin-path)/acumen" stress-save "$seed" --create 12 --edits 7 --save-every 5 >/dev/null
status=0
total=0
for t in "${targets[@]}"; do
  corpus="$out/corpus-$t"; findings="$out/findings-$t"
  mkdir -p "$corpus" "$findings"
  case "$t" in
    json|settings) cp "$seed/settings.json" "$corpus/seed" ;;
    customers) cp "$seed/customers.jsonl" "$corpus/seed" ;;
    transactions) cp "$seed/transactions.jsonl" "$corpus/seed" ;;
    journal|replay) cp "$seed/journal.jsonl" "$corpus/seed" ;;
    csv) cp Tests/AcumenModelTests/Fixtures/csv/*.csv "$corpus/" 2>/dev/null || true ;;
  esac
  log="$out/fuzz-$t.log"
  if ! ACUMEN_FUZZ_TARGET="$t" "$out/acumen-fuzz" "$corpus" -max_total_time="$seconds" ${ACUMEN_FUZZ_RUNS:+-runs=$ACUMEN_FUZZ_RUNS} -timeout=5 -rss_limit_mb=2048 \
       -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
    echo "FAIL $t: see $log and $findings"; status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  total=$((total + runs))
  echo "$t: $runs inputs in ${seconds}s, $(ls "$corpus" | wc -l) corpus entries"
done
echo "fuzz total: $total inputs executed"
exit $status
