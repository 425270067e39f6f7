// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { classifyPage } from '@/utils/sites';
import type { Story } from '@/utils/story';
import type { LibrarySchema } from '@/utils/library/schema';
import { getChapters, getStory, saveStory } from '@/utils/library/store';
import type { ResponseLike } from '@/utils/library/fetcher';
import { LibraryView } from '@/components/library/LibraryView';
import {
  checkForUpdates,
  checkStory,
  outcomeSentence,
  parseWithBase,
  runSummary,
  type UpdateDeps,
  type UpdateStep,
} from '@/components/library/check-updates';
import { fixturePath, loadPage } from '../helpers/fixtures';
import { ffnWithThirdChapter } from '../helpers/ffn-third-chapter';
import { check, find, freshLibrary, mountInto, unmount } from './library-helpers';

/**
 * "Check for updates" in the library page: a saved two-chapter FFN story
 * ("Counting", 5853866), the site's pages served by a fake fetch.
 */
const STORY_URL = 'https://www.fanfiction.net/s/5853866';
const CH1 = 'https://www.fanfiction.net/s/5853866/1/Counting';
const CH2 = 'https://www.fanfiction.net/s/5853866/2/';
const CH3 = 'https://www.fanfiction.net/s/5853866/3/';
const THIRD_TEXT = 'Hand-made third chapter: Harry skipped one last stone across the lake.';

const read = (name: string) => readFileSync(fixturePath(name), 'utf8');

/** The story as saved: both chapters' text, read by the FFN adapter from the real pages. */
function savedCounting(): Story {
  const first = classifyPage(loadPage('ffn/chapter-counting-ch1-modern.html', CH1), CH1).story!;
  const second = classifyPage(loadPage('ffn/chapter-counting-ch2-modern.html', CH2), CH2).story!;
  return { ...first, chapters: [first.chapters[0]!, second.chapters.find((c) => c.index === 2)!] };
}

type Answer = { status?: number; body?: string; url?: string; headers?: Record<string, string> };

/** A fake site: answers by URL (a list is served in turn, the last one repeated), and records every request and pause. */
function fakeSite(pages: Record<string, Answer | Answer[]>) {
  const requests: string[] = [];
  const pauses: number[] = [];
  const served = new Map<string, number>();
  const deps: UpdateDeps = {
    fetch: async (url) => {
      requests.push(url);
      const entry = pages[url];
      const list = Array.isArray(entry) ? entry : entry ? [entry] : [{ status: 404, body: 'not found' }];
      const n = served.get(url) ?? 0;
      served.set(url, n + 1);
      const answer = list[Math.min(n, list.length - 1)]!;
      const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const response: ResponseLike = {
        status: answer.status ?? 200,
        url: answer.url ?? url,
        headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
        text: async () => answer.body ?? '',
      };
      return response;
    },
    parse: parseWithBase,
    extract: (doc, url) => classifyPage(doc, url).story ?? null,
    // Pauses are recorded and pass at once; the time limit (60 s) never fires.
    sleep: (ms, signal) => {
      if (ms >= 60_000) return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
      pauses.push(ms);
      return Promise.resolve();
    },
    gapMs: 3000,
    retry: { attempts: 3, baseMs: 1000 },
  };
  return { deps, requests, pauses };
}

let db: IDBPDatabase<LibrarySchema> | undefined;
let container: HTMLElement | undefined;
afterEach(() => {
  unmount(container);
  container = undefined;
  db?.close();
  db = undefined;
});

async function librarySavedWithTwo() {
  const fresh = await freshLibrary();
  db = fresh.db;
  await saveStory(db, savedCounting());
  return fresh;
}

