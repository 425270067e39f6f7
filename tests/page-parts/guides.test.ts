// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FANDOMS } from '@/utils/fandoms';
import { ALL_GUIDES } from '@/utils/fandoms/all-guides';
import { GUIDED_FANDOMS } from '@/utils/fandoms/guides';
import { loadPage } from '../helpers/fixtures';
import { SEEING_RED } from '../shield/helpers';

/**
 * The content script carries fandom names only; episode guides come in the
 * `guides` part, on pages whose fandoms have one. The setup registers every
 * guide for the other tests, so these read the page with fresh modules and
 * an empty guide store, as a content script starts.
 */

const GUIDE_STORE = Symbol.for('ficshelf.fandom-guides');
const PART_STORE = Symbol.for('ficshelf.parts');

type Globals = Record<symbol, unknown>;

/** Fresh modules and no guides or parts on the global, as in a page before any part ran. */
async function freshContentScript(answer: (part: string, modules: { registerGuides: (typeof import('@/utils/fandoms/guides'))['registerGuides']; registerPart: (typeof import('@/entrypoints/page.content/parts/registry'))['registerPart'] }) => Promise<unknown>) {
  vi.resetModules();
  const saved = { guides: (globalThis as Globals)[GUIDE_STORE], parts: (globalThis as Globals)[PART_STORE] };
  delete (globalThis as Globals)[GUIDE_STORE];
  delete (globalThis as Globals)[PART_STORE];
  restore = () => Object.assign(globalThis, { [GUIDE_STORE]: saved.guides, [PART_STORE]: saved.parts });
  const { registerGuides } = await import('@/utils/fandoms/guides');
  const { registerPart } = await import('@/entrypoints/page.content/parts/registry');
  // The content script's `browser` is WXT's fake in tests; fresh modules get a fresh one.
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  const asked: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; part: string }) => {
    asked.push(message.part);
    return answer(message.part, { registerGuides, registerPart });
  }) as never);
  const { classifyPage } = await import('@/utils/sites');
  const { withEpisodeGuides } = await import('@/entrypoints/page.content/guides');
  return { classifyPage, withEpisodeGuides, asked };
}

let restore = () => {};

afterEach(() => {
  restore();
  vi.restoreAllMocks();
});

/** The background running the guides part's script: it registers the guides and the part. */
const runsGuidesPart: Parameters<typeof freshContentScript>[0] = async (part, { registerGuides, registerPart }) => {
  if (part !== 'guides') return { ok: false };
  registerGuides(ALL_GUIDES);
  registerPart('guides', { fandoms: ALL_GUIDES.map((g) => g.fandom) });
  return { ok: true };
};

describe('episode guides on demand', () => {
  it('has a guide for every fandom it says has one, and only those', () => {
    expect([...GUIDED_FANDOMS].sort()).toEqual(ALL_GUIDES.map((g) => g.fandom).sort());
    for (const name of GUIDED_FANDOMS) expect(FANDOMS.some((f) => f.name === name), name).toBe(true);
  });

  it('loads the guides for a Buffy story, then reads the same marks as with every guide at hand', async () => {
    const withAll = (await import('@/utils/sites')).classifyPage(loadPage(SEEING_RED.fixture, SEEING_RED.url), SEEING_RED.url);
    expect(withAll.story!.spoilers!.length).toBeGreaterThan(0);

    const { classifyPage, withEpisodeGuides, asked } = await freshContentScript(runsGuidesPart);
    const read = classifyPage(loadPage(SEEING_RED.fixture, SEEING_RED.url), SEEING_RED.url);
    expect(read.story!.spoilers).toEqual([]);
    const page = await withEpisodeGuides(read);
    expect(asked).toEqual(['guides']);
    expect(page.story!.spoilers).toEqual(withAll.story!.spoilers);
  });

  it('leaves the page as read, without throwing, when the part cannot load', async () => {
    const { classifyPage, withEpisodeGuides, asked } = await freshContentScript(async () => {
      throw new Error('no background');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const read = classifyPage(loadPage(SEEING_RED.fixture, SEEING_RED.url), SEEING_RED.url);
    const page = await withEpisodeGuides(read);
    expect(asked).toEqual(['guides']);
    expect(page.story!.spoilers).toEqual([]);
    expect(page.story!.title).toBe(read.story!.title);
  });

  it('asks for nothing on a page whose fandoms have no guide', async () => {
    const { classifyPage, withEpisodeGuides, asked } = await freshContentScript(runsGuidesPart);
    const url = 'https://archiveofourown.org/tags/James%20Potter*s*Lily%20Evans%20Potter/works';
    const page = await withEpisodeGuides(classifyPage(loadPage('ao3/EDITED-tag-works-jily-listing.html', url), url));
    expect(page.kind).toBe('listing');
    expect(asked).toEqual([]);
  });
});
