import type { PageReport } from '@/utils/messages';

/**
 * What each tab's content script found. MV3 service workers are stopped when
 * idle, so the map is mirrored into storage.session (where the browser has it)
 * and read back on a cold start.
 */
const pages = new Map<number, PageReport>();
const KEY = (tabId: number) => `tab:${tabId}`;

function sessionArea() {
  return (browser.storage as { session?: typeof browser.storage.local }).session;
}

export async function rememberPage(tabId: number, page: PageReport): Promise<void> {
  pages.set(tabId, page);
  try {
    await sessionArea()?.set({ [KEY(tabId)]: page });
  } catch {
    // Quota or no session storage: the in-memory copy still serves this worker's lifetime.
  }
}

export async function pageFor(tabId: number): Promise<PageReport | null> {
  const known = pages.get(tabId);
  if (known) return known;
  try {
    const stored = await sessionArea()?.get(KEY(tabId));
    const page = stored?.[KEY(tabId)] as PageReport | undefined;
    if (page) pages.set(tabId, page);
    return page ?? null;
  } catch {
    return null;
  }
}

export async function forgetTab(tabId: number): Promise<void> {
  pages.delete(tabId);
  try {
    await sessionArea()?.remove(KEY(tabId));
  } catch {
    /* nothing stored */
  }
}
