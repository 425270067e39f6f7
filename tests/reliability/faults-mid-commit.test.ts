// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fixturePath, htmlDocument, loadPage } from '../helpers/fixtures';
import { classifyPage } from '../../utils/sites';
import type { Story } from '../../utils/story';
import type { SaveMessage } from '../../utils/messages';
import { openLibrary } from '../../utils/library/schema';
import { getStory, saveStory } from '../../utils/library/store';
import { createLibraryHandler, type StoreMessage } from '../../entrypoints/background/library';
import { createSaveController } from '../../entrypoints/page.content/save/controller';
import { createSavePanel, SAVE_PANEL_SELECTOR } from '../../entrypoints/page.content/save/panel';
import type { SaveDeps } from '../../entrypoints/page.content/save/run-save';
import { freshName, makeStory } from '../library/story-factory';
import { snapshotLibrary } from './library-snapshot';
import { recordSafety } from './bench-record';

/**
 * Issue 7, data safety, below the browser: a save's commit (the one
 * transaction the background runs at save-end) fails at every write it makes
 * — a full disk (QuotaExceededError) or the transaction torn down as when the
 * worker dies — and the library must be byte for byte what it was. Through
 * the real background handler, and for the full disk, the real content-script
 * controller and page panel, so the reader's sentence is checked too.
 */
const STORY_ID = 'ao3:4242';
const QUOTA_MESSAGE = 'Your browser has no room left for more stories. Nothing was changed.';

let faults = 0;
let checked = 0;
let lost = 0;
const points: string[] = [];
afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  recordSafety('faults-mid-commit', {
    what: 'A save\'s one commit failed at each of its writes (full disk, or the transaction aborted as by a killed worker), through the background handler on fake-indexeddb',
    faultsInjected: faults,
    killPoints: points,
    recordsChecked: checked,
    recordsLost: lost,
  });
});

const oldCopy = () => makeStory(STORY_ID, ['The old first chapter.', 'The old second chapter.'], { title: 'Old title' });
const newCopy = () =>
  makeStory(STORY_ID, ['A new first chapter, longer.', 'A new second chapter.', 'A third chapter the site added.', 'And a fourth.'], {
    title: 'New title',
    summary: 'A new summary with fresh words.',
  });

function saveMessages(story: Story): SaveMessage[] {
  return [
    { type: 'ficshelf:save-begin', saveId: 's1', mode: 'full', story: { ...story, chapters: story.chapters.map((c) => ({ ...c, html: '', text: '' })) } },
    { type: 'ficshelf:save-chapters', saveId: 's1', chapters: story.chapters },
    { type: 'ficshelf:save-end', saveId: 's1', missing: [] },
  ];
}

/** Makes the n-th write of the next transactions fail as `kind` says; returns how many writes were seen. */
function failWrite(n: number, kind: 'quota' | 'abort'): { writes: () => number } {
  let count = 0;
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    count += 1;
    if (count === n && kind === 'quota') throw new DOMException('Quota exceeded', 'QuotaExceededError');
    const request = put.call(this, value, key);
    if (count === n) this.transaction.abort();
    return request;
  });
  return { writes: () => count };
}

async function library(withOld: boolean) {
  const db = await openLibrary(freshName('mid-commit'));
  if (withOld) await saveStory(db, oldCopy());
  return db;
}

async function runSaveThroughHandler(db: Awaited<ReturnType<typeof openLibrary>>) {
  const handler = createLibraryHandler(async () => db);
  let answer: unknown;
  for (const message of saveMessages(newCopy())) answer = await handler.handle(structuredClone(message) as StoreMessage, 1);
  return answer as { ok: boolean; error?: string; code?: string };
}

