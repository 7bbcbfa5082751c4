// Shared by the player tests: build a SETS package with the coursepack under test, serve
// it, open Chromium; and the course source as the independent answer key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, startServer, unzipTo } from './harness.mjs';

export const repo = resolve(import.meta.dirname, '../..');
const coursepack = process.env.COURSEPACK || join(repo, 'build/coursepack');

/// The module of SETS course 2 as authored in course.json, with its answer key.
export function setsModule(moduleId) {
  const course = JSON.parse(readFileSync(join(repo, 'samples/sets/sets-2/course.json'), 'utf8'));
  const module = course.modules.find((m) => m.id === moduleId);
  const key = module.quiz.map((q) => q.choices.findIndex((c) => c.correct));
  const wrong = module.quiz.map((q, i) => (key[i] + 1) % q.choices.length);
  return { module, lessons: module.lessons.map((l) => l.id), key, wrong };
}

/// Builds sets-2 in `language`, unzips module `moduleId`, serves it and starts Chromium.
/// Returns {browser, server, close()}.
export async function servePackage(moduleId, language) {
  const workDir = mkdtempSync(join(tmpdir(), 'coursepack-browser-'));
  execFileSync(coursepack, ['build', join(repo, 'samples/sets/sets-2'), '-o', join(workDir, 'dist'), '--lang', language, '--quiet']);
  const dir = await unzipTo(join(workDir, 'dist', `sets-2_${moduleId}_${language}_scorm12.zip`), join(workDir, 'package'));
  const browser = await launchBrowser();
  const server = await startServer(dir);
  return {
    browser,
    server,
    async close() {
      await server.close();
      await browser.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/// Ticks one choice per question (by its authored index, whatever the shown order), submits,
/// and confirms when the page asks (a post-test that counts) unless `confirm` is false.
export async function answerQuiz(frame, answers, { confirm = true } = {}) {
  for (let q = 0; q < answers.length; q++)
    await frame.click(`#quiz-form fieldset[data-question="${q}"] input[value="${answers[q]}"]`);
  await frame.click('#quiz-form button[type="submit"]');
  if (confirm && (await frame.locator('#submit-confirm:not([hidden])').count()))
    await frame.click('[data-action="confirm-submit"]');
}

/// Home -> the pre-test answered with `answers` -> its results -> the lessons screen (the
/// first required lesson open).
export async function toLessons(frame, answers) {
  const shown = (screen) => frame.waitForSelector(`html.ready #screen-${screen}:not([hidden])`, { timeout: 15000 });
  await shown('home');
  await frame.click('[data-action="start"]');
  await shown('quiz');
  await answerQuiz(frame, answers);
  await shown('results');
  await frame.click('[data-action="lessons"]');
  await shown('lessons');
}
