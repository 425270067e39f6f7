// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fixturePath, htmlDocument, loadPage } from '../helpers/fixtures';
import { classifyPage } from '@/utils/sites';
import type { Story } from '@/utils/story';
import type { LibraryState, SaveMessage, SaveProgress } from '@/utils/messages';
import { openLibrary } from '@/utils/library/schema';
import { getChapters, getStory } from '@/utils/library/store';
import { createLibraryHandler, type StoreMessage } from '@/entrypoints/background/library';
import { createSaveController, modeFor } from '@/entrypoints/page.content/save/controller';
import { createSavePanel, DONE_PANEL_MS, SAVE_PANEL_SELECTOR } from '@/entrypoints/page.content/save/panel';
import { batchChapters } from '@/entrypoints/page.content/save/batches';
import type { SaveDeps } from '@/entrypoints/page.content/save/run-save';
import { FEATURES } from '@/entrypoints/page.content/features';
import { saveStory } from '@/entrypoints/page.content/features/save-story';
import { h, render } from 'preact';
import { LibraryStatus, pageLibraryState } from '@/components/popup/LibraryStatus';
import { LibraryError } from '@/utils/library/types';

/**
 * The save flow end to end without a browser: the content script's save
 * controller (real planFetch, fetchStory and FFN adapter on saved pages) talks
 * to the background's library handler (real store on fake-indexeddb).
 */
const CH1_URL = 'https://www.fanfiction.net/s/5853866/1/Counting';
const CH2_URL = 'https://www.fanfiction.net/s/5853866/2/';
const CH1_START = 'Skip. "Harry Potter." Skip. Skip.';
const CH2_START = 'It is said this purple flower has divinatory power.';
const LIMIT_MS = 1e9;

const fixtureHtml = (name: string) => readFileSync(fixturePath(name), 'utf8');
const PAGES: Record<string, string> = {
  [CH2_URL]: fixtureHtml('ffn/chapter-counting-ch2-modern.html'),
};

type Answer = { status: number; url?: string; body?: string; headers?: Record<string, string> };

interface Harness {
  deps: SaveDeps;
  requests: Array<{ url: string; credentials?: string }>;
  slept: number[];
  sent: SaveMessage[];
  handler: ReturnType<typeof createLibraryHandler>;
  db: Awaited<ReturnType<typeof openLibrary>>;
}

let dbCounter = 0;

/** A content script and background wired together; `answer` plays the site. */
async function harness(answer: (url: string, signal: AbortSignal) => Promise<Answer> | Answer = ok): Promise<Harness> {
  const name = `save-flow-${++dbCounter}-${Date.now()}`;
  const db = await openLibrary(name);
  const handler = createLibraryHandler(async () => db);
  const requests: Harness['requests'] = [];
  const slept: number[] = [];
  const sent: SaveMessage[] = [];
  const deps: SaveDeps = {
    // Through structured cloning, like a runtime message.
    send: async (message) => {
      sent.push(message);
      return structuredClone(await handler.handle(structuredClone(message) as StoreMessage, 1));
    },
    fetch: async (url, init) => {
      requests.push({ url, credentials: init.credentials });
      const a = await answer(url, init.signal);
      return {
        status: a.status,
        url: a.url ?? url,
        headers: new Headers(a.headers ?? { 'content-type': 'text/html' }),
        text: async () => a.body ?? '',
      };
    },
    parse: (html, url) => htmlDocument(html, url),
    extract: (doc, url) => classifyPage(doc, url).story ?? null,
    // The fetcher's time limit uses sleep too: that one never ends by itself here.
    sleep: (ms, signal) => {
      if (ms >= LIMIT_MS) return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
      slept.push(ms);
      return Promise.resolve();
    },
    retry: { attempts: 2, baseMs: 10, capMs: 20 },
    timeoutMs: LIMIT_MS,
  };
  return { deps, requests, slept, sent, handler, db };
}

function ok(url: string): Answer {
  const body = PAGES[url];
  return body ? { status: 200, body } : { status: 404, body: '<html><body>Not found</body></html>' };
}

function chapterOnePage(): Story {
  return classifyPage(loadPage('ffn/chapter-counting-ch1-modern.html', CH1_URL), CH1_URL).story!;
}

/** The same page as it looked before chapter 2 was posted. */
function beforeChapterTwo(): Story {
  const story = chapterOnePage();
  return { ...story, status: 'in-progress', chapterCount: { posted: 1 }, chapters: story.chapters.filter((c) => c.index === 1) };
}

