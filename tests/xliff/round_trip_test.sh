#!/usr/bin/env bash
# `coursepack xliff` end to end: a round trip into the source language changes no byte of
# any SETS course (nor of its packages), exports are valid XLIFF 2.0 core, and a new
# language imported, then a French paragraph edited, is seen by `status`.
set -u
coursepack=$1
source "$(dirname "$0")/../cli/assert.sh"
fill="python3 $(dirname "$0")/fill_targets.py"
schema=tests/xliff/schemas/xliff_core_2.0.xsd
valid() { xmllint --noout --schema $schema "$1" 2>/dev/null; }

# Into the source language with targets = sources: every file of the course stays as it is.
for course in samples/sets/sets-1 samples/sets/sets-2 samples/sets/sets-3 samples/example; do
  name=$(basename $course)
  cp -r $course "$scratch/$name"
  language=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['languages'][0])" $course/course.json)
  "$coursepack" xliff export "$scratch/$name" --to "$language" -o "$scratch/$name.xlf" >/dev/null
  check_equal "$name: export exit code" 0 $?
  check "$name: the export is valid XLIFF 2.0 core" valid "$scratch/$name.xlf"
  $fill "$scratch/$name.xlf" "$scratch/$name-filled.xlf"
  check "$name: the filled file is valid too" valid "$scratch/$name-filled.xlf"
  output=$("$coursepack" xliff import "$scratch/$name-filled.xlf" --course "$scratch/$name" 2>&1)
  check_equal "$name: import exit code" 0 $?
  check_equal "$name: import changes nothing" "nothing changed" "$(tail -1 <<<"$output")"
  check "$name: every file identical" diff -r $course "$scratch/$name"
done

# The packages too: built before and after a round trip whose lesson files are rewritten
# (each block re-serialised from its target), compared zip by zip.
"$coursepack" build -q samples/sets/sets-2 -o "$scratch/before" >/dev/null 2>&1
check_equal "packages before: build exit code" 0 $?
"$coursepack" build -q "$scratch/sets-2" -o "$scratch/after" >/dev/null 2>&1
check_equal "packages after: build exit code" 0 $?
zips=0
for zip in "$scratch"/before/*.zip; do
  zips=$((zips + 1))
  check "$(basename "$zip") is byte-identical after the round trip" cmp -s "$zip" "$scratch/after/$(basename "$zip")"
done
check "sets-2 built packages ($zips)" test "$zips" -ge 4

# A new language: every unit translated, the course valid, status complete.
course="$scratch/sets-2"
"$coursepack" xliff export "$course" --to sk -o "$scratch/sk.xlf" >/dev/null
check "the sk export is valid XLIFF 2.0 core" valid "$scratch/sk.xlf"
$fill "$scratch/sk.xlf" "$scratch/sk-done.xlf" "[sk] "
"$coursepack" xliff import "$scratch/sk-done.xlf" --course "$course" >/dev/null
check_equal "import sk: exit code" 0 $?
check_equal "the course with sk validates" "$course/course.json: ok" "$("$coursepack" validate "$course" 2>&1)"
check "sk lesson written" grep -q '^## \[sk\] ' "$course/lessons/sk/2-1-1.md"
check "sk record written" test -f "$course/translations/sk.json"
status=$("$coursepack" status "$course")
check_equal "status: sk complete" 0 $?
# The country-specific passages under each language (docs/translating.md, "Country
# variants"; tests/cli/variants_test.sh) are not this test's: sk (SK) still has sets-2's
# French passages, en names no country.
check "status: sk lists the French passages left for SK" grep -q '^  SK: [0-9]* country-specific passages carry' <<<"$status"
translation_lines() { grep -v -e '^  country-specific passages not checked' -e '^  [A-Z][A-Z]: ' -e '^    '; }
status=$(translation_lines <<<"$status")
units=$(head -1 <<<"$status" | grep -o '[0-9]* units' | cut -d' ' -f1)
check_equal "status lines" "sets-2: source language fr, $units units
en: written by hand (no translations/en.json): not tracked
sk: $units translated, 0 stale, 0 missing (of $units units)" "$status"
"$coursepack" build -q "$course" --lang sk -o "$scratch/sk-packages" >/dev/null 2>&1
check_equal "sk packages build" 0 $?

# A French paragraph edited: exactly its unit is stale, in its file; the re-export carries
# the old translation as initial with the old source in a note.
python3 - "$course/lessons/fr/2-1-1.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
open(path, 'w', encoding='utf-8').write(text.replace('premier contact', 'tout premier contact', 1))
PY
status=$("$coursepack" status "$course")
check_equal "status after an edit: exit code" 1 $?
status=$(translation_lines <<<"$status")
check_equal "status after an edit" "sk: $((units - 1)) translated, 1 stale, 0 missing (of $units units)
  lessons/fr/2-1-1.md: 1 stale, 0 missing" "$(tail -2 <<<"$status")"
# validate says so (an error with --strict); build refuses the language unless asked.
validate=$("$coursepack" validate "$course" 2>&1)
check_equal "validate with a stale unit: exit code" 0 $?
check "validate warns that sk is incomplete" grep -q "course.json:[0-9]*:[0-9]*: /languages/2: warning\[translation-incomplete\]: sk: $((units - 1)) translated, 1 stale" <<<"$validate"
"$coursepack" validate --strict "$course" >/dev/null 2>&1
check_equal "validate --strict with a stale unit: exit code" 1 $?
refusal=$("$coursepack" build -q "$course" --lang sk -o "$scratch/sk-stale" 2>&1)
check_equal "build of an incomplete sk: exit code" 1 $?
check "build says why" grep -q "course sets-2 language sk is not completely translated" <<<"$refusal"
check "build wrote nothing" test ! -e "$scratch/sk-stale"
"$coursepack" build -q "$course" --lang sk --allow-incomplete -o "$scratch/sk-stale" >/dev/null 2>&1
check_equal "build --allow-incomplete: exit code" 0 $?
"$coursepack" xliff export "$course" --to sk -o "$scratch/sk-again.xlf" >/dev/null
check_equal "one unit initial in the re-export" 1 "$(grep -c '<segment state="initial">' "$scratch/sk-again.xlf")"
check "its note holds the old source" grep -q 'Old source: Votre site web est souvent le premier contact' "$scratch/sk-again.xlf"
check_equal "every other unit keeps its translation" $((units - 1)) "$(grep -c '<segment state="translated">' "$scratch/sk-again.xlf")"
finish
