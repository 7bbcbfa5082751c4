// Local Learning Record Store for tests: Learning Locker's xapi-statements
// service (npm xapi-statements@5.0.1) in memory mode, plus a tiny loopback
// "client info" endpoint that makes it accept exactly one Basic key/secret.
//
//   import { startLrs } from './lrs.mjs';
//   const lrs = await startLrs({ port: 0, key: 'coursepack', secret: 'secret' });
//   lrs.endpoint   // 'http://127.0.0.1:<port>/xAPI'
//   await lrs.close();
//
// Everything binds 127.0.0.1 only. The statements service runs in a child
// Node process (lrs-child.cjs): its config is read from the environment once
// at require time and it installs process-wide exit handlers, so it cannot be
// embedded twice in one process. The client-info endpoint runs in-process.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOST = '127.0.0.1';

/** xAPI routes of xapi-statements are mounted under /xAPI (not /data/xAPI). */
export const XAPI_BASE_PATH = '/xAPI';
export const CLIENT_INFO_PATH = '/api/auth/client/info';
export const DEFAULT_PORT = 8089;
export const DEFAULT_KEY = 'coursepack';
export const DEFAULT_SECRET = 'secret';

/** Scopes understood by xapi-statements 5.0.1 (dist/utils/scopes.js). */
export const SCOPES = Object.freeze({
  ALL: 'all',
  ALL_READ: 'all/read',
  XAPI_ALL: 'xapi/all',
  XAPI_READ: 'xapi/read',
  STATEMENTS_READ: 'statements/read',
  STATEMENTS_WRITE: 'statements/write',
  STATEMENTS_READ_MINE: 'statements/read/mine',
  STATE: 'state',
  PROFILE: 'profile',
});

/**
 * The JSON the client-info endpoint returns for the accepted credentials.
 * xapi-statements (dist/repo/authRepo/getClient/fetch.js) copies exactly
 * these fields: _id, title, authority, isTrusted, lrs_id, organisation,
 * scopes. lrs_id/organisation scope every stored statement (reads only see
 * statements of the same lrs_id+organisation); authority is written into
 * every stored statement's "authority".
 */
export function makeClientInfo({ key = DEFAULT_KEY, scopes = [SCOPES.ALL] } = {}) {
  return {
    _id: '5c0de0000000000000000001',
    title: `coursepack test client (${key})`,
    authority: {
      objectType: 'Agent',
      name: `coursepack test client (${key})`,
      mbox: 'mailto:coursepack-lrs@example.org',
    },
    isTrusted: true,
    lrs_id: '5c0de0000000000000000002',
    organisation: '5c0de0000000000000000003',
    scopes: [...scopes],
  };
}

export function basicAuth(key, secret) {
  return 'Basic ' + Buffer.from(`${key}:${secret}`, 'utf8').toString('base64');
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve(server.address().port);
    });
  });
}

/**
 * Loopback endpoint implementing Learning Locker's client-info contract:
 * 200 + client JSON for the one accepted Authorization header, 404 for
 * anything else (xapi-statements turns that 404 into 401 Unauthorised).
 */
