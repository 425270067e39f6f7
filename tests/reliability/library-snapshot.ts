import type { IDBPDatabase } from 'idb';
import type { LibrarySchema } from '../../utils/library/schema';

/** Everything the library holds, exactly as stored: the "before" and "after" of a fault. */
export interface LibrarySnapshot {
  stories: unknown[];
  chapters: unknown[];
  postings: unknown[];
}

export async function snapshotLibrary(db: IDBPDatabase<LibrarySchema>): Promise<LibrarySnapshot> {
  const tx = db.transaction(['stories', 'chapters', 'postings']);
  const [stories, chapters, postings] = await Promise.all([
    tx.objectStore('stories').getAll(),
    tx.objectStore('chapters').getAll(),
    tx.objectStore('postings').getAll(),
  ]);
  await tx.done;
  return { stories, chapters, postings };
}
