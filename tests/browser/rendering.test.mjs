// Lesson rendering in the browser: a GFM table and a packaged image show, a long code line
// scrolls inside its own focusable region, an external link opens a new window and leaves
// the course (and its LMS session) in place; and no screen of any SETS module, in any
// language, scrolls sideways at 320 CSS pixels (WCAG 2.1 SC 1.4.10, reflow).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { launchBrowser, startServer, openLms, runAxe, formatViolations, unzipTo } from './harness.mjs';
import { repo, answerQuiz } from './packages.mjs';

const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');
const workDir = mkdtempSync(join(tmpdir(), 'coursepack-rendering-'));

// A real 40x30 PNG (solid blue), so the test can tell a decoded image from a broken one.
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);  // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([11, 79, 138]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const LONG_LINE = `curl --header "Authorization: Basic ${'x'.repeat(180)}" https://lrs.example.org/xAPI/statements`;

// samples/example with its first English lesson extended by a table, an image, a long code
// line and an external link.
function buildExample() {
  const course = join(workDir, 'course');
  cpSync(join(repo, 'samples/example'), course, { recursive: true });
  mkdirSync(join(course, 'lessons/en/images'));
  writeFileSync(join(course, 'lessons/en/images/chart.png'), png(40, 30));
  appendFileSync(
    join(course, 'lessons/en/length.md'),
    [
      '',
      '## Guesses by length',
      '',
      '| Characters | Guesses needed |',
      '|---|--:|',
      '| 8 | 6 × 10^15 |',
      '| 15 | 10^29 |',
      '',
      '![A blue chart of guesses by length](images/chart.png)',
      '',
      '```',
      LONG_LINE,
      '```',
      '',
      'Read [the NCSC advice](https://www.ncsc.gov.uk/collection/top-tips-for-staying-secure-online) on passwords.',
      '',
    ].join('\n'),
  );
  execFileSync(coursepack, ['build', course, '-o', join(workDir, 'dist'), '--lang', 'en', '--quiet']);
  return JSON.parse(readFileSync(join(course, 'course.json'), 'utf8'));
}

let browser, server, key;
before(async () => {
  const course = buildExample();
  key = course.modules[0].quiz.map((q) => q.choices.findIndex((c) => c.correct));
  const zip = readdirSync(join(workDir, 'dist')).find((f) => f.endsWith('_en_scorm12.zip'));
  const dir = await unzipTo(join(workDir, 'dist', zip), join(workDir, 'package'));
  browser = await launchBrowser();
  server = await startServer(dir);
});
after(async () => {
  await server?.close();
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

// Home, pre-test, then the first lesson.
async function openFirstLesson(frame) {
  await frame.waitForSelector('html.ready #screen-home:not([hidden])');
  await frame.click('[data-action="start"]');
  await frame.waitForSelector('#screen-quiz:not([hidden])');
  await answerQuiz(frame, key);
  await frame.waitForSelector('#screen-results:not([hidden])');
  await frame.click('[data-action="lessons"]');
  await frame.evaluate(() => document.querySelector('#lesson-menu a[data-lesson="0"]').click());
  await frame.waitForSelector('article[data-lesson="0"]:not([hidden])');
}

test('a table, a packaged image and a long code line render in the LMS frame', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  const frame = lms.frame();
  await openFirstLesson(frame);
  const lesson = frame.locator('article[data-lesson="0"]');

  assert.deepEqual(await lesson.locator('.table-region table th').allInnerTexts(), ['Characters', 'Guesses needed']);
  assert.equal(await lesson.locator('.table-region table tbody tr').count(), 2);
  assert.equal(await lesson.locator('.table-region').getAttribute('tabindex'), '0');

  const image = lesson.locator('img[alt="A blue chart of guesses by length"]');
  assert.equal(await image.getAttribute('src'), 'media/lessons/en/images/chart.png');
  await frame.waitForFunction(() => document.querySelector('article img')?.complete);
  assert.deepEqual(await image.evaluate((img) => [img.naturalWidth, img.naturalHeight]), [40, 30]);

  const code = lesson.locator('.code-region');
  assert.equal(await code.getAttribute('tabindex'), '0');
  assert.equal(await code.getAttribute('role'), 'region');
  assert.ok(await code.getAttribute('aria-label'));
  assert.equal((await code.locator('code').innerText()).trimEnd(), LONG_LINE);

  // At 320 px the code region scrolls; the page does not.
  await lms.page.setViewportSize({ width: 320, height: 700 });
  const widths = await frame.evaluate(() => {
    const region = document.querySelector('article[data-lesson="0"] .code-region');
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      region: region.scrollWidth - region.clientWidth,
    };
  });
  assert.ok(widths.page <= 0, `the lesson scrolls sideways by ${widths.page}px at 320px`);
  assert.ok(widths.region > 0, 'the long code line scrolls inside its region');
  await code.focus();
  await code.press('End');

  const violations = await runAxe(frame, { context: 'article[data-lesson="0"]' });
  assert.equal(violations.length, 0, formatViolations(violations));
  assert.deepEqual(server.notFound(), []);
  assert.deepEqual(await lms.errors(), []);
  await lms.close();
});

