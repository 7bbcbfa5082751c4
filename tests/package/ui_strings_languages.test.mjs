// The player's interface in every official EU language (templates/strings/LANG.json):
// each file is valid JSON, has every key of en.json with the same placeholders, the
// plural forms its language needs (CLDR, through node's ICU), and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = join(root, 'templates', 'strings');
const languages = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ');
const pluralForms = ['zero', 'one', 'two', 'few', 'many', 'other'];

function read(language) {
  const file = join(folder, language + '.json');
  return { file, table: JSON.parse(readFileSync(file, 'utf8')) };
}

const placeholders = (text) => (text.match(/\{\w+\}/g) || []).slice().sort().join(' ');

// The forms a count in a course can take: those whole numbers up to 1000 reach. French,
// Spanish, Italian and Portuguese "many" only starts at a million, so it is not required
// (the player falls back to `_other`), only allowed.
function formsOf(language) {
  const rules = new Intl.PluralRules(language);
  const required = new Set();
  for (let n = 0; n <= 1000; ++n) required.add(rules.select(n));
  return { required, allowed: new Set(rules.resolvedOptions().pluralCategories) };
}

// Every problem of `table` (language `language`) against the English reference, as
// "file: key: message" lines; empty when the file is complete.
export function problems(language, table, en, file = language + '.json') {
  const out = [];
  const { required, allowed } = formsOf(language);
  // A count is a key with both `_one` and `_other` in English (kind_other is a session kind).
  const families = new Set(Object.keys(en).filter((k) => k.endsWith('_other') && k.slice(0, -6) + '_one' in en)
    .map((k) => k.slice(0, -6)));
  const known = new Set();
  for (const key of Object.keys(en)) {
    const family = [...families].find((f) => key === f + '_one' || key === f + '_other');
    if (family) {
      if (key.endsWith('_other')) continue;  // the family is checked once, at its `_one`
      for (const form of allowed) {
        const name = family + '_' + form;
        known.add(name);
        if (!(name in table)) {
          if (required.has(form)) out.push(`${file}: ${name}: missing (the ${form} form of ${language})`);
          continue;
        }
        const reference = en[family + (form === 'one' ? '_one' : '_other')];
        if (placeholders(table[name]) !== placeholders(reference))
          out.push(`${file}: ${name}: placeholders ${placeholders(table[name]) || 'none'}, English has ${placeholders(reference) || 'none'}`);
      }
      continue;
    }
    known.add(key);
    if (!(key in table)) { out.push(`${file}: ${key}: missing`); continue; }
    if (placeholders(table[key]) !== placeholders(en[key]))
      out.push(`${file}: ${key}: placeholders ${placeholders(table[key]) || 'none'}, English has ${placeholders(en[key]) || 'none'}`);
  }
  // A copy of en.json passes every check above: most strings must differ from English
  // ("DigComp {id}: {name}", "Online" or "{n} min" may stay as they are).
  const english = [...known].filter((k) => k in table && k in en && table[k] === en[k]);
  if (language !== 'en' && english.length > Object.keys(en).length / 10)
    out.push(`${file}: ${english.length} strings are the English text (untranslated?): ${english.slice(0, 5).join(', ')}...`);
  for (const [key, text] of Object.entries(table)) {
    if (!known.has(key)) out.push(`${file}: ${key}: not a key of en.json`);
    else if (typeof text !== 'string' || text.trim() === '') out.push(`${file}: ${key}: empty`);
    else if (/[<>]/.test(text)) out.push(`${file}: ${key}: HTML in a text (the page escapes it)`);
  }
  return out;
}

const en = read('en').table;

test('every official EU language has a strings file, and only those are there', () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  assert.deepEqual(files, languages);
});

test('templates/CMakeLists.txt embeds every strings file', () => {
  const cmake = readFileSync(join(root, 'templates', 'CMakeLists.txt'), 'utf8');
  for (const language of languages) assert.match(cmake, new RegExp(`strings/${language}\\.json`), language);
});

for (const language of languages) {
  test(`${language}: every key of en.json, its plural forms, the same placeholders`, () => {
    const { file, table } = read(language);
    assert.deepEqual(problems(language, table, en, file), []);
    assert.ok(table.language_name, `${file}: language_name`);
  });
}

test('the check catches a missing key, a missing plural form, a changed placeholder, an unknown key', () => {
  const pl = read('pl').table;
  const { points_few, ...withoutFew } = pl;
  assert.ok(points_few);
  assert.deepEqual(problems('pl', withoutFew, en), ['pl.json: points_few: missing (the few form of pl)']);
  const { lesson_of, ...withoutKey } = pl;
  assert.ok(lesson_of);
  assert.deepEqual(problems('pl', withoutKey, en), ['pl.json: lesson_of: missing']);
  assert.deepEqual(problems('pl', { ...pl, lesson_of: 'Lekcja {n} z {count}' }, en),
    ['pl.json: lesson_of: placeholders {count} {n}, English has {n} {total}']);
  assert.deepEqual(problems('pl', { ...pl, points_two: '{n} punkty' }, en), ['pl.json: points_two: not a key of en.json']);
  assert.match(problems('pl', { ...en, ...Object.fromEntries(Object.entries(pl).filter(([k]) => !(k in en))) }, en)[0],
    /^pl\.json: \d+ strings are the English text/);
  // A form only a million reaches (French "many") may be left out; Polish "many" may not.
  assert.deepEqual(problems('fr', read('fr').table, en), []);
});

// The player's cp.tn (templates/player/common.js) over a page of `language`: the strings are
// what module_pages.cc writes, the one language's file.
function playerCount(language, key, n) {
  const strings = read(language).table;
  const document = { documentElement: { lang: language }, querySelector: () => ({ textContent: JSON.stringify(strings) }) };
  const context = vm.createContext({ window: {}, document, Intl });
  vm.runInContext(readFileSync(join(root, 'templates', 'player', 'common.js'), 'utf8'), context);
  return context.window.coursepack.tn(key, n);
}

test('the player says a count in the plural form of the page language', () => {
  assert.equal(playerCount('pl', 'points', 1), '1 punkt');
  assert.equal(playerCount('pl', 'points', 3), '3 punkty');
  assert.equal(playerCount('pl', 'points', 5), '5 punktów');
  assert.equal(playerCount('pl', 'points', 22), '22 punkty');
  assert.equal(playerCount('sl', 'points', 2), '2 točki');
  assert.equal(playerCount('lv', 'points', 10), '10 punktu');
  assert.equal(playerCount('ga', 'points', 8), '8 bpointe');
  // French has no `_many` (a million): the player falls back to `_other`.
  assert.equal(playerCount('fr', 'points', 1000000), playerCount('fr', 'points', 2).replace('2', '1000000'));
});
