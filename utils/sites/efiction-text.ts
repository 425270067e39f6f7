import type { Note } from '../story';
import { blockText, squash } from '../metadata/text';
import { lazyHtml } from '../story-html';

/**
 * Notes, disclaimers and chapter text on eFiction pages. Skins wrap notes in
 * `.notes > .title + .noteinfo` (3.x), in a <blockquote> or table cell led by
 * a bold label (older skins), and print the text in `#story` or `.chapter`.
 */

export type NoteScope = 'story' | 'chapter';

export interface FoundNote {
  scope: NoteScope;
  note: Note;
  /** The box the note sits in, to remove it from any text container and to order it. */
  box: Element;
}

/** Labels eFiction and its skins give note blocks. */
const NOTE_LABEL =
  /^(story notes|author'?s?'? chapter notes|chapter notes|author'?s?'? notes|notes|chapter end notes|end notes|a\/n)\s*:?$/i;
const END_LABEL = /end notes/i;
const STORY_LABEL = /^story notes/i;

/** A disclaimer given its own block ("Disclaimer:" label) rather than a line in the notes. */
const DISCLAIMER_LABEL = /^disclaimer\s*:?$/i;

function labelCandidates(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('.notes .title, .notes .label, .block > .title, blockquote > b, blockquote > strong, td > b, td > strong, div > b, div > strong, p > b, p > strong, h2, h3, h4'));
}

/** The element holding a note: `.notes`, else the label's parent. */
function noteBox(label: Element): Element | null {
  return label.closest('.notes') ?? label.parentElement;
}

/** The note's content: `.noteinfo`, else the box without its label. */
function noteContent(box: Element, label: Element): Element {
  const info = box.querySelector('.noteinfo') ?? (box.classList.contains('block') ? box.querySelector('.content') : null);
  if (info) return info;
  const clone = box.cloneNode(true) as Element;
  const path: number[] = [];
  for (let n: Element | null = label; n && n !== box; n = n.parentElement) {
    path.unshift(Array.prototype.indexOf.call(n.parentElement!.children, n));
  }
  let target: Element | undefined = clone;
  for (const i of path) target = target?.children[i];
  target?.remove();
  return clone;
}

export function makeNote(position: Note['position'], content: Element): Note | null {
  const text = blockText(content);
  if (!text) return null;
  // A copy: the content may be the page's own element, which may change before the html is read.
  return lazyHtml({ position, text, html: '' }, content.cloneNode(true) as Element);
}

/** Every note block on the page, in document order, and the disclaimer block if there is one. */
export function findNotes(root: ParentNode): { notes: FoundNote[]; disclaimer?: string; disclaimerBoxes: Element[] } {
  const notes: FoundNote[] = [];
  const seen = new Set<Element>();
  const disclaimerBoxes: Element[] = [];
  let disclaimer: string | undefined;
  for (const label of labelCandidates(root)) {
    // The label's words first: most candidates (every bold word of a page) are no label, which is cheaper to see than their place.
    const text = squash(label.textContent);
    const isDisclaimer = DISCLAIMER_LABEL.test(text);
    if (!isDisclaimer && !NOTE_LABEL.test(text)) continue;
    // The archive's own copyright or footer disclaimer is not the story's.
    if (label.closest('#copyright, #footer, #archivedat')) continue;
    const box = noteBox(label);
    // A label that starts a paragraph of running text is not a note block of its own.
    if (!box || seen.has(box) || box.tagName === 'BODY' || box.id === 'story') continue;
    if (!box.classList.contains('notes') && box.firstElementChild !== label && box.firstChild !== label) continue;
    seen.add(box);
    const content = noteContent(box, label);
    if (isDisclaimer) {
      disclaimer ??= squash(blockText(content)) || undefined;
      disclaimerBoxes.push(box);
      continue;
    }
    const note = makeNote(END_LABEL.test(text) ? 'after' : 'before', content);
    if (note) notes.push({ scope: STORY_LABEL.test(text) ? 'story' : 'chapter', note, box });
  }
  return { notes, disclaimer, disclaimerBoxes };
}

/** "Disclaimer: …" as a line inside notes or text; the rest of that line. */
export function disclaimerLine(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /(?:^|\n)\s*disclaimer\s*:\s*([^\n]+)/i.exec(text);
  return m ? squash(m[1]) || undefined : undefined;
}

/** Site chrome that skins put around or inside the text container. */
const CHROME_SELECTOR = [
  'script', 'style', 'noscript', 'form', 'select', 'input', 'button', 'textarea',
  '.jumpmenu', '.jumpmenu2', '#jumpmenu', '#prev', '#next', '#pagelinks', '.respond', '#reviewform',
  '.reviewform', '.storyinfo', '#sort', '.toplink', '.adminoptions', '.notes', '#pagetitle', '.chaptertitle',
  'a[href*="reviews.php"]', 'a[href*="report.php"]', 'a[href*="action=report"]', 'a[href*="user.php?action=login"]',
  'a[href*="user.php?action=register"]', 'a[href*="index=1"]',
].join(',');

