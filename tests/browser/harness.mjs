// Browser-test harness for coursepack's SCORM 1.2 packages.
//
// A package is unzipped, served over HTTP on 127.0.0.1 next to a small LMS page
// (lms/lms.html) whose window.API is scorm-again's Scorm12API, and opened in Debian's
// headless Chromium through playwright-core, the SCO in an iframe as Moodle shows it.
// Tests then read back what the LMS holds (cmi), every LMS* call the SCO made, and
// axe-core's accessibility violations. See README.md in this folder.

import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Debian's chromium; playwright-core never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags every launch gets. The last one makes Chromium resolve no host name but 127.0.0.1. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** The WCAG levels runAxe checks: 2.0 and 2.1, A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Files the server hands out besides the package and the LMS page. */
const VENDOR = {
  '/vendor/scorm-again/scorm12.js': require.resolve('scorm-again/scorm12'),
  '/vendor/axe-core/axe.min.js': join(dirname(require.resolve('axe-core')), 'axe.min.js'),
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Maps a URL path under `prefix` to a file under `root`, or null if it escapes root. */
function fileUnder(root, prefix, pathname) {
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, rel);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

/**
 * Serves `rootDir` (an unzipped package) under /package/, the LMS page under /lms/ and
 * scorm-again's and axe-core's browser files under /vendor/, on 127.0.0.1 at a free port.
 * Every request is logged in `requests` ({method, path, status}); `notFound()` lists the
 * paths answered 404, e.g. a stylesheet a page links to but the zip lacks.
 * @param {string} rootDir
 * @returns {Promise<{url: string, packageUrl: string, rootDir: string,
 *   requests: {method: string, path: string, status: number}[],
 *   notFound: () => string[], close: () => Promise<void>}>}
 */
export async function startServer(rootDir) {
  const requests = [];
  const mounts = [
    ['/package/', resolve(rootDir)],
    ['/lms/', join(here, 'lms')],
  ];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const entry = { method: req.method, path: url.pathname, status: 0 };
    requests.push(entry);
    const send = (status, body, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    }

    let file = VENDOR[url.pathname] ?? null;
    if (!file) {
      const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
      if (!mount) return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
      file = fileUnder(mount[1], mount[0], url.pathname);
      if (!file) return send(403, 'forbidden\n', { 'Content-Type': 'text/plain' });
    }

    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          return send(301, '', { Location: url.pathname + '/' + url.search });
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
    } catch {
      return send(404, 'not found\n', { 'Content-Type': 'text/plain' });
    }

    entry.status = 200;
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    packageUrl: `${url}/package/`,
    rootDir: resolve(rootDir),
    requests,
    notFound: () => requests.filter((r) => r.status === 404).map((r) => r.path),
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** True for what a test may load: 127.0.0.1 over HTTP, and data:, blob:, about: URLs. */
function isLocal(url) {
  if (['data:', 'blob:', 'about:'].includes(url.protocol)) return true;
  return ['http:', 'https:'].includes(url.protocol) && url.hostname === '127.0.0.1';
}

/**
 * Starts Debian's Chromium, headless, with a fresh profile in a temporary folder.
 * Requests to anything but 127.0.0.1 (and data:/blob:/about:) are aborted and listed in
 * `blocked`, so a package that reaches out to the network shows up in a test.
 * @param {{args?: string[], executablePath?: string}} [options] extra Chromium flags
 * @returns {Promise<{context: import('playwright-core').BrowserContext,
 *   userDataDir: string, blocked: string[], close: () => Promise<void>}>}
 */
export async function launchBrowser({ args = [], executablePath = CHROMIUM_PATH } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'coursepack-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...args],
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const blocked = [];
  await context.route(
    (url) => !isLocal(url),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return {
    context,
    userDataDir,
    blocked,
    close: async () => {
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** The SCORM 1.2 error-inspection calls: they report the previous call's error, never set one. */
const ERROR_INSPECTORS = new Set(['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);

/**
 * Opens the LMS page in a new tab of `browser` (what launchBrowser returned, or a
 * BrowserContext), creates window.API = new Scorm12API(...) there, preloads the learner's
 * cmi data, wraps the API's LMS* functions to record every call, then loads the package's
 * launch page in an iframe and waits for its load event.
 *
 * @param {{context: import('playwright-core').BrowserContext} | import('playwright-core').BrowserContext} browser
 * @param {{url: string}} server what startServer returned
 * @param {object} [options]
 * @param {object} [options.cmi] cmi data to start from, e.g. what cmi() returned after an
 *   earlier session (core.exit and core.session_time are dropped; core.total_time kept)
 * @param {number|string} [options.masteryScore] cmi.student_data.mastery_score
 * @param {string} [options.studentName] cmi.core.student_name (default "Learner, Test")
 * @param {string} [options.studentId] cmi.core.student_id (default "learner-1")
 * @param {string} [options.entry] cmi.core.entry; default "ab-initio" without `cmi`, else
 *   "resume" when cmi has suspend_data or core.exit "suspend", else ""
 * @param {string} [options.credit] default "credit"
 * @param {string} [options.lessonMode] default "normal"
 * @param {string} [options.launchData] cmi.launch_data
 * @param {string} [options.launch] the SCO's href relative to the package root, default
 *   "index.html" (may carry a query string)
 * @param {boolean} [options.masteryOverride] let scorm-again set passed/failed from
 *   score.raw and mastery_score on LMSFinish (off by default)
 * @param {number} [options.logLevel] scorm-again's logLevel (1 debug .. 5 none; default 4)
 */
export async function openLms(browser, server, options = {}) {
  const context = browser.context ?? browser;
  const { launch = 'index.html', ...config } = options;
  const launchUrl = new URL(launch, `${server.url}/package/`);
  config.launchUrl = launchUrl.pathname + launchUrl.search + launchUrl.hash;

  const page = await context.newPage();
  const pageErrors = [];
  const consoleMessages = [];
  page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
  page.on('console', (message) =>
    consoleMessages.push({ type: message.type(), text: message.text(), url: message.location().url }),
  );

  await page.goto(`${server.url}/lms/lms.html`);
  const { launched } = await page.evaluate((cfg) => window.startLms(cfg), config);
  const frameElement = await page.$('#scorm_object');
  const packageFrame = await frameElement.contentFrame();

  const calls = () => page.evaluate(() => window.lms.calls());
  return {
    page,
    /** The package's frame (the same Frame object across navigations inside the iframe). */
    frame: () => packageFrame,
    /** The cmi data the LMS handed to the SCO at launch. */
    launched,
    /** The current cmi tree in scorm-again, as its final commit would send it. */
    cmi: () => page.evaluate(() => window.lms.cmi()),
    /** Every LMS* call: {seq, fn, args, ret, error, diagnostic?, state, time, exception?}. */
    calls,
    /** The calls that left a non-"0" error code (error-inspection calls excluded). */
    errors: async () => (await calls()).filter((c) => c.error !== '0' && !ERROR_INSPECTORS.has(c.fn)),
    /**
     * Calls made outside the LMSInitialize..LMSFinish session (error-inspection calls and
     * the LMSInitialize that opens it excepted). scorm-again 3.4.3 accepts LMSGetValue,
     * LMSSetValue and LMSCommit after LMSFinish with error "0", so errors() misses them.
     */
    outOfSession: async () =>
      (await calls()).filter(
        (c) =>
          c.state !== 'initialized' &&
          !ERROR_INSPECTORS.has(c.fn) &&
          !(c.fn === 'LMSInitialize' && c.state === 'not-initialized'),
      ),
    /** {seq, fn, cmi} after each successful LMSCommit / LMSFinish: what an LMS would have stored. */
    commits: () => page.evaluate(() => window.lms.commits()),
    /** The cmi of the last successful commit, or null. */
    committed: async () => (await page.evaluate(() => window.lms.commits())).at(-1)?.cmi ?? null,
    /** scorm-again's log messages ({level, message}) at the chosen logLevel. */
    logs: () => page.evaluate(() => window.lms.logs()),
    /** "not-initialized" | "initialized" | "finished" */
    state: () => page.evaluate(() => window.lms.state()),
    /** Waits until the SCO has called `fn` (e.g. "LMSFinish"); resolves with that call. */
    waitForCall: async (fn, { timeout = 10_000 } = {}) => {
      await page.waitForFunction((name) => window.lms.calls().some((c) => c.fn === name), fn, { timeout });
      return (await calls()).find((c) => c.fn === fn);
    },
    /** Navigates the SCO frame to about:blank so its unload/pagehide handlers run. */
    unload: () => page.evaluate(() => window.lms.unload()),
    /** Uncaught exceptions in the LMS page or the package frame. */
    pageErrors: () => [...pageErrors],
    /** console.* messages from the LMS page or the package frame. */
    consoleMessages: () => [...consoleMessages],
    close: () => page.close(),
  };
}

let axeSource;

/**
 * Runs axe-core in `frame` (a playwright Frame or Page) and returns its violations for
 * WCAG 2.0 / 2.1 A and AA (AXE_TAGS). `options.tags` replaces the tags; `options.context`
 * is axe's context (default: the whole document), e.g. {exclude: ['#decorative']}.
 * @returns {Promise<object[]>} axe's violations: {id, impact, help, helpUrl, nodes: [...]}
 */
export async function runAxe(frame, { tags = AXE_TAGS, context } = {}) {
  axeSource ??= await readFile(VENDOR['/vendor/axe-core/axe.min.js'], 'utf8');
  const present = await frame.evaluate(() => typeof window.axe === 'object' && typeof window.axe.run === 'function');
  // Evaluated through the DevTools protocol, so a page's Content-Security-Policy can't stop it.
  if (!present) await frame.evaluate(axeSource);
  const results = await frame.evaluate(
    ({ tags, context }) =>
      window.axe.run(context ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    { tags, context },
  );
  return results.violations;
}

/** One line per violating node, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`))
    .join('\n');
}

/**
 * Unzips `zipPath` into `dir` (created if needed; a new temporary folder if omitted) with
 * the `unzip` command. Resolves with the folder.
 * @returns {Promise<string>}
 */
export async function unzipTo(zipPath, dir) {
  dir ??= await mkdtemp(join(tmpdir(), 'coursepack-package-'));
  await mkdir(dir, { recursive: true });
  try {
    await promisify(execFile)('unzip', ['-q', '-o', zipPath, '-d', dir]);
  } catch (error) {
    throw new Error(`unzip ${zipPath} failed (exit ${error.code}): ${String(error.stderr || error.message).trim()}`);
  }
  return dir;
}
