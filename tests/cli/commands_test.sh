#!/usr/bin/env bash
# The command line itself: sub-commands, usage errors, output modes.
set -u
coursepack=$1
source "$(dirname "$0")/assert.sh"

check "committed course.schema.json is what \`coursepack schema\` prints" \
  diff -q <("$coursepack" schema) course.schema.json

message=$("$coursepack" buld 2>&1)
check_equal "unknown command exit code" 2 "$?"
check_equal "unknown command suggests" 'coursepack: unknown command "buld"; did you mean "build"?' \
  "$(head -1 <<<"$message")"

"$coursepack" validate >/dev/null 2>&1
check_equal "validate without a path is a usage error" 2 "$?"

message=$("$coursepack" validate "$scratch/nowhere" 2>&1)
check_equal "missing folder exit code" 1 "$?"
check_equal "missing folder message" "$scratch/nowhere:1:1: no such folder" "$(head -1 <<<"$message")"

mkdir "$scratch/empty"
check_equal "empty folder message" "$scratch/empty:1:1: no course.json here nor in its subfolders" \
  "$("$coursepack" validate "$scratch/empty" 2>&1 | head -1)"

# Two courses with one id in one catalog.
mkdir -p "$scratch/twins"
cp -r samples/example "$scratch/twins/one"
cp -r samples/example "$scratch/twins/two"
check_equal "duplicate course id" \
  "$scratch/twins/two/course.json:4:9: /id: course id \"example\" is already used by $scratch/twins/one/course.json" \
  "$("$coursepack" validate "$scratch/twins" 2>&1 | head -1)"

json=$("$coursepack" validate samples/broken/two-correct-answers --json 2>/dev/null)
check_equal "validate --json" \
  '{"ok":false,"courses":0,"diagnostics":[{"file":"samples/broken/two-correct-answers/course.json","line":114,"column":22,"pointer":"/modules/0/quiz/0/choices","message":"2 choices are marked correct; a question needs exactly one"}]}' \
  "$json"

json=$("$coursepack" build samples/example -o "$scratch/out" --json)
check_equal "build --json lists packages" \
  "example_passwords_en_scorm12.zip example_passwords_fr_scorm12.zip example_passwords_en_xapi.zip example_passwords_fr_xapi.zip" \
  "$(python3 -c 'import json,sys; print(" ".join(p["file"] for p in json.load(sys.stdin)["packages"]))' <<<"$json")"

check_equal "--quiet prints nothing" "" "$("$coursepack" build samples/example -o "$scratch/out" --quiet 2>&1)"

table=$("$coursepack" build samples/example -o "$scratch/out" --lang fr --format scorm12)
check "summary table names the package" grep -q '^example_passwords_fr_scorm12.zip  *passwords  *fr  *scorm12' <<<"$table"
check "summary line" grep -q '^1 packages from 1 courses written to' <<<"$table"

message=$("$coursepack" build samples/example -o "$scratch/out2" --lang de 2>&1)
check_equal "unknown language exit code" 2 "$?"
check_equal "unknown language message" 'coursepack build: no course has language "de"' "$message"
check "unknown language wrote nothing" test ! -e "$scratch/out2"
finish
