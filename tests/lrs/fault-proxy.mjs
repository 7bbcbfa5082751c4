#!/usr/bin/env node
// Fault-injecting HTTP proxy (127.0.0.1 only) to put in front of the test LRS.
//
//   import { startFaultProxy } from './fault-proxy.mjs';
//   const proxy = await startFaultProxy({ target: lrs.origin, plan: 'drop-before@1,500@2' });
//   proxy.endpoint  // 'http://127.0.0.1:<port>/xAPI' when target was an .../xAPI URL
//   proxy.stats()   // same JSON as GET /__faults
//   await proxy.close();
//
//   node fault-proxy.mjs --target http://127.0.0.1:8089 --port 8090 --faults 'seed=7,rate=0.3'
//
// Faults (decided per counted request, deterministically):
//   drop-before  read the request, then destroy the client socket; nothing is
//                forwarded (the LRS never sees it).
//   drop-after   forward to the LRS, wait for its complete answer, then destroy
//                the client socket (the LRS stored it, the client never heard).
//   500          answer 500 without forwarding.
//   429          answer 429 with "Retry-After: 1" without forwarding.
//   slow         forward, then hold the LRS's answer for 2000-3000 ms
//                (deterministic per request; see slowms=).
//
// Spec (string; comma separated; also accepted as --faults on the CLI):
//   KIND@N          fault on the N-th counted request (1-based)
//   KIND@N-M        fault on requests N..M
//   KIND@*K         fault on every K-th request (K, 2K, 3K, ...)
//   seed=S          seeded schedule: each request i without an explicit fault
//   rate=R            gets a fault with probability R (0..1), kind chosen
//   kinds=A+B+C       among kinds (default all five); same seed => same faults
//   max=N           inject at most N faults in total (then pass everything)
//   slowms=A-B      slow delay range in ms (default 2000-3000)
//   methods=POST+PUT   count/inject only these methods (default: all)
//   path=TEXT       count/inject only requests whose path contains TEXT
// Conditions on a counted request that got no fault above (the browser player's tests):
//   maxbody=N       answer 413 without forwarding when the body is over N bytes
//   rejectquery=1   answer 400 without forwarding to a POST with a query string, as a
//                   strict LRS does with parameters it does not know
// Answers the proxy makes itself (500, 429, 413, 400) carry no CORS headers, so a browser
// page on another origin sees a network error, unless:
//   cors=allow      they carry Access-Control-Allow-Origin (the page reads the status,
//                   but not Retry-After: it is not an exposed header)
//   cors=expose     and Access-Control-Expose-Headers: Retry-After
//   retryafter=S    the Retry-After of injected 429s (default 1)
// Requests that do not match methods=/path= are forwarded untouched and not
// counted. The proxy's own GET/POST /__faults are never counted.
//
// Control endpoint on the proxy:
//   GET  /__faults   -> JSON counters + plan + recent log
//   POST /__faults   -> body {"plan": "<spec>"} (or {}) replaces the plan and
//                       resets counters and the request index; answers the JSON.

import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
export const FAULT_KINDS = Object.freeze(['drop-before', 'drop-after', '500', '429', 'slow']);
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization',
  'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection',
]);
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const LOG_LIMIT = 200;

