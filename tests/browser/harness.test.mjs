// Smoke test of the harness itself, on a tiny hand-written SCO (fixtures/sco/index.html).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { formatViolations, launchBrowser, openLms, runAxe, startServer, unzipTo } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, 'fixtures', 'sco');

// What scorm-again 3.4.3 holds after one session of the fixture SCO: every element of its
// SCORM 1.2 cmi tree, as cmi() renders it (strings throughout, interactions keyed "0", "1").
function expectedCmi({ entry, visits, totalTime, interactions }) {
  return {
    suspend_data: `visits=${visits}`,
    launch_data: '',
    comments: '',
    comments_from_lms: '',
    core: {
      student_id: 'learner-1',
      student_name: 'Doe, Jane',
      lesson_location: '',
      credit: 'credit',
      lesson_status: 'incomplete',
      entry,
      lesson_mode: 'normal',
      exit: 'suspend',
      session_time: '00:00:05',
      score: { raw: '50', min: '', max: '100' }, // max "100" is scorm-again's default
      total_time: totalTime,
    },
    objectives: {},
    student_data: { mastery_score: '80', max_time_allowed: '', time_limit_action: '' },
    student_preference: { audio: '', language: '', speed: '', text: '' },
    interactions: Object.fromEntries(
      interactions.map((id, i) => [
        String(i),
        {
          id,
          time: '',
          type: 'choice',
          weighting: '',
          student_response: 'b',
          result: 'wrong',
          latency: '',
          objectives: {},
          correct_responses: {},
        },
      ]),
    ),
  };
}

/** The value the SCO got back from LMSGetValue(element). */
function got(calls, element) {
  const call = calls.find((c) => c.fn === 'LMSGetValue' && c.args[0] === element);
  assert.ok(call, `the SCO never read ${element}`);
  return call.ret;
}

