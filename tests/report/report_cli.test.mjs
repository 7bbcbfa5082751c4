// `coursepack simulate` and `coursepack report` end to end: the numbers the report gives
// are recomputed here from the simulated statements with a few lines of independent code
// (no coursepack library), the simulation is reproducible, bad input is located and
// writes nothing. Run: COURSEPACK=build/coursepack node --test tests/report/report_cli.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const coursepack = process.env.COURSEPACK ? resolve(process.env.COURSEPACK) : join(repo, 'build/coursepack');
const course = join(repo, 'samples/sets/sets-2');
let dir;
let statementsFile;
let statements;
let summary;

function run(args, options = {}) {
  return spawnSync(coursepack, args, { encoding: 'utf8', cwd: repo, maxBuffer: 1 << 30, ...options });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coursepack-report-'));
  statementsFile = join(dir, 'cohort.jsonl');
  const simulated = run(['simulate', course, '--learners', '120', '--seed', '7', '-o', statementsFile, '--json']);
  assert.equal(simulated.status, 0, simulated.stderr);
  const text = await readFile(statementsFile, 'utf8');
  statements = text.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(JSON.parse(simulated.stdout).statements, statements.length);
  const reported = run(['report', statementsFile, '--course', course, '-o', join(dir, 'out'), '--json']);
  assert.equal(reported.status, 0, reported.stderr);
  summary = JSON.parse(reported.stdout);
});
after(async () => { await rm(dir, { recursive: true, force: true }); });

// ---- Independent arithmetic -------------------------------------------------------------

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs) => { const m = mean(xs); return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)); };

// Student t 0.975 quantile by integrating the density (Simpson's rule) and bisecting.
function tQuantile975(df) {
  const logGamma = (z) => { // Lanczos approximation
    const g = 7, c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    z -= 1; let x = c[0]; for (let i = 1; i < g + 2; i++) x += c[i] / (z + i);
    const t = z + g + 0.5; return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
  };
  const k = Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2)) / Math.sqrt(df * Math.PI);
  const pdf = (t) => k * (1 + t * t / df) ** (-(df + 1) / 2);
  const cdf = (x) => { const n = 2000, h = x / n; let s = pdf(0) + pdf(x);
    for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * pdf(i * h); return 0.5 + s * h / 3; };
  let lo = 0, hi = 20; for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; (cdf(mid) < 0.975 ? (lo = mid) : (hi = mid)); }
  return (lo + hi) / 2;
}

// Per learner and module, straight from the statements.
function expected() {
  const rows = new Map();
  const moduleOf = (id) => id.match(/\/modules\/([^/]+)/)[1];
  const row = (s) => {
    const key = `${s.actor.account.homePage}|${s.actor.account.name}\t${moduleOf(s.object.id)}`;
    if (!rows.has(key)) rows.set(key, { pre: null, post: null, required: [], viewed: new Set(), answers: [], attempts: 0,
      cohort: Object.entries(s.context.extensions).find(([k]) => k.endsWith('/extensions/cohort'))[1] });
    return rows.get(key);
  };
  for (const s of statements) {
    const r = row(s);
    const verb = s.verb.id.split('/').pop();
    const t = Date.parse(s.timestamp);
    if (/\/pretest$/.test(s.object.id)) {
      r.attempts++;
      if (!r.pre || t < r.pre.t) {
        r.pre = { t, percent: Math.floor(s.result.score.raw * 100 / s.result.score.max) };
        r.required = Object.entries(s.result.extensions).find(([k]) => k.endsWith('recommended-lessons'))[1];
      }
    } else if (/\/posttest$/.test(s.object.id)) {
      if (!r.post || t >= r.post.t) r.post = { t, percent: Math.floor(s.result.score.raw * 100 / s.result.score.max), passed: verb === 'passed' };
    } else if (/\/lessons\//.test(s.object.id) && verb === 'completed') {
      r.viewed.add(s.object.id);
    } else if (verb === 'answered') {
      r.answers.push({ t, q: s.object.id.split('/').pop(), phase: Object.entries(s.context.extensions).find(([k]) => k.endsWith('/phase'))[1], right: s.result.success });
    }
  }
  return rows;
}

