#!/usr/bin/env bash
# The build pipeline (issue 10): the same bytes whatever -j; package names that two
# courses would share, located by validate; every target checked before anything moves;
# staging folders of killed builds removed, those of live processes reported.
set -u
coursepack=$1
source "$(dirname "$0")/assert.sh"

# -j 1 and -j 3 write the same packages, byte for byte, and list them in the same order.
"$coursepack" build samples/sets --per-course --json -j 1 -o "$scratch/j1" >"$scratch/j1.json"
check_equal "-j 1 exit code" 0 "$?"
"$coursepack" build samples/sets --per-course --json -j 3 -o "$scratch/j3" >"$scratch/j3.json"
check_equal "-j 3 exit code" 0 "$?"
check_equal "-j 1 and -j 3 list the same packages" "$(sed 's/j1/jN/' "$scratch/j1.json")" "$(sed 's/j3/jN/' "$scratch/j3.json")"
check_equal "-j 1 and -j 3 write the same files" "$(ls -A "$scratch/j1")" "$(ls -A "$scratch/j3")"
for zip in "$scratch"/j1/*.zip; do
  check "$(basename "$zip") is byte-identical with -j 1 and -j 3" cmp -s "$zip" "$scratch/j3/$(basename "$zip")"
done
message=$("$coursepack" build samples/example -j 0 -o "$scratch/j0" 2>&1)
check_equal "-j 0 is a usage error" 2 "$?"
check "-j 0 wrote nothing" test ! -e "$scratch/j0"

# Course "ex" module "a_passwords" and course "ex_a" module "passwords": validate locates
# the clash at the later module's id and names the other (issue 10).
mkdir -p "$scratch/collide"
cp -r samples/example "$scratch/collide/one"
cp -r samples/example "$scratch/collide/two"
sed -i '0,/"id": "example"/s//"id": "ex"/; s/"passwords"/"a_passwords"/g' "$scratch/collide/one/course.json"
sed -i '0,/"id": "example"/s//"id": "ex_a"/' "$scratch/collide/two/course.json"
message=$("$coursepack" validate "$scratch/collide" 2>&1)
check_equal "validate: colliding package names exit code" 1 "$?"
check_equal "validate: colliding package names message" \
  "$scratch/collide/two/course.json:37:13: /modules/0/id: package ex_a_passwords_en_scorm12.zip of course ex_a module passwords would also be that of course ex module a_passwords ($scratch/collide/one/course.json:37:13); rename a course or module id
1 problem found" "$message"

# Course ids that differ only in letter case: their whole-course packages would be one
# file on macOS and Windows.
mkdir -p "$scratch/case"
cp -r samples/example "$scratch/case/one"
cp -r samples/example "$scratch/case/two"
sed -i '0,/"id": "example"/s//"id": "Example"/' "$scratch/case/two/course.json"
sed -i 's/"passwords"/"keys"/g' "$scratch/case/two/course.json"
message=$("$coursepack" validate "$scratch/case" 2>&1)
check_equal "validate: ids differing in case exit code" 1 "$?"
check_equal "validate: ids differing in case message" \
  "$scratch/case/two/course.json:4:9: /id: package Example_en_scorm12.zip of course Example (whole course, with --per-course) differs only in letter case from example_en_scorm12.zip of course example (whole course, with --per-course) ($scratch/case/one/course.json:4:9): one file on macOS and Windows; rename a course or module id
1 problem found" "$message"

# A folder where a package goes: found before anything is built or moved.
mkdir -p "$scratch/out1/example_passwords_fr_xapi.zip"
echo old >"$scratch/out1/example_passwords_en_xapi.zip"
message=$("$coursepack" build samples/example -f xapi -o "$scratch/out1" 2>&1)
check_equal "folder in the way exit code" 1 "$?"
check_equal "folder in the way message" \
  "coursepack build: $scratch/out1/example_passwords_fr_xapi.zip: a folder is where this package goes; nothing was written
nothing written" "$message"
check_equal "folder in the way: the old package untouched" old "$(cat "$scratch/out1/example_passwords_en_xapi.zip")"
check_equal "folder in the way: no staging folder left" \
  "example_passwords_en_xapi.zip example_passwords_fr_xapi.zip" "$(ls -A "$scratch/out1" | tr '\n' ' ' | sed 's/ $//')"

# A build killed (SIGKILL) while writing leaves its staging folder; the next build
# removes it and says so. A staging folder whose process still runs is left, and reported.
# 20 copies of the example make the build last long enough to be caught.
mkdir -p "$scratch/many"
for i in $(seq -w 1 20); do
  cp -r samples/example "$scratch/many/c$i"
  sed -i "0,/\"id\": \"example\"/s//\"id\": \"c$i\"/" "$scratch/many/c$i/course.json"
done
mkdir -p "$scratch/out2"
"$coursepack" build "$scratch/many" -j 1 -q -o "$scratch/out2" &
build=$!
for ((i = 0; i < 2000; i++)); do
  [[ -d "$scratch/out2/.coursepack-staging-$build" ]] && break
  sleep 0.005
done
kill -KILL "$build" 2>/dev/null
wait "$build" 2>/dev/null
if [[ -d "$scratch/out2/.coursepack-staging-$build" ]]; then
  pass
  check_equal "killed build published nothing" ".coursepack-staging-$build" "$(ls -A "$scratch/out2")"
  mkdir "$scratch/out2/.coursepack-staging-$$"  # this shell: a live process
  message=$("$coursepack" build samples/example -q -f xapi -l en -o "$scratch/out2" 2>&1)
  check_equal "build after a killed one exit code" 0 "$?"
  check_equal "stale staging folder removed, live one reported" \
    "coursepack build: left $scratch/out2/.coursepack-staging-$$ alone: process $$ still runs (another build?); remove it once that build is over
coursepack build: removed $scratch/out2/.coursepack-staging-$build, left by a build that stopped" \
    "$(sort <<<"$message")"
  check_equal "build after a killed one: its package and the live folder" \
    ".coursepack-staging-$$ example_passwords_en_xapi.zip" "$(ls -A "$scratch/out2" | tr '\n' ' ' | sed 's/ $//')"
else
  fail "the build ended before it could be killed while staging (make the catalog bigger)"
fi
finish
