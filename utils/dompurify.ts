import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { installSanitizer } from './sanitize';

/**
 * FicShelf's sanitiser: DOMPurify with the story profile. Imported only by
 * what shows or saves story HTML (see utils/sanitize.ts for the slot it fills).
 * DOMPurify needs a window; each document's own window gets one purifier
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

export function purify(html: string, win: Window): string {
  return (purifierFor(win).sanitize(html, CONFIG) as unknown as string).trim();
}

/** Fills the sanitiser slot with DOMPurify in this isolated world (idempotent). */
export function installDomPurify(): void {
  installSanitizer(purify);
}
