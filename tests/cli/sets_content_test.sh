#!/usr/bin/env bash
# The SETS lessons fill the declared time: every lesson has at least 400 words in each
# language, the lesson minutes of each course add up to its workload.online_minutes, and
# each course.json stays small (under 200 KB: no padding).
#
# Only the authored languages (fr, en) are held to 400 words: a translated one (a
# translations/LANG.json from `coursepack xliff import`, e.g. the Slovak of sets-2) is as
# long as a faithful translation is (Slovak has no articles), and `status` checks it instead.
#
# Words are runs of letters and digits (Unicode), so no-break spaces and punctuation
# never count; the country markers (<!-- country: FR -->, <!-- /country -->) and link
# addresses (https://..., [text](address)) are left out: they are not reading.
set -u
source "$(dirname "$0")/assert.sh"

report=$(python3 - <<'PY'
import glob, json, os, re
for path in sorted(glob.glob('samples/sets/*/course.json')):
    folder = os.path.dirname(path)
    course = json.load(open(path, encoding='utf-8'))
    size = os.path.getsize(path)
    print(f"size {path} {size}")
    total = 0
    for module in course['modules']:
        for lesson in module['lessons']:
            minutes = lesson.get('minutes')
            print(f"minutes {course['id']}/{lesson['id']} {minutes if minutes is not None else 'none'}")
            total += minutes or 0
            for language, file in sorted(lesson['file'].items()):
                if os.path.exists(os.path.join(folder, 'translations', language + '.json')):
                    continue
                text = open(os.path.join(folder, file), encoding='utf-8').read()
                text = re.sub(r'<!--.*?-->', ' ', text, flags=re.S)
                text = re.sub(r'\]\([^)]*\)', '] ', text)
                text = re.sub(r'<?https?://[^\s>)]+>?', ' ', text)
                words = len(re.findall(r'[^\W_]+', text))
                print(f"words {course['id']}/{lesson['id']}/{language} {words}")
    print(f"online {course['id']} {total} {course['workload']['online_minutes']}")
PY
)
check "python read the three courses" test "$(grep -c '^online ' <<<"$report")" -eq 3

lessons=0
while read -r kind what a b; do
  case $kind in
    size) check "$what is under 200 KB ($a bytes)" test "$a" -lt 200000 ;;
    minutes) check "$what gives its minutes" test "$a" != none ;;
    words)
      lessons=$((lessons + 1))
      check "$what has at least 400 words ($a)" test "$a" -ge 400 ;;
    online) check_equal "$what: lesson minutes add up to workload.online_minutes" "$b" "$a" ;;
  esac
done <<<"$report"
check "every lesson of the 3 courses in 2 languages (found $lessons files)" test "$lessons" -ge 92
finish
