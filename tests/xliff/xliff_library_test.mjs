// A real XLIFF library reads coursepack's export, edits it and writes it back, and
// coursepack imports what it wrote. The npm `xliff` package (6.4.0, its xliff2js/js2xliff
// for XLIFF 2.0) rewrites files its own way: it drops <originalData>, `state`, `original`
// and note categories, and indents inside <source>/<target> around inline codes.
// Run from the repository root with COURSEPACK set (ctest does both).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createRequire } from 'node:module';

const require = createRequire(path.resolve('tests/xliff/package.json'));
const { xliff2js, js2xliff } = require('xliff');
const coursepack = process.env.COURSEPACK;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coursepack-xliff-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

function run(...args) {
  const result = spawnSync(coursepack, args, { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Maps every text run of a segment (strings, and the contents of codes) through `edit`.
function mapText(content, edit) {
  if (typeof content === 'string') return edit(content);
  if (Array.isArray(content)) return content.map((item) => mapText(item, edit));
  const [kind, code] = Object.entries(content)[0];
  return { [kind]: 'contents' in code ? { ...code, contents: mapText(code.contents, edit) } : code };
}

async function throughLibrary(course, language, edit) {
  const exported = path.join(scratch, `${path.basename(course)}-${language}.xlf`);
  assert.equal(run('xliff', 'export', course, '--to', language, '-o', exported).code, 0);
  const js = await xliff2js(fs.readFileSync(exported, 'utf8'));
  let units = 0;
  for (const file of Object.values(js.resources))
    for (const unit of Object.values(file)) {
      unit.target = mapText(unit.source, edit);
      units += 1;
    }
  const written = path.join(scratch, `${path.basename(course)}-${language}-library.xlf`);
  fs.writeFileSync(written, await js2xliff(js));
  return { written, units };
}

test('a translation written by the library imports cleanly', async () => {
  const course = path.join(scratch, 'sets-2');
  fs.cpSync('samples/sets/sets-2', course, { recursive: true });
  const { written, units } = await throughLibrary(course, 'sk', (text) => (text.trim() ? text.replace(/\S/, (c) => `SK·${c}`) : text));
  const imported = run('xliff', 'import', written, '--course', course);
  assert.equal(imported.err, '');
  assert.equal(imported.code, 0);
  assert.match(imported.out, /assumed: \d+ targets carry no state; taken as translated/);
  assert.match(imported.out, new RegExp(`${units} targets imported into "sk"`));
  assert.equal(run('validate', course).code, 0);
  const status = run('status', course);
  assert.equal(status.code, 0);
  assert.match(status.out, new RegExp(`sk: ${units} translated, 0 stale, 0 missing`));
  const lesson = fs.readFileSync(path.join(course, 'lessons/sk/2-1-1.md'), 'utf8');
  assert.match(lesson, /^# SK·Collecte de données/);
  // (A marker, not "[sk]": text typed as "[sk](Matomo)" would be a link: targets are not escaped.)
  // Links keep their addresses; the library never saw them (codes' data stays in the course).
  assert.match(lesson, /- \[SK·Documentation de Matomo\]\(https:\/\/matomo\.org\/docs\/\)/);
});

test('targets equal to the sources, through the library, change no byte of the course', async () => {
  const course = path.join(scratch, 'sets-3');
  fs.cpSync('samples/sets/sets-3', course, { recursive: true });
  const { written } = await throughLibrary(course, 'fr', (text) => text);
  const imported = run('xliff', 'import', written, '--course', course);
  assert.equal(imported.code, 0, imported.err);
  assert.match(imported.out, /nothing changed\n$/);
  execFileSync('diff', ['-r', 'samples/sets/sets-3', course]);
});
