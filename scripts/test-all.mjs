#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, with one total at the end.
 * typecheck → unit and fixture tests → Chrome and Firefox builds → web-ext lint
 * → real-browser e2e (Chromium and Firefox). A step that is not a test suite
 * (typecheck, build, lint) counts as one test. The last line is
 * "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const work = mkdtempSync(path.join(tmpdir(), 'ficshelf-test-'));
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

/** Runs a vitest suite and counts its tests from the JSON report (a crash counts as one failure). */
function suite(label, args) {
  const report = path.join(work, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (json.numFailedTests > 0 || !ok) failures.push(label);
    if (!ok && json.numFailedTests === 0) failed += 1; // failed outside any test (collection error, crash)
  } catch {
    failed += 1;
    failures.push(`${label} (no report)`);
  }
}

step('typecheck', bin('tsc'), ['--noEmit']);
// The EPUB tests validate with Debian's epubcheck.
if (run('packages for unit tests', process.execPath, ['scripts/ensure-packages.mjs', 'epubcheck'])) {
  suite('unit and fixture tests', []);
} else {
  failed += 1;
  failures.push('packages for unit tests (see the command above)');
}
step('build chrome-mv3', bin('wxt'), ['build']);
step('build firefox-mv2', bin('wxt'), ['build', '-b', 'firefox']);
step('web-ext lint', bin('web-ext'), ['lint', '-s', '.output/firefox-mv2', ]);
if (run('browsers for e2e', process.execPath, ['scripts/ensure-browsers.mjs'])) {
  suite('real-browser e2e', ['--config', 'vitest.e2e.config.ts']);
} else {
  failed += 1;
  failures.push('browsers for e2e (see the command above)');
}

// docs/reliability.md from the figures the tests above wrote into .bench/ (issue 7).
const reliabilityInputs = ['.bench/reliability-data', '.bench/reliability-xss.json', '.bench/reliability-fuzz.json'];
if (reliabilityInputs.some((input) => existsSync(input))) step('reliability report', bin('tsx'), ['scripts/reliability-report.ts']);

rmSync(work, { recursive: true, force: true });
console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