function controllerFor(h: Harness, story: Story) {
  const shown: SaveProgress[] = [];
  const notices: LibraryState[] = [];
  const panel = {
    showProgress: (p: SaveProgress) => void shown.push(p),
    showNotice: (s: LibraryState) => void notices.push(s),
    close: () => undefined,
  };
  const controller = createSaveController({ story, pageUrl: CH1_URL, deps: h.deps, panel });
  return { controller, shown, notices };
}

beforeEach(() => {
  fakeBrowser.reset();
  document.documentElement.querySelectorAll(SAVE_PANEL_SELECTOR).forEach((el) => el.remove());
});

describe('saving a two-chapter FFN story', () => {
  it('fetches chapter 2 with the reader\'s cookies and stores both chapters in one complete copy', async () => {
    const h = await harness();
    const { controller, shown } = controllerFor(h, chapterOnePage());
    const final = await controller.control('save');

    expect(h.requests).toEqual([{ url: CH2_URL, credentials: 'include' }]);
    expect(final).toMatchObject({ phase: 'done', storyId: 'ffnet:5853866', message: 'Saved all 2 chapters to your library.' });
    expect(shown.map((p) => p.phase)).toEqual(['fetching', 'fetching', 'fetching', 'storing', 'done']);

    const saved = await getStory(h.db, 'ffnet:5853866');
    expect(saved).toMatchObject({ title: 'Counting', complete: true, missing: [], savedChapters: 2 });
    const chapters = await getChapters(h.db, 'ffnet:5853866');
    expect(chapters.map((c) => [c.index, c.title])).toEqual([
      [1, 'Skipping Stones'],
      [2, 'The Flower'],
    ]);
    expect(chapters[0]!.text.replace(/\s+/g, ' ').startsWith(CH1_START)).toBe(true);
    expect(chapters[1]!.text.replace(/\s+/g, ' ').startsWith(CH2_START)).toBe(true);
    expect(chapters[1]!.html).toContain('purple flower');
  });

  it('sends the metadata first, then chapters, then the end that stores them', async () => {
    const h = await harness();
    await controllerFor(h, chapterOnePage()).controller.control('save');
    const saveMessages = h.sent.map((m) => m.type).filter((t) => t.startsWith('ficshelf:save-') && t !== 'ficshelf:save-progress');
    expect(saveMessages).toEqual(['ficshelf:save-begin', 'ficshelf:save-chapters', 'ficshelf:save-end']);
    const begin = h.sent.find((m) => m.type === 'ficshelf:save-begin') as Extract<SaveMessage, { type: 'ficshelf:save-begin' }>;
    expect(begin.story.chapters.every((c) => c.html === '' && c.text === '')).toBe(true);
  });

  it('saving again updates the copy in place (one story, same first-save date)', async () => {
    const h = await harness();
    await controllerFor(h, chapterOnePage()).controller.control('save');
    const first = await getStory(h.db, 'ffnet:5853866');
    await controllerFor(h, chapterOnePage()).controller.control('save');
    const again = await getStory(h.db, 'ffnet:5853866');
    expect(again!.savedAt).toBe(first!.savedAt);
    expect((await h.handler.overview(1, undefined)).stats.count).toBe(1);
  });
});

describe('cancel and resume', () => {
  it('cancel keeps the chapter already read, marked partial, and resume fetches only the missing one', async () => {
    let hold = true;
    const h = await harness((url, signal) =>
      hold
        ? new Promise<Answer>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
        : ok(url),
    );
    const { controller } = controllerFor(h, chapterOnePage());
    const running = controller.control('save')!;
    await waitFor(() => h.requests.length === 1);
    controller.control('cancel');
    const cancelled = await running;

    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.message).toBe('Cancelled: Saved 1 of 2 chapters — resume to fetch the rest.');
    const partial = await getStory(h.db, 'ffnet:5853866');
    expect(partial).toMatchObject({ complete: false, missing: [2], savedChapters: 1 });

    // The page and the popup say it is partial.
    const state = (await h.handler.libraryState(chapterOnePage())) as LibraryState;
    expect(state.saved).toMatchObject({ complete: false, savedChapters: 1, listedChapters: 2, savedIndexes: [1] });
    expect(pageLibraryState(state, null)).toBe('partial');
    expect(modeFor('save', state)).toBe('resume');

    hold = false;
    h.requests.length = 0;
    const resumed = await controllerFor(h, chapterOnePage()).controller.control('resume');
    expect(h.requests.map((r) => r.url)).toEqual([CH2_URL]);
    expect(resumed).toMatchObject({ phase: 'done', message: 'Saved all 2 chapters to your library.' });
    expect(await getStory(h.db, 'ffnet:5853866')).toMatchObject({ complete: true, missing: [], savedChapters: 2 });
  });

  it('from chapter 2\'s page, a chapter 1 the site keeps refusing (503, retried) leaves a partial copy that says why', async () => {
    const h = await harness((url) => (url === 'https://www.fanfiction.net/s/5853866/1/' ? { status: 503 } : ok(url)));
    const chapterTwo = classifyPage(loadPage('ffn/chapter-counting-ch2-modern.html', CH2_URL), CH2_URL).story!;
    const first = await controllerFor(h, chapterTwo).controller.control('save');
    expect(h.requests.map((r) => r.url)).toEqual(['https://www.fanfiction.net/s/5853866/1/', 'https://www.fanfiction.net/s/5853866/1/']);
    expect(first!.message).toBe('Chapter 1 could not be fetched (HTTP 503). Saved 1 of 2 chapters — resume to fetch the rest.');
    expect(await getStory(h.db, 'ffnet:5853866')).toMatchObject({ complete: false, missing: [1] });
    expect((await getChapters(h.db, 'ffnet:5853866'))[0]!.text.replace(/\s+/g, ' ').startsWith(CH2_START)).toBe(true);
  });
});

