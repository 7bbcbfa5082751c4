// The player's scripts that do no DOM work (the launch check, the retry policy, the
// refusal text, the statement queue), loaded under node as the browser loads them: plain
// scripts sharing window.coursepack. Table-driven; no browser, no network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { repo } from './packages.mjs';

function loadPlayer(files, extra = {}) {
  const logs = [];
  const window = {};
  const context = vm.createContext({
    window, URL, URLSearchParams, TextEncoder, crypto,
    console: { warn: (message) => logs.push(message) },
    ...extra,
  });
  for (const file of files) vm.runInContext(readFileSync(join(repo, 'templates/player', file), 'utf8'), context, { filename: file });
  return { cp: window.coursepack, logs };
}

const { cp } = loadPlayer(['common.js', 'xapi_launch.js', 'statement_queue.js', 'xapi_store.js']);
// Values made in the scripts' realm, as plain data of this one (deepEqual checks prototypes).
const plain = (value) => JSON.parse(JSON.stringify(value));

const ENDPOINT = 'https://lrs.example.org/xAPI/';
const ADA = JSON.stringify({ name: ['Ada Martin'], mbox: ['mailto:ada@example.org'] });
const REGISTRATION = '760e3480-ba55-4991-94b0-01820dbd23a2';
const launch = (params) => '?' + new URLSearchParams({ endpoint: ENDPOINT, actor: ADA, ...params });

test('a TinCan launch is read: legacy actor arrays, registration, activity, grouping, platform, echoed parameters', () => {
  const read = cp.readLaunch(launch({
    auth: 'Basic abc=', registration: REGISTRATION, activity_id: 'https://lms.example.org/a/42',
    grouping: 'https://lms.example.org/p/7', activity_platform: 'Moodle', 'Accept-Language': 'fr',
    content_token: 'secret', lms_session: 'a b', tenant: 't1',
  }));
  assert.deepEqual(plain(read), {
    launch: {
      endpoint: ENDPOINT, auth: 'Basic abc=',
      actor: { objectType: 'Agent', name: 'Ada Martin', mbox: 'mailto:ada@example.org' },
      actorKey: 'mbox=mailto:ada@example.org', registration: REGISTRATION,
      activityId: 'https://lms.example.org/a/42', grouping: 'https://lms.example.org/p/7', platform: 'Moodle',
      echo: 'lms_session=a+b&tenant=t1',
    },
  });
  assert.equal(cp.readLaunch('?endpoint=http%3A%2F%2F127.0.0.1%3A8089%2FxAPI&actor=' + encodeURIComponent(ADA)).launch.endpoint,
    'http://127.0.0.1:8089/xAPI/');
  assert.equal(cp.readLaunch(''), null, 'no launch: a SCORM or standalone page');
  assert.equal(cp.readLaunch('?lang=fr&scoid=3'), null);
});

test('actors: exactly one inverse functional identifier, each well formed', () => {
  const actor = (value) => cp.readLaunch(launch({ actor: JSON.stringify(value) }));
  const ok = (value) => plain(actor(value).launch.actor);
  assert.deepEqual(ok({ mbox: 'mailto:a@b.org' }), { objectType: 'Agent', mbox: 'mailto:a@b.org' });
  assert.deepEqual(ok({ objectType: 'Agent', mbox_sha1sum: 'a'.repeat(40) }), { objectType: 'Agent', mbox_sha1sum: 'a'.repeat(40) });
  assert.deepEqual(ok({ openid: 'http://ada.openid.example.org/' }), { objectType: 'Agent', openid: 'http://ada.openid.example.org/' });
  assert.deepEqual(ok({ account: [{ accountServiceHomePage: 'https://lms.example.org', accountName: '42' }] }),
    { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: '42' } });
  const refusals = [
    [{ name: 'Ada' }, 'has no identifier (mbox, mbox_sha1sum, openid or account)'],
    [{ mbox: 'mailto:a@b.org', account: { homePage: 'https://x.org', name: 'a' } }, 'has 2 identifiers (mbox, account), xAPI allows one'],
    [{ mbox: 'a@b.org' }, 'mbox is not a mailto: address'],
    [{ mbox: ['mailto:a@b.org', 'mailto:c@b.org'] }, 'mbox has 2 values'],
    [{ mbox_sha1sum: 'xyz' }, 'mbox_sha1sum is not 40 hexadecimal digits'],
    [{ openid: 'not a uri' }, 'openid is not a URI'],
    [{ account: { name: 'a' } }, 'account has no homePage URL'],
    [{ account: { homePage: 'https://x.org' } }, 'account has no name'],
    [{ objectType: 'Group', mbox: 'mailto:a@b.org' }, 'is not an Agent (objectType Group)'],
    [{ name: 3, mbox: 'mailto:a@b.org' }, 'name is not a string'],
    [['mailto:a@b.org'], 'is not a JSON object'],
  ];
  for (const [value, reason] of refusals)
    assert.deepEqual(plain(actor(value)), { error: { parameter: 'actor', reason } }, JSON.stringify(value));
  assert.deepEqual(plain(cp.readLaunch(launch({ actor: '{mbox:' }))), { error: { parameter: 'actor', reason: 'is not JSON' } });
});