export async function startClientInfoServer({ key = DEFAULT_KEY, secret = DEFAULT_SECRET,
  scopes, port = 0 } = {}) {
  const expected = basicAuth(key, secret);
  const client = makeClientInfo({ key, scopes });
  const stats = { accepted: 0, rejected: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, `http://${HOST}`);
    const ok = req.method === 'GET' && url.pathname === CLIENT_INFO_PATH &&
      req.headers.authorization === expected;
    req.resume();
    if (ok) {
      stats.accepted += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(client));
    } else {
      stats.rejected += 1;
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: 'No client for these credentials' }));
    }
  });
  server.keepAliveTimeout = 1000;
  const boundPort = await listen(server, port);
  return {
    url: `http://${HOST}:${boundPort}${CLIENT_INFO_PATH}`,
    port: boundPort,
    client,
    stats,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function waitForAbout(baseUrl, timeoutMs, isDead) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error('xapi-statements exited during start-up');
    try {
      const res = await fetch(`${baseUrl}/about`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      lastError = new Error(`GET /about answered ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`LRS did not answer within ${timeoutMs} ms: ${lastError?.message}`);
}

/**
 * Start the client-info endpoint and the xapi-statements service.
 *
 * @param {object} [opts]
 * @param {number} [opts.port=0]        LRS port on 127.0.0.1 (0 = random free port)
 * @param {string} [opts.key]           accepted Basic key (default 'coursepack')
 * @param {string} [opts.secret]        accepted Basic secret (default 'secret')
 * @param {string[]} [opts.scopes]      client scopes (default ['all'])
 * @param {string} [opts.logLevel]      winston console level of the service (default 'warn')
 * @param {(line:string)=>void} [opts.onLog] receives the service's stdout/stderr lines
 * @param {number} [opts.startTimeoutMs=20000]
 * @returns {Promise<{endpoint:string, origin:string, port:number, key:string,
 *   secret:string, auth:string, clientInfo:object, clientInfoUrl:string,
 *   authStats:object, pid:number, logs:()=>string[], close:()=>Promise<void>}>}
 */
export async function startLrs({
  port = 0,
  key = DEFAULT_KEY,
  secret = DEFAULT_SECRET,
  scopes,
  logLevel = 'warn',
  onLog,
  startTimeoutMs = 20000,
} = {}) {
  const clientInfo = await startClientInfoServer({ key, secret, scopes });
  let workDir;
  let child;
  const logLines = [];
  const pushLog = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue;
      logLines.push(line);
      if (logLines.length > 500) logLines.shift();
      if (onLog) onLog(line);
    }
  };

  let exited = false;
  let exitPromise = Promise.resolve();
  const cleanup = async () => {
    if (child && !exited) {
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 5000);
      await exitPromise;
      clearTimeout(killTimer);
    }
    await clientInfo.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  };

  try {
    // cwd = a fresh temp dir: the service runs dotenv (reads ./.env) and
    // writes attachments + access logs below its storage dirs.
    workDir = await mkdtemp(path.join(os.tmpdir(), 'coursepack-lrs-'));
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: workDir,
      NODE_ENV: 'test',
      LANG: 'en',
      EXPRESS_PORT: String(port),
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      EVENTS_REPO: 'test',
      AUTH_REPO: 'fetch',
      LL_CLIENT_INFO_ENDPOINT: clientInfo.url,
      FS_LOCAL_STORAGE_DIR: path.join(workDir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: path.join(workDir, 'accessLogs'),
      WINSTON_CONSOLE_LEVEL: logLevel,
      WINSTON_CLOUDWATCH_ENABLED: 'false',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      // Finish activity/reference/voiding updates before answering, so a
      // read right after a write sees a consistent store.
      SERVICE_AWAIT_UPDATES: 'true',
    };
    child = spawn(process.execPath, [path.join(HERE, 'lrs-child.cjs')], {
      cwd: workDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    exitPromise = new Promise((resolve) => child.once('exit', () => { exited = true; resolve(); }));
    child.stdout.on('data', pushLog);
    child.stderr.on('data', pushLog);

    const boundPort = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('xapi-statements did not listen in time')), startTimeoutMs);
      child.on('message', (msg) => {
        if (msg && msg.type === 'listening') {
          clearTimeout(timer);
          if (msg.address !== HOST) {
            reject(new Error(`xapi-statements bound ${msg.address}, expected ${HOST}`));
          } else {
            resolve(msg.port);
          }
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`xapi-statements exited early (code ${code}, signal ${signal}):\n${logLines.join('\n')}`));
      });
      child.once('error', (err) => { clearTimeout(timer); reject(err); });
    });

    const origin = `http://${HOST}:${boundPort}`;
    const endpoint = origin + XAPI_BASE_PATH;
    await waitForAbout(endpoint, startTimeoutMs, () => exited);

    let closing;
    return {
      endpoint,
      origin,
      port: boundPort,
      key,
      secret,
      auth: basicAuth(key, secret),
      clientInfo: clientInfo.client,
      clientInfoUrl: clientInfo.url,
      authStats: clientInfo.stats,
      pid: child.pid,
      logs: () => [...logLines],
      exited: exitPromise,
      close: () => { closing ??= cleanup(); return closing; },
    };
  } catch (err) {
    await cleanup().catch(() => {});
    throw err;
  }
}
