// Scripted learners on SETS course 2, module 2-1, through the built SCORM 1.2 package,
// with scorm-again as the LMS: what Moodle would record is what scorm-again holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openLms, runAxe, formatViolations } from './harness.mjs';
import { setsModule, servePackage, answerQuiz } from './packages.mjs';

const MODULE = '2-1';
const { module, lessons, key, wrong } = setsModule(MODULE);
const letter = (i) => String.fromCharCode(97 + i);

let served, browser, server;
before(async () => {
  served = await servePackage(MODULE, 'fr');
  ({ browser, server } = served);
});
after(async () => served?.close());

// ---- page helpers ---------------------------------------------------------------------

const shown = (frame, screen) => frame.waitForSelector(`html.ready #screen-${screen}:not([hidden])`, { timeout: 15000 });
const text = (frame, selector) => frame.locator(selector).innerText();

async function checkAxe(frame, screen) {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${screen}: ${formatViolations(violations)}`);
}

async function openLesson(frame, index) {
  await frame.click(`#lesson-menu a[data-lesson="${index}"]`);
  await frame.waitForSelector(`article[data-lesson="${index}"]:not([hidden])`);
}

async function assertNoLmsErrors(lms) {
  assert.deepEqual(await lms.errors(), [], 'scorm-again reported an API error');
  assert.deepEqual((await lms.logs()).filter((l) => l.level <= 4), [], 'scorm-again logged an error');
  assert.deepEqual(await lms.pageErrors(), []);
  assert.deepEqual(server.notFound(), []);
  assert.deepEqual(browser.blocked, []);
}

function interactionList(cmi) {
  return Object.keys(cmi.interactions).sort((a, b) => a - b).map((k) => cmi.interactions[k]);
}

function expectedInteractions(prefix, answers) {
  return answers.map((answer, q) => ({
    id: `${prefix}_${module.quiz[q].id}`,
    type: 'choice',
    student_response: letter(answer),
    correct_pattern: letter(key[q]),
    result: answer === key[q] ? 'correct' : 'wrong',
    objectives: module.quiz[q].tests,
  }));
}

function assertInteractions(cmi, expected) {
  const actual = interactionList(cmi).map((i) => ({
    id: i.id,
    type: i.type,
    student_response: i.student_response,
    correct_pattern: i.correct_responses['0'].pattern,
    result: i.result,
    objectives: Object.keys(i.objectives).sort().map((k) => i.objectives[k].id),
  }));
  assert.deepEqual(actual, expected);
  for (const i of interactionList(cmi)) assert.match(i.time, /^\d\d:\d\d:\d\d$/);
}

async function finishAndCheckOnce(lms) {
  await lms.unload();
  await lms.waitForCall('LMSFinish');
  assert.equal((await lms.calls()).filter((c) => c.fn === 'LMSFinish').length, 1, 'LMSFinish exactly once');
  assert.deepEqual(await lms.outOfSession(), []);
}

// ---- the learners -----------------------------------------------------------------------

test('all right in the pre-test: nothing required, post-test passed with 100', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80, studentName: 'Martin, Ada' });
  const frame = lms.frame();
  await shown(frame, 'home');
  await checkAxe(frame, 'home');
  assert.equal((await lms.cmi()).core.lesson_status, 'incomplete', 'incomplete from the first launch on');

  await frame.click('[data-action="start"]');
  await shown(frame, 'quiz');
  await checkAxe(frame, 'pre-test');
  await answerQuiz(frame, key);
  await shown(frame, 'results');
  await checkAxe(frame, 'results');
  assert.match(await text(frame, '#results-score'), /^Bonnes réponses\u00a0: 5 sur 5 \(100\u00a0%\)\.$/);
  assert.match(await text(frame, '#results-explain'), /Aucune leçon n’est obligatoire/);

  await frame.click('[data-action="lessons"]');
  await shown(frame, 'lessons');
  await checkAxe(frame, 'lessons');
  assert.equal(await frame.locator('[data-action="posttest"]').isEnabled(), true);
  await frame.click('[data-action="posttest"]');
  await shown(frame, 'quiz');
  assert.equal(await text(frame, '#quiz-title'), 'Test final');
  await checkAxe(frame, 'post-test');
  await answerQuiz(frame, key);
  await shown(frame, 'final');
  await checkAxe(frame, 'final');
  assert.match(await text(frame, '#final-status'), /^Réussi\u00a0: 100\u00a0%/);

  const cmi = (await lms.cmi());
  assert.equal(cmi.core.lesson_status, 'passed');
  assert.deepEqual([cmi.core.score.raw, cmi.core.score.min, cmi.core.score.max], ['100', '0', '100']);
  assert.equal(cmi.core.exit, '');
  assertInteractions(cmi, [...expectedInteractions('pre', key), ...expectedInteractions('post', key)]);
  assert.ok(cmi.suspend_data.length <= 4096);
  await assertNoLmsErrors(lms);
  await finishAndCheckOnce(lms);
  assert.equal((await lms.committed()).core.lesson_status, 'passed');
  await lms.close();
});

