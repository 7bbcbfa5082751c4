// `coursepack moodle sync`, the real binary, against a replay of the recorded Moodle 4.5.6
// web-service answers (tests/moodle/fixtures) on 127.0.0.1, and the real test LRS
// (tests/lrs/lrs.mjs). Run: COURSEPACK=build/coursepack node --test tests/moodle/sync.test.mjs

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, chmod, access } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLrs } from '../lrs/lrs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, 'fixtures');
const COURSES = path.join(HERE, 'courses');
const COURSEPACK = process.env.COURSEPACK ?? path.join(HERE, '../../build/coursepack');
const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const KEY = 'coursepack';
const SECRET = 'secret';

const cleanups = [];
after(async () => { for (const c of cleanups.reverse()) await c(); });

// ---- The replay server: answers by the form body without its token, as recorded.
const index = new Map();
for (const line of (await readFile(path.join(FIXTURES, 'requests.tsv'), 'utf8')).split('\n').slice(1)) {
  const [file, method, , body, , tokenOf] = line.split('\t');
  if (method === 'POST' && tokenOf === 'reporter' && !file.startsWith('error.')) index.set(withoutToken(body), file);
}
function withoutToken(body) { return body.split('&').filter((p) => !p.startsWith('wstoken=')).join('&'); }
const fixture = (name) => readFile(path.join(FIXTURES, name));

// What the server does: 'replay', or a fault for one function.
const server = { mode: 'replay', calls: [] };
const moodle = http.createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  const params = new URLSearchParams(body);
  const fn = params.get('wsfunction');
  server.calls.push({ url: req.url, method: req.method, fn, body });
  const json = (data) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(data); };
  if (req.url !== '/webservice/rest/server.php?moodlewsrestformat=json' || req.method !== 'POST') {
    res.writeHead(404, { 'content-type': 'text/html' });
    return res.end('<!DOCTYPE html><html><body>Not found</body></html>');
  }
  if (params.get('wstoken') !== TOKEN) return json(await fixture('error.invalid-token.core_webservice_get_site_info.json'));
  const tracks = fn === 'mod_scorm_get_scorm_sco_tracks';
  if (server.mode === 'html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!DOCTYPE html><html><head><title>Welcome</title></head></html>');
  }
  if (server.mode === 'nocap' && tracks)
    return json(await fixture('error.missing-capability.mod_scorm_get_scorm_sco_tracks.scoid-95.userid-3.attempt-1.json'));
  if (server.mode === 'notinservice' && tracks)
    return json(await fixture('error.function-not-in-service.mod_scorm_launch_sco.scormid-47.json'));
  if (server.mode === 'slow' && tracks) return; // never answers
  const file = index.get(withoutToken(body));
  if (!file) { res.writeHead(404, { 'content-type': 'text/html' }); return res.end('<html>no recording</html>'); }
  const data = await fixture(file);
  if (server.mode === 'partial' && tracks && server.calls.filter((c) => c.fn === fn).length === 3) {
    // Headers promise the whole body; the connection drops halfway.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(data.length) });
    res.write(data.subarray(0, data.length >> 1));
    return setTimeout(() => res.destroy(), 20);
  }
  json(data);
});
await new Promise((resolve) => moodle.listen(0, '127.0.0.1', resolve));
cleanups.push(() => new Promise((resolve) => { moodle.closeAllConnections(); moodle.close(() => resolve()); }));
const SITE = `http://127.0.0.1:${moodle.address().port}`;

function run(args, env, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(COURSEPACK, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}
const show = (r) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

async function folder() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coursepack-moodle-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
// Nothing of the caller's environment: only what the test gives.
function env(dir, extra = {}) {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_STATE_HOME: path.join(dir, 'state'), LANG: 'C.UTF-8',
    COURSEPACK_MOODLE_URL: SITE, COURSEPACK_MOODLE_TOKEN: TOKEN, ...extra };
}
const sync = (dir, args, extra, timeoutMs) =>
  run(['moodle', 'sync', '--courses', COURSES, '--course-id', '3', ...args], env(dir, extra), timeoutMs);