test('an external link opens a new window and leaves the course in place', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  const frame = lms.frame();
  await openFirstLesson(frame);
  const link = frame.locator('article[data-lesson="0"] a[href^="https://www.ncsc.gov.uk/"]');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await link.locator('.visually-hidden').innerText(), '(opens in a new window)');

  const courseUrl = frame.url();
  const [popup] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
  // The harness's Chromium reaches nothing but 127.0.0.1: the new window's request is
  // refused, which is enough to show where it went.
  await popup.waitForLoadState().catch(() => {});
  assert.ok(browser.blocked.some((url) => url.startsWith('https://www.ncsc.gov.uk/')), browser.blocked.join('\n'));
  assert.notEqual(popup, lms.page);
  assert.equal(await popup.evaluate(() => window.opener), null);  // noopener

  assert.equal(frame.url(), courseUrl);
  assert.ok(await frame.locator('article[data-lesson="0"]').isVisible());
  assert.equal(await lms.state(), 'initialized');
  assert.ok(!(await lms.calls()).some((c) => c.fn === 'LMSFinish'), 'the course was not finished');
  await popup.close();
  await lms.close();
});

// --- Every SETS module, every language, every screen at 320 px ---------------------------

const sets = join(workDir, 'sets');
execFileSync(coursepack, ['build', join(repo, 'samples/sets'), '-o', sets, '--format', 'scorm12', '--quiet']);
const setsZips = readdirSync(sets).filter((f) => f.endsWith('_scorm12.zip')).sort();

function answerKey(courseId, moduleId) {
  const course = JSON.parse(readFileSync(join(repo, 'samples/sets', courseId, 'course.json'), 'utf8'));
  const module = course.modules.find((m) => m.id === moduleId);
  return {
    lessons: module.lessons.length,
    key: module.quiz.map((q) => q.choices.findIndex((c) => c.correct)),
    wrong: module.quiz.map((q) => (q.choices.findIndex((c) => c.correct) + 1) % q.choices.length),
  };
}

test('SETS: 23 module packages, 10 modules in French and English, course 2 also in Slovak', () => {
  assert.equal(setsZips.length, 23, setsZips.join(' '));
  assert.equal(setsZips.filter((zip) => zip.includes('_sk_')).length, 3);
});

for (const zip of setsZips) {
  test(`no horizontal overflow at 320 px on any screen of ${zip}`, async () => {
    const [courseId, moduleId] = zip.split('_');
    const { lessons, key: right, wrong } = answerKey(courseId, moduleId);
    const dir = await unzipTo(join(sets, zip), join(workDir, 'unzipped', zip));
    const moduleServer = await startServer(dir);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    const overflows = [];
    const check = async (screen) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) overflows.push(`${screen}: ${overflow}px`);
    };
    try {
      await page.goto(`${moduleServer.url}/package/index.html`);
      await page.waitForSelector('html.ready #screen-home:not([hidden])');
      await check('home');
      await page.click('[data-action="start"]');
      await page.waitForSelector('#screen-quiz:not([hidden])');
      await check('pre-test');
      await answerQuiz(page.mainFrame(), wrong);  // every lesson recommended
      await page.waitForSelector('#screen-results:not([hidden])');
      await check('results');
      await page.click('[data-action="lessons"]');
      for (let i = 0; i < lessons; i++) {
        await page.evaluate((n) => document.querySelector(`#lesson-menu a[data-lesson="${n}"]`).click(), i);
        await page.waitForSelector(`article[data-lesson="${i}"]:not([hidden])`);
        await check(`lesson ${i + 1}`);
      }
      await page.evaluate(() => document.querySelector('[data-action="posttest"]').click());
      await page.waitForSelector('#screen-quiz:not([hidden])');
      await check('post-test');
      await answerQuiz(page.mainFrame(), right);
      await page.waitForSelector('#screen-final:not([hidden])');
      await check('final');
      assert.deepEqual(overflows, []);
      assert.deepEqual(moduleServer.notFound(), []);
    } finally {
      await page.close();
      await moduleServer.close();
    }
  });
}
