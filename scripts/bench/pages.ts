import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, ROOT } from '../../tests/helpers/fixtures';

/**
 * Which pages each case runs on, read from the goldens (they carry each
 * fixture's real URL and what it is) and the readability corpus.
 */

export interface BenchPage {
  fixture: string;
  url: string;
  kind: 'story' | 'listing' | 'none';
  generic: boolean;
}

const GOLDENS = path.join(ROOT, 'tests', 'goldens');
/** The fanfiction families the extension reads (the other fixture folders are sites it does not claim). */
export const STORY_FOLDERS = ['ao3', 'ffn', 'hpfanficarchive-efiction', 'superlove', 'pages'];

export function goldenPages(folders: readonly string[]): BenchPage[] {
  const pages: BenchPage[] = [];
  for (const folder of folders) {
    const dir = path.join(GOLDENS, folder);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const golden = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      pages.push({ fixture: golden.fixture, url: golden.url, kind: golden.kind, generic: golden.generic === true });
    }
  }
  return pages;
}

/** Story pages the adapters read without the generic fallback. */
export function storyPages(): BenchPage[] {
  return goldenPages(STORY_FOLDERS).filter((p) => p.kind === 'story' && !p.generic);
}

/** AO3 and FFN pages that are not stories (404, login wall, profile, tag landing). */
export function nonStorySitePages(): BenchPage[] {
  return goldenPages(['ao3', 'ffn']).filter((p) => p.kind === 'none');
}

export function listingPages(): BenchPage[] {
  return goldenPages(['ao3']).filter((p) => p.kind === 'listing');
}

/** Readability's corpus (news, blogs), largest first; `limit` keeps the biggest. */
export function readabilityPages(limit?: number): BenchPage[] {
  const dir = path.join(FIXTURES, 'readability');
  const pages = readdirSync(dir)
    .map((name) => ({ name, size: statSync(path.join(dir, name, 'source.html')).size }))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))
    .map(({ name }) => ({
      fixture: `readability/${name}/source.html`,
      url: `https://news.bench.example/${encodeURIComponent(name)}/`,
      kind: 'none' as const,
      generic: false,
    }));
  return limit === undefined ? pages : pages.slice(0, limit);
}

/** "ao3/work-323217-mentalist.html" → "ao3/work-323217-mentalist"; readability pages by folder name. */
export function shortName(fixture: string): string {
  return fixture.replace(/\/source\.html$/, '').replace(/\.html$/, '');
}
