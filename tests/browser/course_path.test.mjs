// The course-level path (issue 9, item 4): `build --per-course` makes one SCO for the whole
// of SETS course 2 (3 modules, 15 questions, 20 lessons). Played end to end with
// scorm-again as the LMS: one pre-test of every module with module 2-1 under the
// threshold and one question missed in 2-2, the required lessons across modules, a reload
// in the middle, the post-test; cmi.objectives per module, interactions named by module,
// status and score; axe-core on every screen; the screenshots of docs/course-path.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer, openLms, runAxe, unzipTo, formatViolations } from './harness.mjs';
import { repo, answerQuiz } from './packages.mjs';

const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');
const SCREENS_DIR = join(repo, 'docs/player-screens');

// The answer key from the course source, module after module, as the course plan orders it.
const course = JSON.parse(readFileSync(join(repo, 'samples/sets/sets-2/course.json'), 'utf8'));
const modules = course.modules.map((m) => ({
  id: m.id,
  lessons: m.lessons.map((l) => l.id),
  questions: m.quiz.map((q) => ({ id: q.id, tests: q.tests, key: q.choices.findIndex((c) => c.correct), choices: q.choices.length })),
}));
const questions = modules.flatMap((m) => m.questions.map((q) => ({ ...q, module: m.id })));
const lessons = modules.flatMap((m) => m.lessons.map((id) => ({ id, module: m.id })));
const key = questions.map((q) => q.key);
const wrongChoice = (q) => (questions[q].key + 1) % questions[q].choices;
const indexOf = (moduleId, questionId) => questions.findIndex((q) => q.module === moduleId && q.id === questionId);

// Pre-test: 2-1 gets 1 of 5 (20%, under the course's 40% threshold: all its lessons), 2-2
// misses q1 (80%: its lesson 2-2-1 only), 2-3 is all right (nothing).
const missedPre = new Set([...['q1', 'q2', 'q3', 'q4'].map((q) => indexOf('2-1', q)), indexOf('2-2', 'q1')]);
const pretest = key.map((k, q) => (missedPre.has(q) ? wrongChoice(q) : k));
const required = lessons.map((l) => l.module === '2-1' || l.id === '2-2-1');
// Post-test: 2-3 misses two (60%: failed), the others all right; 13 of 15 overall (86%: passed).
const missedPost = new Set([indexOf('2-3', 'q1'), indexOf('2-3', 'q2')]);
const posttest = key.map((k, q) => (missedPost.has(q) ? wrongChoice(q) : k));

