// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '@/utils/settings';
import type { Command, LibraryState, Message } from '@/utils/messages';
import type { PageResult } from '@/utils/story';
import type { Feature } from '@/entrypoints/page.content/features/feature';
import {
  CONTENT_FEATURES,
  listingFilterOnDemand,
  readerModeOnDemand,
  saveStoryOnDemand,
  spoilerShieldOnDemand,
} from '@/entrypoints/page.content/features/on-demand';
import { FEATURES } from '@/entrypoints/page.content/features';
import { registerPart, type PartApis } from '@/entrypoints/page.content/parts/registry';
import { startReader } from '@/entrypoints/page.content/features/reader-mode';
import { startPageSave } from '@/entrypoints/page.content/features/save-story';
import { spoilerShield } from '@/entrypoints/page.content/features/spoiler-shield';
import { listingFilter } from '@/entrypoints/page.content/features/listing-filter';
import { generic } from '@/utils/sites/generic';
import { ADAPTERS } from '@/utils/sites';
import { storyExtractor } from '@/entrypoints/page.content/save/extract';
import { setShielded } from '@/entrypoints/page.content/shield/state';
import { READY_ATTRIBUTE } from '@/entrypoints/page.content/shield/ready';
import { handleMessage } from '@/entrypoints/background';
import { ALL_GUIDES } from '@/utils/fandoms/all-guides';
import { BECOMING, BUFFY_S4E9, JILY, SEEING_RED, settingsWith, showPage } from '../shield/helpers';

const PARTS: PartApis = {
  reader: { startReader },
  save: { startPageSave },
  shield: { spoilerShield, listingFilter },
  guides: { fandoms: ALL_GUIDES.map((g) => g.fandom) },
  generic: { generic },
};

/** Stands in for the background: a load-part request "runs" the part's script, which registers it. */
function fakeBackground(libraryState: LibraryState | null = null) {
  const loaded: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message) => {
    if (message.type === 'ficshelf:load-part') {
      loaded.push(message.part);
      registerPart(message.part, PARTS[message.part] as never);
      return { ok: true };
    }
    if (message.type === 'ficshelf:library-state') return libraryState;
    return { ok: true };
  }) as never);
  return loaded;
}

function start(feature: Feature, page: PageResult, settings: Settings = DEFAULT_SETTINGS) {
  const commands: Array<(command: Command) => boolean | Promise<boolean>> = [];
  const changes: Array<(settings: Settings) => void> = [];
  const started = feature.start({
    page,
    settings,
    extract: storyExtractor(ADAPTERS),
    onCommand: (handler) => void commands.push(handler),
    onSettings: (handler) => void changes.push(handler),
  });
  return {
    started,
    command: async (command: Command) => {
      for (const handler of commands) if (await handler(command)) return true;
      return false;
    },
    changeSettings: (next: Settings) => changes.forEach((h) => h(next)),
  };
}

const readerTitle = () => document.querySelector('[data-ficshelf="reader"]')?.shadowRoot?.querySelector('.fs-title')?.textContent ?? null;
const shieldHost = () => document.querySelector('[data-ficshelf="shield"]');
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
  setShielded(false);
  // Each test starts with no part run in this "frame".
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('ficshelf.parts')];
});
afterEach(() => vi.restoreAllMocks());

describe('the content script features', () => {
  it('are the same features, in the same order, as the full ones', () => {
    expect(CONTENT_FEATURES.map((f) => f.id)).toEqual(FEATURES.map((f) => f.id));
    const story = showPage(SEEING_RED.fixture, SEEING_RED.url);
    for (const [index, feature] of CONTENT_FEATURES.entries()) {
      expect(feature.runsOn(story)).toBe(FEATURES[index]!.runsOn(story));
    }
  });
});

describe('the spoiler shield on demand', () => {
  it('loads no shield code on a story it lets through, and lets the page show', async () => {
    const loaded = fakeBackground();
    const page = showPage(BECOMING.fixture, BECOMING.url);
    await start(spoilerShieldOnDemand, page, settingsWith({ progress: BUFFY_S4E9 })).started;
    expect(loaded).toEqual([]);
    expect(shieldHost()).toBeNull();
    expect(document.documentElement.getAttribute(READY_ATTRIBUTE)).toBe('done');
  });

  it('loads the shield part and covers a spoiler before the page is let go', async () => {
    const loaded = fakeBackground();
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    const feature = start(spoilerShieldOnDemand, page, settingsWith({ progress: BUFFY_S4E9 }));
    await feature.started;
    expect(loaded).toEqual(['shield']);
    expect(shieldHost()).not.toBeNull();
    expect(document.documentElement.getAttribute(READY_ATTRIBUTE)).toBe('done');
    expect(await feature.command('reveal')).toBe(true);
    expect(shieldHost()).toBeNull();
  });

  it('loads the shield when a settings change starts to hide the story', async () => {
    const loaded = fakeBackground();
    const page = showPage(SEEING_RED.fixture, SEEING_RED.url);
    const feature = start(spoilerShieldOnDemand, page, DEFAULT_SETTINGS);
    await feature.started;
    expect(await feature.command('reveal')).toBe(false);
    feature.changeSettings(settingsWith({ progress: BUFFY_S4E9 }));
    await settle();
    expect(loaded).toEqual(['shield']);
    expect(shieldHost()).not.toBeNull();
  });
});