function isLoopbackHost(hostname) {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function normaliseKind(kind) {
  const k = String(kind).trim().toLowerCase();
  const aliases = { drop: 'drop-before', 'drop-before': 'drop-before', 'drop-after': 'drop-after',
    '500': '500', 'http500': '500', '429': '429', 'http429': '429', slow: 'slow' };
  if (!(k in aliases)) throw new Error(`unknown fault kind "${kind}" (known: ${FAULT_KINDS.join(', ')})`);
  return aliases[k];
}

function parseRange(text, what) {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`bad ${what} "${text}"`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (b < a) throw new Error(`bad ${what} "${text}"`);
  return [a, b];
}

/**
 * Parse a spec string (see header) into a plan object. Objects pass through
 * normalisePlan unchanged in meaning.
 */
export function parseFaultSpec(spec) {
  const plan = { at: {}, every: [], seed: undefined, rate: 0, kinds: [...FAULT_KINDS],
    max: Infinity, slowMs: [2000, 3000], methods: undefined, path: undefined,
    maxBody: undefined, rejectQuery: false, cors: undefined, retryAfter: '1' };
  if (!spec) return plan;
  for (const raw of String(spec).split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const at = item.indexOf('@');
    const eq = item.indexOf('=');
    if (at > 0 && (eq < 0 || at < eq)) {
      const kind = normaliseKind(item.slice(0, at));
      const sel = item.slice(at + 1).trim();
      if (sel.startsWith('*')) {
        const k = Number(sel.slice(1));
        if (!Number.isInteger(k) || k < 1) throw new Error(`bad selector "${sel}"`);
        plan.every.push({ every: k, kind });
      } else {
        const [a, b] = parseRange(sel, 'selector');
        if (b - a > 100000) throw new Error(`selector range too large "${sel}"`);
        for (let i = a; i <= b; i++) plan.at[i] = kind;
      }
      continue;
    }
    if (eq > 0) {
      const key = item.slice(0, eq).trim().toLowerCase();
      const value = item.slice(eq + 1).trim();
      switch (key) {
        case 'seed': plan.seed = Number(value) >>> 0; break;
        case 'rate': plan.rate = Number(value); break;
        case 'kinds': plan.kinds = value.split('+').map(normaliseKind); break;
        case 'max': plan.max = Number(value); break;
        case 'slowms': plan.slowMs = parseRange(value, 'slowms'); break;
        case 'methods': plan.methods = value.split('+').map((m) => m.trim().toUpperCase()); break;
        case 'path': plan.path = value; break;
        case 'maxbody': plan.maxBody = Number(value); break;
        case 'rejectquery': plan.rejectQuery = value === '1' || value === 'true'; break;
        case 'cors': plan.cors = value; break;
        case 'retryafter': plan.retryAfter = value; break;
        default: throw new Error(`unknown fault spec key "${key}"`);
      }
      continue;
    }
    throw new Error(`bad fault spec item "${item}"`);
  }
  return normalisePlan(plan);
}

function normalisePlan(input) {
  if (input === undefined || input === null || input === '') return parseFaultSpec('');
  if (typeof input === 'string') return parseFaultSpec(input);
  const plan = {
    at: {},
    every: [],
    seed: input.seed === undefined ? undefined : Number(input.seed) >>> 0,
    rate: input.rate ?? 0,
    kinds: (input.kinds ?? FAULT_KINDS).map(normaliseKind),
    max: input.max ?? Infinity,
    slowMs: input.slowMs ?? [2000, 3000],
    methods: input.methods?.map((m) => m.toUpperCase()),
    path: input.path,
    maxBody: input.maxBody,
    rejectQuery: Boolean(input.rejectQuery),
    cors: input.cors,
    retryAfter: input.retryAfter === undefined ? '1' : String(input.retryAfter),
  };
  for (const [n, kind] of Object.entries(input.at ?? {})) plan.at[Number(n)] = normaliseKind(kind);
  for (const e of input.every ?? []) plan.every.push({ every: Number(e.every), kind: normaliseKind(e.kind) });
  if (!(plan.rate >= 0 && plan.rate <= 1)) throw new Error(`rate must be within 0..1, got ${plan.rate}`);
  if (plan.rate > 0 && plan.seed === undefined) plan.seed = 1;
  if (plan.kinds.length === 0) throw new Error('kinds must not be empty');
  if (!(plan.max >= 0)) throw new Error(`bad max ${plan.max}`);
  const [lo, hi] = plan.slowMs;
  if (!(lo >= 0 && hi >= lo && hi <= 60000)) throw new Error(`bad slowMs ${plan.slowMs}`);
  if (plan.maxBody !== undefined && !(plan.maxBody >= 0)) throw new Error(`bad maxbody ${plan.maxBody}`);
  if (plan.cors !== undefined && plan.cors !== 'allow' && plan.cors !== 'expose') {
    throw new Error(`cors must be allow or expose, got ${plan.cors}`);
  }
  if (!/^\S+$/.test(plan.retryAfter)) throw new Error(`bad retryafter "${plan.retryAfter}"`);
  return plan;
}

function describePlan(plan) {
  return {
    at: plan.at,
    every: plan.every,
    seed: plan.seed ?? null,
    rate: plan.rate,
    kinds: plan.kinds,
    max: Number.isFinite(plan.max) ? plan.max : null,
    slowMs: plan.slowMs,
    methods: plan.methods ?? null,
    path: plan.path ?? null,
    maxBody: plan.maxBody ?? null,
    rejectQuery: plan.rejectQuery,
    cors: plan.cors ?? null,
    retryAfter: plan.retryAfter,
  };
}

/** 32-bit hash of (seed, index, salt): the schedule depends only on these. */
function hash32(seed, index, salt) {
  let h = (seed ^ Math.imul(index, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The fault (or null) the plan assigns to counted request number `index`. */
export function plannedFault(plan, index) {
  if (plan.at[index]) return plan.at[index];
  for (const e of plan.every) if (index % e.every === 0) return e.kind;
  if (plan.rate > 0) {
    const r = hash32(plan.seed, index, 1) / 2 ** 32;
    if (r < plan.rate) return plan.kinds[hash32(plan.seed, index, 2) % plan.kinds.length];
  }
  return null;
}

function slowDelay(plan, index) {
  const [lo, hi] = plan.slowMs;
  return lo + (hi > lo ? hash32(plan.seed ?? 0, index, 3) % (hi - lo + 1) : 0);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) { reject(new Error('request body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('client aborted')));
  });
}

function filterHeaders(headers, extraDrop = []) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    const n = name.toLowerCase();
    if (!HOP_BY_HOP.has(n) && !extraDrop.includes(n)) out[name] = value;
  }
  return out;
}

/**
 * Start the proxy.
 * @param {object} opts
 * @param {string} opts.target   upstream URL on loopback, e.g. 'http://127.0.0.1:8089' or '.../xAPI'
 *                               (only its origin is used: request paths are forwarded unchanged)
 * @param {number} [opts.port=0] proxy port on 127.0.0.1 (0 = random)
 * @param {string|object} [opts.plan] fault spec string or plan object
 * @param {number} [opts.maxRequests=10000] after this many requests the proxy answers 503
 * @param {number} [opts.upstreamTimeoutMs=30000]
 * @param {(entry:object)=>void} [opts.onEvent] called for each handled request
 */
export async function startFaultProxy({ target, port = 0, plan, maxRequests = 10000,
  upstreamTimeoutMs = 30000, onEvent } = {}) {
  if (!target) throw new Error('startFaultProxy: target is required');
  const targetUrl = new URL(target);
  if (targetUrl.protocol !== 'http:') throw new Error('startFaultProxy: only http:// targets');
  if (!isLoopbackHost(targetUrl.hostname)) {
    throw new Error(`startFaultProxy: target must be on loopback, got ${targetUrl.hostname}`);
  }
  const targetPath = targetUrl.pathname.replace(/\/+$/, '');

  let currentPlan = normalisePlan(plan);
  const newCounters = () => ({
    requests: 0, // every request received, incl. uncounted and control requests
    counted: 0, // requests that matched methods/path (the fault index)
    forwarded: 0, // requests sent on to the target
    passed: 0, // counted requests answered normally (no fault)
    injected: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])),
    injectedTotal: 0,
    upstreamErrors: 0,
    clientAborts: 0,
    rejectedOverLimit: 0,
    tooLarge: 0, // 413s for maxbody=
    queryRejected: 0, // 400s for rejectquery=
  });
  let counters = newCounters();
  let log = [];
  const sockets = new Set();
  const timers = new Set();
  let closed = false;

  const record = (entry) => {
    log.push(entry);
    if (log.length > LOG_LIMIT) log.shift();
    if (onEvent) {
      try { onEvent(entry); } catch { /* ignore */ }
    }
  };

  const snapshot = () => ({
    target: targetUrl.origin,
    plan: describePlan(currentPlan),
    ...structuredClone(counters),
    log: structuredClone(log),
  });

  const delay = (ms) => new Promise((resolve) => {
    const t = setTimeout(() => { timers.delete(t); resolve(); }, ms);
    timers.add(t);
  });

  const forward = (req, body) => new Promise((resolve, reject) => {
    // The body is already buffered: "Expect: 100-continue" was answered by
    // this proxy's server and must not be replayed upstream.
    const headers = filterHeaders(req.headers, ['expect']);
    headers.host = targetUrl.host;
    if (body.length > 0 || req.headers['content-length'] !== undefined) {
      headers['content-length'] = String(body.length);
    }
    counters.forwarded += 1;
    const upstream = http.request({
      host: targetUrl.hostname,
      port: targetUrl.port || 80,
      method: req.method,
      path: req.url,
      headers,
      agent: false,
      timeout: upstreamTimeoutMs,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('upstream timeout')));
    upstream.on('error', reject);
    upstream.end(body);
  });

  const send = (res, status, headers, body) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, headers);
    res.end(body);
  };

  const sendJson = (res, status, obj, extra = {}) => {
    const body = Buffer.from(JSON.stringify(obj));
    send(res, status, { 'Content-Type': 'application/json', 'Content-Length': body.length, ...extra }, body);
  };

  const handle = async (req, res) => {
    counters.requests += 1;
    const urlPath = req.url ?? '/';
    if (urlPath === '/__faults' || urlPath.startsWith('/__faults?')) {
      const body = await readBody(req).catch(() => Buffer.alloc(0));
      if (req.method === 'POST') {
        try {
          const parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
          currentPlan = normalisePlan(parsed.plan);
          counters = newCounters();
          log = [];
        } catch (err) {
          sendJson(res, 400, { error: String(err.message ?? err) });
          return;
        }
      } else if (req.method !== 'GET') {
        sendJson(res, 405, { error: 'GET or POST only' });
        return;
      }
      sendJson(res, 200, snapshot(), { 'Cache-Control': 'no-store' });
      return;
    }

    if (counters.requests > maxRequests) {
      counters.rejectedOverLimit += 1;
      req.resume();
      sendJson(res, 503, { message: 'fault-proxy: request limit reached' }, { Connection: 'close' });
      return;
    }

    const matches = (!currentPlan.methods || currentPlan.methods.includes(req.method)) &&
      (currentPlan.path === undefined || urlPath.includes(currentPlan.path));
    let seq = null;
    let fault = null;
    if (matches) {
      counters.counted += 1;
      seq = counters.counted;
      fault = counters.injectedTotal < currentPlan.max ? plannedFault(currentPlan, seq) : null;
    }
    const entry = { seq, method: req.method, path: urlPath, fault, status: null, at: new Date().toISOString() };
    let aborted = false;
    res.on('close', () => { if (!res.writableFinished) aborted = true; });

    let body;
    try {
      body = await readBody(req);
    } catch {
      counters.clientAborts += 1;
      entry.status = 'client-aborted';
      record(entry);
      return;
    }
    if (fault) {
      counters.injected[fault] += 1;
      counters.injectedTotal += 1;
    } else if (matches) {
      counters.passed += 1;
    }
    const seqHeader = seq === null ? {} : { 'X-Fault-Proxy-Seq': String(seq) };
    entry.bytes = body.length;
    // What the proxy answers itself may be made readable to a page on another origin.
    const cors = {};
    if (currentPlan.cors) {
      cors['Access-Control-Allow-Origin'] = req.headers.origin ?? '*';
      if (req.headers.origin) cors['Access-Control-Allow-Credentials'] = 'true';
      if (currentPlan.cors === 'expose') cors['Access-Control-Expose-Headers'] = 'Retry-After';
    }

    if (fault === 'drop-before') {
      entry.status = 'dropped-before-forwarding';
      record(entry);
      req.socket.destroy();
      return;
    }
    if (fault === '500') {
      entry.status = 500;
      record(entry);
      sendJson(res, 500, { message: 'fault-proxy: injected HTTP 500' },
        { 'X-Fault-Proxy': '500', ...seqHeader, ...cors });
      return;
    }
    if (fault === '429') {
      entry.status = 429;
      record(entry);
      sendJson(res, 429, { message: 'fault-proxy: injected HTTP 429' },
        { 'Retry-After': currentPlan.retryAfter, 'X-Fault-Proxy': '429', ...seqHeader, ...cors });
      return;
    }
    if (!fault && matches && currentPlan.maxBody !== undefined && body.length > currentPlan.maxBody) {
      counters.tooLarge += 1;
      entry.status = 413;
      record(entry);
      sendJson(res, 413, { message: `fault-proxy: body of ${body.length} bytes is over ${currentPlan.maxBody}` },
        { 'X-Fault-Proxy': '413', ...seqHeader, ...cors });
      return;
    }
    if (!fault && matches && currentPlan.rejectQuery && req.method === 'POST' && urlPath.includes('?')) {
      counters.queryRejected += 1;
      entry.status = 400;
      record(entry);
      const names = [...new URL(urlPath, 'http://x').searchParams.keys()];
      sendJson(res, 400, { message: `Cannot use unknown params '${names.join(', ')}'` },
        { 'X-Fault-Proxy': '400', ...seqHeader, ...cors });
      return;
    }

    let upstream;
    try {
      upstream = await forward(req, body);
    } catch (err) {
      counters.upstreamErrors += 1;
      entry.status = 502;
      entry.error = String(err.message ?? err);
      record(entry);
      sendJson(res, 502, { message: `fault-proxy: upstream error: ${entry.error}` }, seqHeader);
      return;
    }
    entry.upstreamStatus = upstream.status;

    if (fault === 'drop-after') {
      entry.status = 'dropped-after-forwarding';
      record(entry);
      req.socket.destroy();
      return;
    }
    if (fault === 'slow') {
      entry.delayMs = slowDelay(currentPlan, seq);
      await delay(entry.delayMs);
      if (closed) { req.socket.destroy(); return; }
    }
    if (aborted || res.destroyed) {
      counters.clientAborts += 1;
      entry.status = 'client-aborted';
      record(entry);
      return;
    }
    const headers = filterHeaders(upstream.headers);
    headers['content-length'] = String(upstream.body.length);
    if (fault) headers['x-fault-proxy'] = fault;
    Object.assign(headers, seqHeader);
    entry.status = upstream.status;
    record(entry);
    send(res, upstream.status, headers, upstream.body);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      try { sendJson(res, 500, { message: `fault-proxy internal error: ${err.message}` }); } catch { /* ignore */ }
    });
  });
  server.keepAliveTimeout = 2000;
  server.headersTimeout = 10000;
  server.requestTimeout = 60000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const boundPort = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => { server.off('error', reject); resolve(server.address().port); });
  });
  const origin = `http://${HOST}:${boundPort}`;

  let closing;
  const close = () => {
    closing ??= new Promise((resolve) => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    origin,
    url: origin,
    endpoint: origin + targetPath,
    port: boundPort,
    target: targetUrl.origin,
    stats: snapshot,
    setPlan: (p) => { currentPlan = normalisePlan(p); counters = newCounters(); log = []; },
    close,
  };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument ${a}`);
    out[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
    if (out[m[1]] === undefined) throw new Error(`missing value for --${m[1]}`);
  }
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    if (!args.target) throw new Error('--target is required');
    parseFaultSpec(args.faults ?? '');
  } catch (err) {
    process.stderr.write(`fault-proxy: ${err.message}\n` +
      'usage: node fault-proxy.mjs --target http://127.0.0.1:8089 [--port 0] [--faults SPEC]\n' +
      '                            [--lifetime SECONDS] [--max-requests N] [--verbose 1]\n');
    process.exit(2);
  }
  const proxy = await startFaultProxy({
    target: args.target,
    port: Number(args.port ?? 0),
    plan: args.faults ?? '',
    maxRequests: Number(args['max-requests'] ?? 10000),
    onEvent: args.verbose ? (e) => process.stderr.write(`fault-proxy ${JSON.stringify(e)}\n`) : undefined,
  });
  process.stdout.write(`FAULT PROXY ready ${proxy.origin} -> ${proxy.target}\n`);
  const lifetime = Number(args.lifetime ?? 1800);
  const stop = async (why) => {
    process.stderr.write(`fault-proxy: stopping (${why}) ${JSON.stringify(proxy.stats().injected)}\n`);
    await proxy.close();
    process.exit(0);
  };
  const lifeTimer = setTimeout(() => stop(`lifetime ${lifetime}s reached`), lifetime * 1000);
  lifeTimer.unref();
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => { process.stderr.write(`fault-proxy: ${err.message ?? err}\n`); process.exit(1); });
}
