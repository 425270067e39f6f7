// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Story } from '../../utils/story';
import type { SaveMessage } from '../../utils/messages';
import { openLibrary } from '../../utils/library/schema';
import { getChapters, getStory, saveStory, setReadProgress, setShelves } from '../../utils/library/store';
import { searchLibrary } from '../../utils/library/search';
import { createLibraryHandler, type StoreMessage } from '../../entrypoints/background/library';
import { batchChapters } from '../../entrypoints/page.content/save/batches';
import { freshName, makeStory } from '../library/story-factory';
import { recordSafety } from './bench-record';

/**
 * Issue 7, data safety: two tabs saving the same story at once. Each tab
 * sends begin → chapter batches → end to the one background handler; the
 * messages of the two saves arrive interleaved in every order fast-check
 * picks, both ends racing. The library must end with one record that is
 * wholly one of the two copies: never chapters of one with the header of
 * the other, never two records.
 */
const STORY_ID = 'ffnet:777';
const CHAPTERS = 6;

/** One tab's copy: every chapter text carries the tab's word, so a mix is visible chapter by chapter. */
function copyFrom(word: string): Story {
  // ~100 KB chapters: two batches per save, so the batches of the two tabs really interleave.
  const texts = Array.from({ length: CHAPTERS }, (_, i) => `${word} chapter ${i + 1}. ${`${word} words `.repeat(40_000 / word.length)}`);
  return makeStory(STORY_ID, texts, { title: `Copy ${word}`, summary: `Saved by the ${word} tab.` });
}

/** The messages one tab sends for a full save, in its own order. */
function tabMessages(saveId: string, story: Story): SaveMessage[] {
  const listed = { ...story, chapters: story.chapters.map(({ index, title, url }) => ({ index, title, url, html: '', text: '', words: 0 })) };
  return [
    { type: 'ficshelf:save-begin', saveId, mode: 'full', story: listed },
    ...batchChapters(story.chapters).map((chapters) => ({ type: 'ficshelf:save-chapters' as const, saveId, chapters })),
    { type: 'ficshelf:save-end', saveId, missing: [] },
  ];
}

/** Merges two message lists in the order `picks` gives (true: next from the first tab), keeping each tab's own order. */
function interleave(a: SaveMessage[], b: SaveMessage[], picks: boolean[]): Array<{ tab: 1 | 2; message: SaveMessage }> {
  const out: Array<{ tab: 1 | 2; message: SaveMessage }> = [];
  let i = 0;
  let j = 0;
  for (const pick of picks) {
    if (pick && i < a.length) out.push({ tab: 1, message: a[i++]! });
    else if (j < b.length) out.push({ tab: 2, message: b[j++]! });
    else if (i < a.length) out.push({ tab: 1, message: a[i++]! });
  }
  while (i < a.length) out.push({ tab: 1, message: a[i++]! });
  while (j < b.length) out.push({ tab: 2, message: b[j++]! });
  return out;
}

const alpha = copyFrom('alpha');
const beta = copyFrom('beta');
let runs = 0;
let mixed = 0;
const orders = new Set<string>();

afterAll(() => {
  recordSafety('concurrent-saves', {
    what: `Two tabs saving the same ${CHAPTERS}-chapter story at once through the background handler (fake-indexeddb), messages interleaved in ${orders.size} distinct orders`,
    faultsInjected: runs,
    killPoints: [...orders].slice(0, 12),
    recordsChecked: runs,
    recordsLost: mixed,
  });
});

describe('two tabs saving the same story at once', () => {
  it('end with one record that is wholly one copy, in every interleaving of their messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.boolean(), async (picks, savedBefore) => {
        runs += 1;
        const db = await openLibrary(freshName('two-tabs'));
        if (savedBefore) {
          // An older copy with the reader's shelves and progress, which both saves must keep.
          await saveStory(db, makeStory(STORY_ID, ['old one', 'old two'], { title: 'Old copy' }));
          await setShelves(db, STORY_ID, ['favourites']);
          await setReadProgress(db, STORY_ID, 2, 0.5);
        }
        const handler = createLibraryHandler(async () => db);
        const order = interleave(tabMessages('tab1#save', alpha), tabMessages('tab2#save', beta), picks);
        orders.add(order.map((step) => `${step.tab}${step.message.type.replace('ficshelf:save-', '')[0]}`).join(' '));
        // Sent as two tabs would: without waiting for each other's answers, cloned like runtime messages.
        const answers = await Promise.all(order.map(({ tab, message }) => handler.handle(structuredClone(message) as StoreMessage, tab)));
        const ends = answers.filter((_, k) => order[k]!.message.type === 'ficshelf:save-end');
        expect(ends).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);

        const saved = (await getStory(db, STORY_ID))!;
        const winner = saved.title === alpha.title ? alpha : beta;
        const word = winner === alpha ? 'alpha' : 'beta';
        const chapters = await getChapters(db, STORY_ID);
        const whole =
          saved.summary === winner.summary &&
          saved.complete &&
          saved.savedChapters === CHAPTERS &&
          chapters.length === CHAPTERS &&
          chapters.every((c, k) => c.index === k + 1 && c.text === winner.chapters[k]!.text);
        if (!whole) mixed += 1;
        expect(whole).toBe(true);
        expect(await db.count('stories')).toBe(1);
        // The search index follows the same copy: the loser's word finds nothing.
        expect((await searchLibrary(db, word)).map((hit) => hit.id)).toEqual([STORY_ID]);
        expect(await searchLibrary(db, word === 'alpha' ? 'beta' : 'alpha')).toEqual([]);
        if (savedBefore) expect(saved).toMatchObject({ shelves: ['favourites'], read: { chapter: 2, fraction: 0.5 } });
        db.close();
      }),
      { numRuns: 30, seed: 7 },
    );
    expect(mixed).toBe(0);
  }, 120_000);
});
