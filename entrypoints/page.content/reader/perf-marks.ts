/**
 * Performance marks around opening reader mode, read by `npm run bench`
 * (case 6) from the page: the command arriving, the reader mounted (its own
 * synchronous work done), and the first frame painted with story text.
 * Marks cost microseconds and nothing reads them in normal use.
 */
/** The first toggle on a page, before reader mode's code is loaded into it (parts/registry.ts); TOGGLE follows once it runs. */
export const MARK_LOAD = 'ficshelf:reader-load';
export const MARK_TOGGLE = 'ficshelf:reader-toggle';
export const MARK_MOUNTED = 'ficshelf:reader-mounted';
export const MARK_PAINTED = 'ficshelf:reader-painted';

export function markReader(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // No Performance API (old test DOMs): the marks are optional.
  }
}

/** Marks MARK_PAINTED after the frame that first paints a paragraph of the reader's text. */
export function markWhenPainted(doc: Document, hostSelector: string): void {
  const win = doc.defaultView;
  if (!win?.requestAnimationFrame) return;
  let frames = 0;
  const check = () => {
    const paragraph = doc.querySelector(hostSelector)?.shadowRoot?.querySelector('.fs-text p');
    if (paragraph) win.requestAnimationFrame(() => win.setTimeout(() => markReader(MARK_PAINTED), 0));
    else if (++frames < 120) win.requestAnimationFrame(check);
  };
  check();
}
