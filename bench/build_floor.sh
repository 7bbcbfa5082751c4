#!/usr/bin/env bash
# Build at the zip floor, in bounded memory (issue 10, item 4), in one run:
#  1. the SETS catalog (samples/sets, --per-course) built by coursepack, side by side with
#     Info-ZIP zipping the same trees (each package unzipped to a folder, then
#     `zip -6 -X -r` in it), in PAIRS paired runs: coursepack -j 1 against one zip after
#     the other, and coursepack -j NPROC against NPROC zips at once (xargs -P);
#  2. synthetic catalogs of SIZES courses (copies of sets-1 with new ids, in /tmp), built
#     with the default -j: wall time, time per course and peak memory (max RSS, /usr/bin/time -v).
# Prints a Markdown table for docs/benchmarks.md. Never a test: figures depend on the machine.
#   bash bench/build_floor.sh             COURSEPACK=build-pipeline/coursepack PAIRS=3 SIZES="30 300" bash bench/build_floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
coursepack=${COURSEPACK:-build/coursepack}
pairs=${PAIRS:-5}
sizes=${SIZES:-30 150 300}
cores=$(nproc)
work=$(mktemp -d /tmp/coursepack-floor.XXXXXX)
trap 'rm -rf "$work"' EXIT

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v, appends "NAME seconds max_rss_kib".
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null
  local wall rss
  wall=$(sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$work/time.txt")
  # The 1-minute load average as the run ends: the machine may be shared.
  echo "$name $wall $rss $(cut -d' ' -f1 /proc/loadavg)" >>"$work/results.txt"
}

# The trees Info-ZIP zips: exactly what the packages hold.
"$coursepack" build samples/sets --per-course -q -o "$work/reference"
for zip in "$work"/reference/*.zip; do
  name=$(basename "$zip" .zip)
  mkdir -p "$work/trees/$name"
  unzip -q "$zip" -d "$work/trees/$name"
done
packages=$(ls "$work/trees" | wc -l)

zip_trees() {  # zip_trees PARALLEL: every tree into $work/zips/<name>.zip, PARALLEL at once
  rm -rf "$work/zips" && mkdir "$work/zips"
  ls "$work/trees" | xargs -P "$1" -I{} sh -c 'cd "$0/trees/$1" && zip -6 -X -r -q "$0/zips/$1.zip" .' "$work" {}
}
build_sets() {  # build_sets JOBS
  rm -rf "$work/out"
  "$coursepack" build samples/sets --per-course -q -j "$1" -o "$work/out"
}

# One warm-up of each (page cache, binary), then the pairs, the two sides alternating.
build_sets 1 && zip_trees 1
for ((i = 0; i < pairs; i++)); do
  timed "sets_j1" bash -c "$(declare -f build_sets); work=$work coursepack=$coursepack build_sets 1"
  timed "zip_serial" bash -c "$(declare -f zip_trees); work=$work zip_trees 1"
  timed "sets_jN" bash -c "$(declare -f build_sets); work=$work coursepack=$coursepack build_sets $cores"
  timed "zip_parallel" bash -c "$(declare -f zip_trees); work=$work zip_trees $cores"
done

# Synthetic catalogs: sets-1 copied under new ids (and IRIs), n courses each.
for n in $sizes; do
  catalog="$work/catalog-$n"
  mkdir -p "$catalog"
  for ((c = 1; c <= n; c++)); do
    id=$(printf 'synthetic-%03d' "$c")
    cp -r samples/sets/sets-1 "$catalog/$id"
    python3 - "$catalog/$id/course.json" "$id" <<'PY'
import json, sys
path, course_id = sys.argv[1:]
course = json.load(open(path))
course["id"] = course_id
course["iri"] = course["iri"].rsplit("/", 1)[0] + "/" + course_id
json.dump(course, open(path, "w"), ensure_ascii=False, indent=2)
PY
  done
  rm -rf "$work/out"
  timed "catalog_$n" "$coursepack" build "$catalog" --per-course -q -o "$work/out"
  echo "catalog_${n}_packages $(ls "$work/out" | wc -l) 0 0" >>"$work/results.txt"
  rm -rf "$catalog" "$work/out"
done

python3 - "$work/results.txt" "$packages" "$cores" "$pairs" "$coursepack" <<'PY'
import statistics, sys
from collections import defaultdict
path, packages, cores, pairs, binary = sys.argv[1:]
runs = defaultdict(list)
loads = defaultdict(list)
for line in open(path):
    name, wall, rss, load = line.split()
    runs[name].append((float(wall), int(rss)))
    loads[name].append(float(load))
load = lambda *names: f"{min(min(loads[n]) for n in names):.1f}-{max(max(loads[n]) for n in names):.1f}"
med = lambda name: statistics.median(w for w, _ in runs[name])
peak = lambda name: max(r for _, r in runs[name]) / 1024
def ratio(a, b):
    per_pair = [x[0] / y[0] for x, y in zip(runs[a], runs[b])]
    return statistics.median(per_pair), min(per_pair), max(per_pair)
print(f"SETS catalog: {packages} packages, {pairs} paired runs, {cores} cores, {binary}\n")
print("| run | coursepack (median s) | zip -6 -X (median s) | ratio (median of pairs, min-max) | coursepack peak RSS | load average |")
print("|---|---|---|---|---|---|")
for build, zipper, label in (("sets_j1", "zip_serial", "-j 1 / one zip at a time"),
                             ("sets_jN", "zip_parallel", f"-j {cores} / {cores} zips at once")):
    r, lo, hi = ratio(build, zipper)
    print(f"| {label} | {med(build):.2f} | {med(zipper):.2f} | {r:.2f}x ({lo:.2f}-{hi:.2f}) | {peak(build):.1f} MiB | {load(build, zipper)} |")
print("\n| synthetic catalog | packages | wall (s) | s per course | peak RSS | load average |")
print("|---|---|---|---|---|---|")
for name in sorted((n for n in runs if n.startswith("catalog_") and not n.endswith("_packages")), key=lambda n: int(n[8:])):
    n = int(name[8:])
    wall, rss = runs[name][0]
    print(f"| {n} courses | {int(runs[name + '_packages'][0][0])} | {wall:.1f} | {wall / n:.3f} | {rss / 1024:.1f} MiB | {load(name)} |")
PY
