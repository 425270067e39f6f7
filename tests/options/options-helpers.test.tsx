// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '@/utils/settings';
import { snap } from '@/components/options/controls';
import { enabledOrigins, knownSiteList, patternHost } from '@/components/options/SitesSection';
import { resetLook } from '@/components/options/ReaderSection';
import { sectionFromHash } from '@/entrypoints/options/OptionsApp';

describe('snap', () => {
  it('rounds to the step without float noise', () => {
    expect(snap(1.6500000000000001, 0.05)).toBe(1.65);
    expect(snap(0.07, 0.05)).toBe(0.05);
    expect(snap(0.123, 0.01)).toBe(0.12);
    expect(snap(18.6, 1)).toBe(19);
  });
});

describe('sectionFromHash', () => {
  it('opens the named section, and the library for anything else', () => {
    expect(sectionFromHash('#reader')).toBe('reader');
    expect(sectionFromHash('#sites')).toBe('sites');
    expect(sectionFromHash('')).toBe('library');
    expect(sectionFromHash('#nonsense')).toBe('library');
  });
});

describe('site lists', () => {
  it('reads the host of a match pattern', () => {
    expect(patternHost('*://*.fanfiction.net/*')).toBe('*.fanfiction.net');
    expect(patternHost('https://www.tthfanfic.org/*')).toBe('www.tthfanfic.org');
    expect(patternHost('<all_urls>')).toBe('');
  });

  it('shows a site and its subdomains as one line', () => {
    const list = knownSiteList(['*://archiveofourown.org/*', '*://*.archiveofourown.org/*', '*://archiveofourown.gay/*']);
    expect(list).toEqual([
      { host: 'archiveofourown.org', subdomains: true },
      { host: 'archiveofourown.gay', subdomains: false },
    ]);
  });

  it('counts as enabled only origins beyond the known sites and the optional wildcard', () => {
    expect(
      enabledOrigins(['*://*/*', '<all_urls>', '*://*.fanfiction.net/*', 'https://m.fanfiction.net/*', 'https://www.tthfanfic.org/*', 'http://*.example.net/*']),
    ).toEqual(['https://www.tthfanfic.org/*', 'http://*.example.net/*']);
  });
});

describe('resetLook', () => {
  it('restores every look setting and keeps the site list and notes state', () => {
    const changed = normalizeSettings({
      reader: { font: 'custom', customFont: 'Literata', fontSize: 30, lineHeight: 2, width: 40, theme: 'black', align: 'justify', hyphenate: true, paragraphs: 'indented', letterSpacing: 0.1, wordSpacing: 0.5, alwaysOn: ['example.org'], showNotes: false, showDisclaimer: true },
    }).reader;
    expect(resetLook(changed)).toEqual({ ...DEFAULT_SETTINGS.reader, alwaysOn: ['example.org'], showNotes: false, showDisclaimer: true });
  });
});
