// The trainer guide in Chromium: `coursepack build --trainer-guide` on samples/example with
// the session plans, credits and certification of tests/package/fixtures/programme.json.
// The guide loads nothing but itself, passes axe, and prints to an A4 PDF of several pages
// (each session starts a page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startServer, runAxe, formatViolations } from './harness.mjs';
import { repo } from './packages.mjs';

const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');
const workDir = mkdtempSync(join(tmpdir(), 'coursepack-guide-'));
let browser;
let server;

function buildGuides() {
  const course = join(workDir, 'course');
  cpSync(join(repo, 'samples/example'), course, { recursive: true });
  const source = JSON.parse(readFileSync(join(course, 'course.json'), 'utf8'));
  delete source.$schema;
  Object.assign(source, JSON.parse(readFileSync(join(repo, 'tests/package/fixtures/programme.json'), 'utf8')));
  writeFileSync(join(course, 'course.json'), JSON.stringify(source, null, 2));
  execFileSync(coursepack, ['build', course, '--quiet', '--trainer-guide', '--format=scorm12', '-o', join(workDir, 'out')]);
  return join(workDir, 'out');
}

before(async () => {
  server = await startServer(buildGuides());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

for (const language of ['en', 'fr']) {
  test(`the ${language} guide loads nothing else, passes axe and prints on A4 pages`, async (t) => {
    const page = await browser.context.newPage();
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = `${server.packageUrl}example_trainer-guide_${language}.html`;
    const response = await page.goto(url);
    assert.equal(response.status(), 200);
    assert.deepEqual(requests, [url], 'the guide requests nothing but itself');
    assert.deepEqual(browser.blocked, []);
    assert.equal(await page.getAttribute('html', 'lang'), language);
    assert.equal(await page.locator('.session').count(), 2);

    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    // Contents, course and map, two sessions, rules, keys, credits: each session on its own page.
    assert.ok(pages >= 5, `expected at least 5 A4 pages, got ${pages}`);
    t.diagnostic(`${pages} A4 pages, ${pdf.length} bytes`);
    // A4 is 595 x 842 points.
    assert.match(text, /\/MediaBox\s*\[\s*0 0 595(\.\d+)? 84[12](\.\d+)?\s*\]/);
    await page.close();
  });
}
