import type { Chapter } from '@/utils/story';
import type { FetchPlan } from './fetch-plan';
import { fetchStory, type FetchDeps, type FetchProgress, type FetchResult } from './fetcher';
import { hasChapterContent } from '../story-html';

/** What a save and an update check both hand through to the fetcher: injected, so tests run without a network. */
export type FetchSeams = Pick<FetchDeps, 'fetch' | 'parse' | 'extract' | 'sleep' | 'retry' | 'timeoutMs'>;

export interface NewChaptersRun {
  /** Chapters the library already holds: neither fetched nor counted as new. */
  alreadySaved: number[];
  signal?: AbortSignal;
  onProgress?(progress: FetchProgress): void;
}

export interface NewChapters {
  result: FetchResult;
  /** Chapters that came with text and that the library lacked. */
  fetched: Chapter[];
  /** The reader cancelled, before or during the fetch: what was fetched is still kept. */
  cancelled: boolean;
}

/** Fetches what the plan asks for, skipping the saved chapters, and picks out the chapters that are new. */
export async function fetchNewChapters(plan: FetchPlan, seams: FetchSeams, run: NewChaptersRun): Promise<NewChapters> {
  const { signal, alreadySaved } = run;
  const result = await fetchStory(plan, {
    fetch: seams.fetch,
    parse: seams.parse,
    extract: seams.extract,
    sleep: seams.sleep,
    retry: seams.retry,
    timeoutMs: seams.timeoutMs,
    signal,
    alreadySaved,
    onProgress: run.onProgress,
  });
  const skip = new Set(alreadySaved);
  const fetched = result.story.chapters.filter((c) => hasChapterContent(c) && !skip.has(c.index));
  const cancelled = !!signal?.aborted || result.stopped === 'cancelled';
  return { result, fetched, cancelled };
}

