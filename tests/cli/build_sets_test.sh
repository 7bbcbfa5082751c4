#!/usr/bin/env bash
# The SETS programme: validates clean, builds one SCORM 1.2 zip per module and language,
# every manifest valid against the SCORM 1.2 schemas, and builds are reproducible.
set -u
coursepack=$1
source "$(dirname "$0")/assert.sh"

output=$("$coursepack" validate samples/sets samples/example 2>&1)
check_equal "SETS and example validate clean" 0 "$?"
check_equal "validate lists each course" 4 "$(grep -c ': ok$' <<<"$output")"

# Expected package names, computed from the sources themselves.
expected=$(python3 - <<'PY'
import json, glob
for path in sorted(glob.glob('samples/sets/*/course.json')):
    c = json.load(open(path))
    for lang in c['languages']:
        for m in c['modules']:
            print(f"{c['id']}_{m['id']}_{lang}_scorm12.zip")
            print(f"{c['id']}_{m['id']}_{lang}_xapi.zip")
        print(f"{c['id']}_{lang}_scorm12.zip")
PY
)
"$coursepack" build samples/sets -o "$scratch/a" --per-course --quiet
check_equal "build exit code" 0 "$?"
check_equal "one package per module, language and format, plus one SCORM package per course" "$(sort <<<"$expected")" \
  "$(ls "$scratch/a" | sort)"
check "all three courses, both languages" test "$(grep -c _fr_ <<<"$expected")" -ge 13

for zip in "$scratch"/a/*_xapi.zip; do
  name=$(basename "$zip")
  rm -rf "$scratch/x" && mkdir "$scratch/x"
  unzip -q "$zip" -d "$scratch/x"
  check "$name: tincan.xml at the root" test -f "$scratch/x/tincan.xml"
  check_equal "$name: one launchable activity, launching index.html" "index.html" \
    "$(xmllint --xpath '//*[local-name()="launch"]/text()' "$scratch/x/tincan.xml")"
  check "$name: launch page present" test -f "$scratch/x/index.html"
  check "$name: no SCORM manifest" test ! -e "$scratch/x/imsmanifest.xml"
done

for zip in "$scratch"/a/*_scorm12.zip; do
  name=$(basename "$zip")
  rm -rf "$scratch/x" && mkdir "$scratch/x"
  unzip -q "$zip" -d "$scratch/x"
  check "$name: imsmanifest.xml at the root" test -f "$scratch/x/imsmanifest.xml"
  # Validate against the schemas the repository holds, not those inside the package.
  xmllint --noout --schema templates/scorm12/scorm12.xsd "$scratch/x/imsmanifest.xml" 2>"$scratch/xmllint.log"
  if [[ $? -eq 0 ]]; then pass; else fail "$name: manifest invalid"; cat "$scratch/xmllint.log"; fi
done

"$coursepack" build samples/sets -o "$scratch/b" --per-course --quiet
for zip in "$scratch"/a/*.zip; do
  check "$(basename "$zip") is byte-identical across builds" cmp -s "$zip" "$scratch/b/$(basename "$zip")"
done
finish
