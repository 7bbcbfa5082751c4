#!/usr/bin/env bash
# Peak memory of `coursepack validate` and `build` on course sources of tiny values (issue
# 10: at most 64 MB whatever the input). Each source is samples/example with one part made
# huge; the course.json files are 16 MB (the limit) unless said:
#   zeros-unknown     an unknown key holding [0,0,...]: 8 million values
#   strings-unknown   the same with "a": 4 million one-character strings
#   objects-unknown   the same with {}: 5.6 million empty objects
#   keys-distinct     an unknown key holding {"0":0,"1":0,...}: 1.6 million members
#   zeros-languages   "languages": [0,0,...]: 8 million values, each a wrong language tag
#   cap-*             just under the value limit (99,000 values): zeros as language tags
#                     (99,000 messages), 150-byte strings as language tags (15 MB), {} under
#                     an unknown key
#   many-lessons      a valid course: 8 modules of 1,000 one-line lessons and 100
#                     questions each (95,000 values, 1.4 MB, 16,000 lesson files)
# Prints one Markdown row per source and command: exit status, wall time, max RSS.
#   bash bench/source_memory.sh             COURSEPACK=build-c5/coursepack bash bench/source_memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
coursepack=$(realpath "${COURSEPACK:-build/coursepack}")
work=$(mktemp -d /tmp/coursepack-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, os, shutil, sys
work = sys.argv[1]
base = json.load(open("samples/example/course.json"))
limit = 16 * 1024 * 1024 - 4096

def course(name, text):
    shutil.copytree("samples/example", f"{work}/{name}")
    open(f"{work}/{name}/course.json", "w").write(text)

def huge(name, key, unit, count=None, brackets="[]"):
    c = json.loads(json.dumps(base))
    c[key] = "@@HUGE@@"
    text = json.dumps(c, ensure_ascii=False, indent=2)
    n = count if count is not None else (limit - len(text)) // (len(unit) + 1)
    body = ",".join(unit(i) if callable(unit) else unit for i in range(n))
    course(name, text.replace('"@@HUGE@@"', brackets[0] + body + brackets[1]))

huge("zeros-unknown", "x_unknown", "0")
huge("strings-unknown", "x_unknown", '"a"')
huge("objects-unknown", "x_unknown", "{}")
huge("keys-distinct", "x_unknown", lambda i: f'"{i:x}":0', count=1_600_000, brackets="{}")
huge("zeros-languages", "languages", "0")
huge("cap-zeros-languages", "languages", "0", count=99_000)
huge("cap-strings-languages", "languages", '"' + "x" * 150 + '"', count=99_000)
huge("cap-objects-unknown", "x_unknown", "{}", count=99_000)

# A valid course of many tiny lessons and questions.
c = json.loads(json.dumps(base))
out = f"{work}/many-lessons"
for language in ("en", "fr"):
    os.makedirs(f"{out}/lessons/{language}")
modules, lessons, questions = 8, 1000, 100
c["modules"] = []
for m in range(modules):
    module = {"id": f"m{m}", "title": {"en": f"M{m}", "fr": f"M{m}"}, "description": {"en": "d", "fr": "d"},
              "outcomes": ["LO1"], "lessons": [], "quiz": []}
    for l in range(lessons):
        for language in ("en", "fr"):
            open(f"{out}/lessons/{language}/m{m}l{l}.md", "w").write(f"# L{l}\n\nText {l}.\n")
        module["lessons"].append({"id": f"m{m}l{l}", "title": {"en": f"L{l}", "fr": f"L{l}"},
                                  "file": {"en": f"lessons/en/m{m}l{l}.md", "fr": f"lessons/fr/m{m}l{l}.md"}, "minutes": 1})
    for q in range(questions):
        module["quiz"].append({"id": f"q{q}", "tests": [f"m{m}l{q % lessons}"],
                               "prompt": {"en": f"Question {q}?", "fr": f"Question {q} ?"},
                               "choices": [{"text": {"en": f"Answer {a} to {q}", "fr": f"Reponse {a} a {q}"},
                                            **({"correct": True} if a == 1 else {})} for a in range(4)],
                               "feedback": {"en": "f", "fr": "f"}})
    c["modules"].append(module)
c["workload"] = {"online_minutes": modules * lessons, "self_study_minutes": 0, "live_minutes": 30}
c["duration_minutes"] = modules * lessons + 30
c["live_sessions"][0]["after_module"] = "m0"
c["assessment"]["questions_per_module"] = questions
open(f"{out}/course.json", "w").write(json.dumps(c, ensure_ascii=False))
PY

echo "| source | course.json | command | exit | wall (s) | peak RSS (MiB) |"
echo "|---|---:|---|---:|---:|---:|"
for source in zeros-unknown strings-unknown objects-unknown keys-distinct zeros-languages \
              cap-zeros-languages cap-strings-languages cap-objects-unknown many-lessons; do
  size=$(stat -c %s "$work/$source/course.json")
  for command in validate build; do
    rm -rf "$work/out"
    args=("$command" "$work/$source")
    [[ $command == build ]] && args+=(-q -o "$work/out")
    status=0
    /usr/bin/time -v -o "$work/time.txt" "$coursepack" "${args[@]}" >/dev/null 2>&1 || status=$?
    [[ $status -ge 128 ]] && status="$status (signal)"
    wall=$(sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" |
      awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$work/time.txt")
    printf '| %s | %s | %s | %s | %s | %.1f |\n' "$source" "$size" "$command" "$status" "$wall" "$(echo "$rss / 1024" | bc -l)"
  done
done
