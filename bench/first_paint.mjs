#!/usr/bin/env node
// How soon a learner can start: a built SETS package's home screen in headless Chromium,
// next to a static page of the same bytes, alternating, each load in a fresh browser
// context (nothing cached), served over loopback HTTP.
//
//   node bench/first_paint.mjs [--runs 15] [--cpu 1] [--lang fr] [--module 2-1]
//
// Env: COURSEPACK (default build/coursepack). Needs `bash .ci/setup tests` (Chromium and
// tests/browser's playwright-core).
//
// What is measured, per load, from navigation start (performance.now()):
//   first paint, first contentful paint   Chromium's paint timing entries.
//   start visible        the home screen's start button has a box and is not disabled.
//   start usable         also the player is ready (main.js puts class "ready" on <html>):
//                        a click starts the pre-test at once. main.js keeps a click made
//                        before that and acts on it when ready, so "visible" is when a
//                        learner can press; "usable" when the press shows its result.
// The static page is the package's index.html with every <script src> made inert (type
// text/plain: never fetched nor run), served beside it: the same HTML, stylesheet and
// content, no runtime. The goal (issue 8): start usable within 1.5 times the static
// page's first paint. --cpu N slows the CPU N times (Chromium's throttling, as a phone).
// Prints medians, and min-max, over the runs.

import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_ARGS, CHROMIUM_PATH, unzipTo } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(ROOT, 'tests/browser/package.json'))('playwright-core');
const COURSEPACK = path.resolve(ROOT, process.env.COURSEPACK ?? 'build/coursepack');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const RUNS = Number(option('runs', 15));
const CPU = Number(option('cpu', 1));
const LANG = option('lang', 'fr');
const MODULE = option('module', '2-1');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

function serve(dir) {
  const server = createServer((request, response) => {
    const file = path.join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(dir + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Runs in the page before its own scripts: records the paint entries and the first
// frames at which the start button is visible, and the player ready.
function observe() {
  const marks = (window.__firstPaint = {});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks[entry.name] ??= entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  function check() {
    const button = document.querySelector('[data-action="start"]');
    const box = button && button.getBoundingClientRect();
    const visible = box && box.width > 0 && box.height > 0 && !button.disabled && getComputedStyle(button).visibility === 'visible';
    if (visible) marks.startVisible ??= performance.now();
    if (visible && document.documentElement.classList.contains('ready')) marks.startUsable ??= performance.now();
    if (marks.startUsable === undefined) requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
}

async function load(browser, url, wantUsable) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (CPU > 1) (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await page.addInitScript(observe);
  await page.goto(url, { waitUntil: 'load' });
  const done = wantUsable ? 'window.__firstPaint.startUsable !== undefined' : "window.__firstPaint['first-contentful-paint'] !== undefined";
  await page.waitForFunction(done, null, { timeout: 30000 });
  const marks = await page.evaluate(() => window.__firstPaint);
  await context.close();
  return marks;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'coursepack-first-paint-'));
let server, browser;
try {
  execFileSync(COURSEPACK, ['build', path.join(ROOT, 'samples/sets/sets-2'), '-o', path.join(work, 'dist'), '--lang', LANG, '--quiet']);
  const dir = await unzipTo(path.join(work, 'dist', `sets-2_${MODULE}_${LANG}_scorm12.zip`), path.join(work, 'package'));
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  writeFileSync(path.join(dir, 'static.html'), html.replaceAll('<script src=', '<script type="text/plain" src='));
  server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  await load(browser, base + 'index.html', true);  // warm-up: the OS file cache, Chromium's first start
  const results = { player: [], static: [] };
  for (let run = 0; run < RUNS; run++) {
    results.player.push(await load(browser, base + 'index.html', true));
    results.static.push(await load(browser, base + 'static.html', false));
  }
  const row = (name, list, key) => {
    const values = list.map((m) => m[key]).filter((v) => v !== undefined);
    return values.length ? `${name.padEnd(28)} ${median(values).toFixed(0).padStart(6)} ms  (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})` : null;
  };
  console.log(`${RUNS} runs each, CPU slowdown ${CPU}x, sets-2 ${MODULE} (${LANG}), Chromium headless, loopback HTTP`);
  console.log('median (min-max) from navigation start');
  for (const line of [
    row('static: first paint', results.static, 'first-paint'),
    row('static: first contentful', results.static, 'first-contentful-paint'),
    row('player: first paint', results.player, 'first-paint'),
    row('player: first contentful', results.player, 'first-contentful-paint'),
    row('player: start visible', results.player, 'startVisible'),
    row('player: start usable', results.player, 'startUsable'),
  ]) if (line) console.log(line);
  const ratio = median(results.player.map((m) => m.startUsable)) / median(results.static.map((m) => m['first-paint']));
  console.log(`start usable / static first paint: ${ratio.toFixed(2)} (goal <= 1.5)`);
} finally {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
}
