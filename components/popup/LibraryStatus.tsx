import type { LibraryState, SaveControl, SaveProgress } from '@/utils/messages';
import { formatDate, plural } from './format';

const RUNNING = new Set(['fetching', 'storing']);

/** The tab's story in the library, in one word for tests and styles. */
export type PageLibraryState = 'saving' | 'not-saved' | 'saved' | 'new-chapters' | 'partial';

export function pageLibraryState(state: LibraryState | null, progress: SaveProgress | null): PageLibraryState {
  if (progress && RUNNING.has(progress.phase)) return 'saving';
  const saved = state?.saved;
  if (!saved) return 'not-saved';
  if (state!.newChapters > 0) return 'new-chapters';
  if (!saved.complete) return 'partial';
  return 'saved';
}

/** "Saving chapter 3 of 12…" while fetching. */
export function progressLine(progress: SaveProgress): string {
  if (progress.phase === 'storing') return 'Storing in your library…';
  if (progress.onePage && progress.done === 0) return progress.mode === 'update' ? 'Fetching the new chapters…' : 'Fetching every chapter…';
  const total = Math.max(progress.total, 1);
  const verb = progress.mode === 'update' ? 'Fetching new chapter' : 'Saving chapter';
  return `${verb} ${Math.min(progress.done + 1, total)} of ${total}…`;
}

interface Props {
  state: LibraryState | null;
  progress: SaveProgress | null;
  onControl(action: SaveControl): void;
}

/**
 * What the library holds of the story in the tab, with the one action that
 * fits: Save, Cancel, Update (N new chapters) or Resume (a partial save).
 * A partial copy is always said to be partial.
 */
export function LibraryStatus({ state, progress, onControl }: Props) {
  const kind = pageLibraryState(state, progress);
  const saved = state?.saved;
  const outcome = progress && !RUNNING.has(progress.phase) && progress.storyId === state?.storyId ? progress : null;
  return (
    <section class="library-status" data-library-state={kind} aria-labelledby="library-status-title">
      <h2 id="library-status-title" class="section-title">
        Library
      </h2>
      {kind === 'saving' && progress && (
        <>
          <p class="status-line" role="status">
            {progressLine(progress)}
          </p>
          <progress class="save-progress" max={Math.max(progress.total, 1)} value={progress.done} aria-label="Save progress" />
          <p class="popup-actions">
            <button type="button" class="secondary" data-action="cancel" onClick={() => onControl('cancel')}>
              Cancel
            </button>
          </p>
        </>
      )}
      {kind === 'not-saved' && (
        <>
          <p class="status-line">Not in your library yet.</p>
          <p class="popup-actions">
            <button type="button" data-action="save" onClick={() => onControl('save')}>
              Save to library
            </button>
          </p>
        </>
      )}
      {kind === 'saved' && saved && (
        <>
          <p class="status-line" data-field="saved-on">
            Saved on {formatDate(saved.updatedAt)} · {plural(saved.savedChapters, 'chapter')}
          </p>
          <p class="popup-actions">
            <button type="button" class="secondary" data-action="save" onClick={() => onControl('save')}>
              Save again
            </button>
          </p>
        </>
      )}
      {kind === 'new-chapters' && state && (
        <>
          <p class="status-line" data-field="new-chapters">
            {plural(state.newChapters, 'new chapter')} since you saved it.
          </p>
          <p class="popup-actions">
            <button type="button" data-action="update" onClick={() => onControl('update')}>
              Update
            </button>
          </p>
        </>
      )}
      {kind === 'partial' && saved && (
        <>
          <p class="status-line" data-field="partial">
            Saved {saved.savedChapters} of {plural(saved.listedChapters, 'chapter')} — resume to fetch the rest.
          </p>
          <p class="popup-actions">
            <button type="button" data-action="resume" onClick={() => onControl('resume')}>
              Resume
            </button>
          </p>
        </>
      )}
      {outcome?.message && (
        <p class={`save-outcome${outcome.phase === 'error' ? ' error' : ''}`} role={outcome.phase === 'error' ? 'alert' : 'status'} data-phase={outcome.phase}>
          {outcome.message}
        </p>
      )}
    </section>
  );
}
