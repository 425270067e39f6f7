/**
 * Carries out a FetchPlan: fetches each page in order with a polite pause,
 * retries what is worth retrying, stops at login walls and Cloudflare
 * challenges, and merges the chapters into one Story. Pure given its deps
 * (fetch, parse, extract, sleep are injected), so it runs the same in a
 * content script and in unit tests without a network.
 */
import type { Chapter, Story } from '../story';
import { emptyStory } from '../story';
import type { FetchPlan, FetchRequest } from './fetch-plan';
import { listedChapters } from './fetch-plan';
import { challengeMessage, consentUrl, isCloudflareChallenge, isLoginPage, isLoginUrl, loginMessage, type HeaderLookup } from './page-checks';
import { chapterWithoutHtml, hasChapterContent } from '../story-html';

/** What the fetcher needs of a Response (the global Response fits). */
export interface ResponseLike {
  status: number;
  /** The final address after redirects; empty when unknown. */
  url?: string;
  headers: HeaderLookup;
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; credentials: 'include'; redirect: 'follow' },
) => Promise<ResponseLike>;

export interface FetchProgress {
  done: number;
  total: number;
  /** The chapter the last request was for, when it was for one. */
  chapter?: number;
}

export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number;
  /** First backoff; doubles each retry. */
  baseMs: number;
  capMs: number;
  /** Longest Retry-After honoured as given; longer ones are cut to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 2000, capMs: 60_000, maxRetryAfterMs: 120_000 };
/** Generous: AO3 builds a long work's full view slowly, and a 4 MB page takes a while on a slow line. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface FetchDeps {
  fetch: FetchLike;
  parse: (html: string, url: string) => Document;
  extract: (doc: Document, url: string) => Story | null;
  /** Resolves after `ms`; should settle early when `signal` aborts (the fetcher does not wait on it after an abort anyway). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  onProgress?(p: FetchProgress): void;
  /** Chapters the library already holds (resume, updates): never fetched, never missing. */
  alreadySaved?: number[];
  /** Per-attempt limit on a request, its body included. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Clock for Retry-After given as a date. */
  now?: () => number;
}

export interface FetchResult {
  story: Story;
  /** Chapters neither saved before nor fetched now: the save is partial. */
  missing: number[];
  /** Reader-facing sentences. */
  errors: string[];
  /** Why fetching ended early, when it did. */
  stopped?: 'login' | 'challenge' | 'cancelled';
}

/** A setTimeout sleep that ends early on abort, for callers without their own. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Retry-After in milliseconds: delta seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff for the retry after `attempt` (1-based): base, 2×base, 4×base… up to the cap. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
}

class Cancelled extends Error {}
class TimeoutError extends Error {}

/** Sleeps through the injected sleep, but gives up at once (throwing Cancelled) when the reader cancels. */
async function pause(ms: number, deps: FetchDeps): Promise<void> {
  const signal = deps.signal;
  if (signal?.aborted) throw new Cancelled();
  if (ms <= 0) return;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    await Promise.race([deps.sleep(ms, signal), aborted]);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw new Cancelled();
}

type Outcome =
  | { kind: 'page'; story: Story }
  | { kind: 'login' }
  | { kind: 'challenge' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: string };
type Consent = { kind: 'consent'; url: string };
type Retry = { kind: 'retry'; reason: string; retryAfter?: number };

/** How much header a page gave: the story metadata comes from the richest page. */
function richness(story: Story): number {
  const present = [story.title, story.summary, story.rating.raw, story.published, story.updated, story.language, story.disclaimer, story.words];
  const lists = [story.authors, story.fandoms, story.tags, story.characters, story.relationships, story.warnings, story.categories, story.notes];
  return present.filter(Boolean).length + lists.reduce((n, list) => n + list.length, 0) + Object.keys(story.fields ?? {}).length;
}

/** Everything one fetchStory call gathers, and how it is going. */
class Gathering {
  metadata?: Story;
  readonly chapters = new Map<number, Chapter>();
  readonly listed = new Map<number, Chapter>();
  readonly expected = new Set<number>();
  readonly errors: string[] = [];
  stopped?: FetchResult['stopped'];
  done = 0;
  total = 0;
  requestsMade = 0;

  constructor(readonly saved: Set<number>) {}

  /** Still needs this chapter's text. */
  wants(index: number): boolean {
    return !this.saved.has(index) && !this.chapters.has(index);
  }

  addStory(story: Story, only?: number[]): void {
    if (!this.metadata || richness(story) > richness(this.metadata)) {
      const previous = this.metadata;
      // A copy: notes from other pages are added to it, and the caller's Story stays as it was.
      this.metadata = { ...story, notes: [...story.notes] };
      if (previous) this.keepNotes(previous);
    } else this.keepNotes(story);
    for (const index of listedChapters(story)) this.expected.add(index);
    for (const chapter of story.chapters) {
      // Listed entries never carry text: a chapter counts as fetched only through `chapters`.
      if (!this.listed.has(chapter.index)) this.listed.set(chapter.index, { ...chapterWithoutHtml(chapter), text: '', words: 0 });
      if (hasChapterContent(chapter) && (!only || only.includes(chapter.index)) && !this.chapters.has(chapter.index)) {
        this.chapters.set(chapter.index, chapter);
      }
    }
  }

