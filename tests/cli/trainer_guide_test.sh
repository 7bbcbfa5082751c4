#!/usr/bin/env bash
# `coursepack build --trainer-guide`: one guide per course and language beside the packages,
# written all or nothing with them; the credits reach imsmanifest.xml, valid against the
# SCORM 1.2 schemas, and tincan.xml.
set -u
coursepack=$1
source "$(dirname "$0")/assert.sh"

# samples/example with the plans, credits and certification of the package tests' fixture.
course="$scratch/course"
cp -r samples/example "$course"
python3 - "$course/course.json" tests/package/fixtures/programme.json <<'PY'
import json, sys
course = json.load(open(sys.argv[1]))
del course['$schema']
course.update(json.load(open(sys.argv[2])))
open(sys.argv[1], 'w').write(json.dumps(course, ensure_ascii=False, indent=2))
PY
check_equal "the programme course validates under --strict" "$course/course.json: ok" \
  "$("$coursepack" validate --strict "$course" 2>&1)"

"$coursepack" build -q --trainer-guide "$course" -o "$scratch/out"
check_equal "build --trainer-guide exit code" 0 "$?"
check "an English guide" test -s "$scratch/out/example_trainer-guide_en.html"
check "a French guide" test -s "$scratch/out/example_trainer-guide_fr.html"
check "the packages too" test -s "$scratch/out/example_passwords_fr_scorm12.zip"
check "the French guide is in French" grep -q '<html lang="fr">' "$scratch/out/example_trainer-guide_fr.html"
listed=$("$coursepack" build "$course" --json --trainer-guide --lang=fr --format=xapi -o "$scratch/json" |
  python3 -c 'import json,sys; print(*[p["file"] + ":" + p["format"] for p in json.load(sys.stdin)["packages"]])')
check_equal "--json lists the guide, -l picks its language" \
  "example_passwords_fr_xapi.zip:xapi example_trainer-guide_fr.html:guide" "$listed"

rm -rf "$scratch/out"
"$coursepack" build -q "$course" -o "$scratch/out"
check "without --trainer-guide, no guide" test ! -e "$scratch/out/example_trainer-guide_en.html"

# All or nothing: with a course that fails, neither packages nor guides are written.
rm -rf "$scratch/out"
cp -r samples/broken/session-agenda-sum "$scratch/broken"
"$coursepack" build -q --trainer-guide "$course" "$scratch/broken" -o "$scratch/out" 2>/dev/null
check_equal "a broken course fails the build" 1 "$?"
check "and nothing is written" test ! -e "$scratch/out"

# Credits in the manifests.
"$coursepack" build "$course" -q --lang=en -o "$scratch/out"
mkdir -p "$scratch/s" "$scratch/x"
(cd "$scratch/s" && unzip -q ../out/example_passwords_en_scorm12.zip)
(cd "$scratch/x" && unzip -q ../out/example_passwords_en_xapi.zip)
if xmllint --noout --schema templates/scorm12/scorm12.xsd "$scratch/s/imsmanifest.xml" 2>"$scratch/xmllint.log"; then
  pass
else
  fail "imsmanifest.xml with rights and lifecycle is invalid"
  cat "$scratch/xmllint.log"
fi
check_equal "LOM rights: restrictions apply" "yes" \
  "$(xmllint --xpath 'string(//*[local-name()="copyrightandotherrestrictions"]/*[local-name()="value"]/*[local-name()="langstring"])' "$scratch/s/imsmanifest.xml")"
check_equal "tincan.xml: the licence extension" "https://creativecommons.org/licenses/by-sa/4.0/" \
  "$(xmllint --xpath 'string(//*[local-name()="extension"][@key="https://coursepack.dev/xapi/extensions/license"])' "$scratch/x/tincan.xml")"

finish