test('all wrong: every lesson required before the post-test; 3 of 5 fails at mastery 80', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  const frame = lms.frame();
  await shown(frame, 'home');
  await frame.click('[data-action="start"]');
  await answerQuiz(frame, wrong);
  await shown(frame, 'results');
  assert.match(await text(frame, '#results-score'), /^Bonnes réponses\u00a0: 0 sur 5 \(0\u00a0%\)\.$/);
  assert.match(await text(frame, '#results-explain'), /En dessous de 40\u00a0%, toutes les leçons/);
  assert.equal(await frame.locator('#results-lessons li').count(), lessons.length);
  await checkAxe(frame, 'results, all required');

  await frame.click('[data-action="lessons"]');
  await shown(frame, 'lessons');
  const button = frame.locator('[data-action="posttest"]');
  // The first required lesson opens with the lessons screen.
  await frame.waitForSelector('article[data-lesson="0"]:not([hidden])');
  for (let i = 1; i < lessons.length; i++) {
    assert.equal(await button.isEnabled(), false, `post-test locked with ${lessons.length - i} lessons left`);
    assert.equal(await text(frame, '#posttest-gate'), `Leçons obligatoires restantes avant le test final\u00a0: ${lessons.length - i}.`);
    await openLesson(frame, i);
  }
  await checkAxe(frame, 'lessons, all viewed');
  assert.equal(await button.isEnabled(), true);
  await frame.click('[data-action="posttest"]');
  const post = key.map((k, q) => (q < 3 ? k : wrong[q]));
  await answerQuiz(frame, post);
  await shown(frame, 'final');
  assert.match(await text(frame, '#final-status'), /^Pas encore réussi\u00a0: 60\u00a0%, le seuil de réussite est de 80\u00a0%/);
  assert.equal(await text(frame, '#final-gain'), '+60 points');

  const cmi = (await lms.cmi());
  assert.equal(cmi.core.lesson_status, 'failed');
  assert.equal(cmi.core.score.raw, '60');
  assertInteractions(cmi, [...expectedInteractions('pre', wrong), ...expectedInteractions('post', post)]);
  await assertNoLmsErrors(lms);
  await finishAndCheckOnce(lms);
  await lms.close();
});

test('leaving after two lessons and coming back resumes the same screen, answers and requirements', async () => {
  const answers = key.map((k, q) => (q < 2 ? wrong[q] : k));  // 60%: only the missed questions' lessons
  const required = lessons.map((id) => module.quiz.slice(0, 2).some((q) => q.tests.includes(id)));
  const first = await openLms(browser, server, { masteryScore: 80 });
  let frame = first.frame();
  await shown(frame, 'home');
  await frame.click('[data-action="start"]');
  await answerQuiz(frame, answers);
  await shown(frame, 'results');
  await frame.click('[data-action="lessons"]');  // opens the first required lesson
  await frame.waitForSelector('article[data-lesson="0"]:not([hidden])');
  await openLesson(frame, 3);
  await finishAndCheckOnce(first);
  const saved = (await first.committed());
  assert.equal(saved.core.exit, 'suspend');
  assert.equal(saved.core.lesson_status, 'incomplete');
  assert.equal(saved.core.lesson_location, 'lesson-4');
  await assertNoLmsErrors(first);
  await first.close();

  const second = await openLms(browser, server, { cmi: saved });
  frame = second.frame();
  await shown(frame, 'lessons');
  assert.equal((await second.cmi()).core.entry, 'resume');
  await frame.waitForSelector('article[data-lesson="3"]:not([hidden])');
  const view = await frame.evaluate(() => window.coursepackPlayer.view());
  assert.deepEqual(view.pretest, answers);
  assert.deepEqual(view.mandatory, required);
  assert.deepEqual(view.viewed, lessons.map((_, i) => i === 0 || i === 3));
  for (let i = 0; i < lessons.length; i++) {
    const tags = await text(frame, `#lesson-menu li:nth-child(${i + 1}) .tags`);
    assert.equal(tags.includes('Obligatoire'), required[i], `lesson ${i + 1} required tag`);
    assert.equal(tags.includes('Vue'), i === 0 || i === 3, `lesson ${i + 1} viewed tag`);
  }
  // Finish the module: interactions continue after the first session's five.
  for (let i = 0; i < lessons.length; i++) if (required[i]) await openLesson(frame, i);
  await frame.click('[data-action="posttest"]');
  await answerQuiz(frame, key);
  await shown(frame, 'final');
  const cmi = (await second.cmi());
  assert.equal(cmi.core.lesson_status, 'passed');
  assertInteractions(cmi, [...expectedInteractions('pre', answers), ...expectedInteractions('post', key)]);
  await assertNoLmsErrors(second);
  await finishAndCheckOnce(second);
  await second.close();
});

