// Minimal xAPI HTTP client used by the LRS smoke test (node:http, one
// connection per request, so an injected socket drop only hits one request).

import http from 'node:http';

export const XAPI_VERSION = '1.0.3';

/**
 * One HTTP request. Resolves {status, headers, text, json, ms}; rejects on a
 * network error (connection dropped, refused, timed out).
 */
export function request(baseUrl, { method = 'GET', path = '', headers = {}, body, timeoutMs = 10000 } = {}) {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const allHeaders = { ...headers };
  if (payload !== undefined) {
    allHeaders['Content-Type'] ??= 'application/json';
    allHeaders['Content-Length'] = String(payload.length);
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method,
      path: url.pathname + url.search,
      headers: allHeaders,
      agent: false,
      timeout: timeoutMs,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, text, json, ms: Date.now() - started });
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * xAPI client bound to an endpoint (e.g. http://127.0.0.1:8089/xAPI).
 * With retries > 0 it retries network errors, 5xx and 429 (sleeping
 * Retry-After seconds for 429), like a well-behaved statement forwarder.
 * `events` records every attempt so tests can assert what happened.
 */
export function makeClient(endpoint, { key, secret, retries = 0, timeoutMs = 10000, backoffMs = 50,
  version = XAPI_VERSION } = {}) {
  const origin = new URL(endpoint).origin;
  const auth = key === undefined ? undefined : 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');
  const events = [];

  async function call({ method = 'GET', path = '', body, headers = {}, noAuth = false, noVersion = false,
    absolutePath = false } = {}) {
    const h = { ...headers };
    if (!noVersion && version) h['X-Experience-API-Version'] = version;
    if (!noAuth && auth) h.Authorization = auth;
    const base = absolutePath ? origin : endpoint;
    for (let attempt = 0; ; attempt++) {
      let res;
      try {
        res = await request(base, { method, path, headers: h, body, timeoutMs });
      } catch (err) {
        events.push({ method, path, attempt, error: err.code ?? err.message });
        if (attempt < retries) { await sleep(backoffMs); continue; }
        throw err;
      }
      events.push({ method, path, attempt, status: res.status, fault: res.headers['x-fault-proxy'] });
      const retryable = res.status >= 500 || res.status === 429;
      if (retryable && attempt < retries) {
        const ra = Number(res.headers['retry-after']);
        await sleep(res.status === 429 && ra > 0 ? ra * 1000 : backoffMs);
        continue;
      }
      return res;
    }
  }

  return {
    endpoint,
    origin,
    events,
    call,
    about: () => call({ path: '/about', noAuth: true }),
    postStatements: (statements, opts = {}) => call({ method: 'POST', path: '/statements', body: statements, ...opts }),
    putStatement: (statement, opts = {}) => call({
      method: 'PUT', path: `/statements?statementId=${encodeURIComponent(statement.id)}`, body: statement, ...opts,
    }),
    getStatement: (id, opts = {}) => call({ path: `/statements?statementId=${encodeURIComponent(id)}`, ...opts }),
    getStatements: (query = {}, opts = {}) => {
      const qs = new URLSearchParams(query).toString();
      return call({ path: `/statements${qs ? '?' + qs : ''}`, ...opts });
    },
    /** Follow a `more` link: it is an absolute path ("/xAPI/statements?..."), resolved against the origin. */
    getMore: (more, opts = {}) => call({ path: more, absolutePath: true, ...opts }),
  };
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
