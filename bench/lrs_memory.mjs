#!/usr/bin/env node
// Peak memory of `coursepack lrs send` on inputs far larger than memory should allow:
// a JSON-lines file and a JSON array, each of about --gb gigabytes (default 1), sent to
// a sink LRS on 127.0.0.1 that checks and counts what it receives and answers 204 at
// once, so that the client's own cost is what is measured.
//
//   node bench/lrs_memory.mjs [--gb 1] [--batch 500]
//
// Env: COURSEPACK (default build/coursepack). Needs /usr/bin/time (GNU time, for the
// peak resident set size). Writes the inputs into a temporary folder (2 x --gb) and
// removes them at the end. Every run is checked: the sink must have received each
// statement of the input exactly once (by its sequence number).

import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeStatements, sequenceExtension } from '../tests/lrs/statements.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const COURSEPACK = path.resolve(ROOT, process.env.COURSEPACK ?? 'build/coursepack');
const SEQ = sequenceExtension('bench');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

// Writes statements until the file holds `bytes`; returns how many.
async function writeInput(file, bytes, asArray) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  let written = 0, count = 0;
  if (asArray) await write('[\n');
  while (written < bytes) {
    const chunk = makeStatements(10_000, { source: 'bench' });
    let text = '';
    for (const s of chunk) {
      s.context.extensions[SEQ] = count++;
      text += (asArray && count > 1 ? ',\n' : '') + JSON.stringify(s) + (asArray ? '' : '\n');
    }
    written += Buffer.byteLength(text);
    await write(text);
  }
  if (asArray) await write('\n]\n');
  await new Promise((r) => out.end(r));
  return count;
}

// Accepts every POST at once; remembers which sequence numbers it saw.
async function startSink() {
  const seen = new Uint8Array(1 << 24);
  const state = { received: 0, duplicates: 0 };
  const server = http.createServer((req, res) => {
    const parts = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', () => {
      if (req.method === 'POST') {
        for (const s of JSON.parse(Buffer.concat(parts).toString('utf8'))) {
          const n = s.context.extensions[SEQ];
          if (seen[n]) state.duplicates++;
          seen[n] = 1;
          state.received++;
        }
        res.writeHead(204).end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"version":["1.0.3"]}');
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { endpoint: `http://127.0.0.1:${server.address().port}/xAPI/`, state, close: () => server.close() };
}

function timed(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', COURSEPACK, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
      resolve({ code, stderr, peakMb: rss ? Number(rss[1]) / 1024 : NaN,
        seconds: wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN });
    });
  });
}

const gb = option('gb', 1);
const batch = option('batch', 500);
const dir = mkdtempSync(path.join(os.tmpdir(), 'coursepack-bench-memory-'));
const rows = [];
try {
  for (const [name, asArray] of [['JSON lines', false], ['JSON array', true]]) {
    const file = path.join(dir, asArray ? 'statements.json' : 'statements.jsonl');
    const count = await writeInput(file, gb * 1024 ** 3, asArray);
    const size = statSync(file).size;
    const sink = await startSink();
    const env = { PATH: process.env.PATH, HOME: dir, COURSEPACK_LRS_ENDPOINT: sink.endpoint,
      COURSEPACK_LRS_KEY: 'bench', COURSEPACK_LRS_SECRET: 'bench' };
    const args = ['lrs', 'send', file, '-q', path.join(dir, `queue-${rows.length}`), '-b', String(batch), '--quiet'];
    const run = await timed(args, env);
    if (run.code !== 0) throw new Error(`${name}: exit ${run.code}\n${run.stderr}`);
    if (sink.state.received !== count || sink.state.duplicates)
      throw new Error(`${name}: ${count} statements, sink received ${sink.state.received} (${sink.state.duplicates} twice)`);
    rows.push({ name, size, count, ...run });
    // The same command again, as a nightly job would: every statement is known as stored
    // (the queue's keys are read), nothing is sent.
    const rerun = await timed(args, env);
    sink.close();
    rmSync(file);
    if (rerun.code !== 0 || sink.state.received !== count) throw new Error(`${name} rerun: exit ${rerun.code}, sink received ${sink.state.received}`);
    rows.push({ name: `${name}, rerun (all stored)`, size, count, ...rerun });
  }
  console.log('| input | size | statements | wall (s) | peak RSS (MB) |');
  console.log('|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.name} | ${(r.size / 1024 ** 3).toFixed(2)} GiB | ${r.count.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${r.peakMb.toFixed(1)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