describe('checking one story', () => {
  it('finds the third chapter the site added, fetches only it, and adds it to the saved copy', async () => {
    await librarySavedWithTwo();
    const site = ffnWithThirdChapter(`<p>${THIRD_TEXT}</p>`);
    const { deps, requests, pauses } = fakeSite({ [STORY_URL]: { body: site.ch1, url: CH1 }, [CH3]: { body: site.ch3 } });

    const outcome = await checkStory(db!, 'ffnet:5853866', deps);

    expect(outcome).toEqual({ kind: 'added', added: [3], missing: [] });
    expect(outcomeSentence(outcome)).toBe('1 new chapter added');
    expect(requests).toEqual([STORY_URL, CH3]);
    expect(pauses).toEqual([3000]);
    const stored = await getStory(db!, 'ffnet:5853866');
    expect(stored).toMatchObject({ savedChapters: 3, complete: true, missing: [] });
    const chapters = await getChapters(db!, 'ffnet:5853866');
    expect(chapters.map((c) => c.index)).toEqual([1, 2, 3]);
    expect(chapters[2]!.title).toBe('Stones Again');
    expect(chapters[2]!.text.trim()).toBe(THIRD_TEXT);
    // The chapters saved before are kept as they were.
    expect(chapters[1]!.text).toMatch(/^\s*It is said this purple flower has divinatory power\./);
  });

  it('says "up to date" after one request when the site lists no more chapters', async () => {
    await librarySavedWithTwo();
    const { deps, requests } = fakeSite({ [STORY_URL]: { body: read('ffn/chapter-counting-ch1-modern.html'), url: CH1 } });
    const before = await getStory(db!, 'ffnet:5853866');
    const outcome = await checkStory(db!, 'ffnet:5853866', deps);
    expect(outcome).toEqual({ kind: 'up-to-date' });
    expect(requests).toEqual([STORY_URL]);
    expect(await getStory(db!, 'ffnet:5853866')).toEqual(before);
  });

  it('waits as long as a 429 asks (Retry-After), then goes on', async () => {
    await librarySavedWithTwo();
    const site = ffnWithThirdChapter(`<p>${THIRD_TEXT}</p>`);
    const { deps, requests, pauses } = fakeSite({
      [STORY_URL]: [{ status: 429, headers: { 'Retry-After': '7' } }, { body: site.ch1, url: CH1 }],
      [CH3]: { body: site.ch3 },
    });
    expect(await checkStory(db!, 'ffnet:5853866', deps)).toMatchObject({ kind: 'added', added: [3] });
    expect(requests).toEqual([STORY_URL, STORY_URL, CH3]);
    expect(pauses[0]).toBe(7000);
  });

  it('gives up after a bounded number of tries when the site keeps failing, and keeps the saved copy', async () => {
    await librarySavedWithTwo();
    const { deps, requests, pauses } = fakeSite({ [STORY_URL]: { status: 503 } });
    const outcome = await checkStory(db!, 'ffnet:5853866', deps);
    expect(outcome).toEqual({ kind: 'unreachable' });
    expect(outcomeSentence(outcome)).toBe('The site did not answer — your saved copy is unchanged');
    expect(requests).toHaveLength(3);
    expect(pauses).toEqual([1000, 2000]);
    expect(await getStory(db!, 'ffnet:5853866')).toMatchObject({ savedChapters: 2, complete: true });
  });

  it('reports a redirect to the login page and changes nothing', async () => {
    await librarySavedWithTwo();
    const { deps } = fakeSite({ [STORY_URL]: { body: '<html><body><form></form></body></html>', url: 'https://www.fanfiction.net/login.php' } });
    const outcome = await checkStory(db!, 'ffnet:5853866', deps);
    expect(outcome).toEqual({ kind: 'login' });
    expect(outcomeSentence(outcome)).toBe('The site asks you to log in — log in there, then check again');
    expect((await getChapters(db!, 'ffnet:5853866')).map((c) => c.index)).toEqual([1, 2]);
  });

  it('keeps the saved copy whole when the new chapter cannot be fetched', async () => {
    await librarySavedWithTwo();
    const site = ffnWithThirdChapter(`<p>${THIRD_TEXT}</p>`);
    const { deps } = fakeSite({ [STORY_URL]: { body: site.ch1, url: CH1 }, [CH3]: { status: 500 } });
    const outcome = await checkStory(db!, 'ffnet:5853866', deps);
    expect(outcome.kind).toBe('unreachable');
    expect(await getStory(db!, 'ffnet:5853866')).toMatchObject({ savedChapters: 2, complete: true, missing: [] });
  });

  it('says when the site no longer has the story', async () => {
    await librarySavedWithTwo();
    const { deps } = fakeSite({});
    expect(await checkStory(db!, 'ffnet:5853866', deps)).toEqual({ kind: 'gone' });
  });
});

