import type { PageResult } from '@/utils/story';
import type { Command } from '@/utils/messages';
import { isMessage } from '@/utils/messages';
import { loadSettings, watchSettings } from '@/utils/settings-store';
import type { Settings } from '@/utils/settings';
import { CONTENT_FEATURES } from './features/on-demand';
import type { StoryExtractor } from './save/extract';

/**
 * Starts the features that apply to this page and routes commands and
 * settings changes to them. A feature that fails is reported and skipped;
 * it never takes the others, or the site's own scripts, down with it.
 * `extract` reads fetched pages with the adapters that read this one.
 */
export async function runFeatures(page: PageResult, extract: StoryExtractor): Promise<void> {
  const commandHandlers: Array<(command: Command) => boolean | Promise<boolean>> = [];
  const settingsHandlers: Array<(settings: Settings) => void> = [];
  const settings = await loadSettings();

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isMessage(message) || message.type !== 'ficshelf:command') return false;
    void (async () => {
      for (const handler of commandHandlers) {
        try {
          if (await handler(message.command)) return sendResponse({ ok: true });
        } catch (error) {
          console.warn('[FicShelf] command failed', message.command, error);
          return sendResponse({ ok: false, error: String(error) });
        }
      }
      sendResponse({ ok: false, error: `Nothing on this page handles "${message.command}".` });
    })();
    return true;
  });
  watchSettings((next) => {
    for (const handler of settingsHandlers) {
      try {
        handler(next);
      } catch (error) {
        console.warn('[FicShelf] settings update failed', error);
      }
    }
  });

  for (const feature of CONTENT_FEATURES) {
    if (!feature.runsOn(page)) continue;
    try {
      await feature.start({
        page,
        settings,
        extract,
        onCommand: (handler) => void commandHandlers.push(handler),
        onSettings: (handler) => void settingsHandlers.push(handler),
      });
    } catch (error) {
      console.warn(`[FicShelf] feature ${feature.id} failed to start`, error);
    }
  }
}
