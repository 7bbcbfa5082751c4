// `coursepack report --lrs` against the real test LRS on 127.0.0.1: the report read
// from the LRS page by page equals the report of the same statements read from a file,
// a voided statement is left out (the LRS drops it; the file needs the second pass),
// and a file given twice counts each statement once. `attendance` sends through the
// queue and the report applies the course's certification rule.
//
//   node --test tests/lrs/report_lrs.test.mjs   ($COURSEPACK: the binary)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startLrs } from './lrs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const COURSEPACK = process.env.COURSEPACK ? path.resolve(process.env.COURSEPACK) : path.resolve(ROOT, 'build/coursepack');
const COURSE = path.join(ROOT, 'samples/sets/sets-2');

let lrs;
let dir;
before(async () => {
  lrs = await startLrs({ port: 0, key: 'coursepack', secret: 'secret' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'coursepack-report-lrs-'));
});
after(async () => {
  await lrs?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function env() {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    LANG: 'C.UTF-8',
    SOURCE_DATE_EPOCH: '1790000000',
    COURSEPACK_LRS_ENDPOINT: lrs.endpoint,
    COURSEPACK_LRS_KEY: 'coursepack',
    COURSEPACK_LRS_SECRET: 'secret',
  };
}

function coursepack(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(COURSEPACK, args, { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const show = (r) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

// The figures of a --json summary, without what depends on how they were read. Means
// are rounded: the LRS returns the newest first, so sums run in another order.
function figures(summary) {
  const { statements, skipped, skipped_by_reason, csv, html, certification_csv, ...rest } = summary;
  return JSON.parse(JSON.stringify(rest), (key, value) => (typeof value === 'number' ? Number(value.toPrecision(10)) : value));
}

async function report(args, name) {
  const out = path.join(dir, name);
  const r = await coursepack(['report', ...args, '--course', COURSE, '-o', out, '--json', '--quiet']);
  assert.equal(r.code, 0, show(r));
  return { summary: JSON.parse(r.stdout), out };
}

test('report --lrs equals the report of the same file; voided left out; repeats counted once', async () => {
  const cohort = path.join(dir, 'cohort.jsonl');
  let r = await coursepack(['simulate', COURSE, '--learners', '40', '--seed', '11', '-o', cohort, '--quiet']);
  assert.equal(r.code, 0, show(r));
  const statements = readFileSync(cohort, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

  // A learner with exactly one post-test of the first module, passed: voiding it takes one pass away.
  const posttests = new Map();
  for (const s of statements)
    if (s.object.id.endsWith('/posttest') && s.object.id.includes('/modules/2-1/'))
      posttests.set(s.actor.account.name, [...(posttests.get(s.actor.account.name) ?? []), s]);
  const [, [target]] = [...posttests].find(([, list]) => list.length === 1 && list[0].verb.id.endsWith('/passed'));
  const voiding = {
    id: '9d1a2b3c-0000-4000-8000-000000000001',
    actor: { objectType: 'Agent', mbox: 'mailto:coordinator@example.org' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: target.id },
  };

  const base = await report([cohort], 'base');
  r = await coursepack(['lrs', 'send', cohort, '--quiet']);
  assert.equal(r.code, 0, show(r));
  const fromLrs = await report(['--lrs', '--page', '37'], 'from-lrs');
  assert.deepEqual(figures(fromLrs.summary), figures(base.summary));
  assert.equal(fromLrs.summary.statements, statements.length);
  assert.equal(readFileSync(path.join(fromLrs.out, 'report.csv'), 'utf8'), readFileSync(path.join(base.out, 'report.csv'), 'utf8'));

  // The same file twice: every figure as once.
  const twice = await report([cohort, cohort], 'twice');
  assert.deepEqual(figures(twice.summary), figures(base.summary));
  assert.equal(twice.summary.statements, 2 * statements.length);

  // Voided: the LRS drops the target; a file with the voiding statement last needs the second pass.
  const voidingFile = path.join(dir, 'voiding.jsonl');
  writeFileSync(voidingFile, JSON.stringify(voiding) + '\n');
  r = await coursepack(['lrs', 'send', voidingFile, '--quiet']);
  assert.equal(r.code, 0, show(r));
  const voidedLrs = await report(['--lrs'], 'voided-lrs');
  const withVoiding = path.join(dir, 'cohort-voided.jsonl');
  writeFileSync(withVoiding, readFileSync(cohort));
  appendFileSync(withVoiding, JSON.stringify(voiding) + '\n');
  const voidedFile = await report([withVoiding], 'voided-file');
  const passed = (s) => s.modules.find((m) => m.id === '2-1').funnel.passed;
  assert.equal(passed(voidedFile.summary), passed(base.summary) - 1);
  assert.deepEqual(figures(voidedLrs.summary), figures(voidedFile.summary));
  assert.equal(voidedFile.summary.skipped_by_reason.voided, 1);
  assert.equal(voidedFile.summary.skipped_by_reason['voids another statement'], 1);
});

test('attendance through the queue, then the certification in the report', async () => {
  const csv = path.join(dir, 'attendance.csv');
  writeFileSync(csv, '\ufefflearner;session;date\n' +
    'https://learners.example.org|s11-000001;launch;2026-09-07\n' +
    'https://learners.example.org|s11-000001;final;2026-12-01\n' +
    'https://learners.example.org|s11-000002;launch;2026-09-07\n');
  let r = await coursepack(['attendance', COURSE, csv, '--json', '--quiet']);
  assert.equal(r.code, 0, show(r));
  const sent = JSON.parse(r.stdout);
  assert.equal(sent.statements, 3);
  assert.equal(sent.stored, 3);
  // Again: nothing new.
  r = await coursepack(['attendance', COURSE, csv, '--json', '--quiet']);
  assert.equal(r.code, 0, show(r));
  assert.equal(JSON.parse(r.stdout).new, 0);

  const { summary, out } = await report(['--lrs'], 'certification');
  const [course] = summary.certification;
  assert.equal(course.course, 'sets-2');
  const rows = readFileSync(path.join(out, 'certification.csv'), 'utf8').split('\r\n');
  const row = (who) => rows.find((line) => line.includes(`|${who},`));
  assert.match(row('s11-000001'), /,launch final,2,0,/);
  assert.match(row('s11-000002'), /,launch,2,1,/);
  assert.match(readFileSync(path.join(out, 'report.html'), 'utf8'), /Live sessions and certification/);
});
