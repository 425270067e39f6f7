import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background';
import type { PageReport } from '@/utils/messages';

const page: PageReport = { kind: 'listing', site: 'otw', url: 'https://archiveofourown.org/tags/x/works', listingCount: 20 };

describe('background: per-tab page state', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps what a tab reported and gives it back to the popup', async () => {
    expect(await handleMessage({ type: 'ficshelf:page', page }, { tab: { id: 7 } })).toEqual({ ok: true });
    expect(await handleMessage({ type: 'ficshelf:tab-state', tabId: 7 }, {})).toEqual({ tabId: 7, page });
    expect(await handleMessage({ type: 'ficshelf:tab-state', tabId: 8 }, {})).toEqual({ tabId: 8, page: null });
  });

  it('refuses a page report that comes from no tab', async () => {
    expect(await handleMessage({ type: 'ficshelf:page', page }, {})).toMatchObject({ ok: false });
  });
});

describe('background: enabling another site', () => {
  beforeEach(() => fakeBrowser.reset());

  it('does nothing without the permission the reader must grant', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const answer = await handleMessage({ type: 'ficshelf:enable-site', origin: 'https://fic.example/*', tabId: 3 }, {});
    expect(answer).toEqual({ ok: false, error: 'FicShelf was not given access to this site.' });
  });

  it('registers the content script for the origin and runs it in the open tab', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const registered: unknown[] = [];
    const injected: unknown[] = [];
    (fakeBrowser as any).scripting = {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: async (scripts: unknown[]) => void registered.push(...scripts),
      executeScript: async (details: unknown) => void injected.push(details),
    };
    const answer = await handleMessage({ type: 'ficshelf:enable-site', origin: 'https://fic.example/*', tabId: 3 }, {});
    expect(answer).toEqual({ ok: true });
    expect(registered).toEqual([
      expect.objectContaining({ id: 'ficshelf-site:https://fic.example/*', matches: ['https://fic.example/*'], js: ['/content-scripts/page.js'] }),
    ]);
    expect(injected).toEqual([{ target: { tabId: 3 }, files: ['/content-scripts/page.js'] }]);
  });
});
