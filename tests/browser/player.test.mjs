// The player beyond the learning path: reflow on small screens and at 200% zoom, what
// screen readers are told, the learner's name, and saving when the page is hidden.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openLms } from './harness.mjs';
import { setsModule, servePackage, answerQuiz } from './packages.mjs';

const { module, key } = setsModule('2-3');  // the longest module: 8 lessons

let served, browser, server;
before(async () => {
  served = await servePackage('2-3', 'en');
  ({ browser, server } = served);
});
after(async () => served?.close());

// WCAG 2.1 SC 1.4.10 (reflow): no horizontal scrolling at 320 CSS pixels, which is also
// what 400% zoom of a 1280-pixel window gives; 640 is 200% zoom.
async function assertReflows(page, screen) {
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 700 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${screen} at ${width}px scrolls sideways by ${overflow}px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('every screen reflows at 320 px and 200% zoom', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/package/index.html`);
  await page.waitForSelector('html.ready #screen-home:not([hidden])');
  await assertReflows(page, 'home');
  await page.click('[data-action="start"]');
  await page.waitForSelector('#screen-quiz:not([hidden])');
  await assertReflows(page, 'pre-test');
  await answerQuiz(page.mainFrame(), key.map((k) => (k + 1) % 3));
  await page.waitForSelector('#screen-results:not([hidden])');
  await assertReflows(page, 'results');
  await page.click('[data-action="lessons"]');
  for (let i = 0; i < module.lessons.length; i++) {
    await page.click(`#lesson-menu a[data-lesson="${i}"]`);
    await assertReflows(page, `lesson ${i + 1}`);
  }
  await page.click('[data-action="posttest"]');
  await answerQuiz(page.mainFrame(), key);
  await page.waitForSelector('#screen-final:not([hidden])');
  await assertReflows(page, 'final');
  await page.close();
});

test('results and refusals are announced in a live region', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80, studentName: 'Martin, Ada' });
  const frame = lms.frame();
  await frame.waitForSelector('html.ready #screen-home:not([hidden])');
  assert.equal(await frame.locator('#learner-name').innerText(), 'Ada Martin');
  assert.equal(await frame.getAttribute('#announcer', 'role'), 'status');
  await frame.click('[data-action="start"]');
  await frame.click('#quiz-form fieldset[data-question="0"] input[value="0"]');
  await frame.click('#quiz-form button[type="submit"]');
  await frame.waitForFunction(() => document.querySelector('#announcer').textContent !== '');
  assert.equal(await frame.locator('#announcer').textContent(), 'Questions left to answer: 4.');
  assert.equal(await frame.locator('fieldset.missing').count(), 4);
  // Focus goes to the first unanswered question, so a screen reader lands on it.
  assert.equal(await frame.evaluate(() => document.activeElement.name), 'q2');
  assert.equal(await frame.locator('#screen-quiz').isVisible(), true);

  await answerQuiz(frame, key);
  await frame.waitForSelector('#screen-results:not([hidden])');
  await frame.waitForFunction(() => document.querySelector('#announcer').textContent.startsWith('Correct answers'));
  assert.equal(await frame.locator('#announcer').textContent(), 'Correct answers: 5 of 5 (100%).');
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'results-title');
  await lms.close();
});

test('answers are saved when the page is hidden, and the LMS is finished once when it goes', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  const frame = lms.frame();
  await frame.waitForSelector('html.ready #screen-home:not([hidden])');
  await frame.click('[data-action="start"]');
  await frame.click('#quiz-form fieldset[data-question="2"] input[value="1"]');
  const commitsBefore = (await lms.commits()).length;
  // A radio click is kept but not committed: committing on every click freezes slow LMSs.
  assert.match((await lms.committed()).suspend_data, /^2\.[0-9a-z]+\.10\.-----\.-----\./);

  // The tab is switched away: the page becomes hidden.
  await frame.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const commits = await lms.commits();
  assert.equal(commits.length, commitsBefore + 1);
  const saved = commits[commits.length - 1].cmi;
  assert.match(saved.suspend_data, /^2\.[0-9a-z]+\.10\.--b--\.-----\./);
  assert.equal(saved.core.lesson_location, 'pretest');
  assert.equal(saved.core.exit, 'suspend');
  assert.match(saved.core.session_time, /^\d\d:\d\d:\d\d(\.\d+)?$/);

  await lms.unload();
  await lms.waitForCall('LMSFinish');
  const calls = await lms.calls();
  assert.equal(calls.filter((c) => c.fn === 'LMSFinish').length, 1);
  const finish = calls.findIndex((c) => c.fn === 'LMSFinish');
  assert.equal(calls[finish - 2].fn, 'LMSCommit', 'committed right before finishing');
  assert.deepEqual(await lms.errors(), []);
  await lms.close();
});

test('an LMS that refuses interactions still gets status and score', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  // Some SCORM 1.2 LMSs do not implement cmi.interactions: make this one refuse them
  // (SCORM error 401, "not implemented") while everything else works.
  await lms.page.evaluate(() => {
    const api = window.API, set = api.LMSSetValue, last = api.LMSGetLastError;
    let refused = false;
    window.interactionAttempts = 0;
    api.LMSSetValue = (element, value) => {
      refused = element.startsWith('cmi.interactions.');
      if (refused) { window.interactionAttempts++; return 'false'; }
      return set(element, value);
    };
    api.LMSGetLastError = () => (refused ? '401' : last());
  });
  const frame = lms.frame();
  await frame.waitForSelector('html.ready #screen-home:not([hidden])');
  await frame.click('[data-action="start"]');
  await answerQuiz(frame, key);
  await frame.click('[data-action="lessons"]');
  await frame.click('[data-action="posttest"]');
  await answerQuiz(frame, key);
  await frame.waitForSelector('#screen-final:not([hidden])');
  const cmi = await lms.cmi();
  assert.equal(cmi.core.lesson_status, 'passed');
  assert.equal(cmi.core.score.raw, '100');
  assert.deepEqual(cmi.interactions, {});
  // One refusal is enough: the player stops trying rather than flooding the LMS.
  assert.equal(await lms.page.evaluate(() => window.interactionAttempts), 1);
  await lms.close();
});