/** Navigation words that stand alone as links or lines. */
const NAV_TEXT =
  /^(table of contents|index|next|previous|prev|back|back to top|back to index|top|reviews?|report this|add to favorites|print|printer|chapter|story|or|\[|\]|-|\||»|«|<<|>>|&lt;&lt;|&gt;&gt;)$/i;
const REVIEW_FOOTER = /^you must (?:login|log in)(?: \(register\))? to review\.?$/i;

/** Removes the "You must login (register) to review." footer, as an element or as loose nodes. */
function removeReviewFooter(root: Element): void {
  // Both forms end in "to review": text without it (most chapters) has no footer to look for.
  if (!/to[\s\u200b]+review/i.test(root.textContent ?? '')) return;
  root.querySelectorAll('div, p, span, center, font, small, td').forEach((el) => {
    if (REVIEW_FOOTER.test(squash(el.textContent))) el.remove();
  });
  const starts: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/you must\s*(?:login|log in)?\s*$/i.test(n.nodeValue ?? '')) starts.push(n as Text);
  for (const start of starts) {
    const run: Node[] = [];
    let end: Text | null = null;
    for (let n = start.nextSibling; n && run.length < 8; n = n.nextSibling) {
      if (n.nodeType === 3 && /to review\.?/i.test(n.nodeValue ?? '')) {
        end = n as Text;
        break;
      }
      run.push(n);
    }
    if (!end || !/^(?:login|log in|\(|\)|register|\s)*$/i.test(squash(run.map((n) => n.textContent).join('')))) continue;
    run.forEach((n) => n.parentNode?.removeChild(n));
    start.nodeValue = (start.nodeValue ?? '').replace(/you must\s*(?:login|log in)?\s*$/i, '');
    end.nodeValue = (end.nodeValue ?? '').replace(/^[^]*?to review\.?/i, '');
  }
}

/** An element left holding only brackets and separators once its links are gone. */
const LEFTOVER = /^[\s[\]\-|()•·:,]*$/;
const isLeftover = (text: string | null) => !!text && LEFTOVER.test(text) && /[[\]|()]/.test(text);

/** Removes navigation, jump menus, review links and the login-to-review footer from a text clone. */
export function stripChrome(root: Element): void {
  removeReviewFooter(root);
  root.querySelectorAll(CHROME_SELECTOR).forEach((el) => el.remove());
  // Navigation links ("Next", "Table of Contents") whose href goes back into the archive.
  root.querySelectorAll('a[href*="viewstory.php"], a[href*="index.php"]').forEach((a) => {
    const text = squash(a.textContent);
    if (NAV_TEXT.test(text) || /^(next|previous)\b/i.test(text)) a.remove();
  });
  root.querySelectorAll('center, div, p, span, font, small').forEach((el) => {
    if (isLeftover(el.textContent) && !el.querySelector('img, hr')) el.remove();
  });
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 3 && isLeftover(node.nodeValue)) node.remove();
  }
}

/** A chapter's text container cleaned of chrome and of the given note boxes. */
export function cleanText(container: Element, noteBoxes: Element[] = []): { source: Element; text: string } {
  const inside = noteBoxes.filter((b) => b !== container && container.contains(b));
  inside.forEach((b) => b.setAttribute('data-ficshelf-note', ''));
  const clone = container.cloneNode(true) as Element;
  inside.forEach((b) => b.removeAttribute('data-ficshelf-note'));
  clone.querySelectorAll('[data-ficshelf-note]').forEach((el) => el.remove());
  stripChrome(clone);
  return { source: clone, text: blockText(clone) };
}

/** Paragraph-like length an element holds directly: a cheap "where is the prose" score. */
function directProse(el: Element): number {
  let score = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) score += squash(c.nodeValue).length;
    else if (c.nodeType === 1) {
      const tag = (c as Element).tagName;
      if (tag === 'P' || tag === 'I' || tag === 'EM' || tag === 'SPAN' || tag === 'FONT' || tag === 'BLOCKQUOTE' || tag === 'CENTER')
        score += squash(c.textContent).length;
    }
  }
  return score;
}

/**
 * Older skins have no `#story`: the text is the block holding the most prose
 * directly, outside notes, menus and the footer.
 */
export function densestBlock(doc: Document, exclude: Element[]): Element | null {
  let best: Element | null = null;
  let bestScore = 200;
  for (const el of Array.from(doc.body?.querySelectorAll('td, div, article, section') ?? [])) {
    if (exclude.some((x) => x.contains(el) || el === x)) continue;
    if (el.closest('#footer, #header, #menu, .menu, .notes, form, #sort, .listbox')) continue;
    const score = directProse(el);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}
