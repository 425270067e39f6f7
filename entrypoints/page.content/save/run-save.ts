import type { Chapter, Story } from '@/utils/story';
import type { LibraryState, SaveMessage, SaveMode, SaveProgress, SaveResult } from '@/utils/messages';
import { planFetch } from '@/utils/library/fetch-plan';
import type { FetchDeps } from '@/utils/library/fetcher';
import { fetchNewChapters, type NewChapters } from '@/utils/library/new-chapters';
import { batchChapters } from './batches';
import { listedOnly } from './listed';

/** What a save needs from the page and the extension; injected so tests run it without a browser or network. */
export interface SaveDeps {
  /** A runtime message to the background; resolves to its answer. */
  send(message: SaveMessage): Promise<unknown>;
  fetch: FetchDeps['fetch'];
  parse: FetchDeps['parse'];
  extract: FetchDeps['extract'];
  sleep: FetchDeps['sleep'];
  /** Test seams: retry policy and time limit (defaults are the fetcher's). */
  retry?: FetchDeps['retry'];
  timeoutMs?: number;
}

export interface SaveRequest {
  mode: SaveMode;
  /** The story as read from the page the reader is on. */
  story: Story;
  pageUrl: string;
  signal: AbortSignal;
  onProgress(progress: SaveProgress): void;
}

export { listedOnly } from './listed';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

let saveCounter = 0;
const newSaveId = (storyId: string) => `${storyId}#${Date.now().toString(36)}-${++saveCounter}`;

/**
 * One save, resume or update: fetch what is needed with the page's own
 * session, then hand the chapters to the background in batches, which stores
 * them in one go. Nothing already saved is lost: a cancel or an error keeps
 * what was fetched, marked partial. Resolves to the last progress shown.
 */
export async function runSave(request: SaveRequest, deps: SaveDeps): Promise<SaveProgress> {
  const { story, mode, signal } = request;
  const base = { storyId: story.id, title: story.title, mode } as const;
  const report = (progress: SaveProgress) => (request.onProgress(progress), progress);

  const before = (await deps.send({ type: 'ficshelf:library-state', story: listedOnly(story) })) as LibraryState | undefined;
  const alreadySaved = mode === 'full' ? [] : (before?.saved?.savedIndexes ?? []);
  const expected = Math.max(1, story.chapterCount.posted - alreadySaved.length);
  const plan = planFetch(story, request.pageUrl);
  // One page with every chapter (AO3 full work, eFiction printable) has no per-chapter steps to count.
  const onePage = plan.kind === 'single' ? { onePage: true } : {};
  report({ ...base, ...onePage, phase: 'fetching', done: 0, total: plan.kind === 'single' ? 1 : expected });

  let found: NewChapters;
  try {
    found = await fetchNewChapters(plan, deps, {
      signal,
      alreadySaved,
      onProgress: (p) => report({ ...base, phase: 'fetching', done: p.done, total: p.total, chapter: p.chapter }),
    });
  } catch (error) {
    if (signal.aborted) return report({ ...base, phase: 'cancelled', done: 0, total: expected, message: 'Cancelled. Nothing was changed.' });
    const reason = error instanceof Error ? error.message : String(error);
    return report({ ...base, phase: 'error', done: 0, total: expected, message: `The story could not be fetched: ${reason}. Nothing was changed.` });
  }

  const { result, fetched, cancelled } = found;
  const firstError = result.errors[0];
  if (fetched.length === 0) {
    if (cancelled) return report({ ...base, phase: 'cancelled', done: 0, total: expected, message: 'Cancelled. Nothing was changed.' });
    const message = firstError ? `${firstError} Nothing was changed.` : 'No chapter text could be read from the site. Nothing was changed.';
    return report({ ...base, phase: 'error', done: 0, total: expected, message });
  }

  report({ ...base, phase: 'storing', done: fetched.length, total: fetched.length + result.missing.length });
  // The metadata of what was fetched (a full-work view has every chapter listed), under the page's id.
  const metadata: Story = { ...listedOnly(result.story), id: story.id };
  const answer = await sendStory(deps, mode, metadata, fetched, result.missing, cancelled);
  if (!answer.ok) return report({ ...base, phase: 'error', done: fetched.length, total: expected, message: answer.error });
  return report(finished(base, answer.library, fetched.length, cancelled, firstError));
}

/** Metadata, then chapters in batches, then the end that stores; sent again once if the background lost them (worker restarted). */
async function sendStory(deps: SaveDeps, mode: SaveMode, story: Story, chapters: Chapter[], missing: number[], cancelled: boolean): Promise<SaveResult> {
  let answer: SaveResult | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const saveId = newSaveId(story.id);
    await deps.send({ type: 'ficshelf:save-begin', saveId, mode, story });
    for (const batch of batchChapters(chapters)) await deps.send({ type: 'ficshelf:save-chapters', saveId, chapters: batch });
    answer = ((await deps.send({ type: 'ficshelf:save-end', saveId, missing, cancelled })) as SaveResult | undefined) ?? {
      ok: false,
      error: 'FicShelf did not answer. Nothing was changed: try again.',
    };
    if (answer.ok || answer.code !== 'interrupted') return answer;
  }
  return answer!;
}

/** The closing sentence: whole, partial (never passed off as whole), or updated. */
function finished(
  base: Pick<SaveProgress, 'storyId' | 'title' | 'mode'>,
  library: LibraryState,
  fetchedCount: number,
  cancelled: boolean,
  firstError: string | undefined,
): SaveProgress {
  const saved = library.saved;
  const total = saved?.listedChapters ?? fetchedCount;
  const have = saved?.savedChapters ?? fetchedCount;
  const progress: SaveProgress = { ...base, phase: cancelled ? 'cancelled' : 'done', done: fetchedCount, total: fetchedCount, library };
  if (saved && !saved.complete) {
    const why = cancelled ? 'Cancelled: ' : firstError ? `${firstError} ` : '';
    return { ...progress, message: `${why}Saved ${have} of ${plural(total, 'chapter')} — resume to fetch the rest.` };
  }
  // The copy is whole (chapters kept from before), but this fetch met trouble: say so rather than claim a clean save.
  if (firstError) return { ...progress, message: `${firstError} Your saved copy has all ${plural(total, 'chapter')}.` };
  if (base.mode === 'update') return { ...progress, message: `Added ${plural(fetchedCount, 'new chapter')}. The saved copy is up to date.` };
  return { ...progress, message: `Saved ${total === 1 ? 'the story' : `all ${plural(total, 'chapter')}`} to your library.` };
}