describe('the listing filter on demand', () => {
  it('loads the placeholders only when an entry is hidden', async () => {
    const loaded = fakeBackground();
    const page = showPage(JILY.fixture, JILY.url);
    await start(listingFilterOnDemand, page, DEFAULT_SETTINGS).started;
    expect(loaded).toEqual([]);
    await start(listingFilterOnDemand, page, settingsWith({ tags: ['slow burn'] })).started;
    expect(loaded).toEqual(['shield']);
    expect(document.querySelectorAll('[data-ficshelf="placeholder"]').length).toBeGreaterThan(0);
  });
});

describe('reader mode on demand', () => {
  it('loads the reader UI on the first toggle and opens it, then closes on the next', async () => {
    const loaded = fakeBackground();
    const page = showPage(BECOMING.fixture, BECOMING.url);
    const feature = start(readerModeOnDemand, page);
    expect(loaded).toEqual([]);
    expect(await feature.command('save')).toBe(false);
    expect(await feature.command('toggle-reader')).toBe(true);
    expect(loaded).toEqual(['reader']);
    expect(readerTitle()).toBe(page.story!.title);
    expect(await feature.command('toggle-reader')).toBe(true);
    expect(readerTitle()).toBeNull();
  });

  it('loads nothing for a toggle on a covered story', async () => {
    const loaded = fakeBackground();
    const page = showPage(BECOMING.fixture, BECOMING.url);
    setShielded(true);
    const feature = start(readerModeOnDemand, page);
    expect(await feature.command('toggle-reader')).toBe(true);
    expect(loaded).toEqual([]);
  });

  it('loads at once where the reader asked for it on this site', async () => {
    const loaded = fakeBackground();
    const page = showPage(BECOMING.fixture, BECOMING.url);
    const alwaysOn = normalizeSettings({ ...DEFAULT_SETTINGS, reader: { ...DEFAULT_SETTINGS.reader, alwaysOn: [location.hostname] } });
    start(readerModeOnDemand, page, alwaysOn);
    await settle();
    expect(loaded).toEqual(['reader']);
    expect(readerTitle()).toBe(page.story!.title);
  });
});

describe('saving on demand', () => {
  const savedState = (story: PageResult['story'], newChapters: number): LibraryState => ({
    storyId: story!.id,
    newChapters,
    saved: { title: story!.title, savedAt: '', updatedAt: '', complete: true, missing: [], savedChapters: 1, listedChapters: 1, savedIndexes: [1] },
  });

  it('loads no save code when the library has nothing to say about the page', async () => {
    const page = showPage(BECOMING.fixture, BECOMING.url);
    const loaded = fakeBackground(savedState(page.story, 0));
    start(saveStoryOnDemand, page);
    await settle();
    expect(loaded).toEqual([]);
  });

  it('loads it when the saved copy is behind the page, and on the save command', async () => {
    const page = showPage(BECOMING.fixture, BECOMING.url);
    const behind = fakeBackground(savedState(page.story, 2));
    start(saveStoryOnDemand, page);
    await settle();
    expect(behind).toEqual(['save']);
    expect(document.querySelector('[data-ficshelf="save-panel"]')?.shadowRoot?.textContent).toContain('2 new chapters');

    vi.restoreAllMocks();
    delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('ficshelf.parts')];
    const onSave = fakeBackground(null);
    const feature = start(saveStoryOnDemand, page);
    await settle();
    expect(onSave).toEqual([]);
    expect(await feature.command('save')).toBe(true);
    expect(onSave).toEqual(['save']);
  });
});

describe('the background runs a part in the asking frame', () => {
  it('runs the part file in the sender tab and frame, and nothing else', async () => {
    const executeScript = vi.fn().mockResolvedValue([]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    expect(await handleMessage({ type: 'ficshelf:load-part', part: 'reader' }, { tab: { id: 7 }, frameId: 3 })).toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/reader-part.js'] });
    const odd = await handleMessage({ type: 'ficshelf:load-part', part: 'constructor' as never }, { tab: { id: 7 }, frameId: 0 });
    expect(odd).toMatchObject({ ok: false });
    expect(executeScript).toHaveBeenCalledTimes(1);
  });
});