// ---- Tests ------------------------------------------------------------------------------

test('report gives the means, gain intervals and funnel the simulated statements imply', () => {
  const rows = expected();
  for (const module of summary.modules) {
    const mine = [...rows.entries()].filter(([key]) => key.endsWith(`\t${module.id}`)).map(([, r]) => r);
    const pre = mine.filter((r) => r.pre).map((r) => r.pre.percent);
    const post = mine.filter((r) => r.post).map((r) => r.post.percent);
    const gains = mine.filter((r) => r.pre && r.post).map((r) => r.post.percent - r.pre.percent);
    assert.equal(module.funnel.started, mine.length, module.id);
    assert.equal(module.funnel.pretest, pre.length);
    assert.equal(module.funnel.lessons, mine.filter((r) => r.post || (r.pre && r.required.every((l) => r.viewed.has(l)))).length);
    assert.equal(module.funnel.posttest, post.length);
    assert.equal(module.funnel.passed, mine.filter((r) => r.post?.passed).length);
    assert.ok(Math.abs(module.pre.mean - mean(pre)) < 1e-9);
    assert.ok(Math.abs(module.post.mean - mean(post)) < 1e-9);
    assert.equal(module.gain.n, gains.length);
    assert.ok(Math.abs(module.gain.mean - mean(gains)) < 1e-9);
    const half = tQuantile975(gains.length - 1) * sd(gains) / Math.sqrt(gains.length);
    assert.ok(Math.abs(module.gain.low - (mean(gains) - half)) < 1e-6, `${module.gain.low} vs ${mean(gains) - half}`);
    assert.ok(Math.abs(module.gain.high - (mean(gains) + half)) < 1e-6);
    assert.ok(module.gain.low > 0, 'the simulated lessons work: the gain is above zero');
    // Share right before, per question: the answers of the first pre-test.
    for (const q of module.questions) {
      const before = mine.filter((r) => r.pre).flatMap((r) => r.answers.filter((a) => a.phase === 'pre' && a.t === r.pre.t && a.q === q.id));
      assert.equal(q.pre_answered, before.length);
      assert.equal(q.pre_right, before.filter((a) => a.right).length);
    }
  }
  // Groups from the statements' context.
  const cohorts = new Map();
  for (const [key, r] of rows) cohorts.set(key.split('\t')[0], r.cohort);
  for (const group of summary.groups.filter((g) => g.dimension === 'cohort'))
    assert.equal(group.learners, [...cohorts.values()].filter((c) => c === group.value).length);
});

test('report.csv has the row each learner and module implies', async () => {
  const rows = expected();
  const csv = (await readFile(join(dir, 'out/report.csv'), 'utf8')).trim().split('\r\n').map((line) => line.split(','));
  const header = csv.shift();
  const at = (name) => header.indexOf(name);
  assert.equal(csv.length, rows.size);
  for (const cells of csv) {
    const r = rows.get(`${cells[at('learner')]}\t${cells[at('module')]}`);
    assert.ok(r, cells.join(','));
    assert.equal(cells[at('pre_percent')], r.pre ? String(r.pre.percent) : '');
    assert.equal(cells[at('post_percent')], r.post ? String(r.post.percent) : '');
    assert.equal(cells[at('gain')], r.pre && r.post ? String(r.post.percent - r.pre.percent) : '');
    assert.equal(cells[at('attempts')], String(r.attempts));
    assert.equal(cells[at('lessons_required')], r.pre ? String(r.required.length) : '');
    assert.equal(cells[at('status')], r.post ? (r.post.passed ? 'passed' : 'failed')
      : !r.pre ? 'pre-test due' : r.required.every((l) => r.viewed.has(l)) ? 'post-test due' : 'lessons due');
    assert.equal(cells[at('cohort')], r.cohort);
  }
});

