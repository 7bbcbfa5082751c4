// Smoke test of the local test LRS (xapi-statements 5.0.1, memory mode, fetch
// auth) and of the fault-injecting proxy in front of it.
//
//   npm ci --prefix tests/lrs && node --test tests/lrs/smoke.test.mjs
//
// Everything listens on 127.0.0.1 with random ports; the run takes ~20 s.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startFaultProxy, parseFaultSpec, plannedFault, FAULT_KINDS } from './fault-proxy.mjs';
import { startLrs, XAPI_BASE_PATH } from './lrs.mjs';
import { makeClient, request } from './xapi-client.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KEY = 'coursepack';
const SECRET = 'secret';
const TEST_TIMEOUT = 60_000;

const MISSING_VERSION_WARNING = "Missing required value in 'header.X-Experience-API-Version'";
const MORE_RE = new RegExp(`^${XAPI_BASE_PATH}/statements\\?(?:[^#]*&)?cursor=[0-9a-f-]{36}$`);

// ---------------------------------------------------------------- helpers

function makeStatement({ id = randomUUID(), verb = 'completed', registration, n = 0, withId = true } = {}) {
  const s = {
    actor: { objectType: 'Agent', name: 'Smoke Learner', mbox: 'mailto:smoke-learner@example.org' },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
    object: {
      objectType: 'Activity',
      id: `https://coursepack.example/course/smoke/sco/${n}`,
      definition: { name: { 'en-US': `SCO ${n}` } },
    },
    timestamp: '2024-05-01T12:00:00.000Z',
  };
  if (withId) s.id = id;
  if (registration) s.context = { registration };
  return s;
}

/** GET statements with `query`, then follow `more` until it is "". */
async function walk(client, query, maxPages = 500) {
  const statements = [];
  const mores = [];
  let res = await client.getStatements(query);
  for (let page = 0; ; page++) {
    assert.equal(res.status, 200, `page ${page}: ${res.text}`);
    assert.ok(Array.isArray(res.json.statements));
    statements.push(...res.json.statements);
    const more = res.json.more;
    assert.equal(typeof more, 'string');
    if (more === '') break;
    mores.push(more);
    assert.ok(page < maxPages, 'too many pages');
    res = await client.getMore(more);
  }
  return { statements, mores, pages: mores.length + 1 };
}

const countBy = (items, key) => items.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map());

/**
 * xapi-statements' memory store orders by `stored` but pages with a cursor
 * compared against a uuid-v1 string (time_low first), which wraps every
 * 2^32 x 100 ns = 429.4967 s. Paging is only exact if no wrap happened while
 * the statements being paged were stored.
 */
const UUID_V1_OFFSET_MS = 12219292800000;
export function uuidV1Epoch(ms) { return Math.floor(((ms + UUID_V1_OFFSET_MS) * 10000) / 2 ** 32); }

function portIsClosed(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => { s.destroy(); resolve(false); });
    s.once('error', () => resolve(true));
  });
}

