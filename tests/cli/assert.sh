# Tiny assertion helpers for the command-line tests; each test script sources this.
# Prints one line per failure and a closing "N passed, N failed" line.
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then pass; else fail "$what"; fi
}
check_equal() {  # check_equal DESCRIPTION EXPECTED ACTUAL
  if [[ "$2" == "$3" ]]; then pass; else
    fail "$1"
    diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -20
  fi
}
finish() {
  echo "$(basename "$0"): $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
