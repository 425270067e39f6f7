// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { notAPage } from '../../scripts/lib/page-input';
import { mulberry32, recordFigures } from './generators';

/**
 * Bad input through the command line, spawned as a user runs it: a clear
 * message on stderr and a non-zero exit, never a stack trace.
 */

let dir = '';
const GOOD_PAGE = path.join(ROOT, 'tests', 'pages', 'header-table.html');
const STACK = /\n\s+at .+\(|\bat Object\.|node:internal|Error: .*\n\s+at /;

function extract(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'extract', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectClearError(run: ReturnType<typeof extract>, says: RegExp): void {
  expect(run.status, run.stderr).not.toBe(0);
  expect(run.stderr).toMatch(/^extract: /);
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toMatch(STACK);
  expect(run.stdout.trim()).toBe('');
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ficshelf-cli-'));
  const random = mulberry32(7);
  // A PNG signature then noise: what a reader gets by picking a picture instead of a saved page.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4000 }, () => Math.floor(random() * 256))]);
  writeFileSync(path.join(dir, 'picture.png'), png);
  writeFileSync(path.join(dir, 'empty.html'), '');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  recordFigures('commandLine', { badInputsSpawned: 5 });
});

// Each spawn starts npm and tsx: seconds on an idle machine, tens of seconds on a loaded one.
describe('extract on bad input', { timeout: 180_000 }, () => {
  it('a missing file', () => {
    expectClearError(extract(path.join(dir, 'missing.html'), '--url', 'https://example.org/s/1'), /cannot read .*missing\.html: ENOENT/);
  });

  it('a directory', () => {
    expectClearError(extract(dir, '--url', 'https://example.org/s/1'), /is not a file/);
  });

  it('a bad URL', () => {
    expectClearError(extract(GOOD_PAGE, '--url', 'not a url'), /not a URL: not a url/);
  });

  it('--url without a value', () => {
    expectClearError(extract(GOOD_PAGE, '--url'), /--url needs a value/);
  });

  it('a good page still reads (the errors above are about the input, not a broken tool)', () => {
    const run = extract(GOOD_PAGE, '--url', 'https://example.org/fic/lost-soul.html');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).kind).toBe('story');
  });
});

/**
 * The command line does not check these yet (it prints kind "none" and exits 0):
 * scripts/extract.ts should call notAPage() before building the DOM. Until it
 * does, the check itself is pinned here.
 */
describe('files that are not pages', () => {
  it('an empty file', () => {
    expect(notAPage(new Uint8Array())).toBe('is empty');
  });

  it('a picture or other binary data', () => {
    const random = mulberry32(11);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4000 }, () => Math.floor(random() * 256))]);
    expect(notAPage(png)).toMatch(/binary/);
  });

  it('UTF-16 pages (NUL bytes after a BOM) and ordinary pages are pages', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Title: Lost Soul</p>', 'utf16le')]);
    expect(notAPage(utf16)).toBeNull();
    expect(notAPage(Buffer.from('<!DOCTYPE html><title>x</title>\r\n\t<p>caf\xe9</p>', 'latin1'))).toBeNull();
  });
});
