// Layout (issue 8, points 3, 5 and 8): no horizontal scrolling at 320 px on any screen of
// any SETS module, in French and in English; and the screenshots of docs/player.md
// (docs/player-screens/), taken here so they show the player as built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer, unzipTo } from './harness.mjs';
import { repo, answerQuiz } from './packages.mjs';

const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');
const COURSES = ['sets-1', 'sets-2', 'sets-3'];
const SCREENS_DIR = join(repo, 'docs/player-screens');

let browser, server, workDir;
const modules = [];  // {course, module, language, path, key, wrong}
before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'coursepack-layout-'));
  for (const course of COURSES) {
    const source = JSON.parse(readFileSync(join(repo, 'samples/sets', course, 'course.json'), 'utf8'));
    for (const language of ['fr', 'en']) {
      const dist = join(workDir, 'dist', course, language);
      execFileSync(coursepack, ['build', join(repo, 'samples/sets', course), '-o', dist, '--lang', language, '--quiet']);
      for (const module of source.modules) {
        const name = `${course}_${module.id}_${language}_scorm12`;
        await unzipTo(join(dist, `${name}.zip`), join(workDir, 'www', name));
        const key = module.quiz.map((q) => q.choices.findIndex((c) => c.correct));
        modules.push({ course, module, language, path: name, key, wrong: key.map((k, q) => (k + 1) % module.quiz[q].choices.length) });
      }
    }
  }
  browser = await launchBrowser();
  server = await startServer(join(workDir, 'www'));
});
after(async () => {
  await server?.close();
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const ready = (page, screen) => page.waitForSelector(`html.ready #screen-${screen}:not([hidden])`, { timeout: 15000 });
const click = (page, selector) => page.evaluate((s) => document.querySelector(s).click(), selector);

// The elements that stick out on the right, for the failure message.
async function overflow(page, where) {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length)
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`);
  });
  assert.deepEqual(wide, [], `${where}: wider than the screen`);
}

// Every screen, in the order a learner meets them (this browser's storage, no LMS).
async function walk(page, m, visit) {
  // From the start, whatever ran before: storage is cleared from a page of the same origin
  // that is not the player (a player page would save its state again as it unloads).
  await page.goto(`${server.url}/package/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}/package/${m.path}/index.html`);
  await ready(page, 'home');
  await visit('home');
  await page.click('[data-action="start"]');
  await ready(page, 'quiz');
  await visit('pretest');
  await answerQuiz(page.mainFrame(), m.wrong);
  await ready(page, 'results');
  await visit('results');
  await page.click('[data-action="lessons"]');
  await ready(page, 'lessons');
  for (let i = 0; i < m.module.lessons.length; i++) {
    await click(page, `#lesson-menu a[data-lesson="${i}"]`);
    await page.waitForSelector(`article[data-lesson="${i}"]:not([hidden])`);
    await visit(`lesson ${i + 1}`);
  }
  await click(page, '[data-action="posttest"]');
  await ready(page, 'quiz');
  await visit('posttest');
  await answerQuiz(page.mainFrame(), m.key);
  await ready(page, 'final');
  await visit('final');
}

test('no screen of any SETS module is wider than a 320 px phone, in French and English', async () => {
  assert.equal(modules.length, 20);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  for (const m of modules) {
    await walk(page, m, async (screen) => {
      await overflow(page, `${m.path} ${screen}`);
      if (screen.startsWith('lesson')) {
        // The lesson menu, opened, fits too.
        await page.evaluate(() => { document.querySelector('#lesson-menu-box').open = true; });
        await overflow(page, `${m.path} ${screen}, menu open`);
        await page.evaluate(() => { document.querySelector('#lesson-menu-box').open = false; });
      }
    });
  }
  await page.close();
});

test('screenshots of every screen for docs/player.md (French, desktop 1280 and phone 375)', async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const m = modules.find((x) => x.course === 'sets-2' && x.module.id === '2-1' && x.language === 'fr');
  for (const [device, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 740 }]]) {
    const context = browser.context;
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await walk(page, m, async (screen) => {
      if (screen.startsWith('lesson') && screen !== 'lesson 2') return;
      const name = screen === 'lesson 2' ? 'lessons' : screen;
      if (name === 'final') await page.evaluate(() => document.querySelector('#final-status').scrollIntoView());
      await page.screenshot({ path: join(SCREENS_DIR, `${name}-${device}.png`) });
      if (name === 'home') {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.screenshot({ path: join(SCREENS_DIR, `home-dark-${device}.png`) });
        await page.emulateMedia({ colorScheme: 'light' });
      }
    });
    await page.close();
  }
  const files = readdirSync(SCREENS_DIR).filter((f) => f.endsWith('.png')).sort();
  for (const name of ['home', 'home-dark', 'pretest', 'results', 'lessons', 'posttest', 'final'])
    for (const device of ['desktop', 'phone']) assert.ok(files.includes(`${name}-${device}.png`), `${name}-${device}.png`);
});
