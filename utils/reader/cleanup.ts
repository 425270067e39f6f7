/**
 * Chapter HTML → reading-ready HTML. Old archives and plain-text posts carry
 * typewriter conventions (`*emphasis*`, `* * *` breaks, `<br><br>` paragraphs,
 * `<font color>`); reader mode shows them as a book would. Pure: works on an
 * inert document made from the given one, never on the live page.
 */

/** The class every scene break gets, so the reader styles one kind of break. */
export const SCENE_BREAK_CLASS = 'fs-scene-break';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Blocks whose loose text may be regrouped into paragraphs. */
const FLOW_CONTAINERS = new Set(['DIV', 'BLOCKQUOTE', 'CENTER', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'LI', 'DD', 'TD', 'TH', 'FIGURE']);
/** Elements that are content even without text. */
const MEDIA = 'img, picture, video, audio, svg, canvas, iframe, object, embed, table, hr';
/** Where `*` and `_` are literal. */
const LITERAL_TEXT = new Set(['PRE', 'CODE', 'KBD', 'SAMP', 'TT', 'SCRIPT', 'STYLE', 'TEXTAREA']);
const FONT_ATTRIBUTES = ['color', 'bgcolor', 'face', 'size', 'text', 'link', 'vlink', 'alink'];

const isElement = (node: Node | null): node is Element => node?.nodeType === 1;
const isText = (node: Node | null): node is Text => node?.nodeType === 3;
const isBlock = (node: Node): boolean => isElement(node) && BLOCK_TAGS.has(node.tagName);
const isBr = (node: Node): boolean => isElement(node) && node.tagName === 'BR';
const textOf = (node: Node): string => (node.textContent ?? '').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

/** Symbols that make up scene breaks: asterisks, tildes, dashes, hashes, dots, ornaments. */
const BREAK_SYMBOLS = '*~\\-_=#+•·°§¤♦◊◆◇○●■□★☆✦✧✱✲✳❀✿❦❧※⁂|/\\\\:.<>^‒–—―';
const SYMBOLS_ONLY = new RegExp(`^[${BREAK_SYMBOLS}]+$`, 'u');
const EDGE_SYMBOLS = new RegExp(`^[${BREAK_SYMBOLS}]*(.*?)[${BREAK_SYMBOLS}]*$`, 'u');

/**
 * Is this line of text a scene break? Symbol runs (`* * *`, `~~~~~`, `-----`,
 * `#`) and the fandom's letter ornaments (`o0o`, `xXx`, `-oOo-`), which
 * alternate their letters; `Ooo` or `xxx` alone could be words, `...` a reply.
 */
export function isSceneBreakText(text: string): boolean {
  const compact = text.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
  if (!compact || compact.length > 60) return false;
  if (/^\.+$/.test(compact) || /^[|/\\:<>^]+$/.test(compact)) return false;
  if (SYMBOLS_ONLY.test(compact)) return true;
  const core = EDGE_SYMBOLS.exec(compact)?.[1] ?? '';
  if (!/^[oO0xX]{3,}$/.test(core)) return false;
  for (let i = 1; i < core.length; i++) if (core[i] === core[i - 1]) return false;
  return true;
}

function hasMedia(el: Element): boolean {
  return el.matches(MEDIA) || el.querySelector(MEDIA) !== null;
}

function sceneBreak(doc: Document): HTMLHRElement {
  const hr = doc.createElement('hr');
  hr.className = SCENE_BREAK_CLASS;
  return hr;
}

const isSceneBreak = (node: Node | null): boolean =>
  isElement(node) && node.tagName === 'HR' && node.classList.contains(SCENE_BREAK_CLASS);

/** Replaces an element by its children. */
function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

/** `<font>` and bare `<span>`s go (they only carried the site's look); colour and face attributes too. */
function dropPresentation(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('basefont'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('font'))) unwrap(el);
  for (const el of Array.from(root.querySelectorAll('span'))) {
    if (Array.from(el.attributes).every((a) => a.name === 'dir')) unwrap(el);
  }
  for (const el of Array.from(root.querySelectorAll(FONT_ATTRIBUTES.map((a) => `[${a}]`).join(',')))) {
    for (const attr of FONT_ATTRIBUTES) el.removeAttribute(attr);
  }
}

type Line = { nodes: Node[]; br: Node | null };
/** A paragraph's nodes, or a scene break. */
type Piece = Node[] | 'break';

/** Splits a run of inline nodes at each <br> into lines. */
function linesOf(run: Node[]): Line[] {
  const lines: Line[] = [];
  let current: Node[] = [];
  for (const node of run) {
    if (isBr(node)) {
      lines.push({ nodes: current, br: node });
      current = [];
    } else current.push(node);
  }
  lines.push({ nodes: current, br: null });
  return lines;
}

