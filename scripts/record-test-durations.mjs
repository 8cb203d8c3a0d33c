#!/usr/bin/env node
// Records how long each test file took, from the Vitest JSON report of a whole run, into
// test/support/test-durations.json: the longest-first sequencer's guide where Vitest has no timings
// of its own (a clean clone, CI).
//   npx vitest run --reporter=default --reporter=json --outputFile.json=/tmp/vitest-report.json
//   node scripts/record-test-durations.mjs /tmp/vitest-report.json
// Re-run it when a test file becomes much slower or faster, or after adding a slow one; the order only ever
// affects how long the suite takes, never what it checks.
import console from 'node:console';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const reportFile = process.argv[2];
if (!reportFile) {
  console.error('usage: node scripts/record-test-durations.mjs <vitest JSON report>');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const target = path.join(root, 'test/support/test-durations.json');
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const earlier = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : {};
const durations = {};
for (const file of report.testResults) {
  const name = path.relative(root, file.name);
  // A file that failed may have stopped early, or waited for a timeout: its earlier time is the better guess, and
  // without one it stays out (the sequencer starts a file it has no time for first, as the slowest guess).
  if (file.status === 'passed') durations[name] = Math.round(file.endTime - file.startTime);
  else if (earlier[name] !== undefined) durations[name] = earlier[name];
}
const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(target, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} test files recorded in ${path.relative(process.cwd(), target)}`);
