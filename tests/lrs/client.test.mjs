// End-to-end tests of coursepack's native xAPI client (`coursepack lrs send|pull`)
// against the real test LRS (xapi-statements 5.0.1, memory mode) and the
// fault-injecting proxy, all on 127.0.0.1 with random ports.
//
//   npm ci --prefix tests/lrs && npm test --prefix tests/lrs
//   node --test tests/lrs/client.test.mjs
//
// Binaries: $COURSEPACK (default ../../build/coursepack from this folder) and
// $SAMPLE_STATEMENTS (default ../../build/tests/sample_statements).
//
// Every test starts its own LRS (and proxy) and its own temporary queue folder,
// and runs the client with a minimal environment (no COURSEPACK_LRS_* from the
// caller, HOME/XDG_* pointing into the temp folder) so nothing leaks in or out.
// Takes ~70 s on 2 cores (a: 8 s, b: 10 s, c: 16 s, d: 20-26 s, the rest ~1.5 s each).
// The last group, "client bugs, fixed", holds reproductions of bugs found
// while writing these tests, now fixed; they fail if a bug comes back.
//
// Counting what the LRS holds: we always read back with ONE large page
// (`lrs pull --page 20000`, or a direct GET with limit=100000). The memory-mode
// LRS pages with a uuid-v1 cursor that wraps every 429.5 s, so a `more` walk
// can silently skip statements (README.md, "Paging can skip statements").

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startFaultProxy, FAULT_KINDS } from './fault-proxy.mjs';
import { startScripted, startSilent, startStrict409 } from './fake-servers.mjs';
import { startLrs } from './lrs.mjs';
import { makeStatements, sequenceExtension } from './statements.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
// $COURSEPACK / $SAMPLE_STATEMENTS are taken relative to the current folder, the defaults to this one.
const COURSEPACK = process.env.COURSEPACK ? path.resolve(process.env.COURSEPACK) : path.resolve(HERE, '../../build/coursepack');
const SAMPLE_STATEMENTS = process.env.SAMPLE_STATEMENTS ? path.resolve(process.env.SAMPLE_STATEMENTS)
  : path.resolve(HERE, '../../build/tests/sample_statements');
const KEY = 'coursepack';
const SECRET = 'secret';
const XAPI_VERSION = '1.0.3';

// Marker extension: every generated statement carries its sequence number here,
// so it can be found again whether or not we gave it an id (see makeStatements).
const EXT_SEQ = sequenceExtension('test');

// ------------------------------------------------------------------ helpers

/** Everything a test creates; removed after each test, whatever happened. */
let cleanups = [];
afterEach(async () => {
  const list = cleanups.reverse();
  cleanups = [];
  for (const fn of list) await fn().catch(() => {});
});

function tempDir(prefix = 'coursepack-client-test-') {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshLrs(opts = {}) {
  const lrs = await startLrs({ port: 0, key: KEY, secret: SECRET, ...opts });
  cleanups.push(() => lrs.close());
  return lrs;
}

async function freshProxy(target, plan) {
  const proxy = await startFaultProxy({ target, port: 0, plan });
  cleanups.push(() => proxy.close());
  return proxy;
}

/**
 * The environment of the client: nothing from ours but PATH, so that a
 * COURSEPACK_LRS_* or ~/.config/coursepack/lrs.json of the caller cannot interfere.
 */
function clientEnv(dir, { endpoint, key = KEY, secret = SECRET } = {}) {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    LANG: 'C.UTF-8',
  };
  if (endpoint !== undefined) {
    env.COURSEPACK_LRS_ENDPOINT = endpoint;
    env.COURSEPACK_LRS_KEY = key;
    env.COURSEPACK_LRS_SECRET = secret;
  }
  return env;
}

/**
 * Runs a program; resolves {code, signal, stdout, stderr, ms}. A run longer than
 * timeoutMs is killed (by its own pid) and reported as a failure by the caller.
 */
function run(file, args, { env, timeoutMs = 60_000, onSpawn } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.once('error', (err) => { clearTimeout(timer); reject(err); });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
    if (onSpawn) onSpawn(child);
  });
}

const coursepack = (args, opts) => run(COURSEPACK, args, opts);
const show = (r) => `exit ${r.code} signal ${r.signal}${r.timedOut ? ' (TIMED OUT)' : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr.slice(0, 4000)}`;

/** `lrs pull` everything in one page; returns the statements (objects). */
async function pull(dir, env, extraArgs = []) {
  const out = path.join(dir, `pull-${randomUUID()}.jsonl`);
  const r = await coursepack(['lrs', 'pull', '--page', '20000', '-o', out, ...extraArgs], { env });
  assert.equal(r.code, 0, show(r));
  const statements = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.match(r.stderr, new RegExp(`^${statements.length} statements\\n$`), show(r));
  return statements;
}

/** What the LRS holds, read directly (not through the client), in one page. */
async function lrsStatements(lrs) {
  const res = await fetch(`${lrs.endpoint}/statements?limit=100000`, {
    headers: { Authorization: lrs.auth, 'X-Experience-API-Version': XAPI_VERSION },
  });
  assert.equal(res.status, 200, await res.clone().text());
  const body = await res.json();
  assert.equal(body.more, '');
  return body.statements;
}

