// The xAPI (TinCan launch) package against a real LRS (Learning Locker's statements
// service, tests/lrs): the statements read back must match the learner's path, and a
// learner who goes offline, reloads and comes back delivers each statement exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer, unzipTo } from './harness.mjs';
import { startLrs } from '../lrs/lrs.mjs';
import { startFaultProxy } from '../lrs/fault-proxy.mjs';
import { repo, setsModule, answerQuiz } from './packages.mjs';

const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');
const { module, lessons, key, wrong } = setsModule('2-1');
const IRI = 'https://sets.socialgoodaccelerator.eu/xapi/sets-2';
const MODULE_ID = `${IRI}/modules/2-1`;

let workDir, browser, server, lrs, proxy;
before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'coursepack-xapi-'));
  execFileSync(coursepack, ['build', join(repo, 'samples/sets/sets-2'), '-o', join(workDir, 'dist'), '--lang', 'en', '--format', 'xapi', '--quiet']);
  const dir = await unzipTo(join(workDir, 'dist', 'sets-2_2-1_en_xapi.zip'), join(workDir, 'package'));
  lrs = await startLrs({ port: 0, key: 'coursepack', secret: 'secret' });
  // "Offline" is made at the network level: a proxy that drops every connection. (A
  // playwright route does not see the keepalive requests a page sends as it goes.)
  proxy = await startFaultProxy({ target: lrs.endpoint, port: 0, plan: '' });
  browser = await launchBrowser();
  server = await startServer(dir);
});
after(async () => {
  await server?.close();
  await browser?.close();
  await proxy?.close();
  await lrs?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// TinCan launch, with the legacy array form of the actor that some LMSs still send.
function launchUrl(registration, endpoint = lrs.endpoint) {
  const params = new URLSearchParams({
    endpoint,
    auth: lrs.auth,
    actor: JSON.stringify({ name: ['Ada Martin'], mbox: ['mailto:ada@example.org'] }),
    registration,
    activity_id: MODULE_ID,
  });
  return `${server.url}/package/index.html?${params}`;
}

async function statementsOf(registration) {
  const response = await fetch(`${lrs.endpoint}/statements?registration=${registration}&limit=1000`, {
    headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' },
  });
  assert.equal(response.status, 200);
  return (await response.json()).statements;
}

async function waitForStatements(registration, count) {
  for (let i = 0; i < 100; i++) {
    const statements = await statementsOf(registration);
    if (statements.length >= count) return statements;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return statementsOf(registration);
}

const verbOf = (s) => s.verb.id.split('/').pop();
function tally(statements) {
  const counts = {};
  for (const s of statements) counts[verbOf(s)] = (counts[verbOf(s)] || 0) + 1;
  return counts;
}

async function openLesson(page, index) {
  await page.click(`#lesson-menu a[data-lesson="${index}"]`);
  await page.waitForSelector(`article[data-lesson="${index}"]:not([hidden])`);
}

test('a scripted learner: the LRS holds the path, statement by statement', async () => {
  const registration = randomUUID();
  const page = await browser.context.newPage();
  await page.goto(launchUrl(registration));
  await page.waitForSelector('html.ready #screen-home:not([hidden])');
  assert.equal(await page.locator('#mode-banner').isVisible(), false, 'an LRS launch is not standalone');
  assert.equal(await page.locator('#learner-name').innerText(), 'Ada Martin');
  await page.click('[data-action="start"]');
  const pre = key.map((k, q) => (q === 0 ? wrong[q] : k));  // 80%: only q1's lessons required
  await answerQuiz(page, pre);
  await page.waitForSelector('#screen-results:not([hidden])');
  await page.click('[data-action="lessons"]');  // opens the required lesson
  await openLesson(page, 1);
  await page.click('[data-action="posttest"]');
  await answerQuiz(page, key);
  await page.waitForSelector('#screen-final:not([hidden])');
  await page.goto('about:blank');  // leaving: terminated goes out with keepalive

  const statements = await waitForStatements(registration, 19);
  assert.equal(statements.length, 19);
  assert.equal(new Set(statements.map((s) => s.id)).size, 19);
  assert.deepEqual(tally(statements), { initialized: 1, answered: 10, passed: 2, experienced: 2, completed: 3, terminated: 1 });
  const inOrder = [...statements].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || 0);
  assert.equal(verbOf(inOrder[0]), 'initialized');
  assert.equal(verbOf(inOrder.at(-1)), 'terminated');
  for (const s of statements) {
    assert.deepEqual(s.actor, { objectType: 'Agent', name: 'Ada Martin', mbox: 'mailto:ada@example.org' });
    assert.equal(s.context.registration, registration);
    assert.equal(s.context.language, 'en');
  }

  const quiz = (phase) => statements.find((s) => s.object.id === `${MODULE_ID}/${phase}`);
  assert.deepEqual(quiz('pretest').result.score, { scaled: 0.8, raw: 4, min: 0, max: 5 });
  assert.deepEqual(quiz('pretest').result.extensions[`${IRI}/extensions/recommended-lessons`],
    [`${MODULE_ID}/lessons/${lessons[0]}`]);
  assert.deepEqual(quiz('posttest').result.score, { scaled: 1, raw: 5, min: 0, max: 5 });
  assert.equal(quiz('posttest').result.extensions[`${IRI}/extensions/gain`], 20);

  for (const [phase, answers] of [['pre', pre], ['post', key]]) {
    const answered = statements.filter((s) => verbOf(s) === 'answered' && s.context.extensions[`${IRI}/extensions/phase`] === phase);
    assert.equal(answered.length, module.quiz.length);
    for (const s of answered) {
      const q = module.quiz.findIndex((question) => s.object.id === `${MODULE_ID}/questions/${question.id}`);
      assert.equal(s.result.response, String.fromCharCode(97 + answers[q]));
      assert.equal(s.result.success, answers[q] === key[q]);
      assert.equal(s.object.definition.interactionType, 'choice');
      assert.deepEqual(s.object.definition.correctResponsesPattern, [String.fromCharCode(97 + key[q])]);
      assert.equal(s.object.definition.choices.length, module.quiz[q].choices.length);
      assert.equal(s.object.definition.choices[0].description.fr, module.quiz[q].choices[0].text.fr);
    }
  }
  const done = statements.find((s) => verbOf(s) === 'completed' && s.object.id === MODULE_ID);
  assert.equal(done.result.success, true);
  assert.equal(done.result.completion, true);
  await page.close();
});

test('offline mid-module, a reload, back online: every statement arrives exactly once', async () => {
  const registration = randomUUID();
  const page = await browser.context.newPage();
  await page.goto(launchUrl(registration, proxy.endpoint));
  await page.waitForSelector('html.ready #screen-home:not([hidden])');
  await page.click('[data-action="start"]');
  const pre = key.map((k, q) => (q === 0 ? wrong[q] : k));
  await answerQuiz(page, pre);
  await page.waitForSelector('#screen-results:not([hidden])');
  assert.equal((await waitForStatements(registration, 7)).length, 7, 'initialized and the pre-test arrived');
  // The queue (templates/player/statement_queue.js): one localStorage key per statement,
  // named by endpoint (the first test's last statement, sent by a keepalive request whose
  // answer no page reads, stays in the queue for the LRS itself until its next launch).
  const ours = encodeURIComponent(proxy.endpoint);
  const queue = () => page.evaluate((endpoint) => Object.keys(localStorage)
    .filter((k) => k.startsWith('coursepack-xapi-queue|') && k.includes(endpoint))
    .map((k) => JSON.parse(localStorage.getItem(k)))
    .sort((a, b) => a.t - b.t || a.n - b.n)
    .map((entry) => entry.s), ours);
  await page.waitForFunction((endpoint) => !Object.keys(localStorage)
    .some((k) => k.startsWith('coursepack-xapi-queue|') && k.includes(endpoint)), ours);

  // The LRS becomes unreachable: every connection is dropped.
  proxy.setPlan('drop-before@*1');
  await page.click('[data-action="lessons"]');
  await openLesson(page, 1);
  await page.reload();  // the pagehide ends session 1: terminated is queued too
  await page.waitForSelector('#screen-lessons:not([hidden])');
  assert.deepEqual((await queue()).map(verbOf), ['experienced', 'completed', 'experienced', 'completed', 'terminated', 'initialized']);
  assert.equal((await statementsOf(registration)).length, 7, 'nothing got through while offline');

  proxy.setPlan('');  // back online
  await page.click('[data-action="posttest"]');
  await answerQuiz(page, key);
  await page.waitForSelector('#screen-final:not([hidden])');
  await page.goto('about:blank');

  await waitForStatements(registration, 21);
  await new Promise((resolve) => setTimeout(resolve, 1000));  // anything extra would show now
  const statements = await statementsOf(registration);
  assert.equal(statements.length, 21);
  assert.equal(new Set(statements.map((s) => s.id)).size, 21);
  assert.deepEqual(tally(statements), { initialized: 2, answered: 10, passed: 2, experienced: 2, completed: 3, terminated: 2 });
  await page.close();
});
