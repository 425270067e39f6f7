// @vitest-environment node
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { openLibrary } from '../../utils/library/schema';
import { getChapters, getStory, listStories, saveStory, setReadProgress, setShelves } from '../../utils/library/store';
import { searchLibrary } from '../../utils/library/search';
import { exportBackup, importBackup, parseBackup } from '../../utils/library/backup';
import type { SavedChapter, SavedStory } from '../../utils/library/types';
import { freshName, makeStory } from '../library/story-factory';
import { recordSafety } from './bench-record';

/**
 * Issue 7, data safety: export → wipe → import at scale. 300 stories (some
 * partial, on shelves, half read, with notes and non-Latin text) go out as one
 * JSON file, the database is deleted, a fresh one imports the file, and every
 * SavedStory and SavedChapter is deep-equal to what it was.
 */
const STORIES = 300;
let checked = 0;
let lost = 0;
afterAll(() => {
  recordSafety('backup-round-trip', {
    what: `Export → wipe (database deleted) → import of ${STORIES} stories with their chapters, compared field by field`,
    faultsInjected: 1,
    killPoints: ['database deleted between export and import'],
    recordsChecked: checked,
    recordsLost: lost,
  });
});

function storyNumber(i: number) {
  const chapters = 1 + (i % 4);
  const texts = Array.from({ length: chapters }, (_, k) => `Story ${i} chapter ${k + 1}: 「桜」 Ça va, Éowyn? ${i % 7 ? 'Tea.' : 'Coffee & <cake>.'}`);
  const partial = i % 10 === 9;
  return {
    story: makeStory(`s${i}`, partial ? texts.slice(0, 1) : texts, {
      title: `Story ${i}${i % 3 ? '' : ' — “quoted”'}`,
      chapterCount: { posted: chapters },
      tags: [`tag ${i % 11}`],
      notes: i % 5 ? [] : [{ position: 'before', text: `A note for ${i}.`, html: `<p>A note for ${i}.</p>` }],
      updated: `2021-0${(i % 9) + 1}-15`,
    }),
    partial,
  };
}

async function everything(db: Awaited<ReturnType<typeof openLibrary>>) {
  const stories = new Map<string, SavedStory>();
  const chapters = new Map<string, SavedChapter[]>();
  for (const story of await listStories(db)) {
    stories.set(story.id, (await getStory(db, story.id))!);
    chapters.set(story.id, await getChapters(db, story.id));
  }
  return { stories, chapters };
}

describe('export → wipe → import at scale', () => {
  it(`${STORIES} stories and all their chapters come back equal field by field`, async () => {
    const name = freshName('backup-scale');
    const db = await openLibrary(name);
    for (let i = 0; i < STORIES; i++) {
      const { story, partial } = storyNumber(i);
      await saveStory(db, story, { partial });
      if (i % 4 === 0) await setShelves(db, story.id, ['favourites', `shelf ${i % 3}`]);
      if (i % 6 === 0) await setReadProgress(db, story.id, 1, 0.3);
    }
    const before = await everything(db);
    expect(before.stories.size).toBe(STORIES);
    const file = JSON.stringify(await exportBackup(db, DEFAULT_SETTINGS));

    // Wipe: the whole database goes, as when the reader moves to another browser.
    db.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    const fresh = await openLibrary(name);
    expect(await fresh.count('stories')).toBe(0);

    const report = await importBackup(fresh, parseBackup(file));
    expect(report.rejected).toEqual([]);
    expect(report.added).toHaveLength(STORIES);
    const after = await everything(fresh);
    expect(after.stories.size).toBe(STORIES);
    for (const [id, story] of before.stories) {
      checked += 1;
      const same = isDeepStrictEqual(after.stories.get(id), story) && isDeepStrictEqual(after.chapters.get(id), before.chapters.get(id));
      if (!same) lost += 1;
      expect(after.stories.get(id)).toEqual(story);
      expect(after.chapters.get(id)).toEqual(before.chapters.get(id));
    }
    expect(lost).toBe(0);
    // The imported library is searchable again, full text included.
    expect((await searchLibrary(fresh, 'coffee')).length).toBe([...before.stories.keys()].filter((id) => Number(id.slice(1)) % 7 === 0).length);
    fresh.close();
  }, 120_000);
});