describe('a commit that fails at any of its writes', () => {
  for (const withOld of [true, false]) {
    it(`leaves ${withOld ? 'the old copy' : 'an empty library'} exactly as it was, at every write`, async () => {
      // A clean run first: how many writes one commit makes.
      const probe = await library(withOld);
      const counter = failWrite(Number.POSITIVE_INFINITY, 'abort');
      expect(await runSaveThroughHandler(probe)).toMatchObject({ ok: true });
      const writes = counter.writes();
      vi.restoreAllMocks();
      expect(writes).toBeGreaterThan(10); // story, chapters, postings, revision
      expect((await getStory(probe, STORY_ID))?.title).toBe('New title');

      for (const kind of ['quota', 'abort'] as const) {
        for (let n = 1; n <= writes; n++) {
          const db = await library(withOld);
          const before = await snapshotLibrary(db);
          failWrite(n, kind);
          const answer = await runSaveThroughHandler(db);
          vi.restoreAllMocks();
          faults += 1;
          checked += 1;
          if (n <= 3 || n === writes) points.push(`${kind} at write ${n} of ${writes}${withOld ? ' (over an old copy)' : ''}`);
          expect(answer.ok).toBe(false);
          if (kind === 'quota') expect(answer).toMatchObject({ code: 'quota', error: QUOTA_MESSAGE });
          else expect(answer.error).toMatch(/Nothing was changed\.$/);
          const after = await snapshotLibrary(db);
          if (JSON.stringify(after) !== JSON.stringify(before)) lost += 1;
          expect(after).toEqual(before);
          db.close();
        }
      }
    }, 120_000);
  }
});

describe('a full disk, as the reader sees it', () => {
  const CH1 = 'https://www.fanfiction.net/s/5853866/1/Counting';
  const CH2 = 'https://www.fanfiction.net/s/5853866/2/';
  const NO_LIMIT = 1e9;

  it('the page panel says so in the library\'s words, and the saved copy is untouched', async () => {
    const story = classifyPage(loadPage('ffn/chapter-counting-ch1-modern.html', CH1), CH1).story!;
    const db = await openLibrary(freshName('quota-panel'));
    // Saved once before with only its first chapter.
    await saveStory(db, { ...story, chapterCount: { posted: 1 }, chapters: story.chapters.filter((c) => c.index === 1) });
    const before = await snapshotLibrary(db);
    const handler = createLibraryHandler(async () => db);
    const deps: SaveDeps = {
      send: async (message) => structuredClone(await handler.handle(structuredClone(message) as StoreMessage, 1)),
      fetch: async (url) => ({
        status: 200,
        url,
        headers: new Headers({ 'content-type': 'text/html' }),
        text: async () => (url === CH2 ? readFileSync(fixturePath('ffn/chapter-counting-ch2-modern.html'), 'utf8') : ''),
      }),
      parse: (html, url) => htmlDocument(html, url),
      extract: (doc, url) => classifyPage(doc, url).story ?? null,
      // The fetcher's time limit is a sleep too: that one only ends on abort here.
      sleep: (ms, signal) =>
        ms >= NO_LIMIT ? new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true })) : Promise.resolve(),
      timeoutMs: NO_LIMIT,
    };
    const panel = createSavePanel(document, () => undefined);
    const controller = createSaveController({ story, pageUrl: CH1, deps, panel });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: any, key?: IDBValidKey) {
      if (this.name === 'chapters' && value.index === 2) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const result = await controller.control('save');
    vi.restoreAllMocks();
    faults += 1;
    checked += 1;
    expect(result).toMatchObject({ phase: 'error', message: QUOTA_MESSAGE });
    const shown = document.querySelector(SAVE_PANEL_SELECTOR)?.shadowRoot?.querySelector('.message')?.textContent;
    expect(shown).toBe(QUOTA_MESSAGE);
    const after = await snapshotLibrary(db);
    if (JSON.stringify(after) !== JSON.stringify(before)) lost += 1;
    expect(after).toEqual(before);
    expect(await getStory(db, 'ffnet:5853866')).toMatchObject({ savedChapters: 1 });
    db.close();
  });
});
