// The player as a course (issue 8, points 3, 4, 7 and 8) on SETS course 2, module 2-1 in
// French, scorm-again as the LMS: the step indicator and what is left at each step, the
// page title, Back and Forward between screens, the results chart, storage that fails,
// answers kept across a reload after each one, axe-core light and dark on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openLms, runAxe, formatViolations } from './harness.mjs';
import { setsModule, servePackage, answerQuiz, toLessons } from './packages.mjs';

const MODULE = '2-1';
const { module, key, wrong } = setsModule(MODULE);

let served, browser, server;
before(async () => {
  served = await servePackage(MODULE, 'fr');
  ({ browser, server } = served);
});
after(async () => served?.close());

const shown = (frame, screen) => frame.waitForSelector(`html.ready #screen-${screen}:not([hidden])`, { timeout: 15000 });
const text = (frame, selector) => frame.locator(selector).innerText();

// axe-core in the light and the dark scheme (the frame's page follows its top page).
async function checkAxe(page, frame, screen) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const violations = await runAxe(frame);
    assert.equal(violations.length, 0, `${screen} (${colorScheme}): ${formatViolations(violations)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function step(frame) {
  return {
    current: await frame.getAttribute('.steps li[aria-current="step"]', 'data-step'),
    done: await frame.$$eval('.steps li.done', (items) => items.map((li) => li.getAttribute('data-step'))),
    left: await text(frame, '#steps-left'),
    title: await frame.evaluate(() => document.title),
  };
}

const required = async (frame) => frame.evaluate(() => window.coursepackPlayer.view().mandatory.filter(Boolean).length);

test('the step indicator, what is left and the page title follow the learner', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  const frame = lms.frame();
  await shown(frame, 'home');
  const title = await frame.locator('#home-title').textContent();  // as typeset at build time
  assert.deepEqual(await step(frame), {
    current: 'home', done: [], left: 'Le test de positionnement décide des leçons dont vous avez besoin.',
    title: `Début – ${title}`,
  });
  await checkAxe(lms.page, frame, 'home');

  await frame.click('[data-action="start"]');
  await shown(frame, 'quiz');
  assert.deepEqual(await step(frame), {
    current: 'pretest', done: ['home'], left: 'Après ce test\u00a0: les leçons dont vous avez besoin, puis le test final.',
    title: `Test de positionnement – ${title}`,
  });
  await checkAxe(lms.page, frame, 'pre-test');

  // Two wrong answers: only the lessons of those questions are required, not all of them.
  const answers = key.map((k, q) => (q < 2 ? wrong[q] : k));
  await answerQuiz(frame, answers);
  await shown(frame, 'results');
  const count = await required(frame);
  assert.ok(count > 0 && count < module.lessons.length, `${count} of ${module.lessons.length} lessons required`);
  const left = (n) => (n === 1 ? 'Encore 1 leçon obligatoire, puis le test final.'
    : n ? `Encore ${n} leçons obligatoires, puis le test final.` : 'Plus aucune leçon obligatoire\u00a0: le test final est ouvert.');
  const results = await step(frame);
  assert.equal(results.current, 'pretest');
  assert.equal(results.left.replace(/\u202f/g, '\u00a0'), left(count));
  assert.equal(results.title, `Résultats du test de positionnement – ${title}`);
  await checkAxe(lms.page, frame, 'results');

  await frame.click('[data-action="lessons"]');  // opens the first required lesson
  await shown(frame, 'lessons');
  const mandatory = await frame.evaluate(() => window.coursepackPlayer.view().mandatory);
  let remaining = count - 1;
  assert.equal((await step(frame)).left.replace(/\u202f/g, '\u00a0'), left(remaining));
  assert.equal((await step(frame)).current, 'lessons');
  await checkAxe(lms.page, frame, 'lessons');
  const first = mandatory.indexOf(true);
  for (let i = first + 1; i < mandatory.length; i++) {
    if (!mandatory[i]) continue;
    await frame.click(`#lesson-menu a[data-lesson="${i}"]`);
    await frame.waitForSelector(`article[data-lesson="${i}"]:not([hidden])`);
    remaining--;
    const now = await step(frame);
    assert.equal(now.left.replace(/\u202f/g, '\u00a0'), left(remaining));
    assert.equal(now.title, `${await frame.locator(`#lesson-menu a[data-lesson="${i}"]`).textContent()} – ${title}`);
  }
  assert.equal(remaining, 0);
  // The way on is at the end of the lesson too, once the post-test is open.
  const end = frame.locator('article.lesson:not([hidden]) [data-action="posttest-end"]');
  assert.equal(await end.isVisible(), true);
  await end.click();
  await shown(frame, 'quiz');
  assert.deepEqual((await step(frame)).current, 'posttest');
  assert.equal((await step(frame)).title, `Test final – ${title}`);
  await checkAxe(lms.page, frame, 'post-test');

  await answerQuiz(frame, key);
  await shown(frame, 'final');
  assert.deepEqual(await lms.pageErrors(), []);
  const final = await step(frame);
  assert.deepEqual([final.current, final.done, final.left], ['results', ['home', 'pretest', 'lessons', 'posttest'], 'Module terminé.']);
  assert.equal(final.title, `Résultats – ${title}`);
  // The chart: the two scores and the pass mark, then the lessons the questions cover; the
  // table stays, with the figures written the French way.
  assert.equal(await frame.locator('#final-chart svg').count(), 2);
  // Intl writes French percentages with a no-break space (narrow or not, by ICU version).
  const nbsp = (s) => s.replace(/\u202f/g, '\u00a0');
  assert.equal(nbsp(await frame.locator('#chart-scores-d').textContent()), nbsp('Test de positionnement 60\u202f%, Test final 100\u202f%. Seuil de réussite 80\u202f%'));
  assert.match(await frame.locator('#chart-lessons-d').textContent(), / sur \d avant, \d sur \d après/);
  assert.equal(nbsp(await text(frame, '#final-pre')), '60\u00a0%');
  assert.equal(await text(frame, '#final-gain'), '+40 points');
  await checkAxe(lms.page, frame, 'final');
  assert.deepEqual(await lms.errors(), []);
  assert.deepEqual(await lms.pageErrors(), []);
  await lms.close();
});