async function postDirect(lrs, statements) {
  const res = await fetch(`${lrs.endpoint}/statements`, {
    method: 'POST',
    headers: { Authorization: lrs.auth, 'X-Experience-API-Version': XAPI_VERSION, 'Content-Type': 'application/json' },
    body: JSON.stringify(statements),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
}

/**
 * n valid xAPI statements. Even-numbered ones get a random id, odd-numbered ones
 * none (the client must derive one). Each carries its number in context
 * extension EXT_SEQ, and all share `registration`.
 *
 * Why the marker: for the id-less half we cannot know in advance which id the
 * client will derive, and the queue's statements.jsonl (where it writes them) is
 * emptied once everything is sent. The marker lets us check "exactly once"
 * without trusting the client: every number 0..n-1 must be stored exactly once,
 * and the even ones with exactly the id we gave.
 */

/**
 * Asserts that `stored` holds each of `sent` exactly once (by the EXT_SEQ
 * marker), with the id we gave when we gave one, and no two statements
 * sharing an id.
 */
function assertExactlyOnce(stored, sent) {
  const bySeq = new Map();
  for (const s of stored) {
    const seq = s.context?.extensions?.[EXT_SEQ];
    assert.ok(Number.isInteger(seq), `a stored statement without marker: ${JSON.stringify(s).slice(0, 300)}`);
    bySeq.set(seq, (bySeq.get(seq) ?? []).concat([s]));
  }
  const duplicated = [...bySeq].filter(([, list]) => list.length > 1);
  assert.deepEqual(duplicated.map(([seq, list]) => [seq, list.map((s) => s.id)]), [], 'statements stored more than once');
  const missing = sent.map((s, i) => i).filter((i) => !bySeq.has(i));
  assert.deepEqual(missing.slice(0, 20), [], `${missing.length} statements missing`);
  assert.equal(stored.length, sent.length);
  for (const [i, s] of sent.entries()) {
    const got = bySeq.get(i)[0];
    if (s.id) assert.equal(got.id, s.id, `statement ${i} stored under another id`);
    else assert.match(got.id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'derived id is a UUIDv8');
    assert.equal(got.verb.id, s.verb.id);
  }
  assert.equal(new Set(stored.map((s) => s.id)).size, stored.length, 'two stored statements share an id');
}

/** "N statements stored, A already held by the LRS, R refused, C in conflict, Q still queued in DIR" */
function summary(stdout) {
  const m = /^(\d+) statements stored, (\d+) already held by the LRS, (\d+) refused, (\d+) in conflict, (\d+) still queued in (.+)$/m.exec(stdout);
  assert.ok(m, `no summary line in: ${stdout}`);
  return { stored: Number(m[1]), already: Number(m[2]), refused: Number(m[3]), conflicts: Number(m[4]),
    queued: Number(m[5]), folder: m[6] };
}

/** "N statements read: Q new, S already stored, A already queued, X set aside before" */
function intake(stdout) {
  const m = /^(\d+) statements read: (\d+) new, (\d+) already stored, (\d+) already queued, (\d+) set aside before$/m.exec(stdout);
  assert.ok(m, `no intake line in: ${stdout}`);
  return { read: Number(m[1]), added: Number(m[2]), stored: Number(m[3]), queued: Number(m[4]), setAside: Number(m[5]) };
}

const lines = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

/**
 * Writes statements as one JSON array (test a sends JSON lines, as the core's
 * sample_statements prints them; test h compares both formats' reading time).
 */
function writeArray(file, statements) {
  writeFileSync(file, JSON.stringify(statements));
  return file;
}

// -------------------------------------------------------------------- tests

describe('coursepack lrs send/pull against a real LRS', () => {
  // a. Every statement the core makes is accepted by a real LRS and comes back.
  //    sample_statements numbers ids from ...0001 in every run, so two courses or
  //    two languages reuse ids with other content (a 409 at the LRS): each input
  //    gets its own fresh LRS.
  describe('a. the core\'s statements are accepted', () => {
    for (const [course, lang] of [['sets-2', 'fr'], ['sets-2', 'en'], ['sets-1', 'fr'], ['sets-1', 'en']]) {
      test(`${course} ${lang}`, { timeout: 60_000 }, async () => {
        const dir = tempDir();
        const made = await run(SAMPLE_STATEMENTS, [path.join(ROOT, 'samples/sets', course), lang], { env: clientEnv(dir) });
        assert.equal(made.code, 0, show(made));
        const file = path.join(dir, `${course}-${lang}.jsonl`);
        writeFileSync(file, made.stdout);
        const sent = made.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        assert.ok(sent.length > 100, `only ${sent.length} statements`);
        assert.ok(sent.every((s) => s.context.language === lang));

        const lrs = await freshLrs();
        const env = clientEnv(dir, { endpoint: lrs.endpoint });
        const queue = path.join(dir, 'queue');
        const r = await coursepack(['lrs', 'send', file, '-q', queue], { env });
        assert.equal(r.code, 0, show(r));
        assert.deepEqual(summary(r.stdout), { stored: sent.length, already: 0, refused: 0, conflicts: 0, queued: 0, folder: queue });
        assert.equal(r.stderr, '');

        const pulled = await pull(dir, env);
        assert.deepEqual(pulled.map((s) => s.id).sort(), sent.map((s) => s.id).sort());
        // What matters to a report came back unchanged.
        const view = (s) => ({ id: s.id, actor: s.actor.mbox, verb: s.verb, object: s.object.id,
          result: s.result, registration: s.context.registration, language: s.context.language,
          timestamp: Date.parse(s.timestamp) });
        const byId = new Map(pulled.map((s) => [s.id, s]));
        for (const s of sent) assert.deepEqual(view(byId.get(s.id)), view(s));

        // Filters reach the LRS: every "answered" statement, and only those.
        const answered = await pull(dir, env, ['--verb', 'answered']);
        assert.deepEqual(answered.map((s) => s.id).sort(),
          sent.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/answered').map((s) => s.id).sort());
        assert.ok(answered.length > 0);
      });
    }
  });

  // b. 10,000 statements, half without ids, exactly once.
  test('b. 10,000 statements (half without id) are stored exactly once', { timeout: 90_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const registration = randomUUID();
    const sent = makeStatements(10_000, { registration });
    const file = writeArray(path.join(dir, 'statements.json'), sent);
    const queue = path.join(dir, 'queue');

    const r = await coursepack(['lrs', 'send', file, '-q', queue, '-b', '100'], { env, timeoutMs: 80_000 });
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(summary(r.stdout), { stored: 10_000, already: 0, refused: 0, conflicts: 0, queued: 0, folder: queue });
    // Done: the queue is compacted.
    assert.deepEqual(lines(path.join(queue, 'statements.jsonl')), []);
    assert.deepEqual(lines(path.join(queue, 'rejected.jsonl')), []);

    const pulled = await pull(dir, env, ['--registration', registration]);
    assertExactlyOnce(pulled, sent);
    // And the LRS, read without the client, agrees.
    assert.deepEqual((await lrsStatements(lrs)).map((s) => s.id).sort(), pulled.map((s) => s.id).sort());
  });

  // c. Through the fault proxy: every kind of fault, still exactly once.
  test('c. through drops, 500s, 429s and slow answers: exactly once', { timeout: 120_000 }, async (t) => {
    const dir = tempDir();
    const lrs = await freshLrs();
    // The first five POSTs get one fault of each kind for sure; after that a
    // seeded schedule faults ~30% of POSTs with a kind picked among all five.
    // Only POSTs are counted, so the fault schedule is the same on every run
    // (the client sends its batches one after the other).
    const plan = 'drop-before@1,drop-after@2,500@3,429@4,slow@5,seed=20261128,rate=0.3,methods=POST,slowms=1500-2500';
    const proxy = await freshProxy(lrs.endpoint, plan);
    const env = clientEnv(dir, { endpoint: proxy.endpoint });
    const sent = makeStatements(1200);
    const file = writeArray(path.join(dir, 'statements.json'), sent);
    const queue = path.join(dir, 'queue');

    const r = await coursepack(['lrs', 'send', file, '-q', queue, '-b', '40'], { env, timeoutMs: 110_000 });
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(summary(r.stdout), { stored: 1200, already: 0, refused: 0, conflicts: 0, queued: 0, folder: queue });

    const stats = proxy.stats();
    const detail = JSON.stringify({ ...stats, log: undefined });
    t.diagnostic(`send took ${r.ms} ms; proxy: ${stats.counted} POSTs, ${stats.passed} passed, faults ${JSON.stringify(stats.injected)}`);
    for (const kind of FAULT_KINDS) assert.ok(stats.injected[kind] >= 1, `no ${kind} fault: ${detail}`);
    assert.ok(stats.injectedTotal >= 10, `only ${stats.injectedTotal} faults: ${detail}`);
    assert.equal(stats.counted, stats.passed + stats.injectedTotal);
    // 30 batches: each passes once (or its answer is slow or dropped after storing);
    // every other request was a retry.
    assert.equal(stats.passed + stats.injected.slow, 30, detail);
    assert.equal(stats.upstreamErrors, 0);
    // Retry-After: 1 is honoured: the request after a 429 comes >= 1 s later.
    const log = stats.log;
    assert.ok(log.length === stats.counted, 'proxy log truncated');
    for (const [i, entry] of log.entries()) {
      if (entry.fault !== '429') continue;
      const gap = Date.parse(log[i + 1].at) - Date.parse(entry.at);
      assert.ok(gap >= 950, `retry ${gap} ms after a 429 with Retry-After: 1`);
    }

    assertExactlyOnce(await lrsStatements(lrs), sent);
  });

  // d. kill -9 while sending, then the same command again.
  test('d. kill -9 mid-send, rerun: complete, no duplicates', { timeout: 120_000 }, async (t) => {
    const dir = tempDir();
    const lrs = await freshLrs();
    // Slow-ish: every POST's answer is held 5-15 ms, on top of the LRS's own time
    // (~1 ms per statement): 400 batches of 25 take ~20 s in all.
    const slowish = 'slow@*1,slowms=5-15,methods=POST';
    const proxy = await freshProxy(lrs.endpoint, slowish);
    const env = clientEnv(dir, { endpoint: proxy.endpoint });
    const N = 10_000;
    const BATCH = 25;
    const sent = makeStatements(N);
    const file = writeArray(path.join(dir, 'statements.json'), sent);
    const queue = path.join(dir, 'queue');
    const done = path.join(queue, 'stored.keys');
    const args = ['lrs', 'send', file, '-q', queue, '-b', String(BATCH), '--quiet'];
    const confirmed = () => (existsSync(done) ? Math.floor(statSync(done).size / 16) : 0); // a 16-byte key each

    let child;
    const first = coursepack(args, { env, timeoutMs: 100_000, onSpawn: (c) => { child = c; } });
    // Once ~2,000 statements are confirmed, hold the next answer for 5 s: the
    // LRS stores that batch but the client does not hear back. Wait until the
    // LRS has it, then SIGKILL: the worst moment, a batch stored but not
    // recorded as sent.
    const deadline = Date.now() + 60_000;
    while (confirmed() < 2000) {
      assert.ok(Date.now() < deadline, 'the client did not get going');
      assert.equal(child.exitCode, null, 'the client ended before it was killed');
      await new Promise((r) => setTimeout(r, 20));
    }
    proxy.setPlan('slow@*1,slowms=5000-5000,methods=POST');
    let stored = 0;
    for (let i = 0; ; i++) {
      assert.ok(i < 200, 'the held batch never reached the LRS');
      await new Promise((r) => setTimeout(r, 25));
      // In this order: once the proxy forwarded a request under the new plan, the
      // client has recorded every earlier batch and waits; `confirmed()` is stable.
      if (proxy.stats().forwarded < 1) continue;
      stored = (await lrsStatements(lrs)).length;
      if (stored === confirmed() + BATCH) break;
    }
    child.kill('SIGKILL');
    const killed = await first;
    assert.equal(killed.signal, 'SIGKILL', show(killed));
    const confirmedAtKill = confirmed();
    stored = (await lrsStatements(lrs)).length;
    assert.ok(stored > 0 && stored < N, `${stored} stored`);
    assert.equal(stored, confirmedAtKill + BATCH, 'exactly one batch stored but not confirmed');
    t.diagnostic(`killed after ${killed.ms} ms: ${stored} stored by the LRS, ${confirmedAtKill} recorded as sent`);
    assert.equal(lines(path.join(queue, 'statements.jsonl')).length, N, 'the queue holds every statement');

    // The same command again, through the same slow-ish proxy.
    proxy.setPlan(slowish);
    const again = await coursepack(args, { env, timeoutMs: 100_000 });
    assert.equal(again.code, 0, show(again));
    assert.equal(again.stdout, '');
    t.diagnostic(`rerun took ${again.ms} ms`);
    assert.deepEqual(lines(path.join(queue, 'statements.jsonl')), []);
    const statsAfter = proxy.stats();
    // The rerun resends what was not confirmed, the held batch included, and nothing else.
    assert.equal(statsAfter.counted, (N - confirmedAtKill) / BATCH, JSON.stringify({ ...statsAfter, log: undefined }));
    assertExactlyOnce(await lrsStatements(lrs), sent);
  });

  // e. Refused credentials: clear message, queue kept; then drained without FILE.
  test('e. wrong credentials keep the queue; the right ones drain it', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const sent = makeStatements(250);
    const file = writeArray(path.join(dir, 'statements.json'), sent);
    const queue = path.join(dir, 'queue');

    const wrong = await coursepack(['lrs', 'send', file, '-q', queue],
      { env: clientEnv(dir, { endpoint: lrs.endpoint, secret: 'not-the-secret' }) });
    assert.notEqual(wrong.code, 0, show(wrong));
    assert.match(wrong.stderr,
      /^coursepack lrs send: the LRS refused the credentials from environment \(COURSEPACK_LRS_ENDPOINT\) \(HTTP 401: Unauthorised\); the statements stay queued: run `coursepack lrs send` again\n$/,
      show(wrong));
    assert.deepEqual(summary(wrong.stdout), { stored: 0, already: 0, refused: 0, conflicts: 0, queued: 250, folder: queue });
    const queued = lines(path.join(queue, 'statements.jsonl')).map((l) => JSON.parse(l));
    assert.equal(queued.length, 250);
    assert.deepEqual(queued.map((s) => s.context.extensions[EXT_SEQ]), sent.map((_, i) => i));
    assert.deepEqual(lines(path.join(queue, 'rejected.jsonl')), [], 'a credentials problem rejects no statement');
    assert.equal((await lrsStatements(lrs)).length, 0);
    // Ids derived for the id-less statements are in the queue already.
    const derived = queued.map((s) => s.id);

    // A wrong key is reported the same way.
    const wrongKey = await coursepack(['lrs', 'send', '-q', queue],
      { env: clientEnv(dir, { endpoint: lrs.endpoint, key: 'nobody' }) });
    assert.notEqual(wrongKey.code, 0);
    assert.match(wrongKey.stderr, /refused the credentials .*HTTP 401/);
    assert.equal(lines(path.join(queue, 'statements.jsonl')).length, 250);

    const right = await coursepack(['lrs', 'send', '-q', queue], { env: clientEnv(dir, { endpoint: lrs.endpoint }) });
    assert.equal(right.code, 0, show(right));
    assert.deepEqual(summary(right.stdout), { stored: 250, already: 0, refused: 0, conflicts: 0, queued: 0, folder: queue });
    const stored = await lrsStatements(lrs);
    assertExactlyOnce(stored, sent);
    assert.deepEqual(stored.map((s) => s.id).sort(), [...derived].sort(), 'stored under the ids queued');
    assert.deepEqual(lines(path.join(queue, 'statements.jsonl')), []);
  });

  // f. A config file others can read is refused; a 600 one works.
  test('f. --config: world-readable refused, mode 600 used', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const config = path.join(dir, 'lrs.json');
    writeFileSync(config, JSON.stringify({ endpoint: lrs.endpoint, key: KEY, secret: SECRET }));
    chmodSync(config, 0o644);
    const sent = makeStatements(10);
    const file = writeArray(path.join(dir, 'statements.json'), sent);
    const queue = path.join(dir, 'queue');
    // The environment names the right LRS with a wrong secret: --config must win.
    const env = clientEnv(dir, { endpoint: lrs.endpoint, secret: 'from-the-environment' });

    const open = await coursepack(['lrs', '--config', config, 'send', file, '-q', queue], { env });
    assert.equal(open.code, 1, show(open));
    assert.equal(open.stderr,
      `coursepack lrs: ${config}: other users of this machine may read or change it (mode 644); it holds the LRS secret: chmod 600 ${config}\n`);
    assert.equal(open.stdout, '');
    assert.equal(existsSync(queue), false, 'nothing queued with a refused config');
    const about = await coursepack(['lrs', '--config', config, 'about'], { env });
    assert.equal(about.code, 1);
    assert.match(about.stderr, /other users of this machine may read or change it/);
    assert.equal((await lrsStatements(lrs)).length, 0);

    chmodSync(config, 0o600);
    const ok = await coursepack(['lrs', '--config', config, 'send', file, '-q', queue], { env });
    assert.equal(ok.code, 0, show(ok));
    assert.deepEqual(summary(ok.stdout), { stored: 10, already: 0, refused: 0, conflicts: 0, queued: 0, folder: queue });
    const okAbout = await coursepack(['lrs', '--config', config, 'about'], { env });
    assert.equal(okAbout.code, 0, show(okAbout));
    assert.equal(okAbout.stdout, `${lrs.endpoint}/ speaks xAPI 1.0.3\ncredentials from ${config} accepted\n`);
    assertExactlyOnce(await lrsStatements(lrs), sent);
  });

  // g. Statements the LRS refuses: reported, set aside, the rest stored.
  test('g. a 400 is refused and a 409 with other content is a conflict; the others stored', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const sent = makeStatements(60);
    // #17: a verb id that is not an IRI -> 400 from the LRS.
    sent[17] = { ...sent[17], id: randomUUID(), verb: { id: 'not a verb iri', display: { 'en-US': 'broken' } } };
    // #42: an id the LRS already holds with other content -> 409.
    const conflictId = randomUUID();
    const earlier = { ...makeStatements(1)[0], id: conflictId };
    earlier.context = { registration: randomUUID(), extensions: { [EXT_SEQ]: 1000 } };
    await postDirect(lrs, [earlier]);
    sent[42] = { ...sent[42], id: conflictId };
    const file = writeArray(path.join(dir, 'statements.json'), sent);
    const queue = path.join(dir, 'queue');

    const r = await coursepack(['lrs', 'send', file, '-q', queue, '-b', '20'], { env });
    assert.equal(r.code, 1, show(r));
    assert.deepEqual(summary(r.stdout), { stored: 58, already: 0, refused: 1, conflicts: 1, queued: 0, folder: queue });
    // Each: the id and why, and no learner data (the statements name people).
    assert.equal(r.stderr,
      `refused: statement ${sent[17].id}: HTTP 400: ["Problem in 'statements.0.verb.id'. Received '\\"not a verb iri\\"'"]\n` +
      `conflict: statement ${conflictId}: the LRS holds another statement with this id (both versions in ${queue}/conflicts.jsonl)\n`);
    assert.doesNotMatch(r.stderr, /mailto:|learner/);

    const rejected = lines(path.join(queue, 'rejected.jsonl')).map((l) => JSON.parse(l));
    assert.deepEqual(rejected.map(({ id, status }) => ({ id, status })), [{ id: sent[17].id, status: 400 }]);
    assert.match(rejected[0].reason, /statements\.0\.verb\.id/);
    assert.deepEqual(rejected[0].statement, sent[17]);
    const conflicts = lines(path.join(queue, 'conflicts.jsonl')).map((l) => JSON.parse(l));
    assert.equal(conflicts.length, 1);
    assert.deepEqual(conflicts[0].statement, sent[42]);
    assert.equal(conflicts[0].stored.context.extensions[EXT_SEQ], 1000, 'the version the LRS holds is kept too');

    // The LRS holds the 58 others plus the earlier statement, unchanged.
    const stored = await lrsStatements(lrs);
    const keep = sent.filter((_, i) => i !== 17 && i !== 42);
    const mine = stored.filter((s) => s.id !== conflictId);
    assert.equal(mine.length, 58);
    const bySeq = new Map(mine.map((s) => [s.context.extensions[EXT_SEQ], s]));
    for (const s of keep) {
      const seq = s.context.extensions[EXT_SEQ];
      assert.ok(bySeq.has(seq), `statement ${seq} missing`);
      if (s.id) assert.equal(bySeq.get(seq).id, s.id);
    }
    assert.equal(stored.find((s) => s.id === conflictId).context.extensions[EXT_SEQ], 1000);

    // The same input again: nothing new, the two set aside are counted and the exit says so.
    const again = await coursepack(['lrs', 'send', file, '-q', queue], { env });
    assert.equal(again.code, 1, show(again));
    assert.deepEqual(intake(again.stdout), { read: 60, added: 0, stored: 58, queued: 0, setAside: 2 });
    assert.match(again.stderr, /^coursepack lrs send: 2 statements of the input were refused or in conflict before and are not sent again/m);
    // --verbose shows what was refused, for the operator who must fix it.
    const verbose = await coursepack(['lrs', 'send', '-q', queue, '--retry-rejected', '--verbose'], { env });
    assert.equal(verbose.code, 1, show(verbose));
    assert.match(verbose.stderr, /^  \{.*"not a verb iri"/m);
  });

  // h. Regression: until the build of 2026-11-28 14:55, parse_statements computed the
  //    line/column of every JSON line from the start of the text (quadratic: ~20 s of
  //    CPU for 10,000 lines, before the first request).
  test('h. JSON lines input is read in linear time', { timeout: 60_000 }, async (t) => {
    const dir = tempDir();
    const lrs = await freshLrs();
    // Wrong secret: the client reads the input, queues it, and stops at the first POST.
    const env = clientEnv(dir, { endpoint: lrs.endpoint, secret: 'wrong' });
    const sent = makeStatements(4000);
    const asArray = writeArray(path.join(dir, 'statements.json'), sent);
    const asLines = path.join(dir, 'statements.jsonl');
    writeFileSync(asLines, sent.map((s) => JSON.stringify(s)).join('\n') + '\n');
    const a = await coursepack(['lrs', 'send', asArray, '-q', path.join(dir, 'qa')], { env });
    const l = await coursepack(['lrs', 'send', asLines, '-q', path.join(dir, 'ql')], { env });
    for (const r of [a, l]) {
      assert.match(r.stderr, /refused the credentials .*HTTP 401/, show(r));
      assert.equal(summary(r.stdout).queued, 4000);
    }
    t.diagnostic(`JSON lines ${l.ms} ms, array ${a.ms} ms`);
    assert.ok(l.ms < 3 * a.ms + 500, `JSON lines ${l.ms} ms, the same as an array ${a.ms} ms`);
  });
});

// ------------------------------------- issue 7: a hostile or faulty world
// Each test pins one failure found by the campaign of issue 7 (numbers as in the issue).

async function fake(handle) {
  const server = await startScripted(handle);
  cleanups.push(() => server.close());
  return server;
}

const statementResult = (statements, more = '') => ({ status: 200, body: { statements, more } });

describe('issue 7: statements never lost, duplicated or leaked', () => {
  test('1. pull never follows `more` to another origin: the credentials stay home', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const collector = await fake(() => statementResult([]));
    const [first] = makeStatements(1);
    const lrs = await fake(() => statementResult([first], `${collector.origin}/collect`));
    const r = await coursepack(['lrs', 'pull', '-o', path.join(dir, 'out.jsonl')], { env: clientEnv(dir, { endpoint: lrs.endpoint }) });
    assert.equal(r.code, 1, show(r));
    assert.equal(r.stderr, `coursepack lrs pull: the LRS's next-page link leads to ${collector.origin}, not to ${lrs.origin}: ` +
      'not followed (the credentials would go there)\n');
    assert.equal(collector.requests.length, 0, 'a request reached the other origin');
    assert.equal(existsSync(path.join(dir, 'out.jsonl')), false, 'no half-written output');
  });

  test('1. credentials written in the endpoint URL are used and never printed', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const file = writeArray(path.join(dir, 's.json'), makeStatements(3));
    const withUserinfo = (url) => url.replace('http://', `http://${KEY}:${SECRET}@`);
    const env = { ...clientEnv(dir), COURSEPACK_LRS_ENDPOINT: withUserinfo(`${lrs.origin}/wrong/xAPI`) };
    const wrong = await coursepack(['lrs', 'send', file], { env });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /answered HTTP 404/, show(wrong));
    const ok = await coursepack(['lrs', 'send', file], { env: { ...env, COURSEPACK_LRS_ENDPOINT: withUserinfo(lrs.endpoint) } });
    assert.equal(ok.code, 0, show(ok));
    for (const r of [wrong, ok]) assert.doesNotMatch(r.stdout + r.stderr, new RegExp(SECRET), show(r));
    assert.equal((await lrsStatements(lrs)).length, 3);
  });

  test('1. pull -o writes a file only its owner can read', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    await postDirect(lrs, makeStatements(2));
    const out = path.join(dir, 'learners.jsonl');
    const r = await coursepack(['lrs', 'pull', '-o', out], { env: clientEnv(dir, { endpoint: lrs.endpoint }) });
    assert.equal(r.code, 0, show(r));
    assert.equal(statSync(out).mode & 0o777, 0o600);
    assert.equal(lines(out).length, 2);
  });

  test('1. a config file others may read or write is refused; 600 and 400 are used', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const config = path.join(dir, 'lrs.json');
    writeFileSync(config, JSON.stringify({ endpoint: lrs.endpoint, key: KEY, secret: SECRET }));
    for (const mode of [0o640, 0o660, 0o620, 0o604, 0o602]) {
      chmodSync(config, mode);
      const r = await coursepack(['lrs', 'about', '--config', config], { env: clientEnv(dir) });
      assert.equal(r.code, 1, `mode ${mode.toString(8)}: ${show(r)}`);
      assert.match(r.stderr, new RegExp(`\\(mode ${mode.toString(8)}\\); it holds the LRS secret: chmod 600`));
    }
    for (const mode of [0o600, 0o400]) {
      chmodSync(config, mode);
      const r = await coursepack(['lrs', 'about', '--config', config], { env: clientEnv(dir) });
      assert.equal(r.code, 0, `mode ${mode.toString(8)}: ${show(r)}`);
    }
  });

  test('2. appending to an input or re-encoding it adds exactly the new statements', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const events = makeStatements(4).map(({ id, ...rest }) => rest);  // ids left to the client
    const first = path.join(dir, 'events.jsonl');
    writeFileSync(first, events.slice(0, 3).map((s) => JSON.stringify(s)).join('\n') + '\n');
    assert.equal((await coursepack(['lrs', 'send', first], { env })).code, 0);
    // The same events, one more, with CRLF line ends.
    const crlf = path.join(dir, 'events-crlf.jsonl');
    writeFileSync(crlf, events.map((s) => JSON.stringify(s)).join('\r\n') + '\r\n');
    const r = await coursepack(['lrs', 'send', crlf], { env });
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(intake(r.stdout), { read: 4, added: 1, stored: 3, queued: 0, setAside: 0 });
    // Reordered, pretty-printed, with a byte order mark, from a machine with another queue.
    const pretty = path.join(dir, 'events.json');
    writeFileSync(pretty, '\ufeff' + JSON.stringify([...events].reverse(), null, 2));
    const other = await coursepack(['lrs', 'send', pretty, '-q', path.join(dir, 'elsewhere')], { env });
    assert.equal(other.code, 0, show(other));
    const stored = await lrsStatements(lrs);
    assert.equal(stored.length, 4, 'four events, four statements');
    assert.deepEqual(stored.map((s) => s.context.extensions[EXT_SEQ]).sort(), [0, 1, 2, 3]);
  });

  test('3. a second version of a stored statement is reported as a conflict', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const [statement] = makeStatements(1);
    assert.equal((await coursepack(['lrs', 'send', writeArray(path.join(dir, 'a.json'), [statement])], { env })).code, 0);
    const edited = { ...statement, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    const r = await coursepack(['lrs', 'send', writeArray(path.join(dir, 'b.json'), [edited])], { env });
    assert.equal(r.code, 1, show(r));
    assert.equal(summary(r.stdout).conflicts, 1);
    assert.match(r.stderr, new RegExp(`^conflict: statement ${statement.id}: the LRS holds another statement with this id`, 'm'));
    const [held] = await lrsStatements(lrs);
    assert.equal(held.verb.id, statement.verb.id, 'the stored version is untouched');
  });

  test('3. a 409 for an identical resend counts as stored', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const sent = makeStatements(30);
    await postDirect(lrs, sent.filter((s) => s.id));
    const strict = await startStrict409(lrs);
    cleanups.push(() => strict.close());
    const r = await coursepack(['lrs', 'send', writeArray(path.join(dir, 's.json'), sent), '-b', '10'],
      { env: clientEnv(dir, { endpoint: strict.endpoint }) });
    assert.equal(r.code, 0, show(r));
    const withId = sent.filter((s) => s.id).length;
    assert.deepEqual(summary(r.stdout), { ...summary(r.stdout), stored: sent.length - withId, already: withId, refused: 0, conflicts: 0 });
    assertExactlyOnce(await lrsStatements(lrs), sent);
  });

  test('3. statements a middlebox refused are sent again with --retry-rejected, never skipped silently', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const queue = path.join(dir, 'queue');
    const sent = makeStatements(5);
    const file = writeArray(path.join(dir, 's.json'), sent);
    const middlebox = await fake(({ method }) => (method === 'POST' ? { status: 400, body: 'Request blocked' } : statementResult([])));
    const blocked = await coursepack(['lrs', 'send', file, '-q', queue], { env: clientEnv(dir, { endpoint: middlebox.endpoint }) });
    assert.equal(blocked.code, 1, show(blocked));
    assert.equal(summary(blocked.stdout).refused, 5);
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const rerun = await coursepack(['lrs', 'send', file, '-q', queue], { env });
    assert.equal(rerun.code, 1, 'the statements set aside are not skipped silently');
    assert.equal(intake(rerun.stdout).setAside, 5);
    const retried = await coursepack(['lrs', 'send', '-q', queue, '--retry-rejected'], { env });
    assert.equal(retried.code, 0, show(retried));
    assert.match(retried.stdout, /^5 refused statements queued again$/m);
    assertExactlyOnce(await lrsStatements(lrs), sent);
  });

  test('4. a refused connection fails fast and says so', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const r = await coursepack(['lrs', 'send', writeArray(path.join(dir, 's.json'), makeStatements(3))],
      { env: clientEnv(dir, { endpoint: 'http://127.0.0.1:1/xAPI' }) });
    assert.equal(r.code, 1);
    assert.ok(r.ms < 2000, `${r.ms} ms`);
    assert.match(r.stderr, /^coursepack lrs send: cannot reach the LRS at http:\/\/127\.0\.0\.1:1\/xAPI\/: Couldn't connect to server; the statements stay queued/m);
    assert.equal(summary(r.stdout).queued, 3);
  });

  test('4. TLS spoken to a plain-HTTP port fails fast too', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const r = await coursepack(['lrs', 'send', writeArray(path.join(dir, 's.json'), makeStatements(2))],
      { env: clientEnv(dir, { endpoint: lrs.endpoint.replace('http://', 'https://') }) });
    assert.equal(r.code, 1, show(r));
    assert.ok(r.ms < 2000, `${r.ms} ms`);
    assert.match(r.stderr, /^coursepack lrs send: cannot reach the LRS at https:\/\/127\.0\.0\.1:\d+\/xAPI\/: SSL connect error;/m);
  });

  test('4. a server that never answers is given up at the deadline, the queue kept', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const silent = await startSilent();
    cleanups.push(() => silent.close());
    const r = await coursepack(['lrs', 'send', writeArray(path.join(dir, 's.json'), makeStatements(3)), '--deadline', '3'],
      { env: clientEnv(dir, { endpoint: silent.endpoint }) });
    assert.equal(r.code, 1, show(r));
    assert.ok(r.ms > 2500 && r.ms < 8000, `${r.ms} ms`);
    assert.match(r.stderr, /^coursepack lrs send: stopped at the deadline: .*the deadline of 3\.0 s/m);
    assert.equal(summary(r.stdout).queued, 3);
  });

  test('4. Retry-After is capped, and each retry is said on stderr (not with --quiet)', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    let posts = 0;
    const busy = await fake(async ({ method, url, headers, body }) => {
      if (method === 'POST' && ++posts === 1) return { status: 429, headers: { 'Retry-After': '3600' }, body: 'busy' };
      const res = await fetch(`${lrs.origin}${url}`, { method, body: method === 'GET' ? undefined : body,
        headers: { 'Content-Type': 'application/json', Authorization: headers.authorization, 'X-Experience-API-Version': '1.0.3' } });
      return { status: res.status, body: await res.text() };
    });
    const env = clientEnv(dir, { endpoint: busy.endpoint });
    const r = await coursepack(['lrs', 'send', writeArray(path.join(dir, 'a.json'), makeStatements(2)), '--max-retry-after', '1'], { env });
    assert.equal(r.code, 0, show(r));
    assert.ok(r.ms < 5000, `${r.ms} ms`);
    assert.equal(r.stderr, `coursepack lrs: ${busy.origin}: HTTP 429 (attempt 1 of 10); trying again in 1.0 s\n`);
    posts = 0;
    const quiet = await coursepack(['lrs', 'send', writeArray(path.join(dir, 'b.json'), makeStatements(2)), '--max-retry-after', '1', '--quiet'], { env });
    assert.equal(quiet.code, 0, show(quiet));
    assert.equal(quiet.stderr + quiet.stdout, '');
  });

  test('6. one queue per LRS: what waits for one never goes to another', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const down = await coursepack(['lrs', 'send', writeArray(path.join(dir, 's.json'), makeStatements(3))],
      { env: clientEnv(dir, { endpoint: 'http://127.0.0.1:1/xAPI' }) });
    assert.equal(summary(down.stdout).queued, 3);
    const other = await coursepack(['lrs', 'send'], { env: clientEnv(dir, { endpoint: lrs.endpoint }) });
    assert.equal(other.code, 0, show(other));
    assert.equal(summary(other.stdout).stored, 0);
    assert.notEqual(summary(other.stdout).folder, summary(down.stdout).folder);
    assert.equal((await lrsStatements(lrs)).length, 0);
  });

  test('7. pull writes each statement once when the LRS pages badly, and stops on a loop', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const [a, b, c] = makeStatements(3).map((s) => ({ ...s, id: s.id ?? randomUUID() }));
    const pages = { '1': statementResult([a, b], '/xAPI/statements?page=2'), '2': statementResult([b, c]) };
    const lrs = await fake(({ url }) => pages[new URL(url, 'http://x').searchParams.get('page') ?? '1']);
    const out = path.join(dir, 'out.jsonl');
    const r = await coursepack(['lrs', 'pull', '-o', out], { env: clientEnv(dir, { endpoint: lrs.endpoint }) });
    assert.equal(r.code, 0, show(r));
    assert.deepEqual(lines(out).map((l) => JSON.parse(l).id), [a.id, b.id, c.id]);
    assert.equal(r.stderr, 'coursepack lrs pull: warning: the LRS returned 1 statements more than once while paging; each is written once\n3 statements\n');
    pages['2'] = statementResult([c], '/xAPI/statements?page=2');
    const loop = await coursepack(['lrs', 'pull'], { env: clientEnv(dir, { endpoint: lrs.endpoint }) });
    assert.equal(loop.code, 1, show(loop));
    assert.match(loop.stderr, /the LRS gave the same next-page link twice/);
  });

  test('7. inputs: a folder is refused; a BOM, an array and a single pretty-printed object are read', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const folder = await coursepack(['lrs', 'send', dir], { env });
    assert.equal(folder.code, 1);
    assert.equal(folder.stderr, `coursepack lrs send: ${dir}: is a folder, not a file of statements\n`);
    const [one, two] = makeStatements(2);
    const bomArray = path.join(dir, 'bom.json');
    writeFileSync(bomArray, '\ufeff' + JSON.stringify([one]));
    const pretty = path.join(dir, 'one.json');
    writeFileSync(pretty, JSON.stringify(two, null, 2));
    const r = await coursepack(['lrs', 'send', bomArray, pretty], { env });
    assert.equal(r.code, 0, show(r));
    assert.equal((await lrsStatements(lrs)).length, 2);
  });

  test('7. about checks the credentials, not only that the LRS answers', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const r = await coursepack(['lrs', 'about'], { env: clientEnv(dir, { endpoint: lrs.endpoint, secret: 'wrong' }) });
    assert.equal(r.code, 1, show(r));
    assert.equal(r.stderr, 'coursepack lrs about: the LRS refused the credentials from environment (COURSEPACK_LRS_ENDPOINT) (HTTP 401)\n');
  });
});