test('simulate is reproducible: same seed, same bytes; another seed, other statements', async () => {
  const again = join(dir, 'again.jsonl');
  assert.equal(run(['simulate', course, '--learners', '120', '--seed', '7', '-o', again, '-q']).status, 0);
  assert.ok((await readFile(again)).equals(await readFile(statementsFile)));
  const other = run(['simulate', course, '--learners', '120', '--seed', '8', '-o', '-', '-q']);
  assert.equal(other.status, 0);
  assert.notEqual(other.stdout, await readFile(statementsFile, 'utf8'));
  const ids = new Set(statements.map((s) => s.id));
  assert.equal(ids.size, statements.length);
});

test('report reads standard input and gives the same report', async () => {
  const input = await readFile(statementsFile);
  const piped = run(['report', '-', '--course', course, '-o', join(dir, 'piped'), '--json'], { input });
  assert.equal(piped.status, 0, piped.stderr);
  assert.deepEqual(JSON.parse(piped.stdout).modules, summary.modules);
  assert.equal(await readFile(join(dir, 'piped/report.csv'), 'utf8'), await readFile(join(dir, 'out/report.csv'), 'utf8'));
});

test('a JSON array of statements is read too', async () => {
  const array = join(dir, 'array.json');
  await writeFile(array, JSON.stringify(statements.slice(0, 500), null, 2));
  const result = run(['report', array, '--course', course, '-o', join(dir, 'array'), '--json']);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).statements, 500);
});

test('small groups: counts only, and the page says why', async () => {
  const result = run(['report', statementsFile, '--course', course, '--min-group', '1000', '-o', join(dir, 'small'), '-q']);
  assert.equal(result.status, 0, result.stderr);
  const html = await readFile(join(dir, 'small/report.html'), 'utf8');
  assert.match(html, /fewer than 1000\. Only counts are shown: a percentage or a chart of so few learners would single them out/);
  assert.doesNotMatch(html, /<svg/);
  assert.doesNotMatch(html, /\d%<\/td>/);
});

test('--groups overrides the context', async () => {
  const groups = join(dir, 'groups.csv');
  const learner = `${statements[0].actor.account.homePage}|${statements[0].actor.account.name}`;
  await writeFile(groups, `learner,cohort\n"${learner}",pilot\n`);
  const result = run(['report', statementsFile, '--course', course, '--groups', groups, '-o', join(dir, 'grouped'), '--json']);
  assert.equal(result.status, 0, result.stderr);
  const pilot = JSON.parse(result.stdout).groups.find((g) => g.dimension === 'cohort' && g.value === 'pilot');
  assert.equal(pilot.learners, 1);
  assert.equal(pilot.enough, false);
});

test('bad input: located messages, exit 1, nothing written', async () => {
  const bad = join(dir, 'bad.jsonl');
  const lines = statements.slice(0, 4).map((s) => JSON.stringify(s));
  lines[2] = '{"actor": {"mbox": "mailto:a@example.org"}, "verb": {"id": "x"}, "object": {"id": "y"}, "timestamp": "noon"}';
  lines.splice(3, 0, '{"broken": ');
  await writeFile(bad, lines.join('\n') + '\n');
  const out = join(dir, 'bad-out');
  const result = run(['report', bad, '-o', out]);
  assert.equal(result.status, 1);
  assert.equal(result.stderr,
    `${bad}:3:1: /2/timestamp: not an ISO 8601 date and time with a zone\n` +
    `${bad}:4:1: /3: not a JSON statement\n` +
    'coursepack report: nothing written: fix the statements above\n');
  await assert.rejects(readdir(out), { code: 'ENOENT' });  // not even the folder
  const usage = run(['simulate', course, '--learners', '3', '--seed', '1', '-o', '-', '--profiles', 'sleeps=1']);
  assert.equal(usage.status, 2);
  assert.equal(usage.stderr, 'coursepack simulate: --profiles: unknown profile "sleeps" (knows, guesses, learns, drops)\n');
});

test('quiet when stderr is not a terminal', () => {
  const result = run(['report', statementsFile, '--course', course, '-o', join(dir, 'quiet')]);
  assert.equal(result.status, 0);
  assert.equal(result.stderr, '');
  assert.equal(result.stdout, '');
});
