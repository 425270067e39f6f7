import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { domFromBytes } from '../../scripts/lib/page-bytes';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Shared fixtures live beside the checkout (CI puts shared/ next to it). */
export const SHARED = process.env.FICSHELF_SHARED ?? path.resolve(ROOT, '..', 'shared');
export const FIXTURES = path.join(SHARED, 'fixtures');
export const PAGES = path.join(ROOT, 'tests', 'pages');

/** Resolves a golden's fixture name: "pages/…" is ours, anything else is under shared/fixtures. */
export function fixturePath(name: string): string {
  return name.startsWith('pages/') ? path.join(PAGES, name.slice('pages/'.length)) : path.join(FIXTURES, name);
}

export function hasSharedFixtures(): boolean {
  return existsSync(FIXTURES);
}

/** Builds the DOM a browser would: bytes in (charset sniffed), the page's URL set, no scripts run. */
export function loadPage(name: string, url: string): Document {
  return domFromBytes(readFileSync(fixturePath(name)), url).window.document;
}

export function htmlDocument(html: string, url = 'https://example.org/story.html'): Document {
  return new JSDOM(html, { url, contentType: 'text/html' }).window.document;
}

/** Every golden under tests/goldens: the corpus that pins extraction. */
export const GOLDENS = path.join(ROOT, 'tests', 'goldens');

/** The golden files under a folder, recursively. */
export function goldenFiles(dir: string = GOLDENS): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return goldenFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}