  /** Work notes appear on the first and last chapter pages only: keep those the chosen page lacks. */
  private keepNotes(other: Story): void {
    const meta = this.metadata!;
    for (const note of other.notes) if (!meta.notes.some((n) => n.text === note.text)) meta.notes.push(note);
  }

  missing(): number[] {
    return [...this.expected].filter((i) => this.wants(i)).sort((a, b) => a - b);
  }

  result(fallbackUrl: string): FetchResult {
    const base = this.metadata ?? emptyStory('unknown', fallbackUrl);
    const indexes = [...new Set([...this.expected, ...this.chapters.keys()])].sort((a, b) => a - b);
    const chapters = indexes.map((i) => mergeChapter(this.listed.get(i), this.chapters.get(i), i));
    const posted = Math.max(base.chapterCount.posted, indexes[indexes.length - 1] ?? 0);
    const story: Story = { ...base, chapters, chapterCount: { ...base.chapterCount, posted } };
    const out: FetchResult = { story, missing: this.missing(), errors: this.errors };
    if (this.stopped) out.stopped = this.stopped;
    return out;
  }
}

/** The fetched text under the listed title and address (a chapter page may name its chapter less fully than the index). */
function mergeChapter(listed: Chapter | undefined, fetched: Chapter | undefined, index: number): Chapter {
  if (!fetched) return listed ?? { index, html: '', text: '', words: 0 };
  const chapter: Chapter = { ...fetched };
  if (!chapter.title && listed?.title) chapter.title = listed.title;
  if (listed?.url) chapter.url = listed.url;
  return chapter;
}

