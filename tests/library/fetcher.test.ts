// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/utils/sites';
import type { Story } from '@/utils/story';
import { planFetch, type FetchPlan } from '@/utils/library/fetch-plan';
import { backoffMs, DEFAULT_RETRY, fetchStory, retryAfterMs, sleepFor, type FetchDeps, type FetchProgress, type ResponseLike } from '@/utils/library/fetcher';
import { consentUrl, isCloudflareChallenge, isLoginPage, isLoginUrl } from '@/utils/library/page-checks';
import { fixturePath, htmlDocument, loadPage } from '../helpers/fixtures';

/** The per-request limit in these tests: distinct from every polite or backoff delay, so the fake sleep can tell it apart. */
const TIMEOUT = 45_000;

const FFN_CH1 = 'https://www.fanfiction.net/s/1/1/';
const FFN_CH2 = 'https://www.fanfiction.net/s/1/2/';
const AO3_CH1 = 'https://archiveofourown.org/works/17793689/chapters/41980418';
const AO3_CH2 = 'https://archiveofourown.org/works/17793689/chapters/42035519?view_adult=true';
const AO3_FULL = 'https://archiveofourown.org/works/17793689?view_full_work=true&view_adult=true';

const CHALLENGE_BODY = `<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>
<div id="challenge-running">Checking if the site connection is secure</div>
<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>`;

function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Final address after redirects. */
  url?: string;
  /** Never answer until the request is aborted (a hung connection). */
  hang?: boolean;
  /** Fail like a dropped connection. */
  networkError?: boolean;
  /** Runs while the request is in flight (to cancel mid-request). */
  during?: () => void;
}

function page(name: string, extra: Reply = {}): Reply {
  return { status: 200, body: fixtureText(name), ...extra };
}

/** A fake network: each address answers from its queue (the last reply repeats); unknown addresses are 404. */
function harness(routes: Record<string, Reply[]>, extra: Partial<FetchDeps> = {}) {
  const calls: string[] = [];
  const delays: number[] = [];
  const progress: FetchProgress[] = [];
  let timeoutFires = false;
  const fetch: FetchDeps['fetch'] = (url, init) => {
    calls.push(url);
    const queue = routes[url];
    const reply: Reply = queue ? (queue.length > 1 ? queue.shift()! : queue[0]!) : { status: 404, body: '<html><body>Not found</body></html>' };
    reply.during?.();
    if (reply.hang || init.signal.aborted) {
      return new Promise((_, reject) => {
        if (init.signal.aborted) reject(init.signal.reason);
        init.signal.addEventListener('abort', () => reject(init.signal.reason));
      });
    }
    if (reply.networkError) return Promise.reject(new TypeError('Failed to fetch'));
    const response: ResponseLike = {
      status: reply.status ?? 200,
      url: reply.url ?? url,
      headers: new Headers(reply.headers ?? {}),
      text: async () => reply.body ?? '',
    };
    return Promise.resolve(response);
  };
  const sleep: FetchDeps['sleep'] = (ms) => {
    // The request timer: fires only in the timeout tests, otherwise the request always wins.
    if (ms === TIMEOUT) return timeoutFires ? new Promise<void>((resolve) => setTimeout(resolve, 20)) : new Promise<void>(() => undefined);
    delays.push(ms);
    return Promise.resolve();
  };
  const deps: FetchDeps = {
    fetch,
    sleep,
    parse: (html, url) => htmlDocument(html, url),
    extract: (doc, url) => classifyPage(doc, url).story ?? null,
    onProgress: (p) => progress.push(p),
    timeoutMs: TIMEOUT,
    ...extra,
  };
  return {
    deps,
    calls,
    delays,
    progress,
    fireTimeouts(on: boolean) {
      timeoutFires = on;
    },
  };
}

function storyOf(name: string, url: string): Story {
  const story = classifyPage(loadPage(name, url), url).story;
  if (!story) throw new Error(`${name} is not a story`);
  return story;
}

function ffnPlan(): FetchPlan {
  return planFetch(storyOf('ffn/chapter-counting-ch1-modern.html', FFN_CH1), FFN_CH1);
}

