import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

/**
 * Story HTML is written by strangers and later shown on privileged extension
 * pages, so everything an adapter keeps goes through DOMPurify first.
 * DOMPurify needs a window; adapters pass the one their document lives in
 * (the page in the content script, jsdom in Node).
 */
const purifiers = new WeakMap<object, Purifier>();

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'picture', 'template'],
  // Ids, names and classes belong to the site; styles can carry url() beacons.
  FORBID_ATTR: ['id', 'name', 'class', 'style', 'srcset', 'ping', 'action', 'formaction', 'background'],
  ALLOW_DATA_ATTR: false,
  // http(s), mailto, fragments, and relative references: a first segment without a colon, so no
  // scheme (javascript:, data:, vbscript:) passes as "relative"; never protocol-relative (//host, /\host).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|(?![/\\]{2})[^:/?#]*(?:[/?#]|$))/i,
};

function purifierFor(win: Window): Purifier {
  let p = purifiers.get(win);
  if (!p) {
    p = DOMPurify(win as unknown as Window & typeof globalThis);
    p.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        if (node.hasAttribute('target')) node.setAttribute('target', '_blank');
      }
    });
    purifiers.set(win, p);
  }
  return p;
}

/** Sanitises an HTML string in the given window (defaults to the global one). */
export function sanitizeHtml(html: string, win?: Window | null): string {
  const w = win ?? (typeof window !== 'undefined' ? window : null);
  if (!w) throw new Error('sanitizeHtml needs a DOM window');
  return (purifierFor(w).sanitize(html, CONFIG) as unknown as string).trim();
}

/** Sanitised inner HTML of an element, in the element's own window. */
export function sanitizeElement(el: Element | null | undefined): string {
  if (!el) return '';
  return sanitizeHtml(el.innerHTML, el.ownerDocument.defaultView);
}