const lineText = (line: Line): string => line.nodes.map(textOf).join(' ').trim();
const lineHasMedia = (line: Line): boolean => line.nodes.some((n) => isElement(n) && hasMedia(n));

/**
 * Groups a run of inline nodes into paragraphs: a blank line (`<br><br>`)
 * ends a paragraph, a line that is a scene break becomes a break, a single
 * `<br>` stays inside its paragraph.
 */
function piecesOf(run: Node[]): Piece[] {
  const pieces: Piece[] = [];
  let paragraph: Node[] = [];
  let pendingBr: Node | null = null;
  const flush = () => {
    if (paragraph.length) pieces.push(paragraph);
    paragraph = [];
    pendingBr = null;
  };
  for (const line of linesOf(run)) {
    const text = lineText(line);
    const media = lineHasMedia(line);
    if (!text && !media) flush();
    else if (!media && isSceneBreakText(text)) {
      flush();
      pieces.push('break');
    } else {
      if (paragraph.length && pendingBr) paragraph.push(pendingBr);
      paragraph.push(...line.nodes);
      pendingBr = line.br;
      continue;
    }
  }
  flush();
  return pieces;
}

/** Maximal runs of consecutive inline children of a container. */
function inlineRuns(container: Element): Node[][] {
  const runs: Node[][] = [];
  let run: Node[] = [];
  for (const child of Array.from(container.childNodes)) {
    if (isBlock(child)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(child);
  }
  if (run.length) runs.push(run);
  return runs;
}

const runHasContent = (run: Node[]): boolean =>
  run.some((n) => (isText(n) || isElement(n)) && (textOf(n) !== '' || (isElement(n) && hasMedia(n))));

/** Builds the elements for pieces: paragraphs made by `makeParagraph`, breaks as <hr>. */
function build(doc: Document, pieces: Piece[], makeParagraph: () => Element): Element[] {
  return pieces.map((piece) => {
    if (piece === 'break') return sceneBreak(doc);
    const p = makeParagraph();
    p.append(...piece);
    return p;
  });
}

/**
 * Regroups the loose text of a flow container into <p>s where it is split by
 * blank lines or scene-break lines, or sits between blocks. The root always
 * gets paragraphs; a div holding one plain line stays as it is.
 */
function paragraphizeContainer(container: Element, isRoot: boolean): void {
  const doc = container.ownerDocument;
  const mixed = Array.from(container.childNodes).some(isBlock);
  for (const run of inlineRuns(container)) {
    if (!runHasContent(run)) continue;
    const pieces = piecesOf(run);
    // A lone line (text or break symbols) in a div stays: a break is found later by its text.
    if (!isRoot && !mixed && pieces.length === 1) continue;
    // The run's nodes move into the new paragraphs, so mark where they were first.
    const marker = doc.createComment('');
    container.insertBefore(marker, run[0]!);
    const replacement = build(doc, pieces, () => doc.createElement('p'));
    for (const node of run) if (node.parentNode === container) container.removeChild(node);
    marker.replaceWith(...replacement);
  }
}

/** A <p> holding `<br><br>`-separated paragraphs (one-<p> chapters) splits into several, keeping its attributes. */
function splitParagraph(p: Element): void {
  const run = Array.from(p.childNodes);
  if (run.some(isBlock)) return;
  const pieces = piecesOf(run);
  if (pieces.length === 1 && pieces[0] !== 'break') {
    trimBreaks(p);
    return;
  }
  const doc = p.ownerDocument;
  const replacement = build(doc, pieces, () => p.cloneNode(false) as Element);
  p.replaceWith(...replacement);
}

/** Drops <br>s (and blank text) at the start and end of a paragraph. */
function trimBreaks(p: Element): void {
  for (const end of ['firstChild', 'lastChild'] as const) {
    let node = p[end];
    while (node && (isBr(node) || (isText(node) && textOf(node) === ''))) {
      const next: ChildNode | null = end === 'firstChild' ? node.nextSibling : node.previousSibling;
      if (isBr(node)) node.remove();
      node = next;
    }
  }
}

function paragraphize(root: Element): void {
  paragraphizeContainer(root, true);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (FLOW_CONTAINERS.has(el.tagName) && el.isConnected) paragraphizeContainer(el, false);
  }
  for (const p of Array.from(root.querySelectorAll('p'))) splitParagraph(p);
}

/** Every <hr>, and every block holding only break symbols, becomes one kind of scene break. */
function markSceneBreaks(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll('hr, p, div, center, h1, h2, h3, h4, h5, h6'))) {
    if (!el.isConnected || isSceneBreak(el)) continue;
    // Cheapest test first: a break is a short text.
    const isBreak = el.tagName === 'HR' || ((el.textContent ?? '').length <= 200 && isSceneBreakText(textOf(el)) && !hasMedia(el));
    if (isBreak) el.replaceWith(sceneBreak(doc));
  }
}

