// Small purpose-built HTTP servers for the client tests that a real LRS cannot play:
// an LRS that pages to another origin or repeats itself, one that answers 409 to an
// identical resend, a server that accepts and never answers, a recorder of whatever
// reaches it. All listen on 127.0.0.1 with a random port and close with the test.

import http from 'node:http';
import net from 'node:net';

const HOST = '127.0.0.1';

function listen(server) {
  return new Promise((resolve) => server.listen(0, HOST, () => resolve(server.address().port)));
}

function closer(server, sockets) {
  return () => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
}

/**
 * An HTTP server answering with `handle({method, url, headers, body})` →
 * {status, headers, body} (body: string or object, sent as JSON). Records every request.
 */
export async function startScripted(handle) {
  const requests = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', async () => {
      const request = { method: req.method, url: req.url, headers: req.headers, body };
      requests.push(request);
      const answer = await handle(request);
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...(answer.headers ?? {}) });
      res.end(answer.status === 204 ? undefined : text);
    });
  });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  const port = await listen(server);
  return { origin: `http://${HOST}:${port}`, endpoint: `http://${HOST}:${port}/xAPI`, requests, close: closer(server, sockets) };
}

/** Accepts connections, reads them, never answers. */
export async function startSilent() {
  const sockets = new Set();
  const server = net.createServer((socket) => { sockets.add(socket); socket.on('data', () => {}); });
  const port = await listen(server);
  return { endpoint: `http://${HOST}:${port}/xAPI`, close: closer(server, sockets) };
}

/**
 * In front of a real LRS: a POST carrying a statement id the LRS already holds gets 409
 * without being forwarded, as LRSs that answer 409 even to identical resends do (xAPI
 * lets them). Everything else is forwarded.
 */
export async function startStrict409(lrs) {
  return startScripted(async ({ method, url, headers, body }) => {
    const target = `${lrs.origin}${url}`;
    const forward = { 'Content-Type': 'application/json', Authorization: headers.authorization ?? '',
      'X-Experience-API-Version': headers['x-experience-api-version'] ?? '' };
    if (method === 'POST' && url.endsWith('/statements')) {
      for (const statement of JSON.parse(body)) {
        if (!statement.id) continue;
        const held = await fetch(`${lrs.endpoint}/statements?statementId=${statement.id}`, { headers: forward });
        if (held.status === 200) return { status: 409, body: { message: `${statement.id} already stored` } };
      }
    }
    const res = await fetch(target, { method, headers: forward, body: method === 'GET' ? undefined : body });
    return { status: res.status, body: await res.text() };
  });
}
