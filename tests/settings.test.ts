import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, normalizeSettings } from '@/utils/settings';
import { loadSettings, saveSettings, updateSettings } from '@/utils/settings-store';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ reader: 5, ratings: null })).toEqual(DEFAULT_SETTINGS);
  });

  it('clamps numbers and rejects unknown choices', () => {
    const s = normalizeSettings({ reader: { fontSize: 400, lineHeight: 'x', theme: 'neon', width: 10 } });
    expect(s.reader.fontSize).toBe(40);
    expect(s.reader.lineHeight).toBe(DEFAULT_SETTINGS.reader.lineHeight);
    expect(s.reader.theme).toBe('system');
    expect(s.reader.width).toBe(30);
  });

  it('keeps a custom font name but nothing that could break out of CSS', () => {
    expect(normalizeSettings({ reader: { customFont: 'Literata; } body { display:none' } }).reader.customFont).toBe('Literata  body  display:none');
  });

  it('keeps valid watch progress and drops malformed entries', () => {
    const s = normalizeSettings({
      spoilers: { progress: { 'Buffy the Vampire Slayer': { season: 4, episode: 9 }, Angel: 'all', Bad: { season: -1 }, Worse: 7 } },
    });
    expect(s.spoilers.progress).toEqual({ 'Buffy the Vampire Slayer': { season: 4, episode: 9 }, Angel: 'all' });
  });

  it('keeps the rating limit on the scale', () => {
    expect(normalizeSettings({ ratings: { max: 'teen', unrated: 'hide' } }).ratings).toEqual({ max: 'teen', unrated: 'hide', hideWarnings: [] });
    expect(normalizeSettings({ ratings: { max: 'unrated' } }).ratings.max).toBe('explicit');
  });
});

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips through extension storage', async () => {
    const next = normalizeSettings({ reader: { theme: 'sepia', fontSize: 22 }, ratings: { max: 'teen' } });
    await saveSettings(next);
    expect(await loadSettings()).toEqual(next);
  });

  it('updates one part without losing the others', async () => {
    await saveSettings(normalizeSettings({ blocklist: { tags: ['Character Death'] } }));
    const after = await updateSettings((s) => ({ ...s, reader: { ...s.reader, theme: 'dark' } }));
    expect(after.reader.theme).toBe('dark');
    expect((await loadSettings()).blocklist.tags).toEqual(['Character Death']);
  });
});