/** The FFN story as a listing would give it: both chapters listed, neither read yet. */
function ffnPlanFromNothing(): FetchPlan {
  const story = storyOf('ffn/chapter-counting-ch1-modern.html', FFN_CH1);
  story.chapters = story.chapters.map((c) => ({ ...c, html: '', text: '', words: 0 }));
  return planFetch(story, FFN_CH1);
}

function ao3Plan(): FetchPlan {
  return planFetch(storyOf('ao3/chapter-17793689-ch1.html', AO3_CH1), AO3_CH1);
}

function textOf(story: Story, index: number): string {
  return story.chapters.find((c) => c.index === index)?.text ?? '';
}

describe('fetchStory: FanFiction.Net chapter by chapter', () => {
  it('fetches chapter 2 and merges it with chapter 1 from the page', async () => {
    const h = harness({ [FFN_CH2]: [page('ffn/chapter-counting-ch2-modern.html')] });
    const plan = ffnPlan();
    const result = await fetchStory(plan, h.deps);
    expect(h.calls).toEqual([FFN_CH2]);
    // The page's own Story is left as the page read it.
    expect(plan.story!.chapters[1]!.text).toBe('');
    expect(result.missing).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.stopped).toBeUndefined();
    expect(result.story.id).toBe('ffnet:1');
    expect(result.story.title).toBe('Counting');
    expect(result.story.chapters.map((c) => [c.index, c.title, c.words])).toEqual([
      [1, 'Skipping Stones', 100],
      [2, 'The Flower', 100],
    ]);
    expect(textOf(result.story, 2)).not.toBe(textOf(result.story, 1));
    expect(h.delays).toEqual([]);
  });

  it('waits the polite delay between requests, never before the first, and reports progress per request', async () => {
    const h = harness({
      [FFN_CH1]: [page('ffn/chapter-counting-ch1-modern.html')],
      [FFN_CH2]: [page('ffn/chapter-counting-ch2-modern.html')],
    });
    const plan = ffnPlanFromNothing();
    const result = await fetchStory(plan, h.deps);
    expect(h.calls).toEqual([FFN_CH1, FFN_CH2]);
    expect(h.delays).toEqual([plan.delayMs]);
    expect(plan.delayMs).toBe(2500);
    expect(h.progress).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2, chapter: 1 },
      { done: 2, total: 2, chapter: 2 },
    ]);
    expect(result.missing).toEqual([]);
    expect(result.story.chapters.every((c) => c.words === 100)).toBe(true);
  });

  it('resumes: chapters already saved are neither fetched nor missing', async () => {
    const h = harness({ [FFN_CH2]: [page('ffn/chapter-counting-ch2-modern.html')] }, { alreadySaved: [1] });
    const result = await fetchStory(ffnPlanFromNothing(), h.deps);
    expect(h.calls).toEqual([FFN_CH2]);
    expect(h.delays).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(textOf(result.story, 2)).not.toBe('');
    expect(textOf(result.story, 1)).toBe('');
  });
});

