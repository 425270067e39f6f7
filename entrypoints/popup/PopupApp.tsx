import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageReport, TabState } from '@/utils/messages';
import { isKnownStoryHost, originPattern } from '@/utils/site-access';
import { StoryCard } from '@/components/StoryCard';
import { LibraryPart } from '@/components/popup/LibraryPart';

type View =
  | { state: 'loading' }
  | { state: 'page'; page: PageReport }
  | { state: 'waiting' } // a supported page whose content script has not reported yet
  | { state: 'not-enabled'; origin: string; host: string }
  | { state: 'unsupported' }
  | { state: 'error'; message: string };

interface ActiveTab {
  id: number;
  url?: string;
}

/**
 * `popup.html?tab=<id>` shows another tab's state: how tests and the demo open
 * the popup as a page. Opened from the toolbar, activeTab lets the popup read
 * the tab's address; opened as a page it cannot, so `&url=` may say it.
 */
async function activeTab(): Promise<ActiveTab | null> {
  const params = new URLSearchParams(location.search);
  const forced = params.get('tab');
  if (forced) {
    const id = Number(forced);
    const tab = await browser.tabs.get(id).catch(() => null);
    return { id, url: tab?.url ?? params.get('url') ?? undefined };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

async function readView(): Promise<{ view: View; tab: ActiveTab | null }> {
  const tab = await activeTab();
  if (!tab) return { view: { state: 'unsupported' }, tab };
  const state = (await browser.runtime.sendMessage({ type: 'ficshelf:tab-state', tabId: tab.id })) as TabState;
  if (state?.page) return { view: { state: 'page', page: state.page }, tab };
  const origin = tab.url ? originPattern(tab.url) : null;
  if (!origin) return { view: { state: tab.url ? 'unsupported' : 'waiting' }, tab };
  const host = new URL(tab.url!).hostname;
  if (isKnownStoryHost(host) || (await browser.permissions.contains({ origins: [origin] }))) {
    return { view: { state: 'waiting' }, tab };
  }
  return { view: { state: 'not-enabled', origin, host }, tab };
}

export function PopupApp() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const next = await readView();
      setTab(next.tab);
      setView(next.view);
      return next.view;
    } catch (error) {
      setView({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }, []);

  useEffect(() => {
    let stopped = false;
    // The content script reports at document_idle; poll briefly while the page finishes.
    void (async () => {
      for (let i = 0; i < 20 && !stopped; i++) {
        const v = await refresh();
        if (!v || v.state !== 'waiting') return;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    return () => {
      stopped = true;
    };
  }, [refresh]);

  const enable = async (origin: string) => {
    setBusy(true);
    try {
      // Must be the first thing the click does: browsers only grant permissions on a user gesture.
      const granted = await browser.permissions.request({ origins: [origin] });
      if (!granted) {
        setBusy(false);
        return;
      }
      const answer = (await browser.runtime.sendMessage({ type: 'ficshelf:enable-site', origin, tabId: tab?.id })) as {
        ok: boolean;
        error?: string;
      };
      if (!answer?.ok) throw new Error(answer?.error ?? 'Could not enable FicShelf here.');
      for (let i = 0; i < 12; i++) {
        const v = await refresh();
        if (v?.state === 'page') break;
        await new Promise((r) => setTimeout(r, 250));
      }
    } catch (error) {
      setView({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="popup" data-state={view.state}>
      <header class="popup-header">
        <span class="brand">FicShelf</span>
      </header>
      <PopupBody view={view} busy={busy} onEnable={enable} tabId={tab?.id} />
      {view.state !== 'loading' && view.state !== 'waiting' && (
        <LibraryPart tabId={tab?.id} storyPage={view.state === 'page' && view.page.kind === 'story' && !!view.page.story?.id} />
      )}
    </main>
  );
}

function PopupBody({ view, busy, onEnable, tabId }: { view: View; busy: boolean; onEnable: (origin: string) => void; tabId?: number }) {
  switch (view.state) {
    case 'loading':
    case 'waiting':
      return (
        <p class="empty" role="status">
          Reading this page…
        </p>
      );
    case 'page':
      return <PageView page={view.page} tabId={tabId} />;
    case 'not-enabled':
      return (
        <section class="empty" aria-labelledby="enable-title">
          <h1 id="enable-title">FicShelf is off on {view.host}</h1>
          <p>It reads stories on known fanfiction sites by itself. Turn it on here to read this site's stories too.</p>
          <button type="button" data-action="enable-site" disabled={busy} onClick={() => onEnable(view.origin)}>
            {busy ? 'Enabling…' : 'Enable FicShelf on this site'}
          </button>
        </section>
      );
    case 'unsupported':
      return (
        <p class="empty" role="status">
          FicShelf can't read this kind of page (browser and extension pages are off limits).
        </p>
      );
    case 'error':
      return (
        <p class="empty error" role="alert">
          Something went wrong: {view.message}
        </p>
      );
  }
}

/** Reader mode on or off in the tab, through the same command the shortcut sends; the popup closes so the story shows. */
async function toggleReader(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'ficshelf:command', command: 'toggle-reader' }).catch(() => undefined);
  if (!new URLSearchParams(location.search).has('tab')) window.close();
}

function PageView({ page, tabId }: { page: PageReport; tabId?: number }) {
  if (page.kind === 'story' && page.story) {
    // The report carries text, not markup (the content script sends no HTML).
    const readable = page.story.chapters.some((c) => c.text.trim() !== '');
    return (
      <>
        {page.covered && page.covered.length > 0 && (
          <p class="filter-state" data-field="covered" role="status">
            This story is covered: {page.covered.join('; ')}
          </p>
        )}
        <StoryCard story={page.story} />
        {readable && tabId !== undefined && (
          <p class="popup-actions">
            <button type="button" data-action="toggle-reader" onClick={() => void toggleReader(tabId)}>
              Reader mode
            </button>
          </p>
        )}
      </>
    );
  }
  if (page.kind === 'listing') {
    return (
      <section class="empty" aria-labelledby="listing-title">
        <h1 id="listing-title">Story listing</h1>
        <p data-field="listing-count">
          {page.listingCount ?? 0} {page.listingCount === 1 ? 'story' : 'stories'} on this page.
        </p>
        {page.hiddenCount !== undefined && (
          <p data-field="hidden-count" role="status">
            {page.hiddenCount} {page.hiddenCount === 1 ? 'story' : 'stories'} hidden on this page.
          </p>
        )}
      </section>
    );
  }
  return (
    <section class="empty" data-empty="not-a-story" aria-labelledby="none-title">
      <h1 id="none-title">Not a story page</h1>
      <p>Open a story (a work, a chapter, or a page that starts with a story header) and FicShelf will read it.</p>
    </section>
  );
}