test('registration, endpoint, auth, activity_id and grouping are checked; the first bad one is named', () => {
  const refusals = [
    [{ registration: 'not-a-uuid' }, 'registration', 'is not a UUID'],
    [{ registration: '' }, 'registration', 'is not a UUID'],
    [{ registration: '760e3480-ba55-4991-14b0-01820dbd23a2' }, 'registration', 'is not a UUID'],  // not the RFC 4122 variant
    [{ endpoint: 'ftp://lrs.example.org/' }, 'endpoint', 'is not an http(s) URL'],
    [{ endpoint: '/xAPI/' }, 'endpoint', 'is not an http(s) URL'],
    [{ endpoint: 'https://user:pass@lrs.example.org/xAPI/' }, 'endpoint', 'carries credentials (user:password@); they belong in auth'],
    [{ endpoint: 'https://lrs.example.org/xAPI/?tenant=1' }, 'endpoint', 'has a query or a fragment'],
    [{ auth: 'Basic a\r\nX-Evil: 1' }, 'auth', 'contains control characters'],
    [{ activity_id: 'not an iri' }, 'activity_id', 'is not an absolute IRI'],
    [{ grouping: '/relative/path' }, 'grouping', 'is not an absolute IRI'],
  ];
  for (const [params, parameter, reason] of refusals)
    assert.deepEqual(plain(cp.readLaunch(launch(params))), { error: { parameter, reason } }, JSON.stringify(params));
  assert.deepEqual(plain(cp.readLaunch(`${launch({})}&registration=${REGISTRATION}&registration=${REGISTRATION}`)),
    { error: { parameter: 'registration', reason: 'is given more than once' } });
  assert.deepEqual(plain(cp.readLaunch('?actor=' + encodeURIComponent(ADA))), { error: { parameter: 'endpoint', reason: 'is missing' } });
  assert.deepEqual(plain(cp.readLaunch('?endpoint=' + encodeURIComponent(ENDPOINT))), { error: { parameter: 'actor', reason: 'is missing' } });
  assert.ok(cp.readLaunch(launch({ registration: REGISTRATION.toUpperCase() })).launch, 'UUIDs are case-insensitive');
});

test('retry delays: Retry-After honoured up to 5 minutes; without one, exponential backoff with jitter, capped at a minute', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  assert.equal(cp.retryDelay(1, '30', 0.5, now), 30000);
  assert.equal(cp.retryDelay(1, '3600', 0.5, now), 300000);
  assert.equal(cp.retryDelay(4, '0', 0.5, now), 1000, 'never a hot loop');
  assert.equal(cp.retryDelay(1, 'Sun, 29 Nov 2026 12:00:20 GMT', 0.5, now), 20000);
  assert.equal(cp.retryDelay(1, 'Mon, 30 Nov 2026 12:00:00 GMT', 0.5, now), 300000);
  // No header (or one a cross-origin response does not expose: fetch shows null).
  for (const [failures, step] of [[1, 1000], [2, 2000], [3, 4000], [6, 32000], [7, 60000], [30, 60000]]) {
    assert.equal(cp.retryDelay(failures, null, 0, now), step / 2, `failures ${failures}, lowest`);
    assert.equal(cp.retryDelay(failures, null, 0.999999, now), step, `failures ${failures}, highest`);
  }
  assert.equal(cp.retryDelay(3, 'soon', 0.5, now), 3000, 'an unreadable value is no value');
  const spread = new Set([0.1, 0.3, 0.6, 0.9].map((r) => cp.retryDelay(5, null, r, now)));
  assert.equal(spread.size, 4, 'jitter: browsers do not all come back in the same second');
});

test('a refused statement is reported by its reason, never its content', () => {
  assert.equal(cp.refusalReason(JSON.stringify({ errorId: 'x', warnings: [
    "Problem in 'statements.0.actor.mbox'. Received '\"mailto:ada@example.org\"'",
    "Missing required value in 'statements.0.verb'"] })),
  "Problem in 'statements.0.actor.mbox'.; Missing required value in 'statements.0.verb'");
  assert.equal(cp.refusalReason('{"message":"abc is conflicting"}'), 'abc is conflicting');
  assert.equal(cp.refusalReason('<html>Request Entity Too Large</html>'), 'no reason given');
  assert.equal(cp.refusalReason(JSON.stringify({ message: 'x'.repeat(500) })).length, 200);
});