class Fetcher {
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly deps: FetchDeps,
    private readonly expectedId: string | undefined,
  ) {
    this.policy = { ...DEFAULT_RETRY, ...deps.retry };
    this.timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = deps.now ?? Date.now;
  }

  private get cancelled(): boolean {
    return this.deps.signal?.aborted ?? false;
  }
  /** One attempt: the response and its body, within the time limit, abandoned on cancel. */
  private async attempt(url: string): Promise<{ response: ResponseLike; body: string }> {
    const request = new AbortController();
    const timer = new AbortController();
    const outer = this.deps.signal;
    const onCancel = () => request.abort(new Cancelled());
    if (outer?.aborted) throw new Cancelled();
    outer?.addEventListener('abort', onCancel, { once: true });
    this.deps.sleep(this.timeoutMs, timer.signal).then(
      () => {
        if (!timer.signal.aborted) request.abort(new TimeoutError());
      },
      () => undefined,
    );
    const aborted = new Promise<never>((_, reject) => {
      if (request.signal.aborted) reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
    const work = (async () => {
      const response = await this.deps.fetch(url, { signal: request.signal, credentials: 'include', redirect: 'follow' });
      return { response, body: await response.text() };
    })();
    // Whichever loses the race must not surface as an unhandled rejection.
    work.catch(() => undefined);
    aborted.catch(() => undefined);
    try {
      return await Promise.race([work, aborted]);
    } finally {
      timer.abort();
      outer?.removeEventListener('abort', onCancel);
    }
  }

  /** One request to its end: retried while worth it, through one content-consent page at most. */
  async request(req: FetchRequest): Promise<Outcome> {
    const first = await this.withRetries(req, req.url);
    if (first.kind !== 'consent') return first;
    const second = await this.withRetries(req, first.url);
    return second.kind === 'consent' ? { kind: 'failed', reason: 'the site kept asking to confirm the content warning' } : second;
  }

  private async withRetries(req: FetchRequest, url: string): Promise<Outcome | Consent> {
    let reason = '';
    for (let attempt = 1; attempt <= this.policy.attempts; attempt++) {
      let delay = backoffMs(attempt, this.policy);
      try {
        const { response, body } = await this.attempt(url);
        const outcome = this.read(req, url, response, body);
        if (outcome.kind !== 'retry') return outcome;
        reason = outcome.reason;
        if (outcome.retryAfter !== undefined) delay = Math.min(outcome.retryAfter, this.policy.maxRetryAfterMs);
      } catch (error) {
        if (this.cancelled || error instanceof Cancelled) return { kind: 'cancelled' };
        reason = error instanceof TimeoutError ? 'the site did not answer in time' : 'the connection failed';
      }
      if (attempt === this.policy.attempts) break;
      try {
        await pause(delay, this.deps);
      } catch {
        return { kind: 'cancelled' };
      }
    }
    return { kind: 'failed', reason };
  }

  /** What a response is: a page with the chapters, a wall, or a failure (retryable or not). */
  private read(req: FetchRequest, url: string, response: ResponseLike, body: string): Outcome | Consent | Retry {
    const finalUrl = response.url || url;
    if (isLoginUrl(finalUrl)) return { kind: 'login' };
    const { status } = response;
    if (isCloudflareChallenge({ status, headers: response.headers, body })) return { kind: 'challenge' };
    if (status === 429 || status >= 500) {
      return { kind: 'retry', reason: `HTTP ${status}`, retryAfter: retryAfterMs(response.headers.get('retry-after'), this.now()) };
    }
    const doc = this.deps.parse(body, finalUrl);
    if (status === 401) return { kind: 'login' };
    if (status < 200 || status > 299) return isLoginPage(doc) ? { kind: 'login' } : { kind: 'failed', reason: `HTTP ${status}` };
    const story = this.deps.extract(doc, finalUrl);
    if (story && this.expectedId && story.id && story.id !== this.expectedId) {
      return { kind: 'failed', reason: 'the site answered with a different story' };
    }
    if (story && story.chapters.some((c) => req.chapters.includes(c.index) && hasChapterContent(c))) return { kind: 'page', story };
    if (isLoginPage(doc)) return { kind: 'login' };
    // The reader chose to read this story: an age or content-warning page is confirmed the way a click would.
    const consent = consentUrl(doc, finalUrl);
    if (consent) return { kind: 'consent', url: consent };
    return { kind: 'failed', reason: 'the page did not contain the chapter' };
  }
}

function describe(req: FetchRequest): string {
  return req.chapters.length === 1 ? `Chapter ${req.chapters[0]}` : 'The page with every chapter';
}

function report(state: Gathering, deps: FetchDeps, chapter?: number): void {
  const progress: FetchProgress = { done: state.done, total: state.total };
  if (chapter !== undefined) progress.chapter = chapter;
  deps.onProgress?.(progress);
}

/** Runs one plan's requests (then its fallback for whatever is still missing). */
async function runPlan(plan: FetchPlan, fetcher: Fetcher, state: Gathering, deps: FetchDeps): Promise<void> {
  const requests = plan.requests.filter((r) => r.chapters.some((c) => state.wants(c)));
  state.total += requests.length;
  if (requests.length) report(state, deps);
  for (const req of requests) {
    if (state.stopped) return;
    if (!req.chapters.some((c) => state.wants(c))) {
      state.done++;
      continue;
    }
    if (deps.signal?.aborted || !(await politePause(plan, state, deps))) {
      state.stopped = 'cancelled';
      return;
    }
    state.requestsMade++;
    const outcome = await fetcher.request(req);
    state.done++;
    const goOn = handle(outcome, req, plan, state);
    report(state, deps, req.chapters.length === 1 ? req.chapters[0] : undefined);
    if (!goOn) return;
  }
  const stillMissing = plan.requests.some((r) => r.chapters.some((c) => state.wants(c)));
  if (plan.fallback && stillMissing && !state.stopped) await runPlan(plan.fallback, fetcher, state, deps);
}

/** The pause before every request but the first; false when the reader cancelled during it. */
async function politePause(plan: FetchPlan, state: Gathering, deps: FetchDeps): Promise<boolean> {
  if (state.requestsMade === 0) return true;
  try {
    await pause(plan.delayMs, deps);
    return true;
  } catch {
    return false;
  }
}

/** Records one request's outcome; false when fetching must stop. */
function handle(outcome: Outcome, req: FetchRequest, plan: FetchPlan, state: Gathering): boolean {
  switch (outcome.kind) {
    case 'page':
      state.addStory(outcome.story, req.chapters);
      return true;
    case 'login':
      state.stopped = 'login';
      state.errors.push(loginMessage(req.url));
      return false;
    case 'challenge':
      state.stopped = 'challenge';
      state.errors.push(challengeMessage(req.url));
      return false;
    case 'cancelled':
      state.stopped = 'cancelled';
      return false;
    case 'failed': {
      const next = plan.fallback ? ': trying chapter by chapter instead' : '';
      state.errors.push(`${describe(req)} could not be fetched (${outcome.reason})${next}.`);
      return true;
    }
  }
}

/**
 * Fetches every chapter the plan names and merges them, with the current
 * page's story, into one Story. Never throws for site trouble: failures
 * become `missing` chapters and reader-facing `errors`; a login wall or a
 * Cloudflare challenge stops fetching and keeps what was fetched.
 */
export async function fetchStory(plan: FetchPlan, deps: FetchDeps): Promise<FetchResult> {
  const state = new Gathering(new Set(deps.alreadySaved ?? []));
  if (plan.story) state.addStory(plan.story);
  for (let p: FetchPlan | undefined = plan; p; p = p.fallback) {
    for (const req of p.requests) for (const index of req.chapters) state.expected.add(index);
  }
  const fetcher = new Fetcher(deps, plan.story?.id || undefined);
  if (deps.signal?.aborted) state.stopped = 'cancelled';
  else await runPlan(plan, fetcher, state, deps);
  return state.result(plan.story?.url ?? plan.requests[0]?.url ?? '');
}