describe('harness', () => {
  let browser;
  let server;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer(fixture);
  });

  after(async () => {
    await server?.close();
    await browser?.close();
  });

  test('a first session: scorm-again holds exactly what the SCO reported', async () => {
    const lms = await openLms(browser, server, { masteryScore: 80, studentName: 'Doe, Jane' });
    await lms.waitForCall('LMSFinish');

    assert.equal(lms.launched.core.entry, 'ab-initio');
    assert.deepEqual(
      await lms.cmi(),
      expectedCmi({ entry: 'ab-initio', visits: 1, totalTime: '00:00:05', interactions: ['q1'] }),
    );
    assert.deepEqual(await lms.errors(), []);
    assert.equal(await lms.state(), 'finished');

    const calls = await lms.calls();
    assert.deepEqual(
      calls.map((c) => c.fn),
      ['LMSInitialize', ...Array(6).fill('LMSGetValue'), ...Array(9).fill('LMSSetValue'), 'LMSCommit', 'LMSFinish'],
    );
    assert.deepEqual(calls[0], { ...calls[0], args: [''], ret: 'true', error: '0', state: 'not-initialized' });
    assert.equal(got(calls, 'cmi.core.entry'), 'ab-initio');
    assert.equal(got(calls, 'cmi.core.student_name'), 'Doe, Jane');
    assert.equal(got(calls, 'cmi.student_data.mastery_score'), '80');
    assert.equal(got(calls, 'cmi.suspend_data'), '');
    assert.equal(got(calls, 'cmi.core.lesson_status'), 'not attempted');
    assert.equal(got(calls, 'cmi.interactions._count'), '0');
    const setRaw = calls.find((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.core.score.raw');
    assert.deepEqual(setRaw.args, ['cmi.core.score.raw', '50']);
    assert.equal(setRaw.ret, 'true');

    const commits = await lms.commits();
    assert.deepEqual(commits.map((c) => c.fn), ['LMSCommit', 'LMSFinish']);
    assert.deepEqual(await lms.committed(), await lms.cmi());

    assert.deepEqual(lms.pageErrors(), []);
    assert.deepEqual(server.notFound(), []);
    assert.deepEqual(browser.blocked, []);
    await lms.close();
  });

  test('a bad call is listed by errors() with the code scorm-again set', async () => {
    const lms = await openLms(browser, server, { launch: 'index.html?bogus=1' });
    await lms.waitForCall('LMSFinish');
    const errors = await lms.errors();
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.deepEqual(
      { fn: errors[0].fn, args: errors[0].args, ret: errors[0].ret, error: errors[0].error, state: errors[0].state },
      { fn: 'LMSSetValue', args: ['cmi.core.lesson_status', 'bogus'], ret: 'false', error: '405', state: 'initialized' },
    );
    assert.match(errors[0].diagnostic, /not consistent with the data format/);
    // The rejected value left the status the SCO had set just before.
    assert.equal((await lms.cmi()).core.lesson_status, 'incomplete');
    // scorm-again logged it too (logLevel 4 = errors).
    assert.ok((await lms.logs()).some((l) => /405/.test(l.message)));
    await lms.close();
  });

  test('a second session resumes from the first one\'s cmi', async () => {
    const first = await openLms(browser, server, { masteryScore: 80, studentName: 'Doe, Jane' });
    await first.waitForCall('LMSFinish');
    const saved = await first.cmi();
    await first.close();

    const second = await openLms(browser, server, { cmi: saved });
    await second.waitForCall('LMSFinish');
    assert.equal(second.launched.core.entry, 'resume');
    assert.equal(second.launched.core.exit, undefined);
    const calls = await second.calls();
    assert.equal(got(calls, 'cmi.core.entry'), 'resume');
    assert.equal(got(calls, 'cmi.suspend_data'), 'visits=1');
    assert.equal(got(calls, 'cmi.core.student_name'), 'Doe, Jane');
    assert.equal(got(calls, 'cmi.student_data.mastery_score'), '80');
    assert.equal(got(calls, 'cmi.core.lesson_status'), 'incomplete');
    assert.equal(got(calls, 'cmi.interactions._count'), '1');
    assert.deepEqual(await second.errors(), []);
    assert.deepEqual(
      await second.cmi(),
      expectedCmi({ entry: 'resume', visits: 2, totalTime: '00:00:10', interactions: ['q1', 'q2'] }),
    );
    await second.close();
  });

  test('outOfSession() lists calls after LMSFinish, which scorm-again lets through', async () => {
    const lms = await openLms(browser, server);
    await lms.waitForCall('LMSFinish');
    assert.deepEqual(await lms.outOfSession(), []);
    const results = await lms.frame().evaluate(() => {
      const api = window.parent.API;
      return [api.LMSSetValue('cmi.core.lesson_status', 'completed'), api.LMSGetLastError(), api.LMSFinish('')];
    });
    // A strict SCORM 1.2 LMS refuses the LMSSetValue (301); scorm-again 3.4.3 takes it, and
    // answers a second LMSFinish "true" while setting error 101.
    assert.deepEqual(results, ['true', '0', 'true']);
    const late = await lms.outOfSession();
    assert.deepEqual(
      late.map((c) => [c.fn, c.ret, c.error, c.state]),
      [
        ['LMSSetValue', 'true', '0', 'finished'],
        ['LMSFinish', 'true', '101', 'finished'],
      ],
    );
    assert.deepEqual((await lms.errors()).map((c) => c.fn), ['LMSFinish']);
    await lms.close();
  });

  test('unload() lets a SCO that finishes on pagehide do so', async () => {
    const lms = await openLms(browser, server, { launch: 'index.html?finish=unload' });
    await lms.waitForCall('LMSCommit');
    assert.equal(await lms.state(), 'initialized');
    await lms.unload();
    const calls = await lms.calls();
    assert.equal(calls.at(-1).fn, 'LMSFinish');
    assert.equal(calls.at(-1).ret, 'true');
    assert.equal(await lms.state(), 'finished');
    await lms.close();
  });

  test('masteryOverride: scorm-again sets passed/failed from the score on LMSFinish', async () => {
    const lms = await openLms(browser, server, { masteryScore: 80, masteryOverride: true });
    await lms.waitForCall('LMSFinish');
    assert.equal((await lms.cmi()).core.lesson_status, 'failed'); // raw 50 < 80
    await lms.close();
  });

  test('runAxe: no violations on the fixture, and it does find one', async () => {
    const lms = await openLms(browser, server);
    await lms.waitForCall('LMSFinish');
    const violations = await runAxe(lms.frame());
    assert.ok(Array.isArray(violations));
    assert.equal(violations.length, 0, formatViolations(violations));

    await lms.frame().evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').append(img);
    });
    const after = await runAxe(lms.frame());
    assert.deepEqual(after.map((v) => v.id), ['image-alt']);
    await lms.close();
  });

  test('requests off 127.0.0.1 are blocked and listed', async () => {
    const lms = await openLms(browser, server);
    const outcome = await lms.frame().evaluate(() =>
      fetch('http://blocked.invalid/x.css').then(() => 'loaded', () => 'failed'),
    );
    assert.equal(outcome, 'failed');
    assert.ok(browser.blocked.includes('http://blocked.invalid/x.css'), JSON.stringify(browser.blocked));
    browser.blocked.length = 0;
    await lms.close();
  });

  test('the server keeps to its folders and names the files it lacks', async () => {
    const get = (path) =>
      new Promise((ok, fail) => {
        const { hostname, port } = new URL(server.url);
        request({ hostname, port, path }, (res) => {
          res.resume();
          res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'] }));
        })
          .on('error', fail)
          .end();
      });
    assert.deepEqual(await get('/package/index.html'), { status: 200, type: 'text/html; charset=utf-8' });
    assert.equal((await get('/package/')).status, 200);
    assert.equal((await get('/vendor/scorm-again/scorm12.js')).status, 200);
    assert.equal((await get('/vendor/axe-core/axe.min.js')).status, 200);
    // "%2e%2e/" is a dot segment the URL parser removes; an encoded slash survives it.
    assert.equal((await get('/package/%2e%2e/harness.mjs')).status, 404);
    assert.equal((await get('/package/..%2fharness.mjs')).status, 403);
    assert.equal((await get('/package/missing.css')).status, 404);
    assert.ok(server.notFound().includes('/package/missing.css'));
    assert.equal((await get('/elsewhere')).status, 404);
  });

  test('unzipTo unpacks a zip that can then be served', async () => {
    const work = await mkdtemp(join(tmpdir(), 'coursepack-harness-test-'));
    try {
      const zip = join(work, 'sco.zip');
      await promisify(execFile)('python3', ['-m', 'zipfile', '-c', zip, 'index.html'], { cwd: fixture });
      const dir = await unzipTo(zip, join(work, 'unzipped'));
      assert.equal(
        await readFile(join(dir, 'index.html'), 'utf8'),
        await readFile(join(fixture, 'index.html'), 'utf8'),
      );
      await assert.rejects(unzipTo(join(work, 'absent.zip'), join(work, 'x')), /unzip .*absent\.zip failed/);

      const zipped = await startServer(dir);
      try {
        const lms = await openLms(browser, zipped);
        await lms.waitForCall('LMSFinish');
        assert.deepEqual(await lms.errors(), []);
        await lms.close();
      } finally {
        await zipped.close();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
