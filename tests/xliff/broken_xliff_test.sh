#!/usr/bin/env bash
# Every samples/broken-xliff/<case>/file.xlf, imported into a copy of samples/example,
# prints exactly its expected.txt on standard error, exits 1 and writes nothing.
set -u
coursepack=$1
source "$(dirname "$0")/../cli/assert.sh"

cases=0
for folder in samples/broken-xliff/*/; do
  folder=${folder%/}
  cases=$((cases + 1))
  rm -rf "$scratch/course" && cp -r samples/example "$scratch/course"
  actual=$("$coursepack" xliff import "$folder/file.xlf" --course "$scratch/course" 2>&1 >/dev/null)
  code=$?
  check_equal "$folder: exit code" 1 "$code"
  check_equal "$folder: messages" "$(sed "s|COURSE|$scratch/course|g" "$folder/expected.txt")" "$actual"
  check "$folder: nothing written" diff -r samples/example "$scratch/course"
done
check "at least 10 broken XLIFF cases (found $cases)" test "$cases" -ge 10
finish
