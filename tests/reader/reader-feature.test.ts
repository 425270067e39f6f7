// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/utils/settings';
import { THEMES } from '@/utils/reader/themes';
import type { PageResult } from '@/utils/story';
import { readerMode } from '@/entrypoints/page.content/features/reader-mode';
import { FEATURES } from '@/entrypoints/page.content/features';
import { startFeature } from '../shield/helpers';
import { AO3_CHAPTER, press, readerHost, readerRoot, settle, showPage } from './reader-helpers';

/** The reader-mode feature as run-features starts it: commands and settings changes come through the returned handles. */
const start = (page: PageResult, settings: Settings = DEFAULT_SETTINGS) => startFeature(readerMode, page, settings);

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});
afterEach(() => {
  if (readerHost()) press('Escape');
});

describe('the reader-mode feature', () => {
  it('is registered and runs only on story pages with chapter text', () => {
    expect(FEATURES).toContain(readerMode);
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    expect(readerMode.runsOn({ kind: 'story', site: 'otw', story })).toBe(true);
    expect(readerMode.runsOn({ kind: 'listing', site: 'otw', listing: { items: [] } })).toBe(false);
    expect(readerMode.runsOn({ kind: 'story', site: 'otw', story: { ...story, chapters: story.chapters.map((c) => ({ ...c, html: '' })) } })).toBe(false);
  });

  it('toggles on the toggle-reader command and leaves other commands to other features', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const feature = await start({ kind: 'story', site: 'otw', story });
    expect(readerHost()).toBeNull();
    expect(await feature.command('save')).toBe(false);
    expect(await feature.command('toggle-reader')).toBe(true);
    expect(readerHost()).not.toBeNull();
    expect(await feature.command('toggle-reader')).toBe(true);
    expect(readerHost()).toBeNull();
  });

  it('follows settings changed elsewhere (the options page) while open', async () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    const light = normalizeSettings({ ...DEFAULT_SETTINGS, reader: { ...DEFAULT_SETTINGS.reader, theme: 'sepia' } });
    const feature = await start({ kind: 'story', site: 'otw', story }, light);
    await feature.command('toggle-reader');
    const css = () => readerRoot().querySelector('style')!.textContent!;
    expect(css()).toContain(`--fs-bg: ${THEMES.sepia.bg}`);
    feature.changeSettings(normalizeSettings({ ...light, reader: { ...light.reader, theme: 'dark', width: 50 } }));
    await settle();
    expect(css()).toContain(`--fs-bg: ${THEMES.dark.bg}`);
    expect(css()).toContain('--fs-width: 50ch');
  });

  it('opens by itself where the reader asked for it', () => {
    const story = showPage(AO3_CHAPTER.fixture, AO3_CHAPTER.url);
    // Not awaited: the reader should be open as soon as the feature starts.
    void start({ kind: 'story', site: 'otw', story }, normalizeSettings({ ...DEFAULT_SETTINGS, reader: { ...DEFAULT_SETTINGS.reader, alwaysOn: [location.hostname] } }));
    expect(readerHost()).not.toBeNull();
    expect(readerHost()!.shadowRoot!.querySelector('.fs-title')!.textContent).toBe('Nobody Expects the Dragon Age Inquisition');
  });
});
