#!/usr/bin/env bash
# Hostile course folders that cannot live in samples/broken/ (a FIFO, links to devices or
# loops, names that are not UTF-8): each gets a clear message and a non-zero exit, in
# bounded time, and `build` writes nothing. Cases a git tree can hold are in samples/broken/.
set -u
coursepack=$1
source "$(dirname "$0")/assert.sh"

course() {  # course NAME: a copy of samples/example in $scratch/NAME
  rm -rf "${scratch:?}/$1" && cp -r samples/example "$scratch/$1"
}
# validate within 20 s (a hang is the bug), standard error only
validate() { timeout 20 "$coursepack" validate "$@" 2>&1 >/dev/null; }

# course.json opened like a lesson: regular file, inside the course, bounded.
course fifo && rm "$scratch/fifo/course.json" && mkfifo "$scratch/fifo/course.json"
check_equal "a FIFO course.json is refused, not read forever" \
  "$scratch/fifo/course.json:1:1: is not a regular file
1 problem found" "$(validate "$scratch/fifo")"

course zero && ln -sf /dev/zero "$scratch/zero/course.json"
check_equal "course.json linked to /dev/zero is refused" \
  "$scratch/zero/course.json:1:1: is a link leading outside the course folder
1 problem found" "$(validate "$scratch/zero")"

course big && head -c $((16 * 1024 * 1024 + 1)) /dev/zero | tr '\0' ' ' >>"$scratch/big/course.json"
check_equal "a course.json over 16 MB is refused" \
  "$scratch/big/course.json:1:1: is larger than 16 MB
1 problem found" "$(validate "$scratch/big")"

course loop && rm "$scratch/loop/course.json" && ln -s course.json "$scratch/loop/course.json"
check_equal "a course.json that links to itself says so" \
  "$scratch/loop/course.json:1:1: cannot be read: a symbolic link loop
1 problem found" "$(validate "$scratch/loop")"

# Lessons: a link loop and a FIFO are not "does not exist".
course lessons
ln -sf managers.md "$scratch/lessons/lessons/en/managers.md"
rm "$scratch/lessons/lessons/fr/length.md" && mkfifo "$scratch/lessons/lessons/fr/length.md"
messages=$(validate "$scratch/lessons")
check "a lesson link loop says so" grep -q 'lesson file "lessons/en/managers.md" cannot be read: a symbolic link loop$' <<<"$messages"
check "a FIFO lesson is not a regular file" grep -q 'lesson file "lessons/fr/length.md" is not a regular file$' <<<"$messages"
timeout 20 "$coursepack" build "$scratch/lessons" -o "$scratch/out" >/dev/null 2>&1
check_equal "build refuses them" 1 "$?"
check "build wrote nothing" test ! -e "$scratch/out"

# A lesson nobody may read (root reads anything: only checked as another user).
if ((EUID != 0)); then
  course unreadable && chmod 000 "$scratch/unreadable/lessons/en/length.md"
  check "an unreadable lesson says so" grep -q 'lesson file "lessons/en/length.md" cannot be read: permission denied$' \
    <<<"$(validate "$scratch/unreadable")"
fi

# --json escapes any bytes: a folder name that is not UTF-8 is no abort (exit 134).
weird=$scratch/$'caf\xe9'
cp -r samples/example "$weird"
json=$(timeout 60 "$coursepack" validate --json "$weird" 2>/dev/null)
check_equal "validate --json on a non-UTF-8 folder exits 0" 0 "$?"
check "its output is JSON" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$json"
rm "$weird/course.json" && printf '{"format": 2}' >"$weird/course.json"
json=$(timeout 60 "$coursepack" validate --json "$weird" 2>/dev/null)
check_equal "validate --json with problems exits 1" 1 "$?"
check "the file name holds U+FFFD" python3 -c 'import json,sys; assert "caf\ufffd/course.json" in json.loads(sys.argv[1])["diagnostics"][0]["file"]' "$json"
out=$scratch/$'out\xff'
json=$(timeout 120 "$coursepack" build --json samples/example -o "$out" 2>/dev/null)
check_equal "build --json to a non-UTF-8 -o path exits 0" 0 "$?"
check "build's output is JSON" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$json"

# 99,000 wrong values (just under the value limit): one message each, but only the first
# 1,000 are kept and listed (they took 104 MiB kept); the count still says them all.
course many && python3 - "$scratch/many/course.json" <<'PY2'
import json, sys
course = json.load(open(sys.argv[1]))
course["languages"] = [0] * 99000
open(sys.argv[1], "w").write(json.dumps(course))
PY2
messages=$(validate "$scratch/many")
check_equal "validate lists the first 1,000 messages and one line for the rest" 1002 "$(wc -l <<<"$messages")"
rest=$(sed -nE 's/^.*many\/course.json: \.\.\. and ([0-9]+) more problems not listed \(only the first 1000 of a file are\)$/\1/p' <<<"$messages")
check "the line for the rest counts them" test "${rest:-0}" -ge 98000
check_equal "the summary counts every problem" "$((1000 + ${rest:-0})) problems found" "$(tail -1 <<<"$messages")"
timeout 20 "$coursepack" validate --json "$scratch/many" >"$scratch/many.json" 2>/dev/null
check "--json gives the rest as a count" python3 -c '
import json, sys
listed = json.load(open(sys.argv[1]))["diagnostics"]
assert len(listed) == 1001 and listed[-1]["omitted"] > 90000 and "line" not in listed[-1], listed[-1]' "$scratch/many.json"

finish
