import type { Feature } from './feature';
import { canRead } from '../reader/navigation';
import { createReaderController } from '../reader/controller';
import { isShielded } from '../shield/state';

/**
 * Reader mode (issue 3): the story in the reader's own look, over the page.
 * Toggled by the `toggle-reader` command; opens by itself on sites the
 * reader chose, and on the next chapter when they followed a chapter link.
 */
export const readerMode: Feature = {
  id: 'reader-mode',
  runsOn: (page) => page.kind === 'story' && canRead(page.story),
  start(context) {
    const reader = createReaderController({
      story: context.page.story!,
      settings: context.settings,
      fontBaseUrl: browser.runtime.getURL('/'),
      openSettings: () => void browser.runtime.sendMessage({ type: 'ficshelf:open-options' }).catch(() => undefined),
    });
    context.onCommand((command) => {
      if (command !== 'toggle-reader') return false;
      // A covered story stays covered: the reader shows it from the shield first.
      if (!isShielded()) reader.toggle();
      return true;
    });
    context.onSettings((settings) => reader.applySettings(settings));
    if (!isShielded()) reader.openIfWanted();
  },
};
