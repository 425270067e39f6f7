import type { Story } from '@/utils/story';
import type { LibraryState, SaveControl, SaveMessage, SaveMode, SaveProgress } from '@/utils/messages';
import { listedOnly, runSave, type SaveDeps } from './run-save';
import type { SavePanel } from './panel';

export interface SaveControllerOptions {
  story: Story;
  pageUrl: string;
  deps: SaveDeps;
  panel: SavePanel;
}

/** "Save" means what the reader would expect from the library's state: finish a partial save, fetch new chapters, or save it all. */
export function modeFor(action: Exclude<SaveControl, 'cancel'>, state: LibraryState | null): SaveMode {
  if (action === 'resume' || action === 'update') return action;
  if (state?.saved && !state.saved.complete) return 'resume';
  if (state?.saved && state.newChapters > 0) return 'update';
  return 'full';
}

/**
 * One story page's saves: at most one at a time, cancel through an
 * AbortSignal, progress to the page panel and to the background (for the
 * popup), and the library notice when the page has something to add.
 */
export function createSaveController({ story, pageUrl, deps, panel }: SaveControllerOptions) {
  let running: { abort: AbortController; done: Promise<SaveProgress> } | null = null;

  const send = (message: SaveMessage) => deps.send(message).catch(() => undefined);
  const show = (progress: SaveProgress) => {
    panel.showProgress(progress);
    void send({ type: 'ficshelf:save-progress', progress });
  };

  async function libraryState(): Promise<LibraryState | null> {
    return ((await send({ type: 'ficshelf:library-state', story: listedOnly(story) })) as LibraryState | undefined) ?? null;
  }

  /** On arrival: say so when the saved copy lacks chapters the page lists. */
  async function checkLibrary(): Promise<LibraryState | null> {
    const state = await libraryState();
    if (state && !running) panel.showNotice(state);
    return state;
  }

  async function save(action: Exclude<SaveControl, 'cancel'>): Promise<SaveProgress> {
    if (running) return running.done;
    const abort = new AbortController();
    const done = (async () => {
      try {
        const mode = modeFor(action, action === 'save' ? await libraryState() : null);
        return await runSave({ mode, story, pageUrl, signal: abort.signal, onProgress: show }, deps);
      } catch (error) {
        const progress: SaveProgress = {
          storyId: story.id,
          title: story.title,
          mode: 'full',
          phase: 'error',
          done: 0,
          total: 0,
          message: `The story could not be saved: ${error instanceof Error ? error.message : String(error)}. Nothing already saved was lost.`,
        };
        show(progress);
        return progress;
      } finally {
        running = null;
      }
    })();
    running = { abort, done };
    return done;
  }

  function control(action: SaveControl): Promise<SaveProgress> | null {
    if (action === 'cancel') {
      running?.abort.abort();
      return running?.done ?? null;
    }
    return save(action);
  }

  return { control, checkLibrary, isRunning: () => running !== null };
}

export type SaveController = ReturnType<typeof createSaveController>;
