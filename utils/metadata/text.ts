/** Small text helpers shared by every adapter. No browser APIs. */

/** Collapses runs of white space (including non-breaking spaces) and trims. */
export function squash(text: string | null | undefined): string {
  if (!text) return '';
  // Most texts (tag names, titles) are already squashed: checking is cheaper than rebuilding them.
  return SQUASHED.test(text) ? text : text.replace(SPACE_TO_FOLD, ' ').trim();
}

/**
 * Every run of white space that is not already one plain space: the same
 * result as replacing every run, but the single spaces between words (most
 * of a paragraph's runs) are not matched and rebuilt one by one (5× faster on prose).
 */
const SPACE_TO_FOLD = /[\s\u200b]{2,}|[^\S ]|\u200b/g;

/** Text with no space at either end, no run of spaces and no space other than " ". */
const SQUASHED = /^(?:[^\s\u200b]+(?: [^\s\u200b]+)*)$/;

const CJK_CHAR = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]$/;
/** One character (code point) that is a letter or digit in any script. */
export const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Words as a reader counts them: runs of letters/digits (with ' ’ - inside a
 * word), CJK characters counted one each and splitting words. One pass over
 * the characters without building the words: the page-load path counts every
 * chapter of a full work (500,000+ characters), where matching every word
 * with a Unicode regex cost tens of milliseconds.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letterOrDigit: boolean;
    if (code < 128) {
      letterOrDigit = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      if (char.length === 2) i++; // the second half of a surrogate pair
      if (CJK_CHAR.test(char)) {
        count++;
        inWord = false;
        continue;
      }
      letterOrDigit = LETTER_OR_DIGIT.test(char);
    }
    if (letterOrDigit) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && (code === 39 || code === 0x2019 || code === 45))) {
      inWord = false;
    }
  }
  return count;
}

/** "12,345" / "12.345" / "12 345" → 12345. */
export function parseCount(text: string | null | undefined): number | undefined {
  const digits = (text ?? '').replace(/[,.\s\u00a0]/g, '').match(/\d+/);
  return digits ? Number(digits[0]) : undefined;
}

/** Splits a comma (or semicolon) list and drops empties. */
export function splitList(text: string | null | undefined, separator: RegExp = /\s*[,;]\s*/): string[] {
  return squash(text)
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

const BLOCK_TAG = /^(P|DIV|BR|LI|H[1-6]|BLOCKQUOTE|TR|HR|PRE|UL|OL|TABLE|SECTION|ARTICLE|CENTER)$/;
const UNREAD_TAG = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;

/**
 * Text of an element as a reader sees it: block elements and <br> become line breaks.
 * Walks with an explicit stack: a page nested thousands of elements deep must not overflow the call stack.
 */
export function blockText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  // Each entry is the next node to read at one depth; `closes` says the element that opened it is a block.
  const stack: Array<{ next: Node | null; closes: boolean }> = [{ next: el.firstChild, closes: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const child = top.next;
    if (!child) {
      stack.pop();
      if (top.closes) parts.push('\n');
      continue;
    }
    top.next = child.nextSibling;
    if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName.toUpperCase();
      if (UNREAD_TAG.test(tag)) continue;
      const block = BLOCK_TAG.test(tag);
      if (block) parts.push('\n');
      stack.push({ next: child.firstChild, closes: block });
    }
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => squash(line))
    .filter(Boolean)
    .join('\n');
}

/** A short stable hash for URL-keyed ids (FNV-1a, base36). */
export function hashString(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Month-name or numeric dates → YYYY-MM-DD; undefined when unreadable. */
export function isoDate(input: string | null | undefined): string | undefined {
  const text = squash(input);
  if (!text) return undefined;
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  m = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})/.exec(text);
  if (m) {
    const mi = months.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (mi >= 0) return `${m[3]}-${String(mi + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  m = /([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(text);
  if (m) {
    const mi = months.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (mi >= 0) return `${m[3]}-${String(mi + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  m = /(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(text);
  if (m) {
    // US order (FFN, eFiction defaults): month/day/year.
    let year = Number(m[3]);
    if (year < 100) year += year > 50 ? 1900 : 2000;
    return `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  return undefined;
}
