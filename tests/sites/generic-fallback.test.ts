// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generic } from '@/utils/sites/generic';
import { ADAPTERS, classifyPage } from '@/utils/sites';
import { classifyWithFallback } from '@/utils/sites/fallback';
import type { SiteAdapter } from '@/utils/sites/types';
import { ROOT, htmlDocument, loadPage } from '../helpers/fixtures';
import { compareGolden } from '../helpers/golden-match';

/**
 * The content script's reading of a page without Readability in it: the
 * known families first, then, only where the fallback is allowed and the page
 * may be an article, the generic adapter loaded on demand (the 'generic' part).
 */

const golden = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'tests', 'goldens', name), 'utf8'));

/** Stands in for loading the part: counts the loads, hands over the real adapter. */
function loader(adapter: SiteAdapter | Error = generic) {
  return vi.fn(async () => {
    if (adapter instanceof Error) throw adapter;
    return adapter;
  });
}

describe('classifyWithFallback', () => {
  for (const name of ['fanficauthors/story-hope.json', 'animationsource/story-unexpected-future-aleu.json', 'xenforo-generic/thread-xenforo2-community.json']) {
    it(`loads the generic part and reads ${name} as its golden says`, async () => {
      const want = golden(name);
      expect(want.generic).toBe(true);
      const loadGeneric = loader();
      const result = await classifyWithFallback(loadPage(want.fixture, want.url), want.url, { adapters: ADAPTERS, genericAllowed: true, loadGeneric });
      expect(loadGeneric).toHaveBeenCalledTimes(1);
      expect(compareGolden(want, result)).toEqual([]);
      // The same reading the synchronous registry gives with the adapter at hand (CLI, tests).
      expect(result).toEqual(classifyPage(loadPage(want.fixture, want.url), want.url, { generic }));
    });
  }

  it('does not load it where a known family claims the page, even on an enabled site', async () => {
    const want = golden('ao3/error-404-41237499.json');
    const loadGeneric = loader();
    const result = await classifyWithFallback(loadPage(want.fixture, want.url), want.url, { adapters: ADAPTERS, genericAllowed: true, loadGeneric });
    expect(result).toEqual({ kind: 'none', site: 'otw' });
    expect(loadGeneric).not.toHaveBeenCalled();
  });

  it('does not load it where the fallback is not allowed (a known story host)', async () => {
    const want = golden('fanficauthors/story-hope.json');
    const loadGeneric = loader();
    const result = await classifyWithFallback(loadPage(want.fixture, want.url), want.url, { adapters: ADAPTERS, genericAllowed: false, loadGeneric });
    expect(result).toEqual({ kind: 'none', site: null });
    expect(loadGeneric).not.toHaveBeenCalled();
  });

  it('does not load it on a page that is clearly not an article', async () => {
    const url = 'https://archive.example.org/search?q=buffy';
    const doc = htmlDocument('<!doctype html><html><head><title>Search</title></head><body><nav><a href="/">Home</a></nav><form><input name="q"></form><ul><li><a href="/a">A</a></li></ul></body></html>', url);
    const loadGeneric = loader();
    expect(await classifyWithFallback(doc, url, { adapters: ADAPTERS, genericAllowed: true, loadGeneric })).toEqual({ kind: 'none', site: null });
    expect(loadGeneric).not.toHaveBeenCalled();
  });

  it('reads with the loaded generic adapter alone: the known families and the article check are not run again', async () => {
    const want = golden('fanficauthors/story-hope.json');
    const adapters = ADAPTERS.map((a) => ({ ...a, detect: vi.fn(a.detect) }));
    const loaded = { ...generic, detect: vi.fn(generic.detect) };
    const result = await classifyWithFallback(loadPage(want.fixture, want.url), want.url, { adapters, genericAllowed: true, loadGeneric: loader(loaded) });
    expect(compareGolden(want, result)).toEqual([]);
    for (const adapter of adapters) expect(adapter.detect, adapter.id).toHaveBeenCalledTimes(adapter.matches(new URL(want.url)) ? 1 : 0);
    // The first pass's article check was the generic adapter's own detect.
    expect(loaded.detect).not.toHaveBeenCalled();
  });

  for (const [what, broken] of [
    ['detect', { detect: () => { throw new Error('markup changed'); } }],
    ['extract', { detect: () => true, extract: () => { throw new Error('markup changed'); } }],
  ] as const) {
    it(`ends at none without loading it when a known family's ${what} throws (a known site that changed)`, async () => {
      const want = golden('fanficauthors/story-hope.json');
      const family: SiteAdapter = { id: 'changed', name: 'A known family', matches: () => true, extract: () => null, ...broken };
      const loadGeneric = loader();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const result = await classifyWithFallback(loadPage(want.fixture, want.url), want.url, { adapters: [family], genericAllowed: true, loadGeneric });
        expect(result).toEqual({ kind: 'none', site: null });
        expect(loadGeneric).not.toHaveBeenCalled();
        expect(warn).toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
    });
  }

  it('reads the page as nothing, without throwing, when the generic adapter throws', async () => {
    const want = golden('fanficauthors/story-hope.json');
    const broken: SiteAdapter = { ...generic, extract: () => { throw new Error('readability failed'); } };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const result = await classifyWithFallback(loadPage(want.fixture, want.url), want.url, { adapters: ADAPTERS, genericAllowed: true, loadGeneric: loader(broken) });
      expect(result).toEqual({ kind: 'none', site: null });
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('reads the page as nothing, without throwing, when the part cannot be loaded', async () => {
    const want = golden('fanficauthors/story-hope.json');
    const loadGeneric = loader(new Error('no tab'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const result = await classifyWithFallback(loadPage(want.fixture, want.url), want.url, { adapters: ADAPTERS, genericAllowed: true, loadGeneric });
      expect(result).toEqual({ kind: 'none', site: null });
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
