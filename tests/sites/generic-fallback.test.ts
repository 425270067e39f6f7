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