const lines = async (file) => (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
const RU_LANG = 'coursepack moodle sync: activity 40 "ru_lang" (sets-1_1-1_en_scorm12.zip): not synced: its package ' +
  'was replaced after upload (revision 2): which package each attempt was made on is unknown\n';

test('sync -o writes the statements of every attempt, private and whole; the re-uploaded activity is reported', async () => {
  server.mode = 'replay';
  const dir = await folder();
  const out = path.join(dir, 'moodle.jsonl');
  const r = await sync(dir, ['-o', out, '--json']);
  assert.equal(r.code, 0, show(r));
  assert.equal(r.stderr, RU_LANG);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.site, 'http://127.0.0.1:8088');
  assert.equal(summary.synced_attempts, 7);
  assert.equal(summary.attempts, 8);
  const statements = await lines(out);
  assert.equal(statements.length, summary.statements);
  assert.equal((await stat(out)).mode & 0o777, 0o600);
  assert.equal(new Set(statements.map((s) => s.id)).size, statements.length);
  for (const s of statements) {
    assert.deepEqual(s.actor, { objectType: 'Agent', account: { homePage: 'http://127.0.0.1:8088', name: '3' } });
    assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
  const verbs = statements.map((s) => s.verb.display['en-US']);
  // 6 finished attempts (pre-test and post-test, 5 questions each): 60 answers; the incomplete one none.
  assert.equal(verbs.filter((v) => v === 'answered').length, 60);
  // The token went in POST bodies only, never in a URL.
  assert.ok(server.calls.every((c) => !c.url.includes(TOKEN)));
  // Same run again: the same file, byte for byte.
  const first = await readFile(out, 'utf8');
  const again = await sync(dir, ['-o', out, '--quiet']);
  assert.equal(again.code, 0, show(again));
  assert.equal(await readFile(out, 'utf8'), first);
});

test('sync sends through the queue to the real LRS; a second sync sends nothing new', async () => {
  server.mode = 'replay';
  const lrs = await startLrs({ port: 0, key: KEY, secret: SECRET });
  cleanups.push(() => lrs.close());
  const dir = await folder();
  const lrsEnv = { COURSEPACK_LRS_ENDPOINT: lrs.endpoint, COURSEPACK_LRS_KEY: KEY, COURSEPACK_LRS_SECRET: SECRET };
  const r = await sync(dir, ['--json'], lrsEnv);
  assert.equal(r.code, 0, show(r));
  const first = JSON.parse(r.stdout);
  assert.ok(first.statements > 0);
  assert.equal(first.new, first.statements);
  assert.equal(first.stored, first.statements);
  assert.equal(first.still_queued, 0);
  const r2 = await sync(dir, ['--json'], lrsEnv);
  assert.equal(r2.code, 0, show(r2));
  const second = JSON.parse(r2.stdout);
  assert.equal(second.statements, first.statements);
  assert.equal(second.new, 0);
  assert.equal(second.already_stored, first.statements);
  assert.equal(second.stored, 0);
  // What the LRS holds: every statement once.
  const res = await fetch(`${lrs.endpoint}/statements?limit=1000`, {
    headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' } });
  const held = (await res.json()).statements;
  assert.equal(held.length, first.statements);
});

test('bad input: one clear error naming the call, exit 1, nothing written or sent, the token never shown', async () => {
  const dir = await folder();
  const out = path.join(dir, 'out.jsonl');
  const cases = [
    ['replay', { COURSEPACK_MOODLE_TOKEN: 'wrong-token-0000' }, [],
      'coursepack moodle sync: core_webservice_get_site_info(): Moodle refused the token (invalidtoken: Invalid token - token not found); check COURSEPACK_MOODLE_TOKEN or the config file, and that the token is not expired\n'],
    ['nocap', {}, [],
      'coursepack moodle sync: mod_scorm_get_scorm_sco_tracks(scoid=64, userid=3, attempt=1): a capability is missing (nopermissions: Sorry, but you do not currently have permissions to do that (View reports).); give the token\'s user the role described in docs/moodle.md\n'],
    ['notinservice', {}, [],
      'coursepack moodle sync: mod_scorm_get_scorm_sco_tracks(scoid=64, userid=3, attempt=1): the function is not in the token\'s web service (accessexception: Access control exception); add it to the service (docs/moodle.md)\n'],
    ['html', {}, [],
      `coursepack moodle sync: core_webservice_get_site_info(): the answer is an HTML page, not JSON: ${SITE} is not a Moodle site, or its REST web service is not enabled\n`],
    ['replay', { COURSEPACK_MOODLE_URL: `${SITE}/moodle` }, [],
      `coursepack moodle sync: core_webservice_get_site_info(): ${SITE}/moodle/webservice/rest/server.php answered HTTP 404: not Moodle's REST web service (is it enabled? Site administration > Server > Web services)\n`],
    ['slow', {}, ['--timeout', '1'], /^coursepack moodle sync: mod_scorm_get_scorm_sco_tracks\(scoid=64, userid=3, attempt=1\): no answer from http:\/\/127\.0\.0\.1:\d+\/webservice\/rest\/server\.php: .*\n$/],
    ['partial', {}, [], /^coursepack moodle sync: mod_scorm_get_scorm_sco_tracks\(scoid=\d+, userid=3, attempt=\d\): (no answer from .*|the answer is cut short or damaged .*)\n$/],
  ];
  for (const [mode, extra, args, expected] of cases) {
    server.mode = mode;
    server.calls = [];
    const r = await sync(dir, ['-o', out, ...args], extra);
    assert.equal(r.code, 1, `${mode}: ${show(r)}`);
    const [message, tail] = r.stderr.split(/\n(?=nothing was sent)/);
    if (typeof expected === 'string') assert.equal(message + '\n', expected, mode);
    else assert.match(message + '\n', expected, mode);
    assert.equal(tail, 'nothing was sent or written: run sync again once this is fixed\n', mode);
    assert.ok(!r.stderr.includes(TOKEN) && !r.stdout.includes(TOKEN), mode);
    await assert.rejects(access(out), mode);
    await assert.rejects(access(out + '.partial'), mode);
  }
  server.mode = 'replay';
});

test('the token is read from a private config file only; the next run after a failure sends everything', async () => {
  server.mode = 'replay';
  const dir = await folder();
  const config = path.join(dir, 'moodle.json');
  await writeFile(config, JSON.stringify({ url: SITE, token: TOKEN }));
  await chmod(config, 0o644);
  const noEnv = { COURSEPACK_MOODLE_URL: '', COURSEPACK_MOODLE_TOKEN: '' };
  const refused = await sync(dir, ['--config', config, '-o', path.join(dir, 'a.jsonl')], noEnv);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr, `coursepack moodle sync: ${config}: other users of this machine may read or change it (mode 644); it holds the Moodle token: chmod 600 ${config}\n`);
  await chmod(config, 0o600);

  const lrs = await startLrs({ port: 0, key: KEY, secret: SECRET });
  cleanups.push(() => lrs.close());
  const lrsEnv = { ...noEnv, COURSEPACK_LRS_ENDPOINT: lrs.endpoint, COURSEPACK_LRS_KEY: KEY, COURSEPACK_LRS_SECRET: SECRET };
  server.mode = 'nocap';
  const failed = await sync(dir, ['--config', config, '--json'], lrsEnv);
  assert.equal(failed.code, 1, show(failed));
  assert.equal(failed.stdout, '');
  server.mode = 'replay';
  const ok = await sync(dir, ['--config', config, '--json'], lrsEnv);
  assert.equal(ok.code, 0, show(ok));
  const summary = JSON.parse(ok.stdout);
  assert.equal(summary.new, summary.statements); // nothing of the failed run had been queued
  assert.equal(summary.stored, summary.statements);
});