// ------------------------------------------------------ client bugs, fixed
// Found while writing the tests above, fixed since; kept so they stay fixed.

describe('client bugs, fixed', () => {
  test('an LRS answering 404 (wrong endpoint path) must not reject statements for good', {
    timeout: 60_000,
  }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const sent = makeStatements(20);
    const file = writeArray(path.join(dir, 'statements.json'), sent);
    const queue = path.join(dir, 'queue');
    // Typical misconfiguration: Learning Locker's usual /data/xAPI path.
    const wrongPath = await coursepack(['lrs', 'send', file, '-q', queue],
      { env: clientEnv(dir, { endpoint: `${lrs.origin}/data/xAPI` }) });
    assert.notEqual(wrongPath.code, 0);
    const fixedPath = await coursepack(['lrs', 'send', file, '-q', queue], { env: clientEnv(dir, { endpoint: lrs.endpoint }) });
    assert.equal(fixedPath.code, 0, show(fixedPath));
    assertExactlyOnce(await lrsStatements(lrs), sent);
  });

  test('a corrected statement re-sent with the id of a refused one must be sent', {
    timeout: 60_000,
  }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const queue = path.join(dir, 'queue');
    const [good] = makeStatements(1);
    const bad = { ...good, verb: { id: 'not a verb iri' } };
    const first = await coursepack(['lrs', 'send', writeArray(path.join(dir, 'bad.json'), [bad]), '-q', queue], { env });
    assert.equal(first.code, 1);
    const second = await coursepack(['lrs', 'send', writeArray(path.join(dir, 'good.json'), [good]), '-q', queue], { env });
    assert.equal(summary(second.stdout).stored + summary(second.stdout).refused, 1, show(second));
    assert.deepEqual((await lrsStatements(lrs)).map((s) => s.id), [good.id]);
  });

  test('queue files stay private (0600) after the queue is compacted', {
    timeout: 60_000,
  }, async () => {
    const dir = tempDir();
    const lrs = await freshLrs();
    const env = clientEnv(dir, { endpoint: lrs.endpoint });
    const queue = path.join(dir, 'queue');
    const r = await coursepack(['lrs', 'send', writeArray(path.join(dir, 's.json'), makeStatements(3)), '-q', queue], { env });
    assert.equal(r.code, 0, show(r));
    for (const name of ['statements.jsonl', 'cursor', 'stored.keys', 'lock'])
      assert.equal(statSync(path.join(queue, name)).mode & 0o077, 0, `${name} is readable by others`);
  });
});