describe('fetchStory: retries', () => {
  it('retries a 503 with exponential backoff from 2 s and gives up after 5 attempts, listing the chapter as missing', async () => {
    const h = harness({ [FFN_CH2]: [{ status: 503, body: '<html><body>Service Unavailable</body></html>' }] });
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.calls).toEqual(Array(5).fill(FFN_CH2));
    expect(h.delays).toEqual([2000, 4000, 8000, 16000]);
    expect(result.missing).toEqual([2]);
    expect(result.errors).toEqual(['Chapter 2 could not be fetched (HTTP 503).']);
    expect(result.stopped).toBeUndefined();
    // Chapter 1 from the page is kept; chapter 2 stays listed, without text.
    expect(result.story.chapters.map((c) => [c.index, c.words])).toEqual([
      [1, 100],
      [2, 0],
    ]);
  });

  it('caps the backoff at 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, DEFAULT_RETRY))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const h = harness({ [FFN_CH2]: [{ status: 429, headers: { 'Retry-After': '7' } }, page('ffn/chapter-counting-ch2-modern.html')] });
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.delays).toEqual([7000]);
    expect(h.calls).toHaveLength(2);
    expect(result.missing).toEqual([]);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const now = Date.UTC(2026, 10, 21, 10, 0, 0);
    const h = harness(
      {
        [FFN_CH2]: [
          { status: 503, headers: { 'Retry-After': new Date(now + 12_000).toUTCString() } },
          page('ffn/chapter-counting-ch2-modern.html'),
        ],
      },
      { now: () => now },
    );
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.delays).toEqual([12_000]);
    expect(result.missing).toEqual([]);
  });

  it('reads Retry-After values', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('retries a dropped connection and a request that times out', async () => {
    const h = harness({ [FFN_CH2]: [{ networkError: true }, { hang: true }, page('ffn/chapter-counting-ch2-modern.html')] });
    h.fireTimeouts(true);
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.calls).toHaveLength(3);
    expect(h.delays).toEqual([2000, 4000]);
    expect(result.missing).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('says the site did not answer when every attempt times out', async () => {
    const h = harness({ [FFN_CH2]: [{ hang: true }] }, { retry: { attempts: 2 } });
    h.fireTimeouts(true);
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.calls).toHaveLength(2);
    expect(result.missing).toEqual([2]);
    expect(result.errors).toEqual(['Chapter 2 could not be fetched (the site did not answer in time).']);
  });

  it('does not retry a 404', async () => {
    const h = harness({});
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.calls).toEqual([FFN_CH2]);
    expect(h.delays).toEqual([]);
    expect(result.missing).toEqual([2]);
    expect(result.errors).toEqual(['Chapter 2 could not be fetched (HTTP 404).']);
  });
});

