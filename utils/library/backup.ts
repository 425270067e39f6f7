import { normalizeSettings, type Settings } from '../settings';
import { fromStored, putSavedStories, type LibraryDB } from './store';
import { LibraryError, type SavedChapter, type SavedStory } from './types';

/**
 * One JSON file with the settings and the whole library, to move it to another
 * browser or keep it safe. Importing merges into the library already there:
 * per story the newest `updatedAt` wins, chapters follow their story, and
 * anything not imported is listed in the report with the reason.
 */

export const BACKUP_FORMAT = 'ficshelf-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  stories: SavedStory[];
  chapters: SavedChapter[];
}

export interface RejectedEntry {
  kind: 'story' | 'chapter';
  /** Story id (of the chapter's story for chapters), when the entry has one. */
  id?: string;
  title?: string;
  /** Chapter position, for chapters. */
  index?: number;
  reason: string;
}

export interface ImportReport {
  /** Stories new to this library. */
  added: string[];
  /** Stories replaced by a newer copy from the file. */
  updated: string[];
  /** Stories whose copy in the library is as new or newer, left as they were. */
  kept: string[];
  rejected: RejectedEntry[];
  /** Chapters written. */
  chapters: number;
  /** The file's settings, normalised, for the caller to store; absent when the file has none. */
  settings?: Settings;
}

const NOT_A_BACKUP = 'This file is not a FicShelf backup.';

function invalidFile(message: string, detail?: string): LibraryError {
  return new LibraryError('invalid', message, detail);
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The whole library and the settings as one object (read in one transaction, so it is consistent). */
export async function exportBackup(db: LibraryDB, settings: Settings): Promise<Backup> {
  const tx = db.transaction(['stories', 'chapters'], 'readonly');
  const [stories, chapters] = await Promise.all([tx.objectStore('stories').getAll(), tx.objectStore('chapters').getAll()]);
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    settings: normalizeSettings(settings),
    stories: stories.map(fromStored).sort(byId),
    chapters,
  };
}

/** Reads a backup file's text; a file that is not JSON or not a backup is a LibraryError with a reader-facing message. */
export function parseBackup(json: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw invalidFile(`${NOT_A_BACKUP} It is not valid JSON.`, String(error));
  }
  checkEnvelope(data);
  return data as Backup;
}

type Envelope = { format: string; version: number; settings?: unknown; stories: unknown[]; chapters: unknown[] };

function checkEnvelope(data: unknown): asserts data is Envelope {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalidFile(NOT_A_BACKUP);
  const raw = data as Record<string, unknown>;
  if (raw.format !== BACKUP_FORMAT) throw invalidFile(NOT_A_BACKUP, `format: ${String(raw.format)}`);
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1)
    throw invalidFile(`${NOT_A_BACKUP} Its version is missing.`);
  if (raw.version > BACKUP_VERSION)
    throw invalidFile('This backup was made by a newer version of FicShelf. Update the extension, then import it again.');
  if (!Array.isArray(raw.stories) || !Array.isArray(raw.chapters))
    throw invalidFile(`${NOT_A_BACKUP} Its list of stories or chapters is missing.`);
}

// ── entry validation ──────────────────────────────────────────────────────

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTimestamp = (value: unknown): value is string => isText(value) && !Number.isNaN(Date.parse(value));

const LIST_FIELDS = ['warnings', 'categories', 'relationships', 'characters', 'tags', 'spoilers', 'notes', 'shelves', 'missing', 'toc'] as const;

/** Why a story entry cannot be imported, or null when it can. */
function storyProblem(entry: Record<string, any>): string | null {
  if (!isText(entry.id) || entry.id.trim() === '') return 'it has no id';
  if (!isText(entry.title)) return 'it has no title';
  if (!isTimestamp(entry.updatedAt)) return 'its "updatedAt" date is missing or not a date';
  if (!isTimestamp(entry.savedAt)) return 'its "savedAt" date is missing or not a date';
  if (!Array.isArray(entry.authors) || entry.authors.some((a: unknown) => !isObject(a) || !isText(a.name)))
    return 'its author list is not valid';
  if (!Array.isArray(entry.fandoms) || entry.fandoms.some((f: unknown) => !isText(f))) return 'its fandom list is not valid';
  if (!isObject(entry.rating) || !isText(entry.rating.level)) return 'it has no rating';
  for (const field of LIST_FIELDS) if (entry[field] !== undefined && !Array.isArray(entry[field])) return `its "${field}" is not a list`;
  return null;
}