describe('checking several stories', () => {
  it('checks one at a time with a pause between, and a cancel stops the rest without changing them', async () => {
    await librarySavedWithTwo();
    const site = ffnWithThirdChapter(`<p>${THIRD_TEXT}</p>`);
    const { deps, requests } = fakeSite({ [STORY_URL]: { body: site.ch1, url: CH1 }, [CH3]: { body: site.ch3 } });
    const abort = new AbortController();
    const seen: UpdateStep[][] = [];
    const steps = await checkForUpdates(
      db!,
      [
        { id: 'ffnet:5853866', title: 'Counting' },
        { id: 'ao3:999', title: 'Not reached' },
      ],
      { ...deps, sleep: (ms, signal) => (ms === 3000 && seen.length > 0 && requests.length === 2 ? (abort.abort(), Promise.resolve()) : deps.sleep(ms, signal)) },
      { signal: abort.signal, onChange: (s) => seen.push(s) },
    );
    expect(steps.map((s) => s.outcome)).toEqual([{ kind: 'added', added: [3], missing: [] }, { kind: 'cancelled' }]);
    expect(requests).toEqual([STORY_URL, CH3]);
    expect(seen.some((s) => s[0]!.phase === 'checking')).toBe(true);
    expect(runSummary(steps)).toBe('Check cancelled: 1 story has new chapters.');
  });

  it('sums a run up in one sentence', () => {
    const done = (kind: 'up-to-date' | 'login'): UpdateStep => ({ id: kind, title: kind, phase: 'done', outcome: { kind } });
    const added: UpdateStep = { id: 'a', title: 'a', phase: 'done', outcome: { kind: 'added', added: [4, 5], missing: [] } };
    expect(runSummary([added, done('up-to-date'), done('up-to-date'), done('login')])).toBe(
      '1 story has new chapters, 2 stories are up to date, 1 story could not be checked.',
    );
    expect(outcomeSentence(added.outcome!)).toBe('2 new chapters added');
    expect(outcomeSentence({ kind: 'added', added: [4], missing: [5] })).toBe('1 new chapter added; chapter 5 could not be fetched — check again later');
  });
});

describe('the library view', () => {
  it('checks the selected story and shows its outcome and new chapter count', async () => {
    const fresh = await librarySavedWithTwo();
    const site = ffnWithThirdChapter(`<p>${THIRD_TEXT}</p>`);
    const { deps } = fakeSite({ [STORY_URL]: { body: site.ch1, url: CH1 }, [CH3]: { body: site.ch3 } });
    container = mountInto(<LibraryView dbName={fresh.name} searchDelay={0} updateDeps={{ ...deps, gapMs: 0 }} />);
    const row = await find<HTMLElement>(container, '[data-ficshelf="library-item"][data-story-id="ffnet:5853866"]');
    expect(row.querySelector('[data-field="chapters"]')!.textContent).toBe('2 chapters');
    check(row.querySelector<HTMLInputElement>('.item-select')!);
    (await find<HTMLButtonElement>(container, '[data-action="check-updates"]')).click();

    const step = await find<HTMLElement>(container, '[data-ficshelf="update-check"][data-state="done"] li[data-story-id="ffnet:5853866"]');
    expect(step.querySelector('[data-field="update-state"]')!.textContent).toBe('1 new chapter added');
    expect(container.querySelector('#update-check-heading')!.textContent).toBe('1 story has new chapters.');
    await vi.waitFor(
      () => expect(container!.querySelector('[data-story-id="ffnet:5853866"] [data-field="chapters"]')!.textContent).toBe('3 chapters'),
      { timeout: 5000 },
    );
    (container.querySelector<HTMLButtonElement>('[data-action="close-updates"]'))!.click();
    await vi.waitFor(() => expect(container!.querySelector('[data-ficshelf="update-check"]')).toBeNull());
  });

  it('cancels a check in progress from its Cancel button, leaving the saved copy as it was', async () => {
    const fresh = await librarySavedWithTwo();
    const { deps, requests } = fakeSite({});
    // The site never answers: the check stays on the story page until the reader cancels.
    const silent: UpdateDeps = { ...deps, fetch: (url, init) => (requests.push(url), new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))))) };
    container = mountInto(<LibraryView dbName={fresh.name} searchDelay={0} updateDeps={silent} />);
    const row = await find<HTMLElement>(container, '[data-ficshelf="library-item"][data-story-id="ffnet:5853866"]');
    check(row.querySelector<HTMLInputElement>('.item-select')!);
    (await find<HTMLButtonElement>(container, '[data-action="check-updates"]')).click();
    const step = await find<HTMLElement>(container, '[data-ficshelf="update-check"] li[data-phase="checking"]');
    expect(step.querySelector('[data-field="update-state"]')!.textContent).toBe('Checking the site…');
    expect(container.querySelector('#update-check-heading')!.textContent).toBe('Checking one story for new chapters (0 of 1 done)');

    (await find<HTMLButtonElement>(container, '[data-action="cancel-updates"]')).click();
    const done = await find<HTMLElement>(container, '[data-ficshelf="update-check"][data-state="done"]');
    expect(done.querySelector('[data-field="update-state"]')!.textContent).toBe('Cancelled — nothing was changed');
    expect(done.querySelector('#update-check-heading')!.textContent).toBe('Check cancelled.');
    expect(requests).toEqual([STORY_URL]);
    expect(await getStory(db!, 'ffnet:5853866')).toMatchObject({ savedChapters: 2, complete: true });
  });
});