describe('fetchStory: walls that are not chapters', () => {
  it('stops at a 503 Cloudflare challenge without retrying, and keeps what it has', async () => {
    const h = harness({ [FFN_CH2]: [{ status: 503, body: CHALLENGE_BODY, headers: { server: 'cloudflare', 'cf-ray': '8c1f2a3b4c5d6e7f-AMS' } }] });
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.calls).toEqual([FFN_CH2]);
    expect(h.delays).toEqual([]);
    expect(result.stopped).toBe('challenge');
    expect(result.missing).toEqual([2]);
    expect(result.errors).toEqual([
      'fanfiction.net is checking that you are not a robot (Cloudflare): open the story on the site, let the check finish, then save again',
    ]);
    expect(result.story.chapters[0]!.words).toBe(100);
    expect(result.story.chapters[1]!.text).toBe('');
  });

  it('stops at a 403 Cloudflare marks as a challenge by header', async () => {
    const h = harness({ [FFN_CH2]: [{ status: 403, body: '<html><body></body></html>', headers: { 'cf-mitigated': 'challenge' } }] });
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(result.stopped).toBe('challenge');
    expect(h.calls).toHaveLength(1);
  });

  it('stops when a request is redirected to the login page mid-way, keeping the chapters fetched before', async () => {
    const AO3_CH3 = 'https://archiveofourown.org/works/17793689/chapters/42143897?view_adult=true';
    const login = 'https://archiveofourown.org/users/login?return_to=%2Fworks%2F17793689%2Fchapters%2F42143897';
    const h = harness({
      [AO3_FULL]: [{ status: 404 }],
      [AO3_CH2]: [page('ao3/chapter-17793689-ch2.html', { url: AO3_CH2 })],
      [AO3_CH3]: [page('ao3/locked-15461226-login-required.html', { url: login })],
    });
    const result = await fetchStory(ao3Plan(), h.deps);
    expect(h.calls).toEqual([AO3_FULL, AO3_CH2, AO3_CH3]);
    expect(result.stopped).toBe('login');
    expect(result.errors).toEqual([
      'The page with every chapter could not be fetched (HTTP 404): trying chapter by chapter instead.',
      'archiveofourown.org asks you to log in to read this story: log in, then save again',
    ]);
    expect(textOf(result.story, 1)).not.toBe('');
    expect(textOf(result.story, 2)).not.toBe('');
    expect(result.missing).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('knows a redirect to the login address for a login wall, whatever the page looks like', async () => {
    const h = harness({ [FFN_CH2]: [{ status: 200, url: 'https://www.fanfiction.net/login.php?cache=bust', body: '<html><body><h1>Sign in</h1></body></html>' }] });
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(result.stopped).toBe('login');
    expect(result.errors).toEqual(['fanfiction.net asks you to log in to read this story: log in, then save again']);
    expect(result.missing).toEqual([2]);
  });

  it('recognises the login page even when the site shows it without redirecting', async () => {
    const h = harness({ [AO3_FULL]: [page('ao3/locked-49733128-login-required.html')] });
    const result = await fetchStory(ao3Plan(), h.deps);
    // A login wall on the full-work view holds for every chapter page too: no fallback.
    expect(h.calls).toEqual([AO3_FULL]);
    expect(result.stopped).toBe('login');
    expect(result.errors).toEqual(['archiveofourown.org asks you to log in to read this story: log in, then save again']);
    expect(result.missing).toHaveLength(13);
  });
});

describe('fetchStory: AO3', () => {
  it('saves every chapter from the full-work view in one request', async () => {
    const ch1 = 'https://archiveofourown.org/works/77009551/chapters/201559361';
    const full = 'https://archiveofourown.org/works/77009551?view_full_work=true&view_adult=true';
    const plan = planFetch(storyOf('ao3/EDITED-chapter-bye-bye-miss-american-pie-ch1.html', ch1), ch1);
    expect(plan.requests).toEqual([{ url: full, chapters: [2] }]);
    const h = harness({ [full]: [page('ao3/EDITED-fullwork-bye-bye-miss-american-pie.html')] });
    const result = await fetchStory(plan, h.deps);
    expect(h.calls).toEqual([full]);
    expect(result.missing).toEqual([]);
    expect(result.story.id).toBe('ao3:77009551');
    // Chapter 1 is the one the reader has on screen (this edited copy is 1,315 words; the full-work copy 1,334).
    expect(result.story.chapters.map((c) => [c.index, c.words])).toEqual([
      [1, 1315],
      [2, 1078],
    ]);
    expect(h.progress).toEqual([
      { done: 0, total: 1 },
      { done: 1, total: 1, chapter: 2 },
    ]);
  });

  it('falls back to chapter pages when the full-work view keeps failing, with backoff then polite delays', async () => {
    const h = harness({
      [AO3_FULL]: [{ status: 500 }],
      [AO3_CH2]: [page('ao3/chapter-17793689-ch2.html', { url: AO3_CH2 })],
    });
    const plan = ao3Plan();
    const result = await fetchStory(plan, h.deps);
    expect(h.calls.slice(0, 6)).toEqual([...Array(5).fill(AO3_FULL), AO3_CH2]);
    expect(h.calls).toHaveLength(5 + 13);
    expect(h.delays).toEqual([2000, 4000, 8000, 16000, ...Array(13).fill(3000)]);
    expect(result.story.title).toBe('Nobody Expects the Dragon Age Inquisition');
    // The metadata comes from the richest page: chapter 1 carries the summary chapter 2 lacks.
    expect(result.story.summary).not.toBe('');
    expect(textOf(result.story, 2)).toMatch(/\S/);
    expect(result.story.chapters.find((c) => c.index === 2)!.title).toBe('The College of Enchanters: New Haven');
    expect(result.missing).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(result.errors[0]).toBe('The page with every chapter could not be fetched (HTTP 500): trying chapter by chapter instead.');
    expect(result.errors[1]).toBe('Chapter 3 could not be fetched (HTTP 404).');
    expect(result.errors).toHaveLength(13);
    expect(h.progress.at(-1)).toEqual({ done: 14, total: 14, chapter: 14 });
  });

  it('never takes another story for this one', async () => {
    const elsewhere = 'https://archiveofourown.org/works/48582418/chapters/122861680';
    const h = harness({ [AO3_FULL]: [page('ao3/chapter-48582418-ch.html', { url: elsewhere })] });
    const plan = ao3Plan();
    plan.fallback = undefined;
    const result = await fetchStory(plan, h.deps);
    expect(result.errors).toEqual(['The page with every chapter could not be fetched (the site answered with a different story).']);
    expect(result.story.id).toBe('ao3:17793689');
    expect(result.missing).toHaveLength(13);
  });
});

describe('fetchStory: eFiction', () => {
  const SPUFFY = 'https://www.spuffysanctuary.net/fiction/';
  const PRINTABLE = `${SPUFFY}viewstory.php?action=printable&sid=1187&textsize=0&chapter=all`;

  it('confirms the archive\'s age warning once and reads the printable view behind it', async () => {
    const warning = `<html><body><div id="pagetitle"><a href="viewstory.php?sid=1187">Lost Soul</a> by <a href="viewuser.php?uid=3">Michael</a></div>
      <div class="errortext">This story is rated R. <a href="viewstory.php?sid=1187&amp;ageconsent=ok&amp;warning=4">Continue</a>
      or <a href="viewstory.php?sid=99&amp;ageconsent=ok&amp;warning=4">another story</a></div></body></html>`;
    const consented = `${PRINTABLE}&ageconsent=ok&warning=4`;
    const h = harness({ [PRINTABLE]: [{ status: 200, body: warning }], [consented]: [page('pages/efiction-spuffy-printable.html')] });
    const plan: FetchPlan = { kind: 'single', requests: [{ url: PRINTABLE, chapters: [1] }], delayMs: 0 };
    const result = await fetchStory(plan, h.deps);
    expect(h.calls).toEqual([PRINTABLE, consented]);
    expect(result.missing).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.story.id).toBe('efiction:www.spuffysanctuary.net:1187');
    expect(result.story.chapters.map((c) => [c.index, c.words])).toEqual([[1, 1500]]);
  });

  it('gives up when the warning page keeps coming back', async () => {
    const warning = '<html><body><div class="errortext"><a href="viewstory.php?sid=1187&amp;ageconsent=ok&amp;warning=4">Continue</a></div></body></html>';
    const h = harness({ [PRINTABLE]: [{ status: 200, body: warning }], [`${PRINTABLE}&ageconsent=ok&warning=4`]: [{ status: 200, body: warning }] });
    const plan: FetchPlan = { kind: 'single', requests: [{ url: PRINTABLE, chapters: [1] }], delayMs: 0 };
    const result = await fetchStory(plan, h.deps);
    expect(h.calls).toHaveLength(2);
    expect(result.missing).toEqual([1]);
    expect(result.errors).toEqual(['Chapter 1 could not be fetched (the page did not contain the chapter).']);
  });
});

