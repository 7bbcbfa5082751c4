#!/usr/bin/env bash
# Country variants end to end (docs/translating.md, "Country variants"): samples/variants is
# French with a Belgian region variant. The fr-BE packages hold the Belgian text where the
# course gives one and the French elsewhere, and say fr-BE; the fr packages never show a
# Belgian variant; `status` lists the passage left to adapt, as text and JSON; bad tags and
# markers are located errors; variant blocks are not XLIFF units.
set -u
source "$(dirname "$0")/assert.sh"
coursepack=$1
course=samples/variants

check "the sample validates with --strict" "$coursepack" validate --strict "$course"

"$coursepack" build "$course" --quiet -o "$scratch/out" >/dev/null
mkdir -p "$scratch/be" "$scratch/fr"
unzip -q "$scratch/out/variants_donnees_fr-BE_scorm12.zip" -d "$scratch/be"
unzip -q "$scratch/out/variants_donnees_fr_scorm12.zip" -d "$scratch/fr"
be=$(cat "$scratch/be/index.html")
fr=$(cat "$scratch/fr/index.html")
has() { grep -qF -- "$2" <<<"$1"; }
check "fr-BE page: lang=fr-BE" has "$be" '<html lang="fr-BE"'
check "fr-BE page: the variant replaces the French passage" has "$be" "notification se fait avec le formulaire"
check "fr-BE page: the French passage it replaces is gone" bash -c '! grep -qF "la notification se fait en ligne" "$1"' _ "$scratch/be/index.html"
check "fr-BE page: a passage without a variant stays French" has "$be" "La CNIL publie un guide"
check "fr-BE page: the kept passage is there" has "$be" "Les fiches pratiques de la CNIL"
check "fr-BE page: its own lesson file" has "$be" "loi du 30 juillet 2018"
check "fr-BE page: its own texts from course.json" has "$be" "Les données des membres"
check "fr-BE page: inherited texts from course.json" has "$be" "En cas de fuite"
check "fr-BE page: French interface strings" has "$be" "Test de positionnement"
check "fr-BE manifest: language fr-BE" grep -qF "<imsmd:language>fr-BE</imsmd:language>" "$scratch/be/imsmanifest.xml"
mkdir -p "$scratch/bex"
unzip -q "$scratch/out/variants_donnees_fr-BE_xapi.zip" -d "$scratch/bex"
check "fr-BE xAPI package: tincan.xml launches fr-BE" grep -qF '<launch lang="fr-BE">index.html</launch>' "$scratch/bex/tincan.xml"
check "fr-BE xAPI package: the plan's language (xAPI context.language) is fr-BE" grep -qx "language fr-BE" "$scratch/bex/index.html"
check "fr page: lang=fr" has "$fr" '<html lang="fr"'
check "fr page: the French passage" has "$fr" "la notification se fait en ligne"
check "fr page: no Belgian variant" bash -c '! grep -qF "notification se fait avec le formulaire" "$1"' _ "$scratch/fr/index.html"
check "fr page: the French lesson file" has "$fr" "loi Informatique et libertés"
check "no marker reaches a page" bash -c '! grep -qE "country:|variant:|keep:" "$1" "$2"' _ "$scratch/be/index.html" "$scratch/fr/index.html"

# status: what Belgium still has to adapt.
expected="variants: source language fr, 26 units
fr-BE: region variant of fr, written by hand (no translations/fr-BE.json): not tracked; what it does not give is inherited from fr
  BE: 1 country-specific passage carries another country's content:
    samples/variants/lessons/fr/fuite.md:22:1: passage of lesson fuite is written for FR: no <!-- variant: fr-BE --> or <!-- keep: fr-BE --> after it"
check_equal "status lists the passage left for BE" "$expected" "$("$coursepack" status "$course")"
json=$("$coursepack" status "$course" --json)
check_equal "status --json" "fr-BE BE 1 lessons/fr/fuite.md 22 FR" \
  "$(python3 -c 'import json,sys; l=json.loads(sys.argv[1])["languages"][0]; p=l["country_passages"]; print(l["language"], l["country"], len(p), p[0]["file"], p[0]["line"], p[0]["country"])' "$json")"

# The same course read for Switzerland: the marked lesson and question, and every passage.
# (the passage with a Belgian variant and the lesson with a Belgian file stay adapted for fr-BE)
check_equal "status --country fr-BE=CH lists the question and the passage" "2" \
  "$("$coursepack" status "$course" --country fr-BE=CH | grep -c 'is written for FR')"
check_equal "a bad --country is a usage error" "2" "$("$coursepack" status "$course" --country be >/dev/null 2>&1; echo $?)"

# SETS: English names no single country; given one, the French passages are listed.
sets=$("$coursepack" status samples/sets/sets-1)
check "sets-1 status: en needs a country" has "$sets" 'country-specific passages not checked: "en" is spoken in several countries'
check "sets-1 status --country en=IE lists the lesson 1-3-1 mark" has \
  "$("$coursepack" status samples/sets/sets-1 --country en=IE)" "/modules/2/lessons/0: lesson 1-3-1 is written for FR, not adapted for IE"

# Located errors: a tag with a lowercase region, a marker never closed.
cp -r "$course" "$scratch/bad"
sed -i 's/"languages": \["fr", "fr-BE"\]/"languages": ["fr", "fr-be"]/' "$scratch/bad/course.json"
check_equal "a lowercase region is a located error" \
  "$scratch/bad/course.json:6:23: /languages/1: the region \"be\" is written in capitals: \"fr-BE\"" \
  "$("$coursepack" validate "$scratch/bad" 2>&1 | grep languages)"
cp "$course/course.json" "$scratch/bad/course.json"
printf '\n<!-- country: FR -->\n\nUn passage sans fin.\n' >>"$scratch/bad/lessons/fr/cadre.md"
check_equal "an unclosed marker is located in the lesson" \
  "$scratch/bad/lessons/fr/cadre.md:9:1: <!-- country: FR --> is never closed: end the passage with <!-- /country -->" \
  "$("$coursepack" validate "$scratch/bad" 2>&1 | grep cadre.md)"

# XLIFF: the variant block is not a unit; export and import leave it in place.
"$coursepack" xliff export "$course" --to fr-BE -o "$scratch/be.xlf" >/dev/null
check "the variant block is not exported" bash -c '! grep -qF "APD" "$1"' _ "$scratch/be.xlf"
check "the passage it replaces is exported" grep -qF "la notification se fait en ligne" "$scratch/be.xlf"

finish