describe('errors keep what is saved', () => {
  it('a login page instead of chapter 2 is said plainly and never stored as a chapter', async () => {
    const login = '<html><body><form id="login" action="/login.php"><input name="u"><input type="password" name="p"></form></body></html>';
    const h = await harness(() => ({ status: 200, url: 'https://www.fanfiction.net/login.php', body: login }));
    const result = await controllerFor(h, chapterOnePage()).controller.control('save');
    expect(result!.message).toMatch(/log ?in/i);
    expect(result!.message).toMatch(/Saved 1 of 2 chapters — resume/);
    const chapters = await getChapters(h.db, 'ffnet:5853866');
    expect(chapters.map((c) => c.index)).toEqual([1]);
  });

  it('a Cloudflare check is reported, and an earlier complete copy stays whole', async () => {
    const h = await harness();
    await controllerFor(h, chapterOnePage()).controller.control('save');
    const challenge = {
      status: 403,
      headers: { 'cf-mitigated': 'challenge', server: 'cloudflare', 'content-type': 'text/html' },
      body: '<html><head><title>Just a moment...</title></head><body><div id="challenge-running"></div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>',
    };
    const h2 = { ...h, deps: { ...h.deps, fetch: async (url: string) => ({ ...challenge, url, headers: new Headers(challenge.headers), text: async () => challenge.body }) } };
    const result = await controllerFor(h2, chapterOnePage()).controller.control('save');
    expect(result!.message).toMatch(/Cloudflare|security check|browser check/i);
    expect(await getStory(h.db, 'ffnet:5853866')).toMatchObject({ complete: true, savedChapters: 2 });
    expect((await getChapters(h.db, 'ffnet:5853866'))[1]!.text.replace(/\s+/g, ' ').startsWith(CH2_START)).toBe(true);
  });

  it('a save the background lost (worker restarted) is sent again', async () => {
    const h = await harness();
    let dropped = false;
    const send = h.deps.send;
    h.deps.send = async (message) => {
      if (message.type === 'ficshelf:save-end' && !dropped) {
        dropped = true;
        return h.handler.handle({ ...message, saveId: 'lost' } as StoreMessage, 1);
      }
      return send(message);
    };
    const result = await controllerFor(h, chapterOnePage()).controller.control('save');
    expect(result).toMatchObject({ phase: 'done' });
    expect(h.sent.filter((m) => m.type === 'ficshelf:save-begin')).toHaveLength(2);
  });

  it('chapters arriving for a save the background does not know are refused with a reason', async () => {
    const h = await harness();
    const answer = await h.handler.handle({ type: 'ficshelf:save-end', saveId: 'nope', missing: [] }, 1);
    expect(answer).toMatchObject({ ok: false, code: 'interrupted' });
    expect((answer as { error: string }).error).toMatch(/Nothing was changed/);
  });

  it('a full disk is said in the library\'s own words, and nothing is claimed saved', async () => {
    const h = await harness();
    const send = h.deps.send;
    h.deps.send = async (message) =>
      message.type === 'ficshelf:save-end' ? { ok: false, error: new LibraryError('quota').message, code: 'quota' } : send(message);
    const result = await controllerFor(h, chapterOnePage()).controller.control('save');
    expect(result).toMatchObject({ phase: 'error', message: 'Your browser has no room left for more stories. Nothing was changed.' });
    expect(await getStory(h.db, 'ffnet:5853866')).toBeUndefined();
  });
});

