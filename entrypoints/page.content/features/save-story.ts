import type { Feature } from './feature';
import { classifyPage } from '@/utils/sites';
import { isKnownStoryHost } from '@/utils/site-access';
import { isMessage, type SaveMessage } from '@/utils/messages';
import { createSaveController } from '../save/controller';
import { createSavePanel } from '../save/panel';
import { sleepFor } from '@/utils/library/fetcher';
import type { SaveDeps } from '../save/run-save';

/**
 * The page's own network, parser and adapters: requests go out from the
 * story's origin with the reader's cookies (session, consent), as if they
 * had clicked through the chapters. Firefox gives content scripts the page's
 * fetch as `content.fetch`.
 */
export function pageSaveDeps(): SaveDeps {
  const pageFetch: typeof fetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch;
  const generic = !isKnownStoryHost(location.hostname);
  return {
    send: (message: SaveMessage) => browser.runtime.sendMessage(message),
    fetch: (url, init) => pageFetch(url, { ...init, credentials: 'include' }),
    parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
    extract: (doc, url) => classifyPage(doc, url, { generic }).story ?? null,
    sleep: sleepFor,
  };
}

/**
 * Saving to the library (issue 5): the `save` command (shortcut, popup,
 * context menu) and the popup's Resume / Update / Cancel reach the page here;
 * a panel shows progress and says when the saved copy is behind the site.
 */
export const saveStory: Feature = {
  id: 'save-story',
  runsOn: (page) => page.kind === 'story' && !!page.story?.id,
  start(context) {
    const controller = createSaveController({
      story: context.page.story!,
      pageUrl: location.href,
      deps: pageSaveDeps(),
      panel: createSavePanel(document, (action) => void controller.control(action)),
    });
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
    void controller.checkLibrary();
  },
};
