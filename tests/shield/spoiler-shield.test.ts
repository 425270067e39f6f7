// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings } from '@/utils/settings-store';
import { FEATURES } from '@/entrypoints/page.content/features';
import { spoilerShield } from '@/entrypoints/page.content/features/spoiler-shield';
import { readerMode } from '@/entrypoints/page.content/features/reader-mode';
import { isShielded } from '@/entrypoints/page.content/shield/state';
import { progressThrough, spoilLabel } from '@/entrypoints/page.content/shield/story-shield';
import { BECOMING, BUFFY_S4E9, SEEING_RED, reasonsOf, settingsWith, settle, shadowButton, shieldHost, showPage, startFeature } from './helpers';

const SPOILS_SEEING_RED = "Spoils Buffy S6E19 Seeing Red — you've watched through S4E9";
const covered = (selector: string) => document.querySelector(selector)?.hasAttribute('data-ficshelf-covered');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the spoiler shield on a story page', () => {
  it('is registered before reader mode, so a covered story is covered before reader mode may open', () => {
    expect(FEATURES.indexOf(spoilerShield)).toBeGreaterThanOrEqual(0);
    expect(FEATURES.indexOf(spoilerShield)).toBeLessThan(FEATURES.indexOf(readerMode));
  });

  it('covers a Buffy story set after Seeing Red for a reader at S4E9: text, summary and notes, not title or tags', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    await startFeature(spoilerShield, page, settingsWith({ progress: BUFFY_S4E9 }));
    const host = shieldHost();
    expect(reasonsOf(host)).toEqual([SPOILS_SEEING_RED]);
    expect(host!.shadowRoot!.textContent).toContain(SPOILS_SEEING_RED);
    expect(covered('#chapters')).toBe(true);
    // Every summary and note on the page (this chapter's sit with its text) is under something covered.
    const spoilerProne = Array.from(document.querySelectorAll('#workskin .summary, #workskin .notes'));
    expect(spoilerProne.length).toBeGreaterThanOrEqual(3);
    expect(spoilerProne.every((el) => el.closest('[data-ficshelf-covered]'))).toBe(true);
    expect(covered('h2.title')).toBe(false);
    expect(covered('dl.work.meta.group')).toBe(false);
    // The shield stands where the text was, and the page's own style hides what is covered.
    expect(host!.nextElementSibling?.id).toBe('chapters');
    expect(document.querySelector('style[data-ficshelf="filter-style"]')?.textContent).toContain('[data-ficshelf-covered] { display: none !important; }');
    expect(isShielded()).toBe(true);
    expect(document.documentElement.getAttribute('data-ficshelf-filtered')).toBe('done');
  });

  it('offers "I\'ve seen" the spoiled episode, by its title', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    await startFeature(spoilerShield, page, settingsWith({ progress: BUFFY_S4E9 }));
    const labels = Array.from(shieldHost()!.shadowRoot!.querySelectorAll('button')).map((b) => b.textContent);
    expect(labels).toEqual(['Show once', 'Always show this story', "I've seen Buffy S6E19 Seeing Red"]);
  });

  it('covers nothing when the reader has seen it all, or has not seen as far as an earlier story needs', async () => {
    let page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    await startFeature(spoilerShield, page, settingsWith({ progress: { 'Buffy the Vampire Slayer': 'all' } }));
    expect(shieldHost()).toBeNull();
    expect(document.querySelector('[data-ficshelf-covered]')).toBeNull();
    expect(isShielded()).toBe(false);
    expect(document.documentElement.getAttribute('data-ficshelf-filtered')).toBe('done');

    page = showPage(BECOMING.fixture, BECOMING.url);
    expect(page.story!.spoilers.map((s) => [s.season, s.episode])).toEqual([[2, 22]]);
    await startFeature(spoilerShield, page, settingsWith({ progress: BUFFY_S4E9 }));
    expect(shieldHost()).toBeNull();
  });

  it('"Show once" uncovers the story for this visit only', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    const feature = await startFeature(spoilerShield, page, settingsWith({ progress: BUFFY_S4E9 }));
    shadowButton(shieldHost()!, '[data-ficshelf="reveal"]').click();
    expect(shieldHost()).toBeNull();
    expect(document.querySelector('[data-ficshelf-covered]')).toBeNull();
    expect(isShielded()).toBe(false);
    // A later settings change does not cover it again on this page.
    feature.changeSettings(settingsWith({ progress: { 'Buffy the Vampire Slayer': { season: 1, episode: 1 } } }));
    expect(shieldHost()).toBeNull();
    expect((await loadSettings()).spoilers.allowStories).toEqual([]);
  });

  it('answers the reveal command (shortcut, popup) and says when there was nothing to reveal', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    const feature = await startFeature(spoilerShield, page, settingsWith({ progress: BUFFY_S4E9 }));
    expect(await feature.command('save')).toBe(false);
    expect(await feature.command('reveal')).toBe(true);
    expect(shieldHost()).toBeNull();
    expect(await feature.command('reveal')).toBe(false);
  });

  it('"Always show this story" stores the story id in the settings and uncovers it', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    await saveSettings(settingsWith({ progress: BUFFY_S4E9 }));
    await startFeature(spoilerShield, page, await loadSettings());
    shadowButton(shieldHost()!, '[data-action="always-show"]').click();
    await settle();
    expect((await loadSettings()).spoilers.allowStories).toEqual(['ao3:48582418']);
    expect(shieldHost()).toBeNull();
    expect((await loadSettings()).spoilers.progress['Buffy the Vampire Slayer']).toEqual({ season: 4, episode: 9 });
  });

  it('"I\'ve seen it" moves the reader\'s progress to the spoiled episode and uncovers it', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    await saveSettings(settingsWith({ progress: BUFFY_S4E9 }));
    await startFeature(spoilerShield, page, await loadSettings());
    shadowButton(shieldHost()!, '[data-action="seen"]').click();
    await settle();
    const stored = await loadSettings();
    expect(stored.spoilers.progress['Buffy the Vampire Slayer']).toEqual({ season: 6, episode: 19 });
    expect(stored.spoilers.allowStories).toEqual([]);
    expect(shieldHost()).toBeNull();
  });

  it('follows settings changed elsewhere: covers when progress goes back, uncovers when it goes forward', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    const feature = await startFeature(spoilerShield, page, settingsWith({}));
    expect(shieldHost()).toBeNull();
    feature.changeSettings(settingsWith({ progress: BUFFY_S4E9 }));
    expect(reasonsOf(shieldHost())).toEqual([SPOILS_SEEING_RED]);
    feature.changeSettings(settingsWith({ progress: { 'Buffy the Vampire Slayer': { season: 6, episode: 2 } } }));
    expect(reasonsOf(shieldHost())).toEqual(["Spoils Buffy S6E19 Seeing Red — you've watched through S6E2"]);
    expect(document.querySelectorAll('[data-ficshelf="shield"]')).toHaveLength(1);
    feature.changeSettings(settingsWith({ progress: { 'Buffy the Vampire Slayer': { season: 7, episode: 1 } } }));
    expect(shieldHost()).toBeNull();
    expect(document.querySelector('[data-ficshelf-covered]')).toBeNull();
  });

  it('a rating above the limit covers the tags too, keeping the title', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    await startFeature(spoilerShield, page, settingsWith({ max: 'general' }));
    expect(reasonsOf(shieldHost())).toEqual(['Rated Teen — your limit is General']);
    expect(covered('dl.work.meta.group')).toBe(true);
    expect(covered('#chapters')).toBe(true);
    expect(covered('h2.title')).toBe(false);
    expect(Array.from(shieldHost()!.shadowRoot!.querySelectorAll('[data-action="seen"]'))).toHaveLength(0);
  });

  it('keeps reader mode closed over a covered story, and lets it open once shown', async () => {
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    const settings = settingsWith({ progress: BUFFY_S4E9 });
    const shield = await startFeature(spoilerShield, page, settings);
    const reader = await startFeature(readerMode, page, settings);
    expect(await reader.command('toggle-reader')).toBe(true);
    expect(document.querySelector('[data-ficshelf="reader"]')).toBeNull();
    await shield.command('reveal');
    await reader.command('toggle-reader');
    expect(document.querySelector('[data-ficshelf="reader"]')).not.toBeNull();
    await reader.command('toggle-reader');
  });
});

describe('shield choices', () => {
  it('names spoiled episodes from the guide, and a whole season as seen through its last episode', () => {
    expect(spoilLabel({ fandom: 'Buffy the Vampire Slayer', season: 6, episode: 19 })).toBe('Buffy S6E19 Seeing Red');
    expect(progressThrough({ fandom: 'Buffy the Vampire Slayer', season: 5 })).toEqual({ season: 5, episode: 22 });
    expect(progressThrough({ fandom: 'Some Unknown Show', season: 2 })).toEqual({ season: 3, episode: 0 });
  });
});