describe('fetchStory: cancel', () => {
  it('stops during a request and returns what was fetched, the rest missing', async () => {
    const controller = new AbortController();
    const h = harness(
      {
        [FFN_CH1]: [page('ffn/chapter-counting-ch1-modern.html')],
        [FFN_CH2]: [page('ffn/chapter-counting-ch2-modern.html', { during: () => controller.abort() })],
      },
      { signal: controller.signal },
    );
    const result = await fetchStory(ffnPlanFromNothing(), h.deps);
    expect(h.calls).toEqual([FFN_CH1, FFN_CH2]);
    expect(result.stopped).toBe('cancelled');
    expect(result.missing).toEqual([2]);
    expect(textOf(result.story, 1)).not.toBe('');
  });

  it('stops during the polite pause, before the next request', async () => {
    const controller = new AbortController();
    const h = harness(
      { [FFN_CH1]: [page('ffn/chapter-counting-ch1-modern.html')] },
      {
        signal: controller.signal,
        // The pause never ends by itself: only the cancel can end it.
        sleep: (ms) => {
          if (ms !== TIMEOUT) controller.abort();
          return new Promise<void>(() => undefined);
        },
      },
    );
    const result = await fetchStory(ffnPlanFromNothing(), h.deps);
    expect(h.calls).toEqual([FFN_CH1]);
    expect(result.stopped).toBe('cancelled');
    expect(result.missing).toEqual([2]);
  });

  it('fetches nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const h = harness({}, { signal: controller.signal });
    const result = await fetchStory(ffnPlan(), h.deps);
    expect(h.calls).toEqual([]);
    expect(result.stopped).toBe('cancelled');
    expect(result.missing).toEqual([2]);
  });
});

describe('fetchStory: nothing to fetch', () => {
  it('returns the page story as it is for a single-page story', async () => {
    const url = 'https://archiveofourown.org/works/77009551?view_full_work=true';
    const story = storyOf('ao3/EDITED-fullwork-bye-bye-miss-american-pie.html', url);
    const h = harness({});
    const result = await fetchStory(planFetch(story, url), h.deps);
    expect(h.calls).toEqual([]);
    expect(h.progress).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.story.chapters.map((c) => c.words)).toEqual([1334, 1078]);
  });
});

