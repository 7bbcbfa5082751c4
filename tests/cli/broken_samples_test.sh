#!/usr/bin/env bash
# Every samples/broken/<case> prints exactly its expected.txt, exits 1, and makes
# `build` write nothing.
set -u
coursepack=$1
source "$(dirname "$0")/assert.sh"

cases=0
for folder in samples/broken/*/; do
  folder=${folder%/}
  cases=$((cases + 1))
  actual=$("$coursepack" validate "$folder" 2>&1 >/dev/null)
  code=$?
  check_equal "$folder: messages" "$(cat "$folder/expected.txt")" "$actual"
  check_equal "$folder: exit code" 1 "$code"

  "$coursepack" build "$folder" -o "$scratch/out" >/dev/null 2>&1
  check_equal "$folder: build exit code" 1 "$?"
  check "$folder: build wrote nothing" test ! -e "$scratch/out"
done
check "at least 15 broken cases (found $cases)" test "$cases" -ge 15

# A catalog holding one broken course among good ones: all or nothing.
mkdir -p "$scratch/catalog"
cp -r samples/example "$scratch/catalog/good"
cp -r samples/broken/two-correct-answers "$scratch/catalog/bad"
"$coursepack" build "$scratch/catalog" -o "$scratch/out2" >/dev/null 2>&1
check_equal "mixed catalog: build exit code" 1 "$?"
check "mixed catalog: nothing written" test ! -e "$scratch/out2"
finish
