import { isKnownStoryHost } from '@/utils/site-access';

/**
 * Sites the reader enabled from the popup: the optional host permission is
 * granted there (it needs the click), and here the content script is
 * registered for that origin so it runs on every later visit.
 */
export const CONTENT_SCRIPT_FILE = '/content-scripts/page.js';
const scriptId = (origin: string) => `ficshelf-site:${origin}`;

function hostOf(pattern: string): string {
  return /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
}

export async function registerSite(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [origin], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

export async function unregisterSite(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
}

/** Runs the content script in an open tab at once, so enabling needs no reload. */
export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/** On start-up: registrations follow the permissions the reader holds (Firefox forgets them on restart). */
export async function syncRegisteredSites(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  for (const origin of origins) {
    if (origin === '*://*/*' || origin === '<all_urls>') continue;
    if (isKnownStoryHost(hostOf(origin))) continue;
    await registerSite(origin).catch((error) => console.warn('[FicShelf] could not register', origin, error));
  }
}
