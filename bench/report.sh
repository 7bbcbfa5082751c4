#!/usr/bin/env bash
# Cohort report at scale: LEARNERS simulated learners (default 100,000) taking the 10
# modules of the SETS catalog, streamed from `coursepack simulate` into `coursepack report`
# through a pipe (the statements are never stored), each under /usr/bin/time -v.
# Prints the statements, wall time, CPU time and peak memory (max RSS) of each side.
#   bash bench/report.sh [LEARNERS]      COURSEPACK=build-report/coursepack bash bench/report.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
coursepack=${COURSEPACK:-build/coursepack}
learners=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

started=$(date +%s.%N)
/usr/bin/time -v -o "$work/simulate.time" "$coursepack" simulate samples/sets --learners "$learners" --seed 1 -o - -q |
  /usr/bin/time -v -o "$work/report.time" "$coursepack" report - --course samples/sets -o "$work/report" --json -q \
    >"$work/summary.json"
finished=$(date +%s.%N)

field() { sed -n "s/^\t$2: //p" "$work/$1.time"; }
python3 - "$work/summary.json" "$learners" "$(echo "$finished - $started" | bc)" \
  "$(field simulate 'Maximum resident set size (kbytes)')" "$(field simulate 'User time (seconds)')" "$(field simulate 'System time (seconds)')" \
  "$(field report 'Maximum resident set size (kbytes)')" "$(field report 'User time (seconds)')" "$(field report 'System time (seconds)')" \
  "$(field report 'Elapsed (wall clock) time (h:mm:ss or m:ss)')" "$(stat -c %s "$work/report/report.csv")" "$(stat -c %s "$work/report/report.html")" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
learners, wall = int(sys.argv[2]), float(sys.argv[3])
sim_rss, sim_user, sim_sys, rep_rss, rep_user, rep_sys, rep_wall, csv, html = sys.argv[4:]
n = summary["statements"]
print(f"learners            {learners:,}  (report: {summary['learners']:,} learners, {len(summary['modules'])} modules)")
print(f"statements          {n:,}  ({summary['skipped']:,} skipped)")
print(f"wall clock          {wall:.1f} s for both, {n / wall:,.0f} statements/s")
print(f"simulate            CPU {float(sim_user) + float(sim_sys):.1f} s, max RSS {int(sim_rss) / 1024:.1f} MiB")
print(f"report              CPU {float(rep_user) + float(rep_sys):.1f} s, max RSS {int(rep_rss) / 1024:.1f} MiB, wall {rep_wall}")
print(f"output              report.csv {int(csv) / 2**20:.1f} MiB, report.html {int(html) / 1024:.0f} KiB")
PY
