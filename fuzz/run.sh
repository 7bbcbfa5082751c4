#!/usr/bin/env bash
# Runs every fuzz target for a while, from fresh seeds, and fails on any crash, leak,
# timeout or sanitizer report (docs/fuzzing.md).
#   bash fuzz/run.sh BUILD_FUZZ SECONDS [TARGET...]
# BUILD_FUZZ was configured with COURSEPACK_FUZZ=ON; its coursepack binary, when there is
# one, is not needed: seeds come from `fuzz/make_seeds.py --coursepack $COURSEPACK` when
# COURSEPACK names a built binary, else from samples/ alone. Each target's run uses a fixed
# -seed, keeps its corpus in BUILD_FUZZ/corpus/<target>/, writes what crashed it to
# BUILD_FUZZ/artifacts/<target>/, and its last lines are printed as its summary.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run.sh BUILD_FUZZ SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_FUZZ SECONDS [TARGET...]}
shift 2
targets=("$@")
((${#targets[@]})) || targets=(course_reader markdown learner_state module_plan statement_reader xliff_import moodle_ws)

seeds=$build/seeds
rm -rf "$seeds"
python3 fuzz/make_seeds.py "$seeds" ${COURSEPACK:+--coursepack "$COURSEPACK"} || exit 1

passed=0 failed=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target artifacts=$build/artifacts/$target/ log=$build/fuzz-$target.log
  mkdir -p "$corpus" "$artifacts"
  # -timeout: one input taking 10 s is a finding (quadratic code); -rss_limit_mb: so is 2 GB.
  # Leak checking is ASan's default, and any sanitizer report is fatal (-fno-sanitize-recover).
  "$build/fuzz/${target}_fuzz" -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict=fuzz/dictionaries/$target.dict -artifact_prefix="$artifacts" \
    "$corpus" "$seeds/$target" >"$log" 2>&1
  status=$?
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  coverage=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -o 'cov: [0-9]* ft: [0-9]*')
  if ((status == 0)); then
    passed=$((passed + 1))
    echo "fuzz: $target: ok, ${executions:-?} executions in ${seconds} s, ${coverage:-no coverage line}, corpus $(ls "$corpus" | wc -l)"
  else
    failed=$((failed + 1))
    echo "fuzz: $target: FAILED (exit $status), after ${executions:-?} executions; input in $artifacts"
    grep -E -A40 '^==[0-9]+==ERROR|^SUMMARY|deadly signal|ALARM|out-of-memory' "$log" | head -60
  fi
done
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