// localStorage as Chromium gives it: keys in no particular order.
class FakeStorage {
  constructor() { this.map = new Map(); }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()].sort().reverse()[i] ?? null; }
  getItem(key) { return this.map.has(key) ? this.map.get(key) : null; }
  setItem(key, value) { this.map.set(key, String(value)); }
  removeItem(key) { this.map.delete(key); }
}
const statement = (n, registration = REGISTRATION) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, context: { registration } });

test('the queue: one key per statement, so two tabs adding at once lose nothing', () => {
  const storage = new FakeStorage();
  const name = cp.StatementQueue.nameFor(ENDPOINT, 'mbox=mailto:ada@example.org', 'course sets-2:module 2-1');
  const tab1 = new cp.StatementQueue(storage, name), tab2 = new cp.StatementQueue(storage, name);
  // Interleaved as two tabs would: each adds without reading what the other wrote.
  for (let i = 0; i < 17; i++) (i % 2 ? tab2 : tab1).add([statement(i + 1)], '');
  assert.equal(tab1.count(), 17);
  assert.deepEqual(plain(tab2.list().map((e) => e.s.id).sort()), Array.from({ length: 17 }, (_, i) => statement(i + 1).id));
  tab1.remove([statement(1).id, statement(2).id]);
  assert.equal(tab2.count(), 15);
  const other = new cp.StatementQueue(storage, cp.StatementQueue.nameFor(ENDPOINT, 'mbox=mailto:bob@example.org', 'course sets-2:module 2-1'));
  assert.equal(other.count(), 0, 'another learner on this browser has a queue of their own');
  assert.ok(tab1.owns(tab1.prefix + statement(3).id));
  assert.ok(!tab1.owns(other.prefix + statement(3).id));
});

test('the queue keeps each tab\'s order and each statement\'s registration and echoed parameters', () => {
  const storage = new FakeStorage();
  const queue = new cp.StatementQueue(storage, 'q');
  queue.add([statement(3, 'a'), statement(1, 'a'), statement(2, 'a')], 'x=1');
  queue.add([statement(9, 'b')], '');
  assert.deepEqual(plain(queue.list().map((e) => [e.s.id.slice(-1), e.s.context.registration, e.q])),
    [['3', 'a', 'x=1'], ['1', 'a', 'x=1'], ['2', 'a', 'x=1'], ['9', 'b', '']]);
});

test('the queues of earlier players (one array per registration) are adopted, nothing lost', () => {
  const storage = new FakeStorage();
  storage.setItem('coursepack:course c:module m:en:reg-a:xapi-queue', JSON.stringify([statement(1, 'reg-a'), statement(2, 'reg-a')]));
  storage.setItem('coursepack:course c:module m:en:reg-b:xapi-queue', '[]');
  storage.setItem('coursepack:course c:module m:en:reg-a', 'progress');
  storage.setItem('coursepack:course c:module m2:en:reg-c:xapi-queue', JSON.stringify([statement(5, 'reg-c')]));
  const queue = new cp.StatementQueue(storage, 'q');
  queue.adoptLegacy('coursepack:course c:module m:en:');
  assert.deepEqual(plain(queue.list().map((e) => e.s.context.registration)), ['reg-a', 'reg-a']);
  assert.equal(storage.getItem('coursepack:course c:module m:en:reg-a:xapi-queue'), null);
  assert.equal(storage.getItem('coursepack:course c:module m:en:reg-a'), 'progress', 'progress is not a queue');
  assert.notEqual(storage.getItem('coursepack:course c:module m2:en:reg-c:xapi-queue'), null, 'another module\'s queue stays');
});

test('where the browser blocks localStorage, statements wait in memory (and are still sent)', () => {
  const window = {};
  Object.defineProperty(window, 'localStorage', { get() { throw Object.assign(new Error('Access is denied'), { name: 'SecurityError' }); } });
  const logs = [];
  const context = vm.createContext({ window, URL, URLSearchParams, console: { warn: (m) => logs.push(m) } });
  for (const file of ['common.js', 'statement_queue.js'])
    vm.runInContext(readFileSync(join(repo, 'templates/player', file), 'utf8'), context, { filename: file });
  const { StatementQueue } = window.coursepack;
  const queue = new StatementQueue(StatementQueue.storage(), 'q');
  assert.deepEqual(logs, ['coursepack: this browser keeps nothing for this page (SecurityError): statements wait in memory only']);
  assert.equal(queue.add([statement(1), statement(2)], ''), true);
  assert.equal(queue.count(), 2);
  queue.remove([statement(1).id]);
  assert.deepEqual(plain(queue.list().map((e) => e.s.id)), [statement(2).id]);
});
