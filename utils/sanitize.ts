/**
 * Story HTML is written by strangers and later shown on privileged extension
 * pages, so everything an adapter keeps goes through a sanitiser (DOMPurify,
 * utils/dompurify.ts) before it is shown or saved.
 *
 * The sanitiser is looked up through a slot on a global rather than imported:
 * the content script that runs on every page leaves it empty (DOMPurify is
 * 13 KB gzipped it would otherwise carry on every page view), and what needs
 * HTML fills it — the reader and save parts (separate bundles in the same
 * isolated world, so module state is not shared), extension pages, the CLI and
 * the tests. Reading story HTML with the slot empty throws: markup is never
 * returned unsanitised.
 */

/** Sanitises an HTML string in the given window (DOMPurify needs one). */
export type Sanitizer = (html: string, win: Window) => string;

const SANITIZER_KEY = Symbol.for('ficshelf.sanitizer');

function slot(): Record<symbol, Sanitizer | undefined> {
  return globalThis as unknown as Record<symbol, Sanitizer | undefined>;
}

/** Fills the slot; later calls replace it (one sanitiser per isolated world). */
export function installSanitizer(sanitizer: Sanitizer): void {
  slot()[SANITIZER_KEY] = sanitizer;
}

export function hasSanitizer(): boolean {
  return typeof slot()[SANITIZER_KEY] === 'function';
}

/** Sanitises an HTML string in the given window (defaults to the global one). Throws when no sanitiser is loaded. */
export function sanitizeHtml(html: string, win?: Window | null): string {
  const sanitizer = slot()[SANITIZER_KEY];
  if (!sanitizer) throw new Error('FicShelf: story HTML was read before a sanitiser was loaded');
  const w = win ?? (typeof window !== 'undefined' ? window : null);
  if (!w) throw new Error('sanitizeHtml needs a DOM window');
  return sanitizer(html, w);
}

/** Sanitised inner HTML of an element, in the element's own window. */
export function sanitizeElement(el: Element | null | undefined): string {
  if (!el) return '';
  return sanitizeHtml(el.innerHTML, el.ownerDocument.defaultView);
}