/** Paragraphs and divs with neither text nor media are spacing the reader's CSS already gives. */
function dropEmptyBlocks(root: Element): void {
  const candidates = Array.from(root.querySelectorAll('p, div, center')).reverse();
  for (const el of candidates) {
    if (textOf(el) === '' && !hasMedia(el)) el.remove();
  }
}

/** The previous or next sibling that is not blank text. */
function neighbour(node: Node, direction: 'previousSibling' | 'nextSibling'): Node | null {
  let n = node[direction];
  while (n && isText(n) && textOf(n) === '') n = n[direction];
  return n;
}

/** One break where several follow each other; none at the very start or end of the chapter. */
function tidySceneBreaks(root: Element): void {
  for (const hr of Array.from(root.querySelectorAll(`hr.${SCENE_BREAK_CLASS}`))) {
    if (isSceneBreak(neighbour(hr, 'previousSibling'))) hr.remove();
  }
  for (const direction of ['lastChild', 'firstChild'] as const) {
    let container: Node = root;
    for (;;) {
      let edge: Node | null = container[direction];
      const step = direction === 'lastChild' ? 'previousSibling' : 'nextSibling';
      while (edge && isText(edge) && textOf(edge) === '') edge = edge[step];
      if (!edge) break;
      if (isSceneBreak(edge)) {
        edge.parentNode!.removeChild(edge);
        continue;
      }
      if (isElement(edge) && FLOW_CONTAINERS.has(edge.tagName) && edge.tagName !== 'LI') container = edge;
      else break;
    }
  }
}

const WORDY = '\\p{L}\\p{N}';
/**
 * `*word*`, `**word**` and `_word_` inside one text node. The opening mark
 * may not follow a letter or digit and the closing one may not precede one
 * (so `5*3*2` and `snake_case_name` stay), the marks hug the words, the
 * content holds a letter or digit and no blank line.
 */
const EMPHASIS = new RegExp(
  [
    `(?<![${WORDY}*\\\\])\\*\\*(?=[^\\s*])([^*]*?[${WORDY}][^*]*?)(?<=[^\\s*])\\*\\*(?![${WORDY}*])`,
    `(?<![${WORDY}*\\\\])\\*(?=[^\\s*])([^*]*?[${WORDY}][^*]*?)(?<=[^\\s*])\\*(?![${WORDY}*])`,
    `(?<![${WORDY}_\\\\])_(?=[^\\s_])([^_]*?[${WORDY}][^_]*?)(?<=[^\\s_])_(?![${WORDY}_])`,
  ].join('|'),
  'gu',
);

/** Replaces typed emphasis in one text node with <em>/<strong>. */
function emphasiseText(node: Text): void {
  const text = node.data;
  if (!/[*_]/.test(text)) return;
  const doc = node.ownerDocument;
  const parts: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    const [whole, strong, em, underscored] = match;
    const inner = strong ?? em ?? underscored ?? '';
    if (/\n\s*\n/.test(inner)) continue;
    const tag = strong !== undefined ? 'strong' : 'em';
    // Marks inside text that is already italic (or bold) only repeat it: drop them, do not nest.
    const already = node.parentElement?.closest(tag === 'em' ? 'em, i, cite' : 'strong, b');
    let el: Node = doc.createTextNode(inner);
    if (!already) {
      el = doc.createElement(tag);
      el.textContent = inner;
    }
    parts.push(doc.createTextNode(text.slice(last, match.index)), el);
    last = match.index! + whole.length;
  }
  if (!parts.length) return;
  parts.push(doc.createTextNode(text.slice(last)));
  node.replaceWith(...parts.filter((p) => !isText(p) || p.data !== ''));
}

function emphasise(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    if (text.parentElement?.closest(Array.from(LITERAL_TEXT).join(','))) continue;
    emphasiseText(text);
  }
}

/**
 * Already-sanitised chapter HTML → reading-ready HTML. Parsed in an inert
 * document (no scripts, no image loads), so it is safe on any page.
 */
export function cleanChapterHtml(html: string, doc: Document): string {
  const inert = doc.implementation.createHTMLDocument('');
  const root = inert.createElement('div');
  // Attached to the inert body so `isConnected` tells which nodes a step has replaced.
  inert.body.append(root);
  root.innerHTML = html;
  dropPresentation(root);
  root.normalize();
  paragraphize(root);
  markSceneBreaks(root);
  dropEmptyBlocks(root);
  tidySceneBreaks(root);
  emphasise(root);
  root.normalize();
  return root.innerHTML.trim();
}
