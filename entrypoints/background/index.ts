import { isMessage, type PagePart, type Command, type Message, type TabState } from '@/utils/messages';
import { forgetTab, pageFor, rememberPage } from './tab-state';
import { injectInto, registerSite, syncRegisteredSites, unregisterSite } from './site-scripts';
import { createLibraryHandler } from './library';

/** Saving and the library's answers to the popup and page (issue 5). */
export const library = createLibraryHandler();

/** The unlisted scripts a page asks for (entrypoints/<part>-part.ts); only these may be run. */
const PART_FILES: Record<PagePart, '/reader-part.js' | '/save-part.js' | '/shield-part.js' | '/guides-part.js' | '/generic-part.js'> = {
  reader: '/reader-part.js',
  save: '/save-part.js',
  shield: '/shield-part.js',
  guides: '/guides-part.js',
  generic: '/generic-part.js',
};

/** Answers one message; kept apart from the listener so tests can call it directly. */
export async function handleMessage(message: Message, sender: { tab?: { id?: number }; frameId?: number }): Promise<unknown> {
  switch (message.type) {
    case 'ficshelf:page': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'no tab' };
      await rememberPage(tabId, message.page);
      if (message.page.story) void library.noteVisit(tabId, message.page.story).catch(() => undefined);
      return { ok: true };
    }
    case 'ficshelf:tab-state': {
      const state: TabState = { tabId: message.tabId, page: await pageFor(message.tabId) };
      return state;
    }
    case 'ficshelf:enable-site': {
      const granted = await browser.permissions.contains({ origins: [message.origin] });
      if (!granted) return { ok: false, error: 'FicShelf was not given access to this site.' };
      await registerSite(message.origin);
      if (message.tabId !== undefined) await injectInto(message.tabId);
      return { ok: true };
    }
    case 'ficshelf:load-part': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'no tab' };
      const file = Object.hasOwn(PART_FILES, message.part) ? PART_FILES[message.part] : undefined;
      if (!file) return { ok: false, error: `unknown part ${String(message.part)}` };
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
      return { ok: true };
    }
    case 'ficshelf:open-options': {
      await browser.runtime.openOptionsPage();
      return { ok: true };
    }
    case 'ficshelf:library-overview': {
      const page = message.tabId === undefined ? null : await pageFor(message.tabId);
      return library.overview(message.tabId, page?.story);
    }
    case 'ficshelf:save-begin':
    case 'ficshelf:save-chapters':
    case 'ficshelf:save-end':
    case 'ficshelf:save-progress':
    case 'ficshelf:library-state':
      return library.handle(message, sender.tab?.id);
    default:
      return { ok: false, error: `unknown message ${(message as { type: string }).type}` };
  }
}

const COMMANDS: readonly Command[] = ['toggle-reader', 'save', 'reveal'];

/** A keyboard shortcut goes to the active tab's content script, as the same message the popup sends. */
async function forwardCommand(name: string): Promise<void> {
  if (!(COMMANDS as readonly string[]).includes(name)) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { type: 'ficshelf:command', command: name as Command }).catch(() => undefined);
}

const SAVE_MENU_ID = 'ficshelf-save';

/** "Save to FicShelf" on the page's context menu: the same command the shortcut and popup send. */
function addContextMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  menus.removeAll().then(() =>
    menus.create({ id: SAVE_MENU_ID, title: 'Save to FicShelf', contexts: ['page', 'link', 'selection'] }),
  ).catch((error: unknown) => console.warn('[FicShelf] context menu', error));
}

export default defineBackground(() => {
  addContextMenu();
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_MENU_ID || tab?.id === undefined) return;
    void browser.tabs.sendMessage(tab.id, { type: 'ficshelf:command', command: 'save' }).catch(() => undefined);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isMessage(message)) return false;
    handleMessage(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
  browser.commands.onCommand.addListener((command) => void forwardCommand(command));
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    library.forgetTab(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new page in the tab: the old report no longer applies.
    if (change.status === 'loading' && change.url) {
      void forgetTab(tabId);
      library.forgetTab(tabId);
    }
  });
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    for (const origin of origins) void unregisterSite(origin).catch(() => undefined);
  });
  void syncRegisteredSites().catch((error) => console.warn('[FicShelf] site sync failed', error));
});