describe('new chapters and update', () => {
  it('a saved one-chapter copy, then the site lists two: "1 new chapter", update fetches chapter 2 only', async () => {
    const h = await harness();
    await controllerFor(h, beforeChapterTwo()).controller.control('save');
    expect(await getStory(h.db, 'ffnet:5853866')).toMatchObject({ complete: true, savedChapters: 1 });
    expect(h.requests).toHaveLength(0);

    const now = chapterOnePage();
    const { controller, notices } = controllerFor(h, now);
    const state = await controller.checkLibrary();
    expect(state).toMatchObject({ newChapters: 1, saved: { complete: true, savedChapters: 1 } });
    expect(notices).toHaveLength(1);
    expect(pageLibraryState(state, null)).toBe('new-chapters');
    expect(modeFor('save', state)).toBe('update');

    const updated = await controller.control('update');
    expect(h.requests.map((r) => r.url)).toEqual([CH2_URL]);
    expect(updated).toMatchObject({ phase: 'done', mode: 'update', message: 'Added 1 new chapter. The saved copy is up to date.' });
    const saved = await getStory(h.db, 'ffnet:5853866');
    expect(saved).toMatchObject({ complete: true, savedChapters: 2, status: 'complete' });
    expect((await getChapters(h.db, 'ffnet:5853866'))[1]!.text.replace(/\s+/g, ' ').startsWith(CH2_START)).toBe(true);
    expect((await h.handler.libraryState(now)).newChapters).toBe(0);
  });

  it('the popup overview lists the save, its progress in the tab, and the storage used', async () => {
    const h = await harness();
    await controllerFor(h, chapterOnePage()).controller.control('save');
    const overview = await h.handler.overview(1, chapterOnePage());
    expect(overview.recent.map((s) => [s.id, s.title, s.complete])).toEqual([['ffnet:5853866', 'Counting', true]]);
    expect(overview.progress).toMatchObject({ phase: 'done', storyId: 'ffnet:5853866' });
    expect(overview.page).toMatchObject({ newChapters: 0, saved: { savedChapters: 2 } });
    expect(overview.stats.count).toBe(1);
    expect(overview.stats.bytes).toBeGreaterThan(1000);
  });
});

