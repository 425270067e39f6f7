/**
 * "Check for updates" for the stories the reader picks in the library. It runs
 * in the library page itself: an extension page has a DOM (to read the story
 * pages) and the known sites' host permissions (to fetch them), which the
 * background service worker lacks. One story at a time, a pause between two,
 * and the saved copy is only ever added to, never lost.
 */
import type { Story } from '@/utils/story';
import type { LibraryDB } from '@/utils/library/store';
import { addChapters, getStory, newChapterCount } from '@/utils/library/store';
import type { SavedStory } from '@/utils/library/types';
import { listedChapters, planFetch } from '@/utils/library/fetch-plan';
import { backoffMs, DEFAULT_RETRY, retryAfterMs, sleepFor, type FetchDeps, type ResponseLike } from '@/utils/library/fetcher';
import { fetchNewChapters } from '@/utils/library/new-chapters';
import { consentUrl, isCloudflareChallenge, isLoginPage, isLoginUrl } from '@/utils/library/page-checks';
import { classifyPage } from '@/utils/sites';
import { problemSentence } from './problems';

/** What one story's check came to. */
export type UpdateOutcome =
  | { kind: 'added'; added: number[]; missing: number[]; cancelled?: boolean }
  | { kind: 'up-to-date' }
  | { kind: 'login' }
  | { kind: 'challenge' }
  | { kind: 'unreachable'; detail?: string }
  | { kind: 'gone' }
  | { kind: 'unreadable' }
  | { kind: 'not-saved' }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/** Where one story stands in a run, for the list the library shows. */
export interface UpdateStep {
  id: string;
  title: string;
  phase: 'waiting' | 'checking' | 'fetching' | 'done';
  /** While fetching: chapter pages fetched of how many. */
  done?: number;
  total?: number;
  outcome?: UpdateOutcome;
}

/** The network, parser and clock a check needs; injected so tests run without a browser or network. */
export interface UpdateDeps {
  fetch: FetchDeps['fetch'];
  parse: FetchDeps['parse'];
  extract: FetchDeps['extract'];
  sleep: FetchDeps['sleep'];
  /** Pause between two stories (and between the story page and its chapters). */
  gapMs?: number;
  retry?: FetchDeps['retry'];
  timeoutMs?: number;
}

/** A few seconds between stories: a reader checking a shelf, not a crawler. */
export const STORY_GAP_MS = 3000;
/** After a site failed to answer, wait longer before the next story, up to this. */
const MAX_GAP_MS = 60_000;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One short sentence per outcome, as the library's list shows it. */
export function outcomeSentence(outcome: UpdateOutcome): string {
  switch (outcome.kind) {
    case 'added': {
      if (outcome.cancelled) return `Cancelled after adding ${plural(outcome.added.length, 'new chapter')}`;
      const added = `${plural(outcome.added.length, 'new chapter')} added`;
      if (outcome.missing.length === 0) return added;
      const which = outcome.missing.length === 1 ? `chapter ${outcome.missing[0]}` : `${outcome.missing.length} chapters`;
      return `${added}; ${which} could not be fetched — check again later`;
    }
    case 'up-to-date':
      return 'Up to date';
    case 'login':
      return 'The site asks you to log in — log in there, then check again';
    case 'challenge':
      return 'The site is checking for robots — open the story there, then check again';
    case 'unreachable':
      return 'The site did not answer — your saved copy is unchanged';
    case 'gone':
      return 'The site no longer has this story — your saved copy is kept';
    case 'unreadable':
      return 'The story’s page could not be read — your saved copy is unchanged';
    case 'not-saved':
      return 'No longer in your library';
    case 'failed':
      return outcome.message;
    case 'cancelled':
      return 'Cancelled — nothing was changed';
  }
}