// ---- keyboard only ----------------------------------------------------------------------

async function focused(frame) {
  return frame.evaluate(() => {
    const el = document.activeElement;
    return el ? { tag: el.tagName, action: el.getAttribute('data-action'), lesson: el.getAttribute('data-lesson'),
      type: el.type, name: el.name, value: el.value, checked: el.checked, text: el.textContent.trim() } : null;
  });
}

async function tabTo(lms, matches, what) {
  for (let presses = 0; presses < 200; presses++) {
    await lms.page.keyboard.press('Tab');
    const el = await focused(lms.frame());
    if (el && matches(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function answerByKeyboard(lms, answers) {
  const frame = lms.frame();
  for (let q = 0; q < answers.length; q++) {
    await tabTo(lms, (el) => el.type === 'radio' && el.name === `q${q + 1}`, `question ${q + 1}`);
    await lms.page.keyboard.press('Space');
    for (let step = 0; step < 26 && (await focused(frame)).value !== String(answers[q]); step++)
      await lms.page.keyboard.press('ArrowDown');
    assert.equal((await focused(frame)).checked, true);
  }
  await tabTo(lms, (el) => el.type === 'submit', 'the submit button');
  await lms.page.keyboard.press('Enter');
  // A post-test that counts asks for confirmation on the page: by keyboard too.
  if (await frame.locator('#submit-confirm:not([hidden])').count()) {
    await tabTo(lms, (el) => el.action === 'confirm-submit', 'the confirm button');
    await lms.page.keyboard.press('Enter');
  }
}

test('keyboard only: the whole path without a mouse', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  const frame = lms.frame();
  await shown(frame, 'home');
  await tabTo(lms, (el) => el.action === 'start', 'the start button');
  await lms.page.keyboard.press('Enter');
  await shown(frame, 'quiz');
  const answers = key.map((k, q) => (q === 0 ? wrong[q] : k));
  await answerByKeyboard(lms, answers);
  await shown(frame, 'results');
  assert.equal((await focused(frame)).tag, 'H1', 'focus moves to the results heading');
  await tabTo(lms, (el) => el.action === 'lessons', 'go to lessons');
  await lms.page.keyboard.press('Enter');
  await shown(frame, 'lessons');
  const required = lessons.findIndex((id) => module.quiz[0].tests.includes(id));
  await frame.waitForSelector(`article[data-lesson="${required}"]:not([hidden])`);
  const other = required === 0 ? 1 : 0;
  await tabTo(lms, (el) => el.tag === 'A' && el.lesson === String(other), `lesson ${other + 1} in the menu`);
  await lms.page.keyboard.press('Enter');
  await frame.waitForSelector(`article[data-lesson="${other}"]:not([hidden])`);
  assert.equal((await focused(frame)).tag, 'H2', 'focus moves to the lesson title');
  await tabTo(lms, (el) => el.action === 'posttest', 'the post-test button');
  await lms.page.keyboard.press('Enter');
  await shown(frame, 'quiz');
  await answerByKeyboard(lms, key);
  await shown(frame, 'final');
  assert.equal((await lms.cmi()).core.lesson_status, 'passed');
  await assertNoLmsErrors(lms);
  await lms.close();
});

// ---- no LMS -----------------------------------------------------------------------------

test('standalone: no API found, progress kept in the browser across reloads', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/package/index.html`);
  await page.waitForSelector('html.ready #screen-home:not([hidden])');
  assert.match(await page.locator('#mode-banner').innerText(), /enregistrée dans ce navigateur uniquement/);
  assert.equal(await page.locator('#mode-banner').isVisible(), true);
  await page.click('[data-action="start"]');
  await answerQuiz(page.mainFrame(), key);
  await page.waitForSelector('#screen-results:not([hidden])');
  await page.reload();
  await page.waitForSelector('#screen-results:not([hidden])');
  await page.click('[data-action="lessons"]');
  await page.click('[data-action="posttest"]');
  await answerQuiz(page.mainFrame(), key);
  await page.waitForSelector('#screen-final:not([hidden])');
  await page.reload();
  await page.waitForSelector('#screen-final:not([hidden])');
  assert.match(await page.locator('#final-status').innerText(), /^Réussi\u00a0: 100\u00a0%/);
  const violations = await runAxe(page.mainFrame());
  assert.equal(violations.length, 0, formatViolations(violations));
  await page.close();
});
