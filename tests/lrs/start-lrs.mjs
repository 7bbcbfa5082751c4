#!/usr/bin/env node
// Start the local test LRS (see lrs.mjs) and keep it running until SIGTERM/SIGINT.
//
//   PORT=8089 LRS_KEY=coursepack LRS_SECRET=secret node tests/lrs/start-lrs.mjs
//
// Prints exactly one line on stdout once GET <endpoint>/about answers:
//   LRS ready http://127.0.0.1:8089/xAPI
// The service's own log lines go to stderr (level: LRS_LOG_LEVEL, default warn).
// LRS_LIFETIME (seconds, default 0 = unlimited) stops it by itself after that long.

import { startLrs, DEFAULT_PORT, DEFAULT_KEY, DEFAULT_SECRET } from './lrs.mjs';

function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    process.stderr.write(`start-lrs: bad ${name}=${raw}\n`);
    process.exit(2);
  }
  return n;
}

const port = envNumber('PORT', DEFAULT_PORT);
const lifetime = envNumber('LRS_LIFETIME', 0);
let lrs;
try {
  lrs = await startLrs({
    port,
    key: process.env.LRS_KEY || DEFAULT_KEY,
    secret: process.env.LRS_SECRET || DEFAULT_SECRET,
    logLevel: process.env.LRS_LOG_LEVEL || 'warn',
    onLog: (line) => process.stderr.write(`[lrs] ${line}\n`),
  });
} catch (err) {
  process.stderr.write(`start-lrs: ${err.message}\n`);
  process.exit(1);
}

process.stdout.write(`LRS ready ${lrs.endpoint}\n`);

let stopping = false;
async function stop(why, code = 0) {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`start-lrs: stopping (${why})\n`);
  await lrs.close();
  process.exit(code);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGHUP', () => stop('SIGHUP'));
lrs.exited.then(() => { if (!stopping) stop('xapi-statements exited unexpectedly', 1); });
if (lifetime > 0) setTimeout(() => stop(`LRS_LIFETIME=${lifetime}s reached`), lifetime * 1000).unref();