test('Back and Forward move between screens inside the module', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  const frame = lms.frame();
  const back = () => lms.page.evaluate(() => history.back());
  const forward = () => lms.page.evaluate(() => history.forward());
  await toLessons(frame, wrong);
  await frame.waitForSelector('article[data-lesson="0"]:not([hidden])');
  await frame.click('#lesson-menu a[data-lesson="2"]');
  await frame.waitForSelector('article[data-lesson="2"]:not([hidden])');

  await back();
  await frame.waitForSelector('article[data-lesson="0"]:not([hidden])');
  await back();
  await shown(frame, 'results');
  await forward();
  await frame.waitForSelector('article[data-lesson="0"]:not([hidden])');
  await forward();
  await frame.waitForSelector('article[data-lesson="2"]:not([hidden])');
  // The pre-test is submitted: going back to it shows where the learner is instead (the
  // lessons, the last one the core opened).
  await back();
  await frame.waitForSelector('article[data-lesson="0"]:not([hidden])');
  await back();
  await shown(frame, 'results');
  await back();
  await shown(frame, 'lessons');
  assert.equal(await frame.evaluate(() => history.state.screen), 'lessons', 'the entry says what shows');
  assert.equal(lms.page.url(), `${server.url}/lms/lms.html`, 'still in the LMS page');
  assert.match(frame.url(), /\/package\/index\.html/, 'still in the module');
  assert.equal(await lms.state(), 'initialized');
  assert.deepEqual(await lms.pageErrors(), []);
  await lms.close();
});

test('browse mode opens any lesson from the home screen', async () => {
  const lms = await openLms(browser, server, { lessonMode: 'browse', credit: 'no-credit' });
  const frame = lms.frame();
  await shown(frame, 'home');
  await frame.click('.lesson-list li[data-lesson="3"] button');
  await frame.waitForSelector('html.ready #screen-lessons:not([hidden]) article[data-lesson="3"]:not([hidden])');
  await lms.close();
});

// ---- storage ----------------------------------------------------------------------------

for (const [name, script] of [
  ['blocked', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } })],
  ['full', () => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }],
]) {
  test(`storage ${name} in a browser without LMS: the banner says progress is not kept`, async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(script);
    await page.goto(`${server.url}/package/index.html`);
    await page.waitForSelector('html.ready');
    await page.click('[data-action="start"]');
    await shown(page.mainFrame(), 'quiz');
    const banner = await page.locator('#mode-banner').innerText();
    assert.match(banner, /^Votre progression ne peut pas être enregistrée dans ce navigateur/);
    assert.doesNotMatch(banner, /enregistrée dans ce navigateur uniquement/);
    await page.close();
  });
}

