import type { Chapter, Note, Story } from './story';
import { sanitizeElement, sanitizeHtml } from './sanitize';

/**
 * Chapter and note HTML, sanitised when first read rather than at extraction.
 * Detection, filters and the page report need the header and the text, not
 * the markup; sanitising a 23-chapter work up front was a third of its
 * extraction time. The held source is a detached copy (or a string built from
 * one), so the page may change afterwards without changing what is read.
 */
export type HtmlSource = Element | { html: string; win: Window | null };

function sanitized(source: HtmlSource): string {
  return 'nodeType' in source ? sanitizeElement(source) : sanitizeHtml(source.html, source.win);
}

/** Sources of html not read yet, for `hasHtml`. */
const pending = new WeakMap<object, HtmlSource>();

function settle(target: { html: string }, html: string): void {
  pending.delete(target);
  Object.defineProperty(target, 'html', { value: html, writable: true, enumerable: true, configurable: true });
}

/**
 * Makes `target.html` a memoised lazy value: an enumerable getter that
 * sanitises the source on first read (throwing if no sanitiser is loaded)
 * and then holds the string as a plain property. Enumerable, so JSON and
 * structured clone (messages, IndexedDB) read it and carry a plain string.
 * The property keeps its place among the object's keys when it already exists.
 */
export function lazyHtml<T extends { html: string }>(target: T, source: HtmlSource | null | undefined): T {
  if (!source) {
    settle(target, '');
    return target;
  }
  pending.set(target, source);
  Object.defineProperty(target, 'html', {
    get(this: T) {
      const html = sanitized(source);
      settle(this, html);
      return html;
    },
    set(this: T, html: string) {
      settle(this, html);
    },
    enumerable: true,
    configurable: true,
  });
  return target;
}

/**
 * Whether there is markup, without sanitising it: where no sanitiser is
 * loaded (the content script deciding whether reader mode applies), a lazy
 * value is judged by its source (any element or text), a read one by itself.
 */
export function hasHtml(target: { html: string }): boolean {
  const source = pending.get(target);
  if (!source) return target.html.trim() !== '';
  if ('nodeType' in source) return source.firstElementChild !== null || (source.textContent ?? '').trim() !== '';
  return source.html.trim() !== '';
}

/**
 * Whether a chapter came with its text, not only as a table-of-contents entry.
 * Text first: it is a plain string, while reading `html` may sanitise it.
 */
export function hasChapterContent(chapter: { html: string; text: string }): boolean {
  return chapter.text.trim() !== '' || chapter.html.trim() !== '';
}

const plainNote = (note: Note): Note => ({ position: note.position, text: note.text, html: '' });

/**
 * The story as the content script reports it to the background (tab state,
 * the popup, library checks): every field but the markup, which the content
 * script may not have a sanitiser for. Readers of the report test `text`.
 */
export function storyWithoutHtml(story: Story): Story {
  return { ...story, notes: story.notes.map(plainNote), chapters: story.chapters.map(chapterWithoutHtml) };
}

/** A chapter's fields but the markup, which stays unread (a spread would read, and sanitise, it). */
export function chapterWithoutHtml(chapter: Chapter): Chapter {
  const plain: Chapter = { index: chapter.index, html: '', text: chapter.text, words: chapter.words };
  if (chapter.title !== undefined) plain.title = chapter.title;
  if (chapter.url !== undefined) plain.url = chapter.url;
  if (chapter.notes) plain.notes = chapter.notes.map(plainNote);
  return plain;
}

/** Elements without text (images, rules) still take room on screen: count each as this many characters. */
const EMPTY_ELEMENT_CHARS = 80;

/**
 * Copies the first nodes of `root` into `into` until about `budget` characters
 * of text are in; a node larger than what is left is entered, so one wrapping
 * element still gives a short head. True when everything fit. Iterative, like
 * the other walkers over page markup: depth is the page's to choose.
 */
function copyHead(root: Node, into: Node, budget: number): boolean {
  const entered: Node[] = [];
  let target = into;
  let node = root.firstChild;
  for (;;) {
    while (!node) {
      const done = entered.pop();
      if (!done) return true;
      node = done.nextSibling;
      target = target.parentNode!;
    }
    if (budget <= 0) return false;
    const size = (node.textContent ?? '').length || (node.nodeType === 1 ? EMPTY_ELEMENT_CHARS : 0);
    if (size <= budget || node.nodeType !== 1 || !node.firstChild) {
      target.appendChild(node.cloneNode(true));
      budget -= size;
      node = node.nextSibling;
      continue;
    }
    target = target.appendChild(node.cloneNode(false));
    entered.push(node);
    node = node.firstChild;
  }
}

/**
 * The start of the markup, about `chars` characters of text, sanitised on its
 * own: what the reader paints first, before the whole chapter is sanitised
 * and cleaned. `whole` when the head is everything (then `html` is the full
 * value, read as usual). Never returns unsanitised markup either.
 */
export function htmlHead(target: { html: string }, chars: number, doc: Document = document): { html: string; whole: boolean } {
  const source = pending.get(target);
  let root: Element;
  if (source && 'nodeType' in source) root = source;
  else {
    // An inert document: nothing in it runs or loads.
    const inert = doc.implementation.createHTMLDocument('');
    inert.body.innerHTML = source ? source.html : target.html;
    root = inert.body;
  }
  const head = root.cloneNode(false) as Element;
  if (copyHead(root, head, chars)) return { html: target.html, whole: true };
  return { html: sanitizeHtml(head.innerHTML, source && !('nodeType' in source) ? source.win : root.ownerDocument.defaultView), whole: false };
}
