// The xAPI package of SETS module 2-1 (English and French) served on 127.0.0.1, a real LRS
// (tests/lrs) and a fault proxy in front of it, for the player's delivery tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer, unzipTo } from './harness.mjs';
import { startLrs } from '../lrs/lrs.mjs';
import { startFaultProxy } from '../lrs/fault-proxy.mjs';
import { repo } from './packages.mjs';

const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');
export const IRI = 'https://sets.socialgoodaccelerator.eu/xapi/sets-2';
export const MODULE_ID = `${IRI}/modules/2-1`;
// Where the player keeps its queue (templates/player/statement_queue.js): one key per statement.
export const QUEUE_PREFIX = 'coursepack-xapi-queue|';

/// Builds, serves, starts. `servers.en` / `servers.fr` serve the two packages (two origins,
/// so two localStorages). "Offline" is the proxy dropping every connection: a playwright
/// route does not see the keepalive requests a page sends as it goes.
export async function startXapiFixture() {
  const workDir = mkdtempSync(join(tmpdir(), 'coursepack-xapi-'));
  execFileSync(coursepack, ['build', join(repo, 'samples/sets/sets-2'), '-o', join(workDir, 'dist'), '--format', 'xapi', '--quiet']);
  const servers = {};
  for (const language of ['en', 'fr']) {
    const dir = await unzipTo(join(workDir, 'dist', `sets-2_2-1_${language}_xapi.zip`), join(workDir, language));
    servers[language] = await startServer(dir);
  }
  const lrs = await startLrs({ port: 0, key: 'coursepack', secret: 'secret' });
  const proxy = await startFaultProxy({ target: lrs.endpoint, port: 0, plan: '' });
  const browser = await launchBrowser();
  let planSince = 0;

  const fixture = {
    servers, lrs, proxy, browser,
    /// A TinCan launch URL. `actor` defaults to a learner of its own for `name`, so each
    /// test has a queue of its own (queues are per endpoint, learner and module).
    launchUrl({ name = 'ada', registration = randomUUID(), endpoint = proxy.endpoint, language = 'en', actor, extra = {} } = {}) {
      const params = new URLSearchParams({
        endpoint,
        auth: lrs.auth,
        actor: actor ?? JSON.stringify({ name: [`Learner ${name}`], mbox: [`mailto:${name}@example.org`] }),
        registration,
        activity_id: MODULE_ID,
        ...extra,
      });
      return `${servers[language].url}/package/index.html?${params}`;
    },
    async statementsOf(registration) {
      const response = await fetch(`${lrs.endpoint}/statements?registration=${encodeURIComponent(registration)}&limit=1000`, {
        headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' },
      });
      if (response.status !== 200) throw new Error(`LRS answered ${response.status}`);
      return (await response.json()).statements;
    },
    async waitForStatements(registration, count, timeoutMs = 30000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const statements = await fixture.statementsOf(registration);
        if (statements.length >= count || Date.now() > until) return statements;
        await sleep(250);
      }
    },
    /// The statements queued in the page's localStorage for learner `name`, oldest first.
    queued(page, name = 'ada') {
      return page.evaluate(({ prefix, who }) => Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix) && key.includes(who))
        .map((key) => JSON.parse(localStorage.getItem(key)))
        .sort((a, b) => a.t - b.t || a.n - b.n)
        .map((entry) => entry.s), { prefix: QUEUE_PREFIX, who: encodeURIComponent(`mbox=mailto:${name}@example.org`) });
    },
    async waitForQueued(page, count, name = 'ada') {
      await page.waitForFunction(({ prefix, who, n }) => Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix) && key.includes(who)).length === n,
      { prefix: QUEUE_PREFIX, who: encodeURIComponent(`mbox=mailto:${name}@example.org`), n: count });
    },
    /// Replaces the proxy's fault plan (and its counters and log).
    setPlan(spec) {
      planSince = Date.now();
      proxy.setPlan(spec);
    },
    /// The proxy's log of statement POSTs (not the CORS preflights) since the last
    /// setPlan: a request that arrived before and ended after is left out.
    posts() { return proxy.stats().log.filter((e) => e.method === 'POST' && Date.parse(e.at) >= planSince); },
    async close() {
      await browser?.close();
      for (const server of Object.values(servers)) await server.close();
      await proxy?.close();
      await lrs?.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const verbOf = (s) => s.verb.id.split('/').pop();

/// The browser is told it is online again (the proxy stops dropping first): the player
/// sends at once instead of waiting for its backoff.
export const backOnline = (page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

/// Opens a tab on `url` and keeps what the page prints to the console.
export async function openPage(browser, url) {
  const page = await browser.context.newPage();
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  await page.goto(url);
  return { page, consoleLines };
}
