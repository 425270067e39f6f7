import { emptyStory, type Story } from '../story';
import { findHeaderBlock, HeaderLeadScan, headerStory, isStoryHeader, parseKeyLines, type HeaderBlock, type KeyLine, type KeyReader } from '../metadata/header-block';
import { countWords, hashString, squash } from '../metadata/text';
import { lazyHtml, type HtmlSource } from '../story-html';
import type { SiteAdapter } from './types';

/**
 * Stories that begin with a plain-text header ("Title: … Rating: …"), on any
 * site: personal archives, journal posts, mailing-list archives. The page is
 * read as lines (each remembering where it sits in the DOM), the header parser
 * decides where the header ends, and the body is cut out of the DOM from there.
 */

/** Where a journal, blog or archive keeps the post itself, most specific first. */
const MAIN_SELECTORS = [
  '.entry-content', '.entry-body', '.entry_text', '.entry-text', '.asset-body', '.post-body', '.post-content',
  '.postbody', 'article .entry', '.entry', 'article', '#content', '.post', 'main', '[role="main"]',
];

/** Never part of a story: scripts, forms, navigation. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'ASIDE', 'FOOTER', 'HEAD', 'SVG']);
/** Containers that end the story: comments, footers, site navigation. */
const STOP_CLASS = /(?:^|[\s_-])(?:comments?|comment-?\w*|replies|footer|nav|navigation|navbar|menu|sidebar|share|sharing|social|related|pagination|pager|breadcrumbs?|tags?-?list|metadata-footer)(?:$|[\s_-])/i;
/** Any character `squash` keeps: a cheaper test than squashing a piece to see whether it is empty. */
const VISIBLE = /[^\s\u200b]/;
/** A letter or digit: text outside links that makes a line more than a menu. */
const WORDY = /[\p{L}\p{N}]/u;
const BLOCK_TAGS = /^(?:P|DIV|LI|H[1-6]|BLOCKQUOTE|TR|TD|TH|HR|PRE|UL|OL|DL|DT|DD|TABLE|SECTION|ARTICLE|CENTER|HEADER|MAIN|ADDRESS|FIGURE)$/;

/**
 * A point in the DOM: a text offset, or just before/after an element. Element
 * points keep the element and count its index only when a range is cut (most
 * lines are read for detection and never become a range).
 */
type Boundary = { node: Node; offset: number } | { element: Node; after: boolean };

function rangePoint(point: Boundary): [Node, number] {
  if ('node' in point) return [point.node, point.offset];
  return [point.element.parentNode!, indexIn(point.element) + (point.after ? 1 : 0)];
}

/** One line of the page's text and where it starts and ends in the DOM; `stop` marks a comment section or footer. */
interface PageLine {
  text: string;
  start?: Boundary;
  end?: Boundary;
  stop?: boolean;
  /** Every word of the line is link text: site navigation above a header, not part of it. */
  linkOnly?: boolean;
  /** Remembered readings of the line: detection asks again every few lines whether its answer is settled. */
  header?: string;
  nav?: boolean;
  words?: number;
}

