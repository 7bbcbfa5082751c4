#!/usr/bin/env node
// Throughput of `coursepack lrs send` against a plain node script posting the same
// batches, each against its own fresh test LRS (xapi-statements 5.0.1, memory mode,
// tests/lrs/lrs.mjs) on 127.0.0.1.
//
//   npm ci --prefix tests/lrs && node bench/lrs_send.mjs [--n 10000] [--batch 100] [--no-jsonl]
//
// Env: COURSEPACK (default build/coursepack).
//
// What is measured, one run each (wall clock, from start to the last answer):
//   coursepack (JSON array)  `coursepack lrs send statements.json -q <fresh queue> -b 100 --quiet`:
//                            read + parse, queue on disk (fsync), POST 100 per request
//                            over one keep-alive connection, record each batch (fsync).
//   node fetch baseline      the same statements, same batches, sequential POSTs with
//                            fetch (undici, keep-alive); nothing on disk, no retries.
//   coursepack (JSON lines)  the same as the first, input as JSON lines (one statement
//                            per line): shows the cost of reading that format.
// The statements: 10,000 valid xAPI statements, half with an id and half without (the
// client derives ids for those; the baseline sends them as they are and the LRS
// assigns ids). Every run is checked: the LRS must hold exactly N statements after it.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startLrs } from '../tests/lrs/lrs.mjs';
import { makeStatements } from '../tests/lrs/statements.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const COURSEPACK = path.resolve(ROOT, process.env.COURSEPACK ?? 'build/coursepack');
const KEY = 'coursepack';
const SECRET = 'secret';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = option('n', 10_000);
const BATCH = option('batch', 100);
const WITH_JSONL = !process.argv.includes('--no-jsonl');


async function storedCount(lrs) {
  const res = await fetch(`${lrs.endpoint}/statements?limit=100000`,
    { headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' } });
  if (res.status !== 200) throw new Error(`GET statements: ${res.status} ${await res.text()}`);
  return (await res.json()).statements.length;
}

function runCoursepack(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(COURSEPACK, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`coursepack exit ${code}: ${out}`))));
  });
}

/** Starts a fresh LRS, runs `body(lrs)`, checks N are stored; returns seconds. */
async function measure(label, body) {
  const lrs = await startLrs({ port: 0, key: KEY, secret: SECRET });
  try {
    const started = process.hrtime.bigint();
    await body(lrs);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const count = await storedCount(lrs);
    if (count !== N) throw new Error(`${label}: the LRS holds ${count} statements, expected ${N}`);
    const rate = N / seconds;
    console.log(`${label.padEnd(26)} ${seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(6)} statements/s`);
    return rate;
  } finally {
    await lrs.close();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'coursepack-bench-'));
try {
  const statements = makeStatements(N, { source: 'bench' });
  const arrayFile = path.join(dir, 'statements.json');
  const linesFile = path.join(dir, 'statements.jsonl');
  writeFileSync(arrayFile, JSON.stringify(statements));
  writeFileSync(linesFile, statements.map((s) => JSON.stringify(s)).join('\n') + '\n');
  const batches = [];
  for (let i = 0; i < N; i += BATCH) batches.push(JSON.stringify(statements.slice(i, i + BATCH)));
  console.log(`${N} statements, batch ${BATCH}, ${os.cpus().length} cores, node ${process.version}, one fresh LRS per run`);

  const clientEnv = (lrs) => ({
    PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'),
    COURSEPACK_LRS_ENDPOINT: lrs.endpoint, COURSEPACK_LRS_KEY: KEY, COURSEPACK_LRS_SECRET: SECRET,
  });
  const coursepack = await measure('coursepack (JSON array)', (lrs) => runCoursepack(
    ['lrs', 'send', arrayFile, '-q', path.join(dir, 'queue-array'), '-b', String(BATCH), '--quiet'], clientEnv(lrs)));

  const baseline = await measure('node fetch baseline', async (lrs) => {
    for (const body of batches) {
      const res = await fetch(`${lrs.endpoint}/statements`, {
        method: 'POST',
        headers: { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
        body,
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`POST: ${res.status} ${text}`);
    }
  });
  console.log(`ratio coursepack / baseline: ${(coursepack / baseline).toFixed(2)}`);

  if (WITH_JSONL) {
    const jsonl = await measure('coursepack (JSON lines)', (lrs) => runCoursepack(
      ['lrs', 'send', linesFile, '-q', path.join(dir, 'queue-lines'), '-b', String(BATCH), '--quiet'], clientEnv(lrs)));
    console.log(`ratio coursepack (JSON lines) / baseline: ${(jsonl / baseline).toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
