// Attempts, review and the LMS's modes (issue 8, points 1 and 2) on SETS course 2, module
// 2-1, through the built SCORM 1.2 package with scorm-again as the LMS: a learner who fails,
// retakes (after a reload) and passes; the answers and feedback hidden while a retake is
// open and shown after; a course that caps the attempts; browse, review and no-credit
// launches recording nothing graded; axe on the new screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLms, runAxe, formatViolations, startServer, unzipTo } from './harness.mjs';
import { repo, setsModule, servePackage, answerQuiz, toLessons } from './packages.mjs';

const MODULE = '2-1';
const { module, key, wrong } = setsModule(MODULE);
const letter = (i) => String.fromCharCode(97 + i);
const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');

let served, browser, server, capped, workDir;
before(async () => {
  served = await servePackage(MODULE, 'en');
  ({ browser, server } = served);
  // The same course with the post-test capped at 2 attempts (assessment.attempts).
  workDir = mkdtempSync(join(tmpdir(), 'coursepack-attempts-'));
  cpSync(join(repo, 'samples/sets/sets-2'), join(workDir, 'sets-2'), { recursive: true });
  const coursePath = join(workDir, 'sets-2/course.json');
  const course = JSON.parse(readFileSync(coursePath, 'utf8'));
  course.assessment.attempts = 2;
  writeFileSync(coursePath, JSON.stringify(course, null, 2));
  execFileSync(coursepack, ['build', join(workDir, 'sets-2'), '-o', join(workDir, 'dist'), '--lang', 'en', '--quiet']);
  capped = await startServer(await unzipTo(join(workDir, 'dist', `sets-2_${MODULE}_en_scorm12.zip`), join(workDir, 'package')));
});
after(async () => {
  await capped?.close();
  await served?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// ---- page helpers ---------------------------------------------------------------------

const shown = (frame, screen) => frame.waitForSelector(`html.ready #screen-${screen}:not([hidden])`, { timeout: 15000 });
const text = (frame, selector) => frame.locator(selector).innerText();

async function checkAxe(frame, screen) {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${screen}: ${formatViolations(violations)}`);
}

async function assertNoLmsErrors(lms, srv = server) {
  assert.deepEqual(await lms.errors(), [], 'scorm-again reported an API error');
  assert.deepEqual(await lms.pageErrors(), []);
  assert.deepEqual(srv.notFound(), []);
  assert.deepEqual(browser.blocked, []);
}

const interactionList = (cmi) => Object.keys(cmi.interactions).sort((a, b) => a - b).map((k) => cmi.interactions[k]);

function expectedInteractions(prefix, answers) {
  return answers.map((answer, q) => ({
    id: `${prefix}_${module.quiz[q].id}`,
    student_response: letter(answer),
    result: answer === key[q] ? 'correct' : 'wrong',
  }));
}

function assertInteractions(cmi, expected) {
  const actual = interactionList(cmi).map((i) => ({ id: i.id, student_response: i.student_response, result: i.result }));
  assert.deepEqual(actual, expected);
  for (const i of interactionList(cmi)) assert.match(i.id, /^[A-Za-z0-9_-]+$/, 'SCORM 1.2 interaction id');
}

// Home -> pre-test (all wrong: every lesson required) -> every lesson -> post-test shown.
async function toPosttest(frame) {
  await toLessons(frame, wrong);
  for (let i = 0; i < module.lessons.length; i++) {
    await frame.click(`#lesson-menu a[data-lesson="${i}"]`);
    await frame.waitForSelector(`article[data-lesson="${i}"]:not([hidden])`);
  }
  await frame.click('[data-action="posttest"]');
  await shown(frame, 'quiz');
}

// The review list of the final screen, one entry per question.
async function review(frame) {
  return frame.$$eval('#final-review > li', (items) => items.map((li) => li.innerText));
}

function feedbackTexts() {
  return module.quiz.map((q) => q.feedback.en);
}

// ---- the learners -----------------------------------------------------------------------

test('fail, reload, retake and pass: each attempt reported, the answers shown only once passed', async () => {
  let lms = await openLms(browser, server, { masteryScore: 80, studentName: 'Martin, Ada' });
  let frame = lms.frame();
  await shown(frame, 'home');
  const rules = await text(frame, '#home-rules');
  assert.match(rules, /at least 80% in the post-test/);
  assert.match(rules, /again until you pass/);
  assert.match(rules, /pre-test does not count/);
  await checkAxe(frame, 'home with the rules');

  await toPosttest(frame);
  // Submitting the post-test asks first, on the page; "not yet" goes back to the answers.
  await answerQuiz(frame, wrong, { confirm: false });
  await frame.waitForSelector('#submit-confirm:not([hidden])');
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'submit-confirm-text');
  assert.match(await text(frame, '#submit-confirm-text'), /counts towards your result\. Attempt 1\.$/);
  await checkAxe(frame, 'post-test confirm step');
  assert.equal((await lms.cmi()).core.lesson_status, 'incomplete', 'nothing submitted before the confirmation');
  await frame.click('[data-action="cancel-submit"]');
  assert.equal(await frame.locator('#submit-confirm').isHidden(), true);
  await frame.click('#quiz-form button[type="submit"]');
  await frame.click('[data-action="confirm-submit"]');
  await shown(frame, 'final');

  // Attempt 1: failed, a retake open, the answers and feedback kept back.
  assert.match(await text(frame, '#final-status'), /^Not passed yet: 0%/);
  assert.match(await text(frame, '#final-attempts'), /^Attempt 1\. You can retake/);
  assert.equal(await frame.locator('#retake-button').isVisible(), true);
  const first = await review(frame);
  assert.equal(first.length, module.quiz.length);
  for (const item of first) {
    assert.match(item, /Incorrect/);
    assert.match(item, /Covered in: /);
    assert.doesNotMatch(item, /Correct answer/);
  }
  const page = await frame.content();
  for (const feedback of feedbackTexts())
    assert.equal(await frame.locator('#final-review').getByText(feedback, { exact: false }).count(), 0, 'feedback hidden');
  assert.ok(page.includes('id="final-review"'));
  await checkAxe(frame, 'final, failed with a retake open');

  let cmi = await lms.cmi();
  assert.equal(cmi.core.lesson_status, 'failed');
  assert.equal(cmi.core.score.raw, '0');
  assert.equal(cmi.core.exit, 'suspend', 'the LMS keeps the attempt open for the retake');
  assertInteractions(cmi, [...expectedInteractions('pre', wrong), ...expectedInteractions('post', wrong)]);
  assert.ok(cmi.suspend_data.length <= 4096);
  await assertNoLmsErrors(lms);

  // The learner leaves and comes back: the retake is still there.
  await lms.unload();
  await lms.waitForCall('LMSFinish');
  const stored = await lms.committed();
  assert.equal(stored.core.lesson_status, 'failed');
  await lms.close();
  lms = await openLms(browser, server, { cmi: stored });
  frame = lms.frame();
  await shown(frame, 'final');
  assert.equal(await frame.locator('#retake-button').isVisible(), true);

  // Back to the lessons in between, then the retake from there.
  await frame.click('[data-action="review"]');
  await shown(frame, 'lessons');
  assert.equal(await text(frame, '[data-action="posttest"]'), 'Retake the post-test');
  assert.match(await text(frame, '#posttest-gate'), /^Attempt 2\.$/);
  await checkAxe(frame, 'lessons between attempts');
  await frame.click('[data-action="posttest"]');
  await shown(frame, 'quiz');
  assert.equal(await frame.locator('#quiz-form input:checked').count(), 0, 'a retake starts blank');
  assert.equal((await lms.cmi()).core.lesson_status, 'failed', 'still failed while the retake is open');
  await answerQuiz(frame, key);
  await shown(frame, 'final');

  // Attempt 2: passed; now the correct answers and the feedback are shown.
  assert.match(await text(frame, '#final-status'), /^Passed: 100%/);
  assert.equal(await frame.locator('#retake-button').isHidden(), true);
  const second = await review(frame);
  second.forEach((item, q) => {
    assert.match(item, /\nCorrect\n/);
    assert.match(item, new RegExp(`Correct answer: ${module.quiz[q].choices[key[q]].text.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(item.includes(module.quiz[q].feedback.en), `feedback of question ${q + 1}`);
  });
  await checkAxe(frame, 'final, passed');

  cmi = await lms.cmi();
  assert.equal(cmi.core.lesson_status, 'passed');
  assert.equal(cmi.core.score.raw, '100');
  assert.equal(cmi.core.exit, '');
  assertInteractions(cmi, [
    ...expectedInteractions('pre', wrong),
    ...expectedInteractions('post', wrong),
    ...expectedInteractions('post2', key),
  ]);
  await assertNoLmsErrors(lms);
  await lms.unload();
  await lms.waitForCall('LMSFinish');
  assert.equal((await lms.committed()).core.lesson_status, 'passed');
  await lms.close();
});

test('a course capped at 2 attempts: no third, and the answers shown once both are spent', async () => {
  const lms = await openLms(browser, capped, { masteryScore: 80 });
  const frame = lms.frame();
  await shown(frame, 'home');
  assert.match(await text(frame, '#home-rules'), /You have 2 attempts at the post-test/);
  await toPosttest(frame);
  await answerQuiz(frame, wrong);
  await shown(frame, 'final');
  assert.match(await text(frame, '#final-attempts'), /^Attempt 1 of 2\./);
  for (const item of await review(frame)) assert.doesNotMatch(item, /Correct answer/);
  await frame.click('#retake-button');
  await shown(frame, 'quiz');
  await frame.click('#quiz-form button[type="submit"]');  // nothing answered: no confirm, a refusal
  assert.equal(await frame.locator('#submit-confirm:not([hidden])').count(), 0);
  const answers = [...wrong];
  answers[0] = key[0];  // 20%: failed again
  await answerQuiz(frame, answers);
  await shown(frame, 'final');
  assert.match(await text(frame, '#final-attempts'), /^Attempt 2 of 2\. You have used every attempt/);
  assert.equal(await frame.locator('#retake-button').isHidden(), true);
  const items = await review(frame);
  assert.match(items[0], /\nCorrect\n/);
  for (const item of items) assert.match(item, /Correct answer: /);
  await checkAxe(frame, 'final, attempts spent');
  const cmi = await lms.cmi();
  assert.equal(cmi.core.lesson_status, 'failed');
  assert.equal(cmi.core.score.raw, '20');
  assert.equal(cmi.core.exit, '', 'nothing more can change the result');
  assertInteractions(cmi, [
    ...expectedInteractions('pre', wrong),
    ...expectedInteractions('post', wrong),
    ...expectedInteractions('post2', answers),
  ]);
  await assertNoLmsErrors(lms, capped);
  await lms.close();
});

// Moodle's Preview is browse + no-credit; review comes after an attempt.
for (const [name, options, status, note] of [
  ['browse (Moodle Preview)', { lessonMode: 'browse', credit: 'no-credit' }, 'browsed', /^Browse mode: /],
  ['review', { lessonMode: 'review', credit: 'credit' }, 'not attempted', /^Review mode: /],
  ['no-credit', { lessonMode: 'normal', credit: 'no-credit' }, 'incomplete', /^This launch is not for credit/],
]) {
  test(`a ${name} launch can go through everything and records nothing graded`, async () => {
    const lms = await openLms(browser, server, { masteryScore: 80, ...options });
    const frame = lms.frame();
    await shown(frame, 'home');
    assert.match(await text(frame, '#mode-banner'), note);
    await checkAxe(frame, `${name}: home`);
    await toPosttest(frame);
    await answerQuiz(frame, key, { confirm: false });  // practice: no confirmation step
    await shown(frame, 'final');
    assert.match(await text(frame, '#final-status'), /^Practice result, not recorded: 100%/);
    for (const item of await review(frame)) assert.match(item, /Correct answer: /);
    assert.equal(await frame.locator('#retake-button').isVisible(), true, 'practice may go on');
    await checkAxe(frame, `${name}: final`);
    await lms.unload();
    await lms.waitForCall('LMSFinish');
    const cmi = await lms.committed();
    assert.equal(cmi.core.lesson_status, status);
    assert.equal(cmi.core.score.raw, '');
    assert.deepEqual(interactionList(cmi), []);
    if (options.lessonMode !== 'normal') assert.equal(cmi.suspend_data, '', 'no progress kept outside normal mode');
    await assertNoLmsErrors(lms);
    await lms.close();
  });
}
