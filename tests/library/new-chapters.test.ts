// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyPage } from '@/utils/sites';
import { planFetch } from '@/utils/library/fetch-plan';
import type { ResponseLike } from '@/utils/library/fetcher';
import { fetchNewChapters, type FetchSeams } from '@/utils/library/new-chapters';
import { htmlDocument, loadPage } from '../helpers/fixtures';
import { ffnWithThirdChapter } from '../helpers/ffn-third-chapter';

const CH1 = 'https://www.fanfiction.net/s/5853866/1/Counting';
const CH2 = 'https://www.fanfiction.net/s/5853866/2/';
const CH3 = 'https://www.fanfiction.net/s/5853866/3/';
const THIRD = 'Hand-made third chapter for fetchNewChapters.';
/** Distinct from every polite delay, so the fake sleep can tell the time limit apart. */
const TIMEOUT = 45_000;

/** The routed FFN story with three chapters; every address asked for is recorded. */
function site() {
  const pages = ffnWithThirdChapter(`<p>${THIRD}</p>`);
  const bodies: Record<string, string> = { [CH1]: pages.ch1, [CH2]: loadPage('ffn/chapter-counting-ch2-modern.html', CH2).documentElement.outerHTML, [CH3]: pages.ch3 };
  const requests: string[] = [];
  const seams: FetchSeams = {
    fetch: async (url) => {
      requests.push(url);
      const body = bodies[url];
      const response: ResponseLike = { status: body ? 200 : 404, url, headers: { get: () => null }, text: async () => body ?? 'not found' };
      return response;
    },
    parse: (html, url) => htmlDocument(html, url),
    extract: (doc, url) => classifyPage(doc, url).story ?? null,
    // Polite pauses pass at once; the per-request time limit (TIMEOUT) fires only on abort.
    sleep: (ms, signal) => (ms === TIMEOUT ? new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true })) : Promise.resolve()),
    timeoutMs: TIMEOUT,
  };
  const story = classifyPage(htmlDocument(pages.ch1, CH1), CH1).story!;
  return { seams, requests, plan: planFetch(story, CH1) };
}

describe('fetchNewChapters', () => {
  it('fetches only the chapters the library lacks and returns them with their text', async () => {
    const { seams, requests, plan } = site();
    const { fetched, cancelled, result } = await fetchNewChapters(plan, seams, { alreadySaved: [1, 2] });
    expect(fetched.map((c) => c.index)).toEqual([3]);
    expect(fetched[0]!.text).toContain(THIRD);
    expect(requests).not.toContain(CH2);
    expect(cancelled).toBe(false);
    expect(result.missing).toEqual([]);
  });

  it('counts the chapters on the page itself as new when nothing is saved', async () => {
    const { seams, plan } = site();
    const { fetched } = await fetchNewChapters(plan, seams, { alreadySaved: [] });
    expect(fetched.map((c) => c.index)).toEqual([1, 2, 3]);
  });

  it('says so when the reader cancelled before the fetch', async () => {
    const { seams, requests, plan } = site();
    const stop = new AbortController();
    stop.abort();
    const { fetched, cancelled } = await fetchNewChapters(plan, seams, { alreadySaved: [1], signal: stop.signal });
    expect(cancelled).toBe(true);
    expect(fetched.map((c) => c.index)).not.toContain(3);
    expect(requests).toEqual([]);
  });
});
