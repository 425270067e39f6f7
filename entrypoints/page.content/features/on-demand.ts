import type { Command } from '@/utils/messages';
import { isMessage } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import type { Blurb, Story } from '@/utils/story';
import { verdict } from '@/utils/filters/verdict';
import type { Feature, FeatureContext } from './feature';
import { filtersListing, readsStory, savesStory, shieldsStory } from './applies';
import { loadPart } from '../parts/registry';
import { isShielded } from '../shield/state';
import { markFiltered } from '../shield/ready';
import { reportFilterState } from '../shield/report';
import { peekContinue } from '../reader/session';
import { MARK_LOAD, markReader } from '../reader/perf-marks';
import { listedOnly } from '../save/listed';
import { noticeFor } from '../save/notice';
import type { LibraryState } from '@/utils/messages';

/**
 * The features as the content script runs them: each decides with light
 * code whether the page needs it now, and loads its full code (a part, see
 * parts/registry.ts) only then. The full features behave as before.
 */

const warn = (what: string) => (error: unknown) => console.warn(`[FicShelf] ${what}`, error);

/**
 * A full feature started on first need, with the settings as they are then;
 * it hears every later command and settings change through the returned handle.
 */
function deferredStart(context: FeatureContext, startFull: (context: FeatureContext) => Promise<void>) {
  let settings = context.settings;
  const commands: Array<(command: Command) => boolean | Promise<boolean>> = [];
  const changes: Array<(settings: Settings) => void> = [];
  let started: Promise<void> | null = null;
  context.onSettings((next) => {
    settings = next;
    changes.forEach((handler) => handler(next));
  });
  return {
    isStarted: () => started !== null,
    start(): Promise<void> {
      started ??= startFull({
        page: context.page,
        extract: context.extract,
        get settings() {
          return settings;
        },
        onCommand: (handler) => void commands.push(handler),
        onSettings: (handler) => void changes.push(handler),
      }).catch((error: unknown) => {
        started = null;
        throw error;
      });
      return started;
    },
    async command(command: Command): Promise<boolean> {
      for (const handler of commands) if (await handler(command)) return true;
      return false;
    },
  };
}

/** Reader mode: its UI loads on the first toggle, or at once where it opens by itself. */
export const readerModeOnDemand: Feature = {
  id: 'reader-mode',
  runsOn: readsStory,
  start(context) {
    const story = context.page.story!;
    const full = (autoOpen: boolean) =>
      deferredStart(context, async (sub) => (await loadPart('reader')).startReader(sub, autoOpen));
    const host = location.hostname.toLowerCase();
    const wanted = peekContinue(story.id) || context.settings.reader.alwaysOn.includes(host);
    const reader = full(wanted && !isShielded());
    context.onCommand(async (command) => {
      if (!reader.isStarted()) {
        if (command !== 'toggle-reader') return false;
        // A covered story stays covered (the full feature says the same once loaded).
        if (isShielded()) return true;
        markReader(MARK_LOAD);
      }
      await reader.start();
      return reader.command(command);
    });
    if (wanted && !isShielded()) void reader.start().catch(warn('reader mode could not load'));
  },
};

/** Saving: its code loads when the reader saves, or when the library has a notice for this page. */
export const saveStoryOnDemand: Feature = {
  id: 'save-story',
  runsOn: savesStory,
  start(context) {
    let controller: Promise<{ control(action: 'save' | 'resume' | 'update' | 'cancel'): unknown }> | null = null;
    const full = () =>
      (controller ??= loadPart('save')
        .then((part) => part.startPageSave(context, context.extract))
        .catch((error: unknown) => {
          controller = null;
          throw error;
        }));
    context.onCommand(async (command) => {
      if (command !== 'save') return false;
      void (await full()).control('save');
      return true;
    });
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message) || message.type !== 'ficshelf:save-control') return undefined;
      // Nothing to cancel before saving ever loaded here.
      if (message.action === 'cancel' && !controller) return Promise.resolve({ ok: true });
      return full().then((c) => {
        void c.control(message.action);
        return { ok: true };
      });
    });
    void noticeDue(context.page.story!)
      .then((due) => (due ? full() : null))
      .catch(warn('could not check the library'));
  },
};

/** The full save feature checks again and shows the notice; here only whether there is one. */
async function noticeDue(story: Story): Promise<boolean> {
  const state = (await browser.runtime.sendMessage({ type: 'ficshelf:library-state', story: listedOnly(story) })) as LibraryState | undefined;
  return !!state && noticeFor(state) !== null;
}

/**
 * A filter whose UI (Preact, shield panel, placeholders) loads only when
 * the verdict hides something. The page stays hidden by the early script
 * until it is judged, so the wait for the part is invisible.
 */
function filterOnDemand(options: {
  id: string;
  runsOn: Feature['runsOn'];
  hides(context: FeatureContext, settings: Settings): boolean;
  load(): Promise<Feature>;
  reportShown(context: FeatureContext): void;
}): Feature {
  return {
    id: options.id,
    runsOn: options.runsOn,
    async start(context) {
      const full = deferredStart(context, async (sub) => (await options.load()).start(sub));
      const judge = async (settings: Settings) => {
        if (options.hides(context, settings)) await full.start();
        else options.reportShown(context);
      };
      context.onCommand((command) => (full.isStarted() ? full.command(command) : false));
      context.onSettings((settings) => {
        if (!full.isStarted()) void judge(settings).catch(warn(`${options.id} could not load`));
      });
      try {
        await judge(context.settings);
      } finally {
        // Covered or not (or failed to load), the page's early hiding has done its job.
        markFiltered(document);
      }
    },
  };
}

export const spoilerShieldOnDemand = filterOnDemand({
  id: 'spoiler-shield',
  runsOn: shieldsStory,
  hides: (context, settings) => verdict(context.page.story!, settings).hide,
  load: async () => (await loadPart('shield')).spoilerShield,
  reportShown: (context) => reportFilterState(context.page, { covered: [] }),
});

export const listingFilterOnDemand = filterOnDemand({
  id: 'listing-filter',
  runsOn: filtersListing,
  hides: (context, settings) => context.page.listing!.items.some((blurb: Blurb) => verdict(blurb, settings).hide),
  load: async () => (await loadPart('shield')).listingFilter,
  reportShown: (context) => reportFilterState(context.page, { hiddenCount: 0 }),
});

/** What the content script starts, in the order of FEATURES (filters first). */
export const CONTENT_FEATURES: Feature[] = [spoilerShieldOnDemand, listingFilterOnDemand, readerModeOnDemand, saveStoryOnDemand];
