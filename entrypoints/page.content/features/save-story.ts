import type { Feature, FeatureContext } from './feature';
import { savesStory } from './applies';
import { isMessage, type SaveMessage } from '@/utils/messages';
import { createSaveController, type SaveController } from '../save/controller';
import { createSavePanel } from '../save/panel';
import { sleepFor } from '@/utils/library/fetcher';
import type { SaveDeps } from '../save/run-save';

/**
 * The page's own network, parser and adapters: requests go out from the
 * story's origin with the reader's cookies (session, consent), as if they
 * had clicked through the chapters.
 */
export function pageSaveDeps(extract: SaveDeps['extract']): SaveDeps {
  return {
    send: (message: SaveMessage) => browser.runtime.sendMessage(message),
    fetch: pageFetch,
    parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
    extract,
    sleep: sleepFor,
  };
}

/**
 * Firefox runs content-script fetches as the extension; `content.fetch` is the
 * page's own. An AbortSignal from the script's side cannot cross into the
 * page's realm, so there it is left out (the fetcher stops waiting on cancel
 * anyway). Chromium's content-script fetch already is the page's origin.
 */
const pageFetch: SaveDeps['fetch'] = async (url, init) => {
  const contentFetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch;
  if (contentFetch) {
    try {
      return await contentFetch(url, { credentials: 'include', redirect: init.redirect });
    } catch {
      // Fall through to the script's own fetch, which carries the cookies through the host permission.
    }
  }
  return fetch(url, { ...init, credentials: 'include' });
};

/**
 * One story page's saving: the controller with its panel, and the library's
 * notice on arrival ("2 new chapters", "Saved 9 of 12").
 */
export function startPageSave(context: FeatureContext, extract: SaveDeps['extract']): SaveController {
  const controller: SaveController = createSaveController({
    story: context.page.story!,
    pageUrl: location.href,
    deps: pageSaveDeps(extract),
    panel: createSavePanel(document, (action) => void controller.control(action)),
  });
  void controller.checkLibrary();
  return controller;
}


/**
 * Saving to the library (issue 5): the `save` command (shortcut, popup,
 * context menu) and the popup's Resume / Update / Cancel reach the page here;
 * a panel shows progress and says when the saved copy is behind the site.
 */
export const saveStory: Feature = {
  id: 'save-story',
  runsOn: savesStory,
  start(context) {
    const controller = startPageSave(context, context.extract);
    context.onCommand((command) => {
      if (command !== 'save') return false;
      void controller.control('save');
      return true;
    });
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message) || message.type !== 'ficshelf:save-control') return undefined;
      void controller.control(message.action);
      return Promise.resolve({ ok: true });
    });
  },
};
