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
  '{"ok":false,"courses":0,"diagnostics":[{"file":"samples/broken/two-correct-answers/course.json","line":114,"column":22,"pointer":"/modules/0/quiz/0/choices","severity":"error","message":"2 choices are marked correct; a question needs exactly one"}]}' \
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
# Two packages of one name from two courses (issue 10): refused before anything is written.
mkdir -p "$scratch/collide"
cp -r samples/example "$scratch/collide/one"
cp -r samples/example "$scratch/collide/two"
sed -i '0,/"id": "example"/s//"id": "ex"/; s/"passwords"/"a_passwords"/g' "$scratch/collide/one/course.json"
sed -i '0,/"id": "example"/s//"id": "ex_a"/' "$scratch/collide/two/course.json"
message=$("$coursepack" build "$scratch/collide" -o "$scratch/out3" -l en -f xapi 2>&1)
check_equal "colliding package names exit code" 1 "$?"
check_equal "colliding package names message" \
  "coursepack build: two packages would both be named ex_a_passwords_en_xapi.zip: course ex module a_passwords (en, xapi) and course ex_a module passwords (en, xapi); rename a course or module id
nothing written" "$message"
check "colliding package names wrote nothing" test ! -e "$scratch/out3"

# A list that names one language or format twice builds each package once; a staging
# folder left by a killed build is removed and reported.
mkdir -p "$scratch/out4/.coursepack-staging-99999999"
message=$("$coursepack" build samples/example -o "$scratch/out4" -l en,en -f xapi,xapi --quiet 2>&1)
check_equal "repeated -l/-f exit code" 0 "$?"
check_equal "stale staging folder reported" \
  "coursepack build: removed $scratch/out4/.coursepack-staging-99999999, left by a build that stopped" "$message"
check_equal "repeated -l/-f build one package" "example_passwords_en_xapi.zip" "$(ls -A "$scratch/out4")"
finish