/** The closing line of a whole run ("2 stories have new chapters, 1 is up to date"). */
export function runSummary(steps: UpdateStep[]): string {
  const outcomes = steps.map((s) => s.outcome).filter((o): o is UpdateOutcome => !!o);
  const added = outcomes.filter((o) => o.kind === 'added').length;
  const current = outcomes.filter((o) => o.kind === 'up-to-date').length;
  const cancelled = outcomes.some((o) => o.kind === 'cancelled' || (o.kind === 'added' && o.cancelled)) || outcomes.length < steps.length;
  const trouble = outcomes.length - added - current - outcomes.filter((o) => o.kind === 'cancelled').length;
  const parts: string[] = [];
  const stories = (n: number) => (n === 1 ? '1 story' : `${n} stories`);
  if (added) parts.push(`${stories(added)} ${added === 1 ? 'has' : 'have'} new chapters`);
  if (current) parts.push(`${stories(current)} ${current === 1 ? 'is' : 'are'} up to date`);
  if (trouble) parts.push(`${stories(trouble)} could not be checked`);
  const sentence = parts.join(', ');
  return cancelled ? `Check cancelled${sentence ? `: ${sentence}` : ''}.` : `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** Chapter indexes the saved copy holds: every listed one but those missing. */
export function savedIndexes(saved: SavedStory): number[] {
  const missing = new Set(saved.missing);
  const listed = Math.max(saved.chapterCount?.posted ?? 0, saved.savedChapters, ...saved.toc.map((t) => t.index));
  const indexes: number[] = [];
  for (let i = 1; i <= listed; i++) if (!missing.has(i)) indexes.push(i);
  return indexes;
}

type PageRead =
  | { kind: 'story'; story: Story; url: string }
  | Extract<UpdateOutcome, { kind: 'login' | 'challenge' | 'unreachable' | 'gone' | 'unreadable' | 'cancelled' }>;

class Cancelled extends Error {}

/** Resolves after `ms`, or throws Cancelled when the reader cancels first. */
async function wait(ms: number, deps: UpdateDeps, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw new Cancelled();
  if (ms > 0) {
    let stop: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      stop = resolve;
      signal?.addEventListener('abort', stop, { once: true });
    });
    await Promise.race([deps.sleep(ms, signal), aborted]);
    if (stop) signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) throw new Cancelled();
}

/** One fetch within the time limit; a late answer counts as none. */
async function fetchOnce(url: string, deps: UpdateDeps, signal?: AbortSignal): Promise<{ response: ResponseLike; body: string } | null> {
  const request = new AbortController();
  const cancel = () => request.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  const timeout = new AbortController();
  const late = deps.sleep(deps.timeoutMs ?? 60_000, timeout.signal).then(() => null);
  try {
    const work = (async () => {
      const response = await deps.fetch(url, { signal: request.signal, credentials: 'include', redirect: 'follow' });
      return { response, body: await response.text() };
    })();
    return await Promise.race([work, late]);
  } catch {
    if (signal?.aborted) throw new Cancelled();
    return null;
  } finally {
    timeout.abort();
    signal?.removeEventListener('abort', cancel);
  }
}

/**
 * The story's page as the site shows it now: retried with backoff on 429, 5xx
 * and silence (Retry-After honoured), through one content-warning page, and
 * stopped at a login wall or a Cloudflare check.
 */
export async function readStoryPage(href: string, deps: UpdateDeps, signal?: AbortSignal): Promise<PageRead> {
  const policy = { ...DEFAULT_RETRY, ...deps.retry };
  let url = href;
  let consented = false;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const answer = await fetchOnce(url, deps, signal);
    let delay = backoffMs(attempt, policy);
    if (answer) {
      const { response, body } = answer;
      const finalUrl = response.url || url;
      if (isLoginUrl(finalUrl) || response.status === 401) return { kind: 'login' };
      if (isCloudflareChallenge({ status: response.status, headers: response.headers, body })) return { kind: 'challenge' };
      if (response.status === 404 || response.status === 410) return { kind: 'gone' };
      if (response.status === 429 || response.status >= 500) {
        const asked = retryAfterMs(response.headers.get('retry-after'), Date.now());
        if (asked !== undefined) delay = Math.min(asked, policy.maxRetryAfterMs);
      } else {
        const doc = deps.parse(body, finalUrl);
        if (isLoginPage(doc)) return { kind: 'login' };
        const story = response.status < 300 ? deps.extract(doc, finalUrl) : null;
        if (story) return { kind: 'story', story, url: finalUrl };
        const consent = consented ? undefined : consentUrl(doc, finalUrl);
        if (!consent) return { kind: 'unreadable' };
        // The reader saved this story: its content warning is confirmed as a click would, once, without using up a try.
        consented = true;
        url = consent;
        attempt--;
        continue;
      }
    }
    if (attempt < policy.attempts) await wait(delay, deps, signal);
  }
  return { kind: 'unreachable' };
}

export interface CheckOptions {
  signal?: AbortSignal;
  onStep?(step: Partial<UpdateStep>): void;
}

/**
 * Checks one saved story: reads its page, compares the chapters listed with
 * the saved copy, and fetches and adds only the chapters it lacks. Never
 * throws: every result, trouble included, is an outcome.
 */
export async function checkStory(db: LibraryDB, id: string, deps: UpdateDeps, options: CheckOptions = {}): Promise<UpdateOutcome> {
  const { signal } = options;
  try {
    const saved = await getStory(db, id);
    if (!saved) return { kind: 'not-saved' };
    options.onStep?.({ phase: 'checking' });
    const page = await readStoryPage(saved.url, deps, signal);
    if (page.kind !== 'story') return page;
    if (page.story.id !== saved.id) return { kind: 'unreadable' };
    const have = savedIndexes(saved);
    const lacking = listedChapters(page.story).filter((i) => !have.includes(i));
    if (newChapterCount(saved, page.story) === 0 && lacking.length === 0) return { kind: 'up-to-date' };
    return await fetchLacking(db, page, have, deps, options);
  } catch (error) {
    if (error instanceof Cancelled || signal?.aborted) return { kind: 'cancelled' };
    return { kind: 'failed', message: problemSentence(error, 'The new chapters could not be stored') };
  }
}

/** Fetches the chapters the saved copy lacks (only those) and adds them in one transaction. */
async function fetchLacking(
  db: LibraryDB,
  page: { story: Story; url: string },
  have: number[],
  deps: UpdateDeps,
  options: CheckOptions,
): Promise<UpdateOutcome> {
  const { signal } = options;
  const plan = planFetch(page.story, page.url);
  if (plan.requests.length > 0) await wait(deps.gapMs ?? STORY_GAP_MS, deps, signal);
  const { result, fetched, cancelled } = await fetchNewChapters(plan, deps, {
    signal,
    alreadySaved: have,
    onProgress: (p) => options.onStep?.({ phase: 'fetching', done: p.done, total: p.total }),
  });
  if (fetched.length === 0) {
    if (cancelled) return { kind: 'cancelled' };
    if (result.stopped === 'login' || result.stopped === 'challenge') return { kind: result.stopped };
    return { kind: 'unreachable', detail: result.errors[0] };
  }
  const listed = result.story.chapters.map(({ index, title, url }) => ({ index, title, url, html: '', text: '', words: 0 }));
  await addChapters(db, page.story.id, fetched, { ...result.story, id: page.story.id, chapters: listed });
  const added = fetched.map((c) => c.index);
  const outcome: UpdateOutcome = { kind: 'added', added, missing: result.missing };
  if (cancelled) outcome.cancelled = true;
  return outcome;
}

/**
 * Checks the stories in order, one at a time, with a pause between two (longer
 * after a site failed to answer). Reports each story's progress and outcome;
 * stops at cancel, marking the stories not reached as cancelled.
 */
export async function checkForUpdates(
  db: LibraryDB,
  stories: Array<{ id: string; title: string }>,
  deps: UpdateDeps,
  options: { signal?: AbortSignal; onChange?(steps: UpdateStep[]): void; onAdded?(id: string): void } = {},
): Promise<UpdateStep[]> {
  const unique = [...new Map(stories.map((s) => [s.id, s])).values()];
  let steps: UpdateStep[] = unique.map((s) => ({ id: s.id, title: s.title, phase: 'waiting' }));
  const update = (i: number, change: Partial<UpdateStep>) => {
    steps = steps.map((step, n) => (n === i ? { ...step, ...change } : step));
    options.onChange?.(steps);
  };
  options.onChange?.(steps);
  let gap = deps.gapMs ?? STORY_GAP_MS;
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) {
      try {
        await wait(gap, deps, options.signal);
      } catch {
        // Cancelled during the pause: the rest is below.
      }
    }
    if (options.signal?.aborted) {
      for (let j = i; j < steps.length; j++) update(j, { phase: 'done', outcome: { kind: 'cancelled' } });
      break;
    }
    const outcome = await checkStory(db, steps[i]!.id, deps, { signal: options.signal, onStep: (change) => update(i, change) });
    update(i, { phase: 'done', outcome });
    if (outcome.kind === 'added') options.onAdded?.(steps[i]!.id);
    gap = outcome.kind === 'unreachable' ? Math.min(MAX_GAP_MS, gap * 2) : (deps.gapMs ?? STORY_GAP_MS);
  }
  return steps;
}

/**
 * The library page's own network and parser. The page holds the sites' host
 * permissions, so its requests carry the reader's cookies for those sites.
 */
export function pageUpdateDeps(): UpdateDeps {
  return {
    fetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
    parse: parseWithBase,
    extract: (doc, url) => classifyPage(doc, url).story ?? null,
    sleep: sleepFor,
  };
}

/** Parses a fetched page so its relative links resolve against the site, not the extension page. */
export function parseWithBase(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return doc;
}