const before = (element: Node): Boundary => ({ element, after: false });
const after = (element: Node): Boundary => ({ element, after: true });
function indexIn(node: Node): number {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

/** The id and the class are tested apart (a match never spans the two), and not at all when empty, as most are. */
function isStopElement(el: Element): boolean {
  const id = el.id;
  const classes = el.getAttribute('class');
  return (id !== '' && isStopName(id)) || (!!classes && isStopName(classes));
}

/**
 * STOP_CLASS remembered per class or id string: a page repeats the same few
 * (every reference, every menu item) and the expression is tried at each
 * position of each. Forgotten past a few thousand, so a page of unique names cannot grow it.
 */
const stopNames = new Map<string, boolean>();
function isStopName(name: string): boolean {
  let stop = stopNames.get(name);
  if (stop === undefined) {
    if (stopNames.size >= 4096) stopNames.clear();
    stopNames.set(name, (stop = STOP_CLASS.test(name)));
  }
  return stop;
}

const HIDDEN_STYLE = /display\s*:\s*none/i;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Longest key cell, squashed: a label, not a layout table's column. */
const MAX_LABEL = 40;

/** A two-column key/value row: its label (squashed) and value cell, or null. */
function keyValueRow(row: Element): { label: string; value: Element } | null {
  const cells = [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
  if (cells.length !== 2) return null;
  const label = shortText(cells[0]!, MAX_LABEL);
  return label && label.split(' ').length <= 4 ? { label, value: cells[1]! } : null;
}

/**
 * An element's text squashed, when that is at most `max` characters; else
 * null, found without reading the element whole: a layout table's first
 * column can hold a whole page, and every row of it asks.
 */
function shortText(el: Element, max: number): string | null {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */ | 8 /* SHOW_CDATA_SECTION */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text += (node as CharacterData).data;
    // squash only shortens: once the squashed text is long, the whole is longer.
    if (text.length > max && squash(text).length > max) return null;
  }
  return squash(text);
}

/**
 * Turns an element into lines: block elements and <br><br> make paragraph
 * breaks (blank lines), a single <br> or a newline inside <pre> a line break.
 */
function pageLines(root: Element, maxLines = Infinity, scan?: HeaderLeadScan, settled?: (lines: readonly PageLine[]) => boolean): PageLine[] {
  const lines: PageLine[] = [];
  const push = (line: PageLine) => {
    lines.push(line);
    scan?.push(headerText(line));
  };
  let text = '';
  let start: Boundary | undefined;
  let end: Boundary | undefined;
  let pendingBlock: Element | null = null;
  let brRun = 0;
  let plainText = false;
  // A page whose first lines rule out a header is not read further; nor, once a header
  // has started, one whose answer the lines read so far already settle (asked every few lines).
  let done = false;
  let askAt = 0;
  /** Whether the lines read so far already give the answer: no header can start, or the one found is settled. */
  const answered = () => {
    if (done || scan?.state === 'none') return true;
    if (!settled || scan?.state !== 'found' || lines.length < askAt) return false;
    askAt = lines.length + SETTLE_EVERY;
    done = settled(lines);
    return done;
  };
  const full = () => lines.length >= maxLines || answered();

  const breakLine = (paragraph: boolean) => {
    const line = squash(text);
    if (line) push({ text: line, start, end, linkOnly: !plainText });
    text = '';
    plainText = false;
    start = end = undefined;
    if (paragraph && lines.length > 0 && lines[lines.length - 1]!.text !== '') push({ text: '' });
  };
  const appendText = (node: Text, data: string, from: number, to: number, inLink: boolean) => {
    const piece = from === 0 && to === data.length ? data : data.slice(from, to);
    scan?.read(piece.length);
    const visible = VISIBLE.test(piece);
    // A line's text starts with a visible piece, so a non-empty `text` squashes to a non-empty line.
    if (!visible && !text) return;
    if (!inLink && !plainText && WORDY.test(piece)) plainText = true;
    if (!text && visible) {
      const lead = piece.length - piece.trimStart().length;
      start = pendingBlock ? before(pendingBlock) : { node, offset: from + lead };
      pendingBlock = null;
    }
    text += piece;
    if (visible) end = { node, offset: to };
    brRun = 0;
  };

  // An explicit stack, not recursion: a page nested thousands of elements deep must not overflow the call stack.
  // Each frame is the next child to read inside one element; `block` says closing it ends a paragraph.
  const stack: Array<{ next: Node | null; inPre: boolean; inLink: boolean; block: boolean }> = [
    { next: root.firstChild, inPre: root.tagName.toUpperCase() === 'PRE', inLink: false, block: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.next;
    if (!child || full()) {
      stack.pop();
      if (frame.block) {
        breakLine(true);
        pendingBlock = null;
      }
      continue;
    }
    frame.next = child.nextSibling;
    const { inPre, inLink } = frame;
    if (child.nodeType === 3) {
      const t = child as Text;
      const data = t.data;
      if (!inPre) appendText(t, data, 0, data.length, inLink);
      else {
        let from = 0;
        // A <pre> is often the whole story in one text node: its lines are asked about as they come.
        let stopped = false;
        for (let nl = data.indexOf('\n'); nl >= 0; nl = data.indexOf('\n', from)) {
          appendText(t, data, from, nl, inLink);
          const blank = text === '';
          breakLine(false);
          if (blank && lines.length > 0 && lines[lines.length - 1]!.text !== '') push({ text: '' });
          from = nl + 1;
          if ((stopped = answered())) break;
        }
        if (!stopped) appendText(t, data, from, data.length, inLink);
      }
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    // Most elements of a page carry no attribute at all: neither hidden nor a stop then.
    const plain = !el.hasAttributes();
    if (SKIP_TAGS.has(tag) || (!plain && isHidden(el))) continue;
    if (!plain && isStopElement(el)) {
      breakLine(true);
      push({ text: '', stop: true });
      continue;
    }
    if (tag === 'BR') {
      brRun++;
      const hadText = text !== '';
      breakLine(false);
      if (!hadText && brRun >= 2 && lines.length > 0 && lines[lines.length - 1]!.text !== '') push({ text: '' });
      continue;
    }
    if (tag === 'TR') {
      const row = keyValueRow(el);
      if (row) {
        breakLine(true);
        push({ text: `${row.label.replace(/:$/, '')}: ${squash(row.value.textContent)}`, start: before(el), end: after(el) });
        push({ text: '' });
        continue;
      }
    }
    const block = BLOCK_TAGS.test(tag);
    if (block) {
      breakLine(true);
      pendingBlock = el;
      brRun = 0;
    }
    stack.push({ next: el.firstChild, inPre: inPre || tag === 'PRE', inLink: inLink || tag === 'A', block });
  }
  breakLine(false);
  return lines;
}

/** Short lines that are site navigation or a comment prompt, not story: the story ends before them. */
const NAV_LINE =
  /^[\s<«←‹\[(|]*(?:back to\b.*|return to\b.*|go back\b.*|(?:previous|prev|next|first|last)(?: (?:part|chapter|story|page|message|entry|post|section))?(?: ?[:>»→].*)?|home(?: page)?|index|main page|top|table of contents|contents|story index|fic(?:tion)? index|more (?:stories|fic|fiction)\b.*|other stories\b.*|messages sorted by\b.*|more information about\b.*|leave a comment|post a (?:new )?comment|add (?:a )?comment|comments?|\d+ comments?|read \d* ?comments?|reply|link|share(?: this)?|tags?:.*|current (?:mood|music|location):.*)[\s>»→›\]|)]*$/i;

function isNavLine(text: string): boolean {
  return wordsAtMost(text, 16) && !/[.!?"”]$/.test(text) && NAV_LINE.test(text);
}

/** Whether a squashed line has at most `max` words; stops counting past it (paragraphs are long). */
function wordsAtMost(text: string, max: number): boolean {
  let spaces = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) if (++spaces >= max) return false;
  return true;
}

/** A line with no letters or digits: a scene break or decoration ("* * * * *"). */
const isDecoration = (text: string) => !WORDY.test(text);

/** A line as the header parser sees it: site chrome above the header (link menus, "Previous message: …") is neither a key nor a title line. */
function headerText(line: PageLine): string {
  return (line.header ??= line.stop || line.linkOnly || isNavLineOf(line) ? '' : line.text);
}

const isNavLineOf = (line: PageLine) => (line.nav ??= line.text !== '' && isNavLine(line.text));

interface HeaderPage {
  container: Element;
  lines: PageLine[];
  block: HeaderBlock;
}

/** Words a story must have after its header. */
const MIN_BODY_WORDS = 20;
/** Lines read between two "is it settled?" questions while detecting. */
const SETTLE_EVERY = 8;

/**
 * The first element of each MAIN_SELECTORS in their order, then the body,
 * looked up only as the caller asks: each absent one is a query over the
 * whole page, and a page whose header is in the first container needs no
 * other. A descendant selector ("article .entry") is not asked when its last
 * part (".entry", also in the list) has no element.
 */
function* candidateContainers(doc: Document): Generator<Element | null> {
  const found = new Map<string, Element | null>();
  const first = (selector: string) => {
    if (!found.has(selector)) found.set(selector, doc.querySelector(selector));
    return found.get(selector)!;
  };
  for (const selector of MAIN_SELECTORS) {
    const last = selector.slice(selector.lastIndexOf(' ') + 1);
    yield last !== selector && !first(last) ? null : first(selector);
  }
  yield doc.body;
}

/**
 * Finds the story header at the start of the page's main text, trying post
 * containers before the whole body. `maxLines` bounds detection, which also
 * stops reading a container as soon as more lines could not change its answer.
 */
function findHeaderPage(doc: Document, maxLines?: number): HeaderPage | null {
  const seen = new Set<Element>();
  for (const container of candidateContainers(doc)) {
    if (!container || seen.has(container)) continue;
    seen.add(container);
    const scan = new HeaderLeadScan();
    // Detection asks findHeaderBlock again every few lines: each line's keys are parsed once.
    const keysOf = memoKeys();
    const lines = pageLines(container, maxLines, scan, maxLines === undefined ? undefined : (read) => settled(read, keysOf));
    if (scan.state === 'none') continue;
    const block = findHeaderBlock(lines.map(headerText), keysOf);
    if (!block || !isStoryHeader(block)) continue;
    if (!hasBodyWords(bodyLines(lines, block))) continue;
    return { container, lines, block };
  }
  return null;
}

function memoKeys(): KeyReader {
  const parsed = new Map<string, KeyLine[]>();
  return (line) => {
    let keys = parsed.get(line);
    if (!keys) parsed.set(line, (keys = parseKeyLines(line)));
    return keys;
  };
}

const lineWords = (line: PageLine) => (line.words ??= countWords(line.text));
const bodyWords = (body: readonly PageLine[]) => body.reduce((n, l) => n + lineWords(l), 0);

/** Whether the body has the words a story needs, counting its lines only until it does. */
function hasBodyWords(body: readonly PageLine[]): boolean {
  let words = 0;
  for (const line of body) if ((words += lineWords(line)) >= MIN_BODY_WORDS) return true;
  return false;
}

/** Keys that would join a header still open at the end of the lines read. */
const OPEN_HEADER_PROBE = ['Title: probe', 'Author: probe'];

/**
 * Whether more lines could change findHeaderPage's answer for these: the
 * header is closed (two more key lines would not join it), and it is either
 * not a story's header, or its body already has enough words or has ended
 * (a comment section or navigation line). The body only grows with more
 * lines, so the answer on the whole container would be the same.
 */
function settled(lines: readonly PageLine[], keysOf: KeyReader): boolean {
  const texts = lines.map(headerText);
  const probed = findHeaderBlock([...texts, ...OPEN_HEADER_PROBE], keysOf);
  if (!probed) return true; // the lines above the first key already rule a header out
  const block = findHeaderBlock(texts, keysOf);
  if (!block || block.fields.length !== probed.fields.length) return false;
  if (!isStoryHeader(block)) return true;
  if (hasBodyWords(bodyLines(lines, block))) return true;
  return lines.slice(block.end).some((l) => l.stop || isNavLineOf(l));
}

/** The story's own lines: from the end of the header to the first comment section or navigation line, trailing decoration dropped. */
function bodyLines(lines: readonly PageLine[], block: HeaderBlock): PageLine[] {
  const body: PageLine[] = [];
  for (let i = block.end; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.stop || isNavLineOf(line)) break;
    if (line.text) body.push(line);
  }
  while (body.length > 0 && isDecoration(body[body.length - 1]!.text)) body.pop();
  return body;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function enclosingPre(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nodeType === 1 && (n as Element).tagName === 'PRE') return n as Element;
  return null;
}

/** Plain text from a <pre> (mailing-list archives) as paragraphs, so reader mode can reflow it. */
function preParagraphs(lines: readonly PageLine[], from: PageLine, to: PageLine): string {
  const slice = lines.slice(lines.indexOf(from), lines.indexOf(to) + 1);
  const paragraphs: string[][] = [[]];
  for (const line of slice) {
    if (line.text) paragraphs[paragraphs.length - 1]!.push(escapeHtml(line.text));
    else if (paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
  }
  return paragraphs.filter((p) => p.length > 0).map((p) => `<p>${p.join('<br>')}</p>`).join('\n');
}

/** The DOM between the first and last body line, without comment sections or navigation: what the chapter html is sanitised from. */
function bodySource(doc: Document, lines: readonly PageLine[], body: readonly PageLine[]): HtmlSource | null {
  const first = body[0]?.start;
  const last = body[body.length - 1]?.end;
  if (!first || !last) return null;
  const [startNode, startOffset] = rangePoint(first);
  const [endNode, endOffset] = rangePoint(last);
  const pre = enclosingPre(startNode);
  if (pre && pre === enclosingPre(endNode)) return { html: preParagraphs(lines, body[0]!, body[body.length - 1]!), win: doc.defaultView };
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const holder = doc.createElement('div');
  holder.appendChild(range.cloneContents());
  for (const el of [...holder.querySelectorAll('*')]) {
    // As in pageLines: an element with no attribute (most <br>, <p>, <i>) is neither a stop nor hidden.
    if (SKIP_TAGS.has(el.tagName.toUpperCase()) || (el.hasAttributes() && (isStopElement(el) || isHidden(el)))) el.remove();
  }
  return holder;
}

function canonicalUrl(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}

/** The page's own title, for headers without a Title key. */
function pageTitle(doc: Document, page: HeaderPage): string {
  const heading = page.container.querySelector('h1, h2') ?? doc.querySelector('h1');
  return squash(heading?.textContent) || page.block.lead[0] || squash(doc.title);
}

export const headerBlock: SiteAdapter = {
  id: 'header-block',
  name: 'Story with a plain-text header',
  matches: () => true,
  detect: (doc) => findHeaderPage(doc, 150) !== null,
  extract(doc, url) {
    const page = findHeaderPage(doc);
    if (!page) return null;
    const head = headerStory(page.block.fields);
    const body = bodyLines(page.lines, page.block);
    const text = body.map((l) => l.text).join('\n');
    // The lines' own counts, summed: a line break ends a word, so this is countWords(text), without a second pass.
    const words = bodyWords(body);
    const canonical = canonicalUrl(url);
    const story: Story = {
      ...emptyStory('header-block', canonical),
      id: `header-block:${hashString(canonical)}`,
      title: head.title ?? pageTitle(doc, page),
      authors: head.authors,
      fandoms: head.fandoms,
      relationships: head.relationships,
      characters: head.characters,
      rating: head.rating ?? { raw: '', level: 'unrated' },
      warnings: head.warnings,
      categories: head.categories,
      tags: head.tags,
      summary: head.summary ?? '',
      notes: head.notes,
      status: head.status ?? 'unknown',
      words: head.words ?? words,
      chapterCount: { posted: 1, ...(head.status === 'complete' ? { planned: 1 } : {}) },
      fields: head.fields,
      chapters: [lazyHtml({ index: 1, html: '', text, words }, bodySource(doc, page.lines, body))],
    };
    if (head.disclaimer) story.disclaimer = head.disclaimer;
    if (head.published) story.published = head.published;
    if (head.series) story.series = head.series;
    return story;
  },
};