describe('sleepFor', () => {
  it('waits, and ends at once when cancelled', async () => {
    const started = Date.now();
    await sleepFor(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const long = sleepFor(60_000, controller.signal);
    controller.abort();
    await long;
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('page checks', () => {
  it('finds the continue link of an AO3 adult-content notice for the same chapter only', () => {
    const url = 'https://archiveofourown.org/works/1/chapters/2';
    const notice = htmlDocument(
      `<div class="notice">This work could have adult content. <a href="/works/1/chapters/2?view_adult=true">Proceed</a> <a href="/works/9?view_adult=true">Other</a></div>`,
      url,
    );
    expect(consentUrl(notice, url)).toBe('https://archiveofourown.org/works/1/chapters/2?view_adult=true');
    expect(consentUrl(notice, 'https://archiveofourown.org/works/1/chapters/2?view_adult=true')).toBeUndefined();
    expect(consentUrl(htmlDocument('<a href="/works/9?view_adult=true">Other</a>', url), url)).toBeUndefined();
  });

  it('knows login addresses of each family', () => {
    expect(isLoginUrl('https://archiveofourown.org/users/login?return_to=%2Fworks%2F1')).toBe(true);
    expect(isLoginUrl('https://www.fanfiction.net/login.php?cache=bust')).toBe(true);
    expect(isLoginUrl('https://fic.example.net/archive/user.php?action=login')).toBe(true);
    expect(isLoginUrl('https://archiveofourown.org/works/1/chapters/2')).toBe(false);
    expect(isLoginUrl('https://fic.example.net/archive/user.php?action=viewuser')).toBe(false);
  });

  it('tells login pages from story pages that carry a login box in their header', () => {
    const locked = 'https://archiveofourown.org/works/15461226';
    expect(isLoginPage(loadPage('ao3/locked-15461226-login-required.html', locked))).toBe(true);
    expect(isLoginPage(loadPage('ao3/chapter-17793689-ch1.html', AO3_CH1))).toBe(false);
    expect(isLoginPage(loadPage('ffn/chapter-counting-ch1-modern.html', FFN_CH1))).toBe(false);
    expect(isLoginPage(loadPage('hpfanficarchive-efiction/error-missing-story.html', 'http://www.hpfanficarchive.com/stories/viewstory.php?sid=9'))).toBe(false);
    const efictionDenied = htmlDocument('<body><div id="sidebar"><form><input type="password"></form></div><div class="errortext">You must be logged in to read this story.</div></body>');
    expect(isLoginPage(efictionDenied)).toBe(true);
  });

  it('tells a Cloudflare challenge from a plain 503 and from a story that mentions Cloudflare', () => {
    const cf = new Headers({ server: 'cloudflare', 'cf-ray': '1-AMS' });
    expect(isCloudflareChallenge({ status: 503, headers: cf, body: CHALLENGE_BODY })).toBe(true);
    expect(isCloudflareChallenge({ status: 503, headers: cf, body: '<html><body>Service Unavailable</body></html>' })).toBe(false);
    expect(isCloudflareChallenge({ status: 503, headers: new Headers(), body: 'Service Unavailable' })).toBe(false);
    expect(isCloudflareChallenge({ status: 403, headers: new Headers({ 'cf-mitigated': 'challenge' }), body: '' })).toBe(true);
    const blocked = '<html><body><h1>Sorry, you have been blocked</h1><div id="cf-error-details">Cloudflare Ray ID: 1</div></body></html>';
    expect(isCloudflareChallenge({ status: 403, headers: cf, body: blocked })).toBe(true);
    expect(isCloudflareChallenge({ status: 403, headers: new Headers(), body: '<html><body>Forbidden</body></html>' })).toBe(false);
    const story = fixtureText('ffn/chapter-counting-ch1-modern.html');
    expect(isCloudflareChallenge({ status: 200, headers: cf, body: story })).toBe(false);
    expect(isCloudflareChallenge({ status: 200, headers: new Headers(), body: '<p>She said "Just a moment..." and left.</p>' })).toBe(false);
  });
});