/** Spawn a CLI and wait for its ready line on stdout. */
function spawnCli(args, env, readyRe, timeoutMs = 20_000) {
  const child = spawn(process.execPath, args, { cwd: HERE, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line from ${args[0]}: ${out}\n${err}`)), timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const m = readyRe.exec(out);
      if (m) { clearTimeout(timer); resolve(m); }
    });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`${args[0]} exited ${code}: ${err}`)); });
  });
  return { child, ready, exited, output: () => ({ out, err }) };
}

// ------------------------------------------------------------------ setup

let lrs;
let proxy;
const firstPostAt = Date.now();

before(async () => {
  lrs = await startLrs({ port: 0, key: KEY, secret: SECRET });
  proxy = await startFaultProxy({ target: lrs.endpoint, port: 0 });
});

after(async () => {
  await proxy?.close();
  await lrs?.close();
});

// ------------------------------------------- protocol checks (run twice)

/**
 * The xAPI behaviours coursepack's client relies on. `ctx()` returns
 * {client, bad: {wrongSecret, wrongKey, noAuth}, direct} - direct is a
 * fault-free client used to verify what the LRS really stored.
 */
function protocolSuite(ctx) {
  const registration = randomUUID();
  const batch = [0, 1, 2].map((n) => makeStatement({ n, registration }));

  it('GET /about lists version 1.0.3 (no auth, no version header needed)', async () => {
    const res = await ctx().client.call({ path: '/about', noAuth: true, noVersion: true });
    assert.equal(res.status, 200);
    assert.ok(res.json.version.includes('1.0.3'), res.text);
  });

  it('POST 3 statements -> 200 with their ids', async () => {
    const res = await ctx().client.postStatements(batch);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, batch.map((s) => s.id));
    for (const s of batch) {
      const got = await ctx().direct.getStatement(s.id);
      assert.equal(got.status, 200, got.text);
      assert.equal(got.json.id, s.id);
      assert.equal(got.json.verb.id, s.verb.id);
      assert.deepEqual(got.json.authority, lrs.clientInfo.authority);
    }
  });

  it('re-POST of the same ids + content -> 200 with ids, no duplicates; PUT -> 204', async () => {
    const res = await ctx().client.postStatements(batch);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, batch.map((s) => s.id));
    const single = await ctx().client.postStatements(batch[0]);
    assert.equal(single.status, 200, single.text);
    assert.deepEqual(single.json, [batch[0].id]);
    const put = await ctx().client.putStatement(batch[1]);
    assert.equal(put.status, 204, put.text);
    assert.equal(put.text, '');
    const all = await ctx().direct.getStatements({ registration, limit: 1000 });
    assert.equal(all.status, 200);
    assert.equal(all.json.more, '');
    const counts = countBy(all.json.statements, (s) => s.id);
    assert.deepEqual([...counts.keys()].sort(), batch.map((s) => s.id).sort());
    assert.ok([...counts.values()].every((c) => c === 1), JSON.stringify([...counts]));
  });

  it('same id, other content -> 409 (POST and PUT), stored statement unchanged', async () => {
    const changed = { ...batch[0], verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    const res = await ctx().client.postStatements([changed]);
    assert.equal(res.status, 409, res.text);
    assert.equal(res.json.message, `${batch[0].id} is conflicting`);
    assert.match(res.json.errorId, /^[0-9a-f-]{36}$/);
    const put = await ctx().client.putStatement(changed);
    assert.equal(put.status, 409, put.text);
    // A batch with one conflicting statement is rejected whole.
    const fresh = makeStatement({ n: 9, registration });
    const mixed = await ctx().client.postStatements([fresh, changed]);
    assert.equal(mixed.status, 409, mixed.text);
    assert.equal((await ctx().direct.getStatement(fresh.id)).status, 404);
    const got = await ctx().direct.getStatement(batch[0].id);
    assert.equal(got.json.verb.id, batch[0].verb.id);
  });

  it('wrong or missing credentials -> 401 {"message":"Unauthorised"}', async () => {
    const { bad } = ctx();
    const s = makeStatement({ n: 5, registration });
    for (const [name, c] of Object.entries(bad)) {
      const post = await c.postStatements([s]);
      assert.equal(post.status, 401, `${name} POST: ${post.text}`);
      assert.equal(post.json.message, 'Unauthorised');
      assert.equal(post.headers['www-authenticate'], undefined);
      const get = await c.getStatements({ limit: 1 });
      assert.equal(get.status, 401, `${name} GET: ${get.text}`);
    }
    // Credentials are checked before the version header.
    const both = await bad.wrongSecret.postStatements([s], { noVersion: true });
    assert.equal(both.status, 401);
    assert.equal((await ctx().direct.getStatement(s.id)).status, 404);
  });

  it('missing X-Experience-API-Version -> 400 (POST, PUT, GET)', async () => {
    const s = makeStatement({ n: 6, registration });
    const post = await ctx().client.postStatements([s], { noVersion: true });
    assert.equal(post.status, 400, post.text);
    assert.deepEqual(post.json.warnings, [MISSING_VERSION_WARNING]);
    const put = await ctx().client.putStatement(s, { noVersion: true });
    assert.equal(put.status, 400, put.text);
    const get = await ctx().client.getStatements({ limit: 1 }, { noVersion: true });
    assert.equal(get.status, 400, get.text);
    const bogus = await ctx().client.postStatements([s], { headers: { 'X-Experience-API-Version': '0.9' }, noVersion: true });
    assert.equal(bogus.status, 400, bogus.text);
    assert.equal((await ctx().direct.getStatement(s.id)).status, 404);
  });

  it('GET /statements?limit=N and following `more` until "" returns every statement once', async () => {
    const pagingReg = randomUUID();
    const seven = Array.from({ length: 7 }, (_, n) => makeStatement({ n, registration: pagingReg }));
    const posted = await ctx().client.postStatements(seven);
    assert.equal(posted.status, 200, posted.text);
    const big = await ctx().client.getStatements({ registration: pagingReg, limit: 1000 });
    assert.equal(big.status, 200);
    assert.equal(big.json.more, '');
    assert.equal(big.json.statements.length, 7);
    const walked = await walk(ctx().client, { registration: pagingReg, limit: 2 });
    assert.equal(walked.pages, 4);
    for (const more of walked.mores) {
      assert.match(more, MORE_RE);
      assert.ok(more.includes(`registration=${pagingReg}`) && more.includes('limit=2'), more);
    }
    assert.deepEqual(walked.statements.map((s) => s.id), big.json.statements.map((s) => s.id));
    assert.deepEqual(new Set(walked.statements.map((s) => s.id)), new Set(seven.map((s) => s.id)));
  });
}

describe('LRS direct', { timeout: TEST_TIMEOUT }, () => {
  let c;
  const ctx = () => {
    c ??= {
      client: makeClient(lrs.endpoint, { key: KEY, secret: SECRET }),
      direct: makeClient(lrs.endpoint, { key: KEY, secret: SECRET }),
      bad: {
        wrongSecret: makeClient(lrs.endpoint, { key: KEY, secret: 'not-the-secret' }),
        wrongKey: makeClient(lrs.endpoint, { key: 'someone-else', secret: SECRET }),
        noAuth: makeClient(lrs.endpoint, {}),
      },
    };
    return c;
  };
  it('binds 127.0.0.1 and uses the /xAPI base path', () => {
    assert.match(lrs.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/xAPI$/);
  });
  protocolSuite(ctx);
});

describe('fault proxy: each fault kind does what it says', { timeout: TEST_TIMEOUT }, () => {
  it('parses specs deterministically', () => {
    const plan = parseFaultSpec('drop-before@1,500@3-4,429@*10,seed=42,rate=0.5,kinds=slow+drop-after,max=20');
    assert.equal(plannedFault(plan, 1), 'drop-before');
    assert.equal(plannedFault(plan, 4), '500');
    assert.equal(plannedFault(plan, 20), '429');
    const again = parseFaultSpec('drop-before@1,500@3-4,429@*10,seed=42,rate=0.5,kinds=slow+drop-after,max=20');
    const seq = (p) => Array.from({ length: 200 }, (_, i) => plannedFault(p, i + 1));
    assert.deepEqual(seq(plan), seq(again));
    const random = seq(plan).filter((f, i) => ![1, 3, 4].includes(i + 1) && (i + 1) % 10 !== 0);
    assert.ok(random.some((f) => f === 'slow') && random.some((f) => f === 'drop-after'));
    assert.ok(random.every((f) => f === null || f === 'slow' || f === 'drop-after'));
    assert.throws(() => parseFaultSpec('explode@1'), /unknown fault kind/);
  });

  it('drop-before, drop-after, 500, 429, slow on requests 1..5; counters at GET /__faults', async () => {
    // Set the plan through the control endpoint (what a C++ test would do).
    const set = await request(proxy.origin, {
      method: 'POST', path: '/__faults',
      body: { plan: 'drop-before@1,drop-after@2,500@3,429@4,slow@5,methods=POST+GET+PUT,path=/statements' },
    });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.json.counted, 0);
    const raw = makeClient(proxy.endpoint, { key: KEY, secret: SECRET }); // no retries
    const direct = makeClient(lrs.endpoint, { key: KEY, secret: SECRET });
    const reg = randomUUID();
    const [a, b, c, d] = [1, 2, 3, 4].map((n) => makeStatement({ n, registration: reg }));

    // /about does not match path=/statements: forwarded, not counted.
    assert.equal((await raw.about()).status, 200);

    // 1: drop-before -> the client sees a dropped connection, LRS never got it.
    await assert.rejects(raw.postStatements([a]), (err) => ['ECONNRESET', 'EPIPE'].includes(err.code) || /socket hang up/.test(err.message));
    assert.equal((await direct.getStatement(a.id)).status, 404);

    // 2: drop-after -> dropped connection, but the LRS stored the batch.
    await assert.rejects(raw.postStatements([b]), (err) => err.code === 'ECONNRESET' || /socket hang up/.test(err.message));
    assert.equal((await direct.getStatement(b.id)).status, 200);

    // 3: 500, nothing forwarded.
    const r500 = await raw.postStatements([c]);
    assert.equal(r500.status, 500);
    assert.equal(r500.headers['x-fault-proxy'], '500');
    assert.equal((await direct.getStatement(c.id)).status, 404);

    // 4: 429 + Retry-After: 1, nothing forwarded.
    const r429 = await raw.postStatements([c]);
    assert.equal(r429.status, 429);
    assert.equal(r429.headers['retry-after'], '1');
    assert.equal((await direct.getStatement(c.id)).status, 404);

    // 5: slow -> the real answer, 2-3 s late.
    const slow = await raw.postStatements([d]);
    assert.equal(slow.status, 200, slow.text);
    assert.deepEqual(slow.json, [d.id]);
    assert.equal(slow.headers['x-fault-proxy'], 'slow');
    assert.ok(slow.ms >= 1950 && slow.ms < 4000, `slow took ${slow.ms} ms`);

    // 6: passes untouched.
    const ok = await raw.postStatements([c]);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.headers['x-fault-proxy-seq'], '6');

    const stats = (await request(proxy.origin, { path: '/__faults' })).json;
    assert.deepEqual(stats.injected, { 'drop-before': 1, 'drop-after': 1, 500: 1, 429: 1, slow: 1 });
    assert.equal(stats.injectedTotal, 5);
    assert.equal(stats.counted, 6);
    assert.equal(stats.passed, 1);
    assert.equal(stats.forwarded, 4); // about, drop-after, slow, pass
    assert.deepEqual(stats.log.filter((e) => e.seq !== null).map((e) => e.status),
      ['dropped-before-forwarding', 'dropped-after-forwarding', 500, 429, 200, 200]);
    assert.ok(stats.log.find((e) => e.fault === 'slow').delayMs >= 2000);
  });

  it('drop-after + retry duplicates statements that carry no id (so the client must set ids)', async () => {
    proxy.setPlan('drop-after@1');
    const reg = randomUUID();
    const retrying = makeClient(proxy.endpoint, { key: KEY, secret: SECRET, retries: 3 });
    const res = await retrying.postStatements([makeStatement({ registration: reg, withId: false })]);
    assert.equal(res.status, 200);
    assert.equal(retrying.events[0].error, 'ECONNRESET');
    const direct = makeClient(lrs.endpoint, { key: KEY, secret: SECRET });
    const stored = await direct.getStatements({ registration: reg, limit: 100 });
    assert.equal(stored.json.statements.length, 2, 'the retried id-less statement was stored twice');
    proxy.setPlan('');
  });
});

describe('LRS through the fault proxy (seeded faults, retrying client)', { timeout: TEST_TIMEOUT * 2 }, () => {
  let c;
  const SPEC = 'drop-before@1,drop-after@2,500@3,429@4,slow@5,seed=1337,rate=0.3,max=25';
  before(() => { proxy.setPlan(SPEC); });
  const ctx = () => {
    const opts = { retries: 8, timeoutMs: 10_000 };
    c ??= {
      client: makeClient(proxy.endpoint, { key: KEY, secret: SECRET, ...opts }),
      direct: makeClient(lrs.endpoint, { key: KEY, secret: SECRET }),
      bad: {
        wrongSecret: makeClient(proxy.endpoint, { key: KEY, secret: 'not-the-secret', ...opts }),
        wrongKey: makeClient(proxy.endpoint, { key: 'someone-else', secret: SECRET, ...opts }),
        noAuth: makeClient(proxy.endpoint, opts),
      },
    };
    return c;
  };
  protocolSuite(ctx);
  it('the proxy injected every kind of fault and the client rode them out', async () => {
    const stats = (await request(proxy.origin, { path: '/__faults' })).json;
    for (const kind of FAULT_KINDS) assert.ok(stats.injected[kind] >= 1, `${kind}: ${JSON.stringify(stats.injected)}`);
    assert.ok(stats.injectedTotal >= 8, JSON.stringify(stats.injected));
    assert.equal(stats.upstreamErrors, 0);
    const all = [c.client, ...Object.values(c.bad)].flatMap((x) => x.events);
    assert.ok(all.some((e) => e.error) && all.some((e) => e.status === 429) && all.some((e) => e.status === 500));
  });
});

describe('paging quirks', { timeout: TEST_TIMEOUT }, () => {
  it('unfiltered paging over the whole store matches one large-limit GET (unless uuid time_low wrapped)', async () => {
    const c = makeClient(lrs.endpoint, { key: KEY, secret: SECRET });
    const big = await c.getStatements({ limit: 100000 });
    assert.equal(big.status, 200);
    assert.equal(big.json.more, '');
    const ids = big.json.statements.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 20, `only ${ids.length} statements stored`);
    const walked = await walk(c, { limit: 3 });
    const walkedIds = walked.statements.map((s) => s.id);
    assert.equal(new Set(walkedIds).size, walkedIds.length, 'no statement twice');
    const wrapped = uuidV1Epoch(firstPostAt) !== uuidV1Epoch(Date.now());
    if (wrapped) {
      // Known xapi-statements memory-mode bug: see README "paging".
      assert.ok(walkedIds.every((id) => ids.includes(id)));
      process.stdout.write(`# uuid-v1 time_low wrapped during the run: paging saw ${walkedIds.length}/${ids.length}\n`);
    } else {
      assert.deepEqual(walkedIds, ids);
    }
  });

  it('a `more` link for an agent query is broken: agent=[object Object] -> 400', async () => {
    const c = makeClient(lrs.endpoint, { key: KEY, secret: SECRET });
    const agent = JSON.stringify({ mbox: 'mailto:smoke-learner@example.org' });
    const first = await c.getStatements({ agent, limit: 1 });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.statements.length, 1);
    assert.match(first.json.more, /^\/xAPI\/statements\?agent=\[object Object\]&limit=1&cursor=[0-9a-f-]{36}$/);
    const next = await c.getMore(first.json.more);
    assert.equal(next.status, 400, next.text);
    // Workaround: rebuild the query from the cursor and re-encode the agent.
    const cursor = new URL(first.json.more, lrs.origin).searchParams.get('cursor');
    const fixed = await c.getStatements({ agent, limit: 1, cursor });
    assert.equal(fixed.status, 200, fixed.text);
    assert.notEqual(fixed.json.statements[0].id, first.json.statements[0].id);
  });
});

