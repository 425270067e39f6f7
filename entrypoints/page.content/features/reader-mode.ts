import type { Feature, FeatureContext } from './feature';
import { readsStory } from './applies';
import { createReaderController } from '../reader/controller';
import { isShielded } from '../shield/state';

/**
 * Reader mode (issue 3): the story in the reader's own look, over the page.
 * Toggled by the `toggle-reader` command; opens by itself on sites the
 * reader chose, and on the next chapter when they followed a chapter link.
 */
export const readerMode: Feature = {
  id: 'reader-mode',
  runsOn: readsStory,
  start: (context) => startReader(context, true),
};

/**
 * Reader mode on this page. `autoOpen`: open now if the reader asked for it
 * here; false when a toggle is what loaded it (the toggle then opens it).
 */
export function startReader(context: FeatureContext, autoOpen: boolean): void {
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
  if (autoOpen && !isShielded()) reader.openIfWanted();
}
