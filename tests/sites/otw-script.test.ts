// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ADAPTERS, classifyPage } from '@/utils/sites';
import { classifyWith } from '@/utils/sites/classify';
import { KNOWN_STORY_SITES, OTHER_KNOWN_STORY_SITES, OTW_STORY_SITES } from '@/utils/known-sites';
import { OTW_ADAPTERS } from '@/entrypoints/otw.content/adapters';
import { goldenFiles, loadPage } from '../helpers/fixtures';

/**
 * The OTW hosts get a page script that carries only the OTW adapter
 * (entrypoints/otw.content). It must read every page of those hosts exactly
 * as the full registry does, or AO3 readers would see a different FicShelf.
 */

/** The hosts a list of match patterns names, as a test ("*." covers the domain and its subdomains). */
function coversHost(patterns: readonly string[], hostname: string): boolean {
  return patterns.some((pattern) => {
    const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
    return host.startsWith('*.') ? hostname === host.slice(2) || hostname.endsWith(host.slice(1)) : hostname === host;
  });
}

/** Every golden page (fixture and its real URL) served by an OTW host. */
const OTW_PAGES = goldenFiles()
  .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { fixture: string; url: string; kind: string })
  .filter((golden) => coversHost(OTW_STORY_SITES, new URL(golden.url).hostname));

describe('the OTW hosts’ page script', () => {
  it('has AO3 work, listing and other pages to check against', () => {
    // The goldens pin each page's kind, so the check below cannot pass on a corpus of one kind.
    const kinds = new Set(OTW_PAGES.map((p) => p.kind));
    expect(OTW_PAGES.length).toBeGreaterThan(30);
    expect([...kinds].sort()).toEqual(['listing', 'none', 'story']);
  });

  it('carries only the OTW family, in the registry', () => {
    expect(OTW_ADAPTERS.map((a) => a.id)).toEqual(['otw']);
    expect(OTW_ADAPTERS.every((a) => ADAPTERS.includes(a))).toBe(true);
  });

  for (const page of OTW_PAGES) {
    it(`reads ${page.fixture} as classifyPage does`, () => {
      const everyFamily = classifyPage(loadPage(page.fixture, page.url), page.url);
      const otwOnly = classifyWith(OTW_ADAPTERS, loadPage(page.fixture, page.url), page.url);
      // The fields a reader sees first, then everything else.
      expect(otwOnly.kind).toBe(everyFamily.kind);
      expect(otwOnly.site).toBe(everyFamily.site);
      expect(otwOnly.story?.title).toBe(everyFamily.story?.title);
      expect(otwOnly.story?.authors).toEqual(everyFamily.story?.authors);
      expect(otwOnly.listing?.items.map((b) => [b.title, b.authors])).toEqual(everyFamily.listing?.items.map((b) => [b.title, b.authors]));
      expect(otwOnly).toEqual(everyFamily);
    });
  }
});

describe('the known-sites split', () => {
  it('is the union of the OTW hosts and the rest, with no pattern in both', () => {
    expect([...KNOWN_STORY_SITES].sort()).toEqual([...OTW_STORY_SITES, ...OTHER_KNOWN_STORY_SITES].sort());
    expect(new Set(KNOWN_STORY_SITES).size).toBe(KNOWN_STORY_SITES.length);
    expect(OTW_STORY_SITES.filter((p) => (OTHER_KNOWN_STORY_SITES as readonly string[]).includes(p))).toEqual([]);
  });

  it('sends each known host to one page script only', () => {
    const hostOf = (pattern: string) => /^[^:]+:\/\/(?:\*\.)?([^/]+)\//.exec(pattern)![1]!;
    for (const pattern of KNOWN_STORY_SITES) {
      const host = hostOf(pattern);
      const scripts = [OTW_STORY_SITES, OTHER_KNOWN_STORY_SITES].filter((list) => coversHost(list, host));
      expect(scripts, host).toHaveLength(1);
    }
    expect(coversHost(OTW_STORY_SITES, 'archiveofourown.org')).toBe(true);
    expect(coversHost(OTW_STORY_SITES, 'www.fanfiction.net')).toBe(false);
    expect(coversHost(OTHER_KNOWN_STORY_SITES, 'www.fanfiction.net')).toBe(true);
  });
});
