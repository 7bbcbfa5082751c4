// The cohort report page (`coursepack report`) in headless Chromium: axe-core finds no
// WCAG 2.1 A/AA violation, the page makes no request (everything is inline), it fits A4
// when printed, and it works with scripts off. Also saves docs/report-example.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startServer, runAxe, formatViolations } from './harness.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const coursepack = process.env.COURSEPACK ? resolve(process.env.COURSEPACK) : join(repo, 'build/coursepack');

let dir, browser, server;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coursepack-report-page-'));
  // A cohort on SETS course 2, small enough that some partner groups fall below 5.
  const statements = join(dir, 'cohort.jsonl');
  const made = spawnSync(coursepack, ['simulate', 'samples/sets/sets-2', '--learners', '160', '--seed', '2026', '-o', statements, '-q'],
    { cwd: repo, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const csv = join(dir, 'groups.csv');
  // One learner moved to a pilot cohort of one: the page must show counts only there.
  const first = JSON.parse((await import('node:fs')).readFileSync(statements, 'utf8').split('\n')[0]).actor.account;
  (await import('node:fs')).writeFileSync(csv, `learner,cohort\n"${first.homePage}|${first.name}",pilot\n`);
  // Run in the folder, so that the page names its input "cohort.jsonl".
  const reported = spawnSync(coursepack, ['report', 'cohort.jsonl', '--course', join(repo, 'samples/sets/sets-2'),
    '--groups', 'groups.csv', '--title', 'SETS course 2: cohort report (simulated learners)', '-o', 'report', '-q'],
  { cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1795000000' } });
  assert.equal(reported.status, 0, reported.stderr);
  browser = await launchBrowser();
  server = await startServer(join(dir, 'report'));
});
after(async () => {
  await server?.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('report.html: no axe violation, no request but the page itself', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/package/report.html`);
  const violations = await runAxe(page.mainFrame());
  assert.equal(violations.length, 0, formatViolations(violations));
  assert.deepEqual(browser.blocked, []);
  const asked = server.requests.map((r) => r.path).filter((path) => path !== '/favicon.ico' && !path.startsWith('/vendor/'));
  assert.deepEqual(asked, ['/package/report.html']);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // Every chart has a text alternative, every table a caption.
  assert.equal(await page.locator('svg[role="img"]:not(:has(title))').count(), 0);
  assert.equal(await page.locator('table:not(:has(caption))').count(), 0);
  assert.ok(await page.locator('svg[role="img"]').count() >= 5);
  // The pilot cohort of one: counts only, said why.
  const pilotRow = page.locator('#by-cohort ~ table tr', { hasText: 'pilot' }).first();
  assert.doesNotMatch(await pilotRow.innerText(), /%/);
  assert.match(await page.locator('section.group').first().innerText(), /fewer than 5 learners, so only counts are shown/);

  await page.setViewportSize({ width: 1100, height: 1800 });
  await page.screenshot({ path: join(repo, 'docs/report-example.png'), clip: { x: 0, y: 0, width: 1100, height: 1800 } });
  await page.close();
});

test('report.html prints on A4 and needs no script', async () => {
  const context = await browser.context.browser()?.newContext({ javaScriptEnabled: false }) ?? browser.context;
  const page = await context.newPage();
  await page.goto(`${server.url}/package/report.html`);
  await page.emulateMedia({ media: 'print' });
  // A4 at 96 dpi is 794 px wide; less 15 mm margins each side leaves about 680 px.
  await page.setViewportSize({ width: 680, height: 1000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than A4 in print`);
  assert.ok(await page.locator('section.module h2').count() === 3);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  await page.close();
});