describe('the page panel', () => {
  it('shows progress with Cancel, then the outcome with Resume for a partial copy', () => {
    const clicks: string[] = [];
    const panel = createSavePanel(document, (action) => void clicks.push(action));
    panel.showProgress({ storyId: 's', title: 'T', mode: 'full', phase: 'fetching', done: 2, total: 12 });
    const root = () => document.querySelector(SAVE_PANEL_SELECTOR)!.shadowRoot!;
    expect(root().querySelector('.message')!.textContent).toBe('Saving chapter 3 of 12…');
    expect(root().querySelector('progress')!.getAttribute('max')).toBe('12');
    (root().querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
    expect(clicks).toEqual(['cancel']);

    const saved = { title: 'T', savedAt: '', updatedAt: '', complete: false, missing: [10, 11, 12], savedChapters: 9, listedChapters: 12, savedIndexes: [] };
    panel.showProgress({ storyId: 's', title: 'T', mode: 'full', phase: 'cancelled', done: 9, total: 9, message: 'Cancelled: Saved 9 of 12 chapters — resume to fetch the rest.', library: { storyId: 's', saved, newChapters: 0 } });
    expect(root().querySelector('.message')!.textContent).toBe('Cancelled: Saved 9 of 12 chapters — resume to fetch the rest.');
    (root().querySelector('[data-action="resume"]') as HTMLButtonElement).click();
    expect(clicks).toEqual(['cancel', 'resume']);
    (root().querySelector('[data-action="close"]') as HTMLButtonElement).click();
    expect(document.querySelector(SAVE_PANEL_SELECTOR)).toBeNull();
  });

  it('a clean save\'s confirmation goes away by itself; an error stays', () => {
    vi.useFakeTimers();
    try {
      const panel = createSavePanel(document, () => undefined);
      panel.showProgress({ storyId: 's', title: 'T', mode: 'full', phase: 'done', done: 2, total: 2, message: 'Saved all 2 chapters to your library.' });
      vi.advanceTimersByTime(DONE_PANEL_MS - 1);
      expect(document.querySelector(SAVE_PANEL_SELECTOR)).not.toBeNull();
      vi.advanceTimersByTime(1);
      expect(document.querySelector(SAVE_PANEL_SELECTOR)).toBeNull();

      panel.showProgress({ storyId: 's', title: 'T', mode: 'full', phase: 'error', done: 0, total: 2, message: 'Chapter 2 could not be fetched.' });
      vi.advanceTimersByTime(DONE_PANEL_MS * 2);
      const root = document.querySelector(SAVE_PANEL_SELECTOR)!.shadowRoot!;
      expect(root.querySelector('.message')!.getAttribute('role')).toBe('alert');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says "2 new chapters" with Update, and nothing for an up-to-date copy', () => {
    const panel = createSavePanel(document, () => undefined);
    const saved = { title: 'T', savedAt: '', updatedAt: '', complete: true, missing: [], savedChapters: 3, listedChapters: 3, savedIndexes: [1, 2, 3] };
    panel.showNotice({ storyId: 's', saved, newChapters: 0 });
    expect(document.querySelector(SAVE_PANEL_SELECTOR)).toBeNull();
    panel.showNotice({ storyId: 's', saved, newChapters: 2 });
    const root = document.querySelector(SAVE_PANEL_SELECTOR)!.shadowRoot!;
    expect(root.querySelector('.message')!.textContent).toBe('2 new chapters since you saved this story.');
    expect(root.querySelector('[data-action="update"]')!.textContent).toBe('Update');
  });
});

describe('the popup\'s library status', () => {
  const saved = (complete: boolean) => ({
    title: 'T', savedAt: '2026-01-02T10:00:00Z', updatedAt: '2026-01-03T10:00:00Z', complete,
    missing: complete ? [] : [10, 11, 12], savedChapters: complete ? 12 : 9, listedChapters: 12, savedIndexes: [],
  });
  const show = (props: Parameters<typeof LibraryStatus>[0]) => {
    const container = document.createElement('div');
    render(h(LibraryStatus, props), container);
    return container;
  };

  it('shows the save under way with Cancel', () => {
    const actions: string[] = [];
    const box = show({
      state: { storyId: 's', saved: null, newChapters: 0 },
      progress: { storyId: 's', title: 'T', mode: 'full', phase: 'fetching', done: 2, total: 12 },
      onControl: (a) => void actions.push(a),
    });
    expect(box.querySelector('[data-library-state]')!.getAttribute('data-library-state')).toBe('saving');
    expect(box.querySelector('.status-line')!.textContent).toBe('Saving chapter 3 of 12…');
    (box.querySelector('[data-action="cancel"]') as HTMLButtonElement).click();
    expect(actions).toEqual(['cancel']);
  });

  it('never passes a partial copy off as whole, and offers Resume', () => {
    const box = show({ state: { storyId: 's', saved: saved(false), newChapters: 0 }, progress: null, onControl: () => undefined });
    expect(box.querySelector('[data-field="partial"]')!.textContent).toBe('Saved 9 of 12 chapters — resume to fetch the rest.');
    expect(box.querySelector('[data-action="resume"]')).not.toBeNull();
  });

  it('says when the site has new chapters, and when it is saved', () => {
    const fresh = show({ state: { storyId: 's', saved: saved(true), newChapters: 2 }, progress: null, onControl: () => undefined });
    expect(fresh.querySelector('[data-field="new-chapters"]')!.textContent).toBe('2 new chapters since you saved it.');
    expect(fresh.querySelector('[data-action="update"]')).not.toBeNull();
    const whole = show({ state: { storyId: 's', saved: saved(true), newChapters: 0 }, progress: null, onControl: () => undefined });
    expect(whole.querySelector('[data-field="saved-on"]')!.textContent).toBe('Saved on 3 Jan 2026 · 12 chapters');
  });
});

describe('pieces', () => {
  it('the save feature is registered and runs on story pages with an id', () => {
    expect(FEATURES).toContain(saveStory);
    expect(saveStory.runsOn({ kind: 'story', site: 'ffnet', story: chapterOnePage() })).toBe(true);
    expect(saveStory.runsOn({ kind: 'listing', site: 'ffnet', listing: { items: [] } })).toBe(false);
  });

  it('batches chapters under the message size limit, in order, an oversized chapter alone', () => {
    const chapter = (index: number, size: number) => ({ index, html: 'x'.repeat(size), text: '', words: 0 });
    const batches = batchChapters([chapter(1, 250), chapter(2, 250), chapter(3, 2000), chapter(4, 100)], 1000);
    expect(batches.map((b) => b.map((c) => c.index))).toEqual([[1, 2], [3], [4]]);
  });
});

async function waitFor(test: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
