// @vitest-environment node
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, MIGRATIONS, openLibrary } from '../../utils/library/schema';
import { getChapters, getStory, listStories } from '../../utils/library/store';
import { searchLibrary } from '../../utils/library/search';
import { freshName } from '../library/story-factory';
import { recordSafety } from './bench-record';

/**
 * Issue 7, data safety: a schema upgrade from every earlier version, with a
 * populated library (200 stories, 3 chapters each), loses nothing. The older
 * database is built by running only that version's migrations, then filled
 * with records in that version's shape; opening it with openLibrary upgrades
 * it, and every story and chapter is compared field by field.
 */
const STORIES = 200;
const CHAPTERS = 3;

/** A word no other story has, letters only (the tokenizer keeps it whole). */
const uniqueWord = (i: number) => `zq${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)}x`;

/** A story as version `version` stored it: before v2 there were no shelves. */
function storyAt(version: number, i: number) {
  const id = `ao3:${1000 + i}`;
  const title = `Story ${i} of the old library`;
  return {
    id,
    site: 'otw',
    url: `https://archiveofourown.org/works/${1000 + i}`,
    title,
    authors: [{ name: `Writer ${i % 17}`, url: `https://archiveofourown.org/users/w${i % 17}` }],
    fandoms: [i % 2 ? 'Buffy the Vampire Slayer' : 'Angel: the Series'],
    rating: { raw: 'Teen And Up Audiences', level: 'teen' },
    warnings: ['No Archive Warnings Apply'],
    categories: ['Gen'],
    relationships: [],
    characters: ['Willow Rosenberg'],
    tags: ['Fluff', `Tag ${i % 5}`],
    spoilers: [],
    summary: `Summary ${i}: ${uniqueWord(i)} in Sunnydale, with ünïcödé and "quotes" & <angle brackets>.`,
    notes: [],
    status: i % 3 ? 'complete' : 'in-progress',
    words: 3000 + i,
    chapterCount: { posted: CHAPTERS, ...(i % 3 ? { planned: CHAPTERS } : {}) },
    published: '2019-05-01',
    updated: '2020-06-0' + ((i % 9) + 1),
    savedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2024, 5, 1) + i * 60_000).toISOString(),
    sourceUpdated: '2020-06-0' + ((i % 9) + 1),
    complete: true,
    missing: [],
    savedChapters: CHAPTERS,
    ...(i % 4 === 0 ? { read: { chapter: 2, fraction: 0.4, at: '2024-07-01T00:00:00.000Z' } } : {}),
    bytes: 5000 + i,
    toc: Array.from({ length: CHAPTERS }, (_, k) => ({ index: k + 1, title: `Part ${k + 1}`, url: `https://archiveofourown.org/works/${1000 + i}/chapters/${k}` })),
    ...(version >= 2 ? { shelves: i % 5 === 0 ? ['favourites'] : [] } : {}),
    keys: { title: title.toLowerCase(), authors: [`writer ${i % 17}`] },
  };
}

function chapterAt(i: number, index: number) {
  const text = `Chapter ${index} of story ${i}. The Hellmouth hummed; ${index === 2 ? 'Giles polished his glasses.' : 'Buffy patrolled.'}`;
  return { storyId: `ao3:${1000 + i}`, index, title: `Part ${index}`, url: `https://archiveofourown.org/works/${1000 + i}/chapters/${index - 1}`, html: `<p>${text}</p>`, text, words: text.split(' ').length };
}

/** A database at `version`, made by that version's migrations only, filled as that version would have. */
async function populatedAt(version: number, name: string): Promise<void> {
  const db = await openDB(name, version, {
    async upgrade(raw, oldVersion, _next, tx) {
      for (let v = oldVersion; v < version; v++) await MIGRATIONS[v]!(raw as never, tx as never);
    },
  });
  const tx = db.transaction(['stories', 'chapters'], 'readwrite');
  for (let i = 0; i < STORIES; i++) {
    void tx.objectStore('stories').put(storyAt(version, i));
    for (let index = 1; index <= CHAPTERS; index++) void tx.objectStore('chapters').put(chapterAt(i, index));
  }
  await tx.done;
  db.close();
}

const earlier = Array.from({ length: DB_VERSION - 1 }, (_, k) => k + 1);
let checked = 0;
let lost = 0;
afterAll(() => {
  recordSafety('migrations', {
    what: `Schema upgrade to v${DB_VERSION} from every earlier version (${earlier.map((v) => `v${v}`).join(', ')}) with ${STORIES} stories of ${CHAPTERS} chapters each`,
    faultsInjected: 0,
    killPoints: earlier.map((v) => `v${v} → v${DB_VERSION}`),
    recordsChecked: checked,
    recordsLost: lost,
  });
});

describe('schema upgrade with a populated library', () => {
  it('there is at least one earlier version to upgrade from, and each has a migration', () => {
    expect(earlier.length).toBeGreaterThanOrEqual(1);
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  for (const version of earlier) {
    it(`from v${version}: all ${STORIES} stories and ${STORIES * CHAPTERS} chapters come through field by field, and are searchable`, async () => {
      const name = freshName(`scale-v${version}`);
      await populatedAt(version, name);
      const db = await openLibrary(name);
      expect(db.version).toBe(DB_VERSION);
      expect(await db.count('stories')).toBe(STORIES);
      expect(await db.count('chapters')).toBe(STORIES * CHAPTERS);
      for (let i = 0; i < STORIES; i++) {
        const { keys: _keys, ...expected } = storyAt(version, i);
        const story = await getStory(db, expected.id);
        const chapters = await getChapters(db, expected.id);
        const want = { shelves: [], ...expected };
        const wantChapters = Array.from({ length: CHAPTERS }, (_, k) => chapterAt(i, k + 1));
        checked += 1;
        if (!isDeepStrictEqual(story, want) || !isDeepStrictEqual(chapters, wantChapters)) lost += 1;
        expect(story).toEqual(want);
        expect(chapters).toEqual(wantChapters);
      }
      // The indexes work on the upgraded records: sort, filter, full text.
      expect((await listStories(db, { sort: 'saved' }))[0]!.id).toBe(`ao3:${1000 + STORIES - 1}`);
      expect(await listStories(db, { fandom: 'Angel: the Series' })).toHaveLength(STORIES / 2);
      for (const i of [0, 57, 123, STORIES - 1]) {
        expect((await searchLibrary(db, uniqueWord(i))).map((hit) => hit.id)).toEqual([`ao3:${1000 + i}`]);
      }
      expect(await searchLibrary(db, 'giles')).toHaveLength(STORIES);
      db.close();
    }, 120_000);
  }
});