let workDir, browser, server;
before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'coursepack-course-path-'));
  execFileSync(coursepack, ['build', join(repo, 'samples/sets/sets-2'), '-o', join(workDir, 'dist'), '--lang', 'en',
    '--per-course', '--quiet']);
  const dir = await unzipTo(join(workDir, 'dist', 'sets-2_en_scorm12.zip'), join(workDir, 'package'));
  browser = await launchBrowser();
  server = await startServer(dir);
});
after(async () => {
  await server?.close();
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const shown = (frame, screen) => frame.waitForSelector(`html.ready #screen-${screen}:not([hidden])`, { timeout: 15000 });
const texts = (frame, selector) => frame.$$eval(selector, (els) => els.map((el) => el.textContent.trim()));

async function checkScreen(lms, name) {
  const violations = await runAxe(lms.frame());
  assert.equal(violations.length, 0, `${name}: ${formatViolations(violations)}`);
  mkdirSync(SCREENS_DIR, { recursive: true });
  const frameElement = await lms.frame().frameElement();
  await frameElement.screenshot({ path: join(SCREENS_DIR, `course-path-${name}.png`) });
}

async function openLesson(frame, i) {
  await frame.click(`#lesson-menu a[data-lesson="${i}"]`);
  await frame.waitForSelector(`article[data-lesson="${i}"]:not([hidden])`);
}

test('the manifest has one SCO for the course, with the mastery score', () => {
  const manifest = readFileSync(join(workDir, 'package', 'imsmanifest.xml'), 'utf8');
  assert.equal((manifest.match(/<item /g) || []).length, 1);
  assert.equal((manifest.match(/<resource /g) || []).length, 1);
  assert.match(manifest, /<adlcp:masteryscore>80<\/adlcp:masteryscore>/);
  assert.match(manifest, /href="index.html"/);
});

test('the course-level path: pre-test of every module, lessons across modules, a reload, post-test, objectives', async () => {
  const first = await openLms(browser, server, { masteryScore: 80, studentName: 'Martin, Ada' });
  let frame = first.frame();
  await shown(frame, 'home');
  // Home: the modules with their lessons, and the per-module rule. (Titles as typeset.)
  const titles = await texts(frame, '#screen-home h3.home-module');
  assert.equal(titles.length, course.modules.length);
  titles.forEach((title, m) => assert.ok(title.startsWith(course.modules[m].title.en.slice(0, 8)), title));
  assert.equal((await frame.$$('#screen-home .lesson-list li')).length, lessons.length);
  assert.ok((await texts(frame, '#home-rules li')).some((line) => line.includes('below 40%')));
  await checkScreen(first, 'home');

  await frame.click('[data-action="start"]');
  await shown(frame, 'quiz');
  assert.deepEqual(await texts(frame, '#quiz-form h2.quiz-module'), titles);
  assert.equal((await frame.$$('#quiz-form fieldset')).length, questions.length);
  await checkScreen(first, 'pretest');
  await answerQuiz(frame, pretest);
  await shown(frame, 'results');
  // Per module: its percent and what it made required; the lessons grouped by module.
  const rows = await frame.$$eval('#results-modules tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows, [
    [titles[0], '20%', 'All: below 40%'],
    [titles[1], '80%', '1'],
    [titles[2], '100%', 'None'],
  ]);
  const groups = await frame.$$eval('#results-lessons > li', (items) => items.map((li) => li.querySelectorAll('li').length));
  assert.deepEqual(groups, [5, 1]);
  assert.equal(await frame.locator('#results-chart svg').count(), 1);
  await checkScreen(first, 'results');

  await frame.click('[data-action="lessons"]');  // opens the first required lesson, 2-1-1
  await shown(frame, 'lessons');
  assert.deepEqual(await texts(frame, '#lesson-menu h3.menu-module'), titles);
  await openLesson(frame, 1);
  await openLesson(frame, 2);
  await checkScreen(first, 'lessons');
  const view = await frame.evaluate(() => window.coursepackPlayer.view());
  assert.deepEqual(view.mandatory, required);
  assert.equal(view.lessons_left, 3);

  // Leave in the middle: the LMS keeps suspend_data, the pre-test's objectives and interactions.
  await first.unload();
  await first.waitForCall('LMSFinish');
  const saved = await first.committed();
  assert.equal(saved.core.exit, 'suspend');
  assert.equal(saved.core.lesson_status, 'incomplete');
  assert.equal(saved.core.lesson_location, 'lesson-3');
  assert.deepEqual(Object.values(saved.objectives).map((o) => [o.id, o.score.raw, o.status]),
    [['2-1', '20', 'incomplete'], ['2-2', '80', 'incomplete'], ['2-3', '100', 'incomplete']]);
  assert.ok(saved.suspend_data.length < 200, saved.suspend_data);
  assert.deepEqual(await first.errors(), []);
  await first.close();

  const second = await openLms(browser, server, { cmi: saved });
  frame = second.frame();
  await shown(frame, 'lessons');
  await frame.waitForSelector('article[data-lesson="2"]:not([hidden])');
  const resumed = await frame.evaluate(() => window.coursepackPlayer.view());
  assert.deepEqual(resumed.pretest, pretest);
  assert.deepEqual(resumed.viewed, lessons.map((_, i) => i < 3));
  assert.equal(resumed.lessons_left, 3);

  for (let i = 0; i < lessons.length; i++) if (required[i] && !resumed.viewed[i]) await openLesson(frame, i);
  await frame.click('[data-action="posttest"]');
  await shown(frame, 'quiz');
  await checkScreen(second, 'posttest');
  await answerQuiz(frame, posttest);
  await shown(frame, 'final');
  const finalRows = await frame.$$eval('#final-modules tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(finalRows, [
    [titles[0], '20%', '100%', '+80', 'Passed'],
    [titles[1], '80%', '100%', '+20', 'Passed'],
    [titles[2], '100%', '60%', '-40', 'Not passed yet'],
  ]);
  await frame.evaluate(() => document.querySelector('#final-modules').scrollIntoView());
  await checkScreen(second, 'final');

  const cmi = await second.cmi();
  assert.equal(cmi.core.lesson_status, 'passed');
  assert.equal(cmi.core.score.raw, '86');
  assert.deepEqual(Object.values(cmi.objectives).map((o) => [o.id, o.score.raw, o.score.min, o.score.max, o.status]), [
    ['2-1', '100', '0', '100', 'passed'],
    ['2-2', '100', '0', '100', 'passed'],
    ['2-3', '60', '0', '100', 'failed'],
  ]);
  const interactions = Object.values(cmi.interactions);
  const expected = (phase, answers) => questions.map((q, i) => ({
    id: `${phase}_${q.module}_${q.id}`,
    result: answers[i] === q.key ? 'correct' : 'wrong',
    objectives: [q.module, ...q.tests],
  }));
  assert.deepEqual(interactions.map((x) => ({ id: x.id, result: x.result, objectives: Object.values(x.objectives).map((o) => o.id) })),
    [...expected('pre', pretest), ...expected('post', posttest)]);
  assert.deepEqual(await second.errors(), []);
  await second.close();
});
