#!/usr/bin/env bash
# coursepack attendance end to end: a trainer's list and a Zoom export become
# `attended` statements (-o), bad rows are located and nothing is written. Sending
# through the LRS queue is in tests/lrs/report_lrs.test.mjs (a real LRS).
set -u
coursepack=$1
source "$(dirname "$0")/assert.sh"
course=samples/sets/sets-2

printf '\xef\xbb\xbfemail;session;date;name\r\njane.doe@example.org;launch;2026-09-07;Jane Doe\r\nbob@example.org;final;2026-12-01;\r\n' \
  >"$scratch/list.csv"
summary=$("$coursepack" attendance "$course" "$scratch/list.csv" -o "$scratch/list.jsonl" --json)
check_equal "trainer's list: exit code" 0 "$?"
check_equal "trainer's list: summary" \
  "{\"course\":\"sets-2\",\"format\":\"trainer\",\"statements\":2,\"not_counted\":0,\"output\":\"$scratch/list.jsonl\"}" "$summary"
check_equal "trainer's list: one statement per line" 2 "$(wc -l <"$scratch/list.jsonl")"
check_equal "statements file is private" 600 "$(stat -c %a "$scratch/list.jsonl")"
check "the session activity and the verb" \
  grep -q '"verb":{"id":"http://adlnet.gov/expapi/verbs/attended".*"id":"https://sets.socialgoodaccelerator.eu/xapi/sets-2/sessions/launch"' \
  "$scratch/list.jsonl"
"$coursepack" attendance "$course" "$scratch/list.csv" -o "$scratch/again.jsonl" --quiet
check "the same file again: the same bytes (ids derived)" cmp -s "$scratch/list.jsonl" "$scratch/again.jsonl"

cat >"$scratch/zoom.csv" <<'CSV'
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Jane Doe,jane.doe@example.org,09/07/2026 09:58:12 AM,09/07/2026 11:30:00 AM,92,No
Guest,,09/07/2026 10:00:00 AM,09/07/2026 11:30:00 AM,90,Yes
CSV
message=$("$coursepack" attendance "$course" "$scratch/zoom.csv" -o "$scratch/zoom.jsonl" 2>&1)
check_equal "Zoom without --session: exit code" 1 "$?"
check_equal "Zoom without --session: message" \
  "$scratch/zoom.csv:1:1: a Zoom participants export names no session: give it with --session ID
coursepack attendance: nothing written or sent: fix the rows above" "$message"
message=$("$coursepack" attendance "$course" "$scratch/zoom.csv" --session midpoint --zone +02:00 -o "$scratch/zoom.jsonl" 2>&1 >/dev/null)
check_equal "Zoom: exit code" 0 "$?"
check_equal "Zoom: the guest is noted" "$scratch/zoom.csv:3:7: no e-mail: \"Guest\" not counted" "$message"
check "Zoom: duration and local time" grep -q '"result":{"duration":"PT1H32M"}.*"timestamp":"2026-09-07T09:58:12+02:00"' "$scratch/zoom.jsonl"

printf 'learner,session,date\njane.doe@example.org,lunch,2026-09-07\njdoe,launch,7/9/2026\n' >"$scratch/bad.csv"
message=$("$coursepack" attendance "$course" "$scratch/bad.csv" -o "$scratch/bad.jsonl" 2>&1)
check_equal "bad rows: exit code" 1 "$?"
check_equal "bad rows: located" \
  "$scratch/bad.csv:2:22: no live session \"lunch\" in course sets-2 (its sessions: launch, midpoint, final)
$scratch/bad.csv:3:1: \"jdoe\" is not an e-mail address; for accounts give --account-home URL
$scratch/bad.csv:3:13: \"7/9/2026\" is not a date (2026-09-07, or ISO 8601 with a zone)
coursepack attendance: nothing written or sent: fix the rows above" "$message"
check "bad rows: nothing written" test ! -e "$scratch/bad.jsonl"

"$coursepack" attendance "$course" "$scratch/list.csv" --zone 2h -o "$scratch/x.jsonl" 2>/dev/null
check_equal "a bad --zone is a usage error" 2 "$?"

finish