test('an LMS that refuses the progress: the learner is told', async () => {
  const lms = await openLms(browser, server, { masteryScore: 80 });
  // Every suspend_data refused with an error (a value scorm-again rejects in its place).
  await lms.page.evaluate(() => {
    const set = window.API.LMSSetValue;
    window.API.LMSSetValue = (element, value) =>
      element === 'cmi.suspend_data' ? set.call(window.API, 'cmi.core.lesson_status', 'refused') : set.call(window.API, element, value);
  });
  const frame = lms.frame();
  await shown(frame, 'home');
  await frame.click('[data-action="start"]');
  await shown(frame, 'quiz');
  assert.match(await text(frame, '#mode-banner'), /^La plateforme de formation n’a pas accepté votre progression/);
  await lms.close();
});

// A re-upload that changed the quiz: the progress the LMS kept belongs to the old module
// (its fingerprint differs). The module starts again and the learner is told why.
test('progress saved by another version of the module starts again, and the learner is told', async () => {
  let lms = await openLms(browser, server, { masteryScore: 80 });
  await shown(lms.frame(), 'home');
  await lms.frame().click('[data-action="start"]');
  await shown(lms.frame(), 'quiz');
  const commits = (await lms.commits()).length;
  await lms.frame().click(`#quiz-form fieldset[data-question="0"] input[value="${wrong[0]}"]`);
  await lms.page.waitForFunction((n) => window.lms.commits().length > n, commits, { timeout: 5000 });
  const cmi = await lms.committed();
  await lms.page.close();
  const fields = cmi.suspend_data.split('.');
  fields[1] = fields[1] === '1' ? '2' : '1';  // the module's fingerprint, as another version's
  lms = await openLms(browser, server, { masteryScore: 80, cmi: { ...cmi, suspend_data: fields.join('.') } });
  const frame = lms.frame();
  await shown(frame, 'home');
  assert.match(await text(frame, '#mode-banner'), /Votre progression précédente dans ce module n’a pas pu être reprise/);
  assert.deepEqual(await frame.evaluate(() => window.coursepackPlayer.view().pretest.filter((a) => a >= 0)), []);
  await lms.close();
});

// Each answer is committed shortly after it is given (batched, not one commit per click):
// a browser killed then, with no page-hide handler run, still resumes with it.
test('a reload after each answer keeps it, even when the browser is killed', async () => {
  let cmi;
  let lms = await openLms(browser, server, { masteryScore: 80 });
  await shown(lms.frame(), 'home');
  await lms.frame().click('[data-action="start"]');
  await shown(lms.frame(), 'quiz');
  for (let q = 0; q < key.length; q++) {
    const frame = lms.frame();
    const commits = (await lms.commits()).length;
    await frame.click(`#quiz-form fieldset[data-question="${q}"] input[value="${wrong[q]}"]`);
    const answered = await frame.evaluate(() => window.coursepackPlayer.view().pretest);
    // The batched commit after the answer, with nothing else done.
    await lms.page.waitForFunction((n) => window.lms.commits().length > n, commits, { timeout: 5000 });
    cmi = await lms.committed();
    await lms.page.close();  // killed: no pagehide, no LMSFinish
    lms = await openLms(browser, server, { masteryScore: 80, cmi });
    await shown(lms.frame(), 'quiz');
    const resumed = await lms.frame().evaluate(() => window.coursepackPlayer.view().pretest);
    assert.deepEqual(resumed, answered, `answer ${q + 1} kept`);
    for (let k = 0; k <= q; k++)
      assert.equal(await lms.frame().isChecked(`fieldset[data-question="${k}"] input[value="${wrong[k]}"]`), true);
  }
  await lms.close();
});

// ---- start ------------------------------------------------------------------------------

test('before the runtime is ready only the home screen shows; an old browser gets the plain document', async () => {
  const page = await browser.context.newPage();
  // The runtime held back: the page as first painted.
  await page.route('**/coursepack-runtime.js', () => {});
  await page.goto(`${server.url}/package/index.html`, { waitUntil: 'commit' });
  await page.waitForSelector('#screen-final', { state: 'attached' });
  const visible = () => page.$$eval('.screen', (all) => all.filter((s) => s.getClientRects().length).map((s) => s.id));
  assert.deepEqual(await visible(), ['screen-home']);
  assert.equal(await page.locator('#screen-home [data-action="start"]').first().isVisible(), true);
  await page.close();

  const old = await browser.context.newPage();
  await old.addInitScript(() => { delete window.WebAssembly; });
  await old.goto(`${server.url}/package/index.html`);
  await old.waitForSelector('html.plain');
  assert.match(await old.locator('#mode-banner').innerText(), /^Ce navigateur est trop ancien/);
  assert.deepEqual(await old.$$eval('.screen', (all) => all.filter((s) => s.getClientRects().length).length), 5);
  assert.equal(await old.locator('[data-action="start"]').first().isVisible(), false, 'no button that does nothing');
  await old.close();
});
