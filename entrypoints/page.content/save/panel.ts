import type { LibraryState, SaveControl, SaveProgress } from '@/utils/messages';
import { noticeFor } from './notice';

export const SAVE_PANEL_SELECTOR = '[data-ficshelf="save-panel"]';
/** A clean save's confirmation goes away by itself; errors, partial saves and notices wait for the reader. */
export const DONE_PANEL_MS = 10_000;

/** Fixed in a corner, above the site; `all: initial` keeps site styles out of the shadow root. */
const HOST_STYLE = ['all: initial', 'position: fixed', 'right: 16px', 'bottom: 16px', 'z-index: 2147483646', 'display: block']
  .map((rule) => `${rule} !important`)
  .join('; ');

const PANEL_CSS = `
.panel { box-sizing: border-box; width: min(340px, calc(100vw - 32px)); padding: 12px 14px; border-radius: 10px;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; background: #fdfcfa; color: #1d1b18;
  border: 1px solid #dedad2; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); }
.title { font-weight: 700; margin: 0 0 4px; color: #7a2e1f; }
.message { margin: 0 0 8px; }
progress { width: 100%; height: 8px; margin: 0 0 8px; accent-color: #7a2e1f; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 12px; border: 1px solid #7a2e1f; background: #7a2e1f; color: #fff; }
button.secondary { background: transparent; color: #7a2e1f; }
button:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; }
.panel[data-phase="error"] .message { color: #9b1c1c; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1c1b1a; color: #eeebe6; border-color: #3b3936; }
  .title { color: #e3a18f; }
  button { background: #e3a18f; border-color: #e3a18f; color: #1c1b1a; }
  button.secondary { background: transparent; color: #e3a18f; }
  .panel[data-phase="error"] .message { color: #ff8f8f; }
}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The sentence for a save under way. */
export function progressText(progress: SaveProgress): string {
  if (progress.phase === 'storing') return 'Storing in your library…';
  if (progress.phase !== 'fetching') return progress.message ?? '';
  const verb = progress.mode === 'update' ? 'Fetching new chapter' : 'Saving chapter';
  if (progress.onePage && progress.done === 0) return progress.mode === 'update' ? 'Fetching the new chapters…' : 'Fetching every chapter…';
  const total = Math.max(progress.total, 1);
  return `${verb} ${Math.min(progress.done + 1, total)} of ${total}…`;
}

export { noticeFor } from './notice';

export interface SavePanel {
  showProgress(progress: SaveProgress): void;
  showNotice(state: LibraryState): void;
  close(): void;
}

/**
 * The save panel on the story page, in an open shadow root (tests and
 * scripts read it). It shows progress with Cancel, the outcome, and the
 * library notices ("2 new chapters", "Saved 9 of 12 chapters") with Update
 * or Resume.
 */
export function createSavePanel(doc: Document, onControl: (action: SaveControl) => void): SavePanel {
  let host: HTMLElement | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const root = (): ShadowRoot => {
    if (host?.isConnected && host.shadowRoot) return host.shadowRoot;
    host = doc.createElement('div');
    host.dataset.ficshelf = 'save-panel';
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = PANEL_CSS;
    shadow.appendChild(style);
    doc.documentElement.appendChild(host);
    return shadow;
  };

  const button = (label: string, action: SaveControl | 'close', secondary = false) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.action = action;
    if (secondary) b.className = 'secondary';
    b.addEventListener('click', () => (action === 'close' ? close() : onControl(action)));
    return b;
  };

  const paint = (phase: string, text: string, bar: { value: number; max: number } | null, buttons: HTMLButtonElement[]) => {
    clearTimeout(hideTimer);
    const shadow = root();
    host!.dataset.phase = phase;
    shadow.querySelector('.panel')?.remove();
    const panel = doc.createElement('section');
    panel.className = 'panel';
    panel.dataset.phase = phase;
    panel.setAttribute('aria-label', 'FicShelf library');
    const title = doc.createElement('p');
    title.className = 'title';
    title.textContent = 'FicShelf';
    const message = doc.createElement('p');
    message.className = 'message';
    message.setAttribute('role', phase === 'error' ? 'alert' : 'status');
    message.textContent = text;
    panel.append(title, message);
    if (bar) {
      const progress = doc.createElement('progress');
      progress.max = bar.max;
      progress.value = bar.value;
      progress.setAttribute('aria-label', 'Save progress');
      panel.appendChild(progress);
    }
    const actions = doc.createElement('div');
    actions.className = 'actions';
    actions.append(...buttons);
    panel.appendChild(actions);
    shadow.appendChild(panel);
  };

  function showProgress(progress: SaveProgress): void {
    const running = progress.phase === 'fetching' || progress.phase === 'storing';
    if (running) {
      const buttons = progress.phase === 'fetching' ? [button('Cancel', 'cancel', true)] : [];
      paint(progress.phase, progressText(progress), { value: progress.done, max: Math.max(progress.total, 1) }, buttons);
      return;
    }
    const partial = progress.library?.saved && !progress.library.saved.complete;
    const buttons = [...(partial ? [button('Resume', 'resume')] : []), button('Close', 'close', true)];
    paint(partial ? 'partial' : progress.phase, progress.message ?? '', null, buttons);
    if (progress.phase === 'done' && !partial) hideTimer = setTimeout(close, DONE_PANEL_MS);
  }

  function showNotice(state: LibraryState): void {
    const notice = noticeFor(state);
    if (!notice) return;
    paint(notice.action === 'update' ? 'new-chapters' : 'partial', notice.text, null, [button(notice.label, notice.action), button('Close', 'close', true)]);
  }

  function close(): void {
    clearTimeout(hideTimer);
    host?.remove();
    host = null;
  }

  return { showProgress, showNotice, close };
}