/** Fills lists an older or hand-made file may leave out, so the library can rely on them. Nothing present is changed. */
function completeStory(entry: Record<string, any>): SavedStory {
  const story = { ...entry };
  for (const field of LIST_FIELDS) if (story[field] === undefined) story[field] = [];
  if (!isText(story.site)) story.site = story.id.split(':')[0] ?? '';
  if (!isText(story.url)) story.url = '';
  if (!isText(story.summary)) story.summary = '';
  if (!isText(story.status)) story.status = 'unknown';
  if (!isObject(story.chapterCount)) story.chapterCount = { posted: story.toc.length };
  if (typeof story.complete !== 'boolean') story.complete = story.missing.length === 0;
  if (typeof story.savedChapters !== 'number') story.savedChapters = 0;
  if (typeof story.bytes !== 'number') story.bytes = 0;
  return story as SavedStory;
}

function chapterProblem(entry: unknown): string | null {
  if (!isObject(entry)) return 'it is not a chapter';
  if (!isText(entry.storyId) || entry.storyId === '') return 'it names no story';
  if (!Number.isInteger(entry.index) || entry.index < 1) return 'it has no chapter number';
  if (!isText(entry.html) || !isText(entry.text)) return 'it has no text';
  if (entry.words !== undefined && typeof entry.words !== 'number') return 'its word count is not a number';
  return null;
}

function completeChapter(entry: Record<string, any>): SavedChapter {
  if (entry.words !== undefined) return entry as SavedChapter;
  return { ...entry, words: entry.text.split(/\s+/).filter(Boolean).length } as SavedChapter;
}

/** The file's valid stories (newest copy per id) and the entries it rejects. */
function acceptStories(entries: unknown[], rejected: RejectedEntry[]): Map<string, SavedStory> {
  const stories = new Map<string, SavedStory>();
  for (const entry of entries) {
    if (!isObject(entry)) {
      rejected.push({ kind: 'story', reason: 'it is not a story' });
      continue;
    }
    const problem = storyProblem(entry);
    if (problem) {
      rejected.push({ kind: 'story', id: isText(entry.id) ? entry.id : undefined, title: isText(entry.title) ? entry.title : undefined, reason: problem });
      continue;
    }
    const story = completeStory(entry);
    const twin = stories.get(story.id);
    if (twin) {
      const [older, newer] = Date.parse(twin.updatedAt) >= Date.parse(story.updatedAt) ? [story, twin] : [twin, story];
      rejected.push({ kind: 'story', id: older.id, title: older.title, reason: 'the file holds a newer copy of the same story' });
      stories.set(story.id, newer);
    } else stories.set(story.id, story);
  }
  return stories;
}

function acceptChapters(entries: unknown[], stories: Map<string, SavedStory>, rejected: RejectedEntry[]): Map<string, SavedChapter[]> {
  const byStory = new Map<string, Map<number, SavedChapter>>();
  for (const entry of entries) {
    const problem = chapterProblem(entry);
    const raw = entry as Record<string, any>;
    const id = isObject(entry) && isText(raw.storyId) ? raw.storyId : undefined;
    const index = isObject(entry) && Number.isInteger(raw.index) ? raw.index : undefined;
    const reason =
      problem ??
      (!stories.has(id!) ? 'its story is not in the file (or was rejected)' : byStory.get(id!)?.has(index!) ? 'the file holds this chapter twice' : null);
    if (reason) {
      rejected.push({ kind: 'chapter', id, index, reason });
      continue;
    }
    const chapters = byStory.get(id!) ?? new Map<number, SavedChapter>();
    chapters.set(index!, completeChapter(raw));
    byStory.set(id!, chapters);
  }
  return new Map([...byStory].map(([id, chapters]) => [id, [...chapters.values()].sort((a, b) => a.index - b.index)]));
}

/**
 * Merges a backup into the library in one transaction (all of it or, on a full
 * disk, none of it). Per story the newest `updatedAt` wins; a story whose copy
 * in the library is as new or newer is kept as it is.
 */
export async function importBackup(db: LibraryDB, backup: unknown, current?: Settings): Promise<ImportReport> {
  checkEnvelope(backup);
  const rejected: RejectedEntry[] = [];
  const stories = acceptStories(backup.stories, rejected);
  const chapters = acceptChapters(backup.chapters, stories, rejected);

  const report: ImportReport = { added: [], updated: [], kept: [], rejected, chapters: 0 };
  // Sections the file lacks (an older version's backup, a hand-made one) keep the reader's own values, not defaults.
  if (isObject(backup.settings) && Object.keys(backup.settings).length > 0) report.settings = normalizeSettings({ ...current, ...backup.settings });

  const entries = [...stories.values()].map((story) => ({ story, chapters: chapters.get(story.id) ?? [] }));
  const outcomes = await putSavedStories(db, entries, { onlyIfNewer: true });
  outcomes.forEach((outcome, i) => {
    const entry = entries[i]!;
    report[outcome].push(entry.story.id);
    if (outcome !== 'kept') report.chapters += entry.chapters.length;
  });
  return report;
}