describe('CLIs', { timeout: TEST_TIMEOUT }, () => {
  it('start-lrs.mjs and fault-proxy.mjs print their ready lines and stop on SIGTERM', async () => {
    const lrsCli = spawnCli(['start-lrs.mjs'], { PORT: '0', LRS_KEY: 'k1', LRS_SECRET: 's1' },
      /^LRS ready (http:\/\/127\.0\.0\.1:(\d+)\/xAPI)\n/m);
    let proxyCli;
    try {
      const [, endpoint, lrsPort] = await lrsCli.ready;
      proxyCli = spawnCli(['fault-proxy.mjs', '--target', endpoint, '--port', '0', '--faults', '500@1,methods=GET'],
        {}, /^FAULT PROXY ready (http:\/\/127\.0\.0\.1:(\d+)) -> /m);
      const [, proxyOrigin, proxyPort] = await proxyCli.ready;
      const viaProxy = makeClient(`${proxyOrigin}/xAPI`, { key: 'k1', secret: 's1' });
      assert.equal((await viaProxy.about()).status, 500);
      assert.equal((await viaProxy.about()).status, 200);
      const s = makeStatement();
      const post = await viaProxy.postStatements([s]);
      assert.equal(post.status, 200, post.text);
      const wrong = makeClient(`${proxyOrigin}/xAPI`, { key: KEY, secret: SECRET });
      assert.equal((await wrong.getStatement(s.id)).status, 401);
      const stats = (await request(proxyOrigin, { path: '/__faults' })).json;
      assert.equal(stats.injected['500'], 1);
      assert.equal(stats.counted, 3);

      proxyCli.child.kill('SIGTERM');
      lrsCli.child.kill('SIGTERM');
      assert.deepEqual(await proxyCli.exited, { code: 0, signal: null });
      assert.deepEqual(await lrsCli.exited, { code: 0, signal: null });
      assert.ok(await portIsClosed(Number(lrsPort)));
      assert.ok(await portIsClosed(Number(proxyPort)));
    } finally {
      lrsCli.child.kill('SIGKILL');
      proxyCli?.child.kill('SIGKILL');
    }
  });
});
