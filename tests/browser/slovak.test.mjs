// The Slovak translation of SETS course 2 (issue 11, item 7), imported from XLIFF
// (docs/translating.md), played end to end in module 2-2 with scorm-again as the LMS: the
// page is Slovak, its interface strings are templates/strings/sk.json's (with the three
// Slovak plural forms of "n lessons left"), the lessons are the Slovak ones, the
// interactions are recorded, axe-core finds nothing. Takes the screenshots of
// docs/translating.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLms, runAxe, formatViolations } from './harness.mjs';
import { repo, setsModule, servePackage, answerQuiz } from './packages.mjs';

const MODULE = '2-2';  // 7 lessons: all required after a failed pre-test, so 6, 5 … 1 are left
const { module, lessons, key, wrong } = setsModule(MODULE);
const sk = JSON.parse(readFileSync(join(repo, 'templates/strings/sk.json'), 'utf8'));
const fr = JSON.parse(readFileSync(join(repo, 'templates/strings/fr.json'), 'utf8'));
const lessonSource = (id) => readFileSync(join(repo, `samples/sets/sets-2/lessons/sk/${id}.md`), 'utf8');

let served, browser, server;
before(async () => {
  served = await servePackage(MODULE, 'sk');
  ({ browser, server } = served);
});
after(async () => served?.close());

const shown = (frame, screen) => frame.waitForSelector(`html.ready #screen-${screen}:not([hidden])`, { timeout: 15000 });
// Typography puts no-break spaces where the strings file has plain ones (before "%").
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();
const text = async (frame, selector) => plain(await frame.locator(selector).innerText());
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

async function checkAxe(frame, screen) {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${screen}: ${formatViolations(violations)}`);
}

// "Zostáva 1 povinná lekcia", "Zostávajú 4 povinné lekcie", "Zostáva 5 povinných lekcií".
function leftLine(n) {
  if (n === 0) return sk.step_none_left;
  const form = n === 1 ? 'one' : n <= 4 ? 'few' : 'other';
  return fill(sk[`step_left_${form}`], { n });
}

test('Slovak module 2-2 end to end: Slovak interface, lessons and plural forms, interactions recorded', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80, studentName: 'Nováková, Jana' });
  const frame = lms.frame();
  await shown(frame, 'home');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'sk');
  assert.equal(await text(frame, '#home-title'), plain(module.title.sk));
  assert.equal(await text(frame, '[data-action="start"] >> nth=0'), sk.start_pretest);
  assert.equal(await frame.getAttribute('nav.steps', 'aria-label'), sk.steps_label);
  assert.equal(await text(frame, '.steps li[data-step="posttest"]'), sk.step_name_posttest);
  assert.equal(await text(frame, '#steps-left'), sk.step_home);
  // The language notice: Slovak named in Slovak, the course's other languages in theirs.
  assert.equal(await text(frame, '.language-notice'),
    `${fill(sk.language_notice, { language: 'slovenčina' })} · ${fill(sk.language_also, { languages: 'français, English' })}`);
  assert.deepEqual(await frame.$$eval('.language-notice span[lang]', (s) => s.map((e) => [e.lang, e.textContent])),
    [['fr', 'français'], ['en', 'English']]);
  // Only Slovak interface strings: none of the French ones this screen would show.
  const body = plain(await frame.locator('body').innerText());
  for (const key of ['start_pretest', 'how_it_works', 'step_home']) assert.ok(!body.includes(plain(fr[key])), key);
  await checkAxe(frame, 'home');
  await lms.page.screenshot({ path: join(repo, 'docs/player-screens/sk-home.png') });

  // A failed pre-test: below 40 %, every lesson is required.
  await frame.click('[data-action="start"]');
  await shown(frame, 'quiz');
  assert.equal(await text(frame, '#quiz-title'), sk.pretest_title);
  await checkAxe(frame, 'pre-test');
  await answerQuiz(frame, wrong);
  await shown(frame, 'results');
  assert.equal(await text(frame, '#results-score'), fill(sk.score_line, { correct: 0, total: 5, percent: 0 }));
  assert.equal(await text(frame, '#steps-left'), leftLine(lessons.length));
  await checkAxe(frame, 'results');

  // The lessons: the first opens with the screen; each one viewed takes one off the count,
  // through the other (5+), few (2-4) and one forms.
  await frame.click('[data-action="lessons"]');
  await shown(frame, 'lessons');
  for (let i = 0; i < lessons.length; i++) {
    if (i > 0) {
      await frame.click(`#lesson-menu a[data-lesson="${i}"]`);
      await frame.waitForSelector(`article[data-lesson="${i}"]:not([hidden])`);
    }
    const left = lessons.length - 1 - i;
    assert.equal(await text(frame, '#steps-left'), leftLine(left), `${left} left`);
    const article = `article[data-lesson="${i}"]`;
    assert.equal(await text(frame, `${article} .lesson-title`), plain(module.lessons[i].title.sk));
    assert.ok((await text(frame, `${article} .progress`)).startsWith(fill(sk.lesson_of, { n: i + 1, total: lessons.length })));
    // The lesson's first paragraph as imported into lessons/sk (it has no inline markup).
    const paragraph = lessonSource(lessons[i]).split('\n\n')[1].replace(/\*\*/g, '');
    assert.ok(plain(await frame.locator(article).innerText()).includes(plain(paragraph).slice(0, 60)), `lesson ${lessons[i]} text`);
    if (i === 5) {
      await checkAxe(frame, 'lesson 2-2-6');
      await lms.page.screenshot({ path: join(repo, 'docs/player-screens/sk-lesson.png') });
    }
  }

  // The post-test, all right: passed, every answer recorded.
  await frame.click('[data-action="posttest"]');
  await shown(frame, 'quiz');
  assert.equal(await text(frame, '#quiz-title'), sk.posttest_title);
  await answerQuiz(frame, key);
  await shown(frame, 'final');
  assert.equal(await text(frame, '#final-title'), sk.final_title);
  assert.ok((await text(frame, '#final-status')).startsWith(fill(sk.passed, { percent: 100, mastery: 80 })));
  await checkAxe(frame, 'final');

  const cmi = await lms.cmi();
  assert.equal(cmi.core.lesson_status, 'passed');
  assert.equal(cmi.core.score.raw, '100');
  const interactions = Object.keys(cmi.interactions).sort((a, b) => a - b).map((k) => cmi.interactions[k]);
  const letter = (i) => String.fromCharCode(97 + i);
  assert.deepEqual(interactions.map((i) => [i.id, i.student_response, i.result]), [
    ...module.quiz.map((q, n) => [`pre_${q.id}`, letter(wrong[n]), 'wrong']),
    ...module.quiz.map((q, n) => [`post_${q.id}`, letter(key[n]), 'correct']),
  ]);
  assert.deepEqual(await lms.errors(), []);
  assert.deepEqual(await lms.pageErrors(), []);
  assert.deepEqual(server.notFound(), []);
  assert.deepEqual(browser.blocked, []);
  await lms.unload();
  await lms.waitForCall('LMSFinish');
  assert.equal((await lms.committed()).core.lesson_status, 'passed');
  await lms.close();
});
