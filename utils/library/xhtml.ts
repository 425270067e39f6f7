/**
 * Story HTML → well-formed, valid XHTML for EPUB chapters and the HTML export.
 *
 * The HTML is parsed by a real HTML parser (the caller's Document factory) and
 * then written out again from the tree through an allowlist: only the elements
 * and attributes below survive, text and attribute values are escaped, and
 * links keep only http(s)/mailto targets. Whatever the input, the output holds
 * nothing executable. On the way, the tree is nudged into the HTML content
 * model an EPUB checker enforces (no blocks inside phrasing elements, only
 * list items in lists, no obsolete tags).
 */

export type DocumentFactory = () => Document;

export interface XhtmlOptions {
  /** Makes an inert document to parse in (jsdom in tests, `document.implementation.createHTMLDocument` in pages). */
  createDocument: DocumentFactory;
  /** Base for relative links and images (the chapter's or story's URL). */
  baseUrl?: string;
  /**
   * What to do with an image, given its absolute URL: a src to use, or null to
   * replace the image with a link to it (EPUB may not load remote images).
   */
  imageSrc?: (url: string) => string | null;
  /** Extra attributes for external links (the HTML export adds rel). */
  linkRel?: string;
}

/** Elements dropped together with their content. */
const DROP = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'audio', 'video', 'canvas', 'select', 'textarea', 'head', 'title', 'meta', 'link', 'base',
  'button', 'input', 'xmp', 'noembed', 'noframes', 'plaintext', 'param', 'source', 'track', 'map', 'area',
]);

/** Obsolete or structural tags → a valid tag and a class the stylesheet knows. */
const RENAME: Record<string, [string, string?]> = {
  center: ['div', 'fs-center'],
  font: ['span'],
  strike: ['s'],
  del: ['s'],
  ins: ['u'],
  big: ['span', 'fs-big'],
  tt: ['code'],
  acronym: ['abbr'],
  nobr: ['span'],
  blink: ['span'],
  marquee: ['div'],
  main: ['div'],
  nav: ['div'],
  section: ['div'],
  article: ['div'],
  aside: ['div'],
  header: ['div'],
  footer: ['div'],
  address: ['div'],
  figure: ['div'],
  figcaption: ['div'],
  details: ['div'],
  summary: ['div'],
  ruby: ['span'],
  rt: ['span', 'fs-rt'],
  rp: ['span'],
  time: ['span'],
  data: ['span'],
  label: ['span'],
  fieldset: ['div'],
  legend: ['div'],
  body: ['div'],
};

const PHRASING = new Set([
  'span', 'em', 'strong', 'i', 'b', 'u', 's', 'small', 'sub', 'sup', 'code', 'kbd', 'samp', 'var', 'abbr',
  'cite', 'q', 'dfn', 'mark', 'bdi', 'a',
]);
/** Phrasing-only containers that become a div (with a class) when they hold blocks. */
const PHRASING_CONTAINERS = new Set(['p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const FLOW = new Set([
  'div', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'colgroup', 'col', 'thead',
  'tbody', 'tfoot', 'tr', 'td', 'th', 'hr',
]);
const VOID = new Set(['br', 'hr', 'img', 'wbr', 'col']);
/** Elements that must not hold blocks; `a` is transparent and left to its ancestors. */
const BLOCK_LEVEL = new Set([...FLOW, ...PHRASING_CONTAINERS]);

const ATTRS: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  li: ['value'],
  abbr: ['title'],
  col: ['span'],
  colgroup: ['span'],
};
const GLOBAL_ATTRS = ['title', 'lang', 'dir'];
const INTEGER_ATTRS = new Set(['width', 'height', 'colspan', 'rowspan', 'start', 'value', 'span']);

// XML 1.0 forbids these characters anywhere, even as references.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content escaped for XML (and HTML). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value escaped for a double-quoted attribute. */
export function escapeAttr(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;');
}

/** An absolute http(s) or mailto URL, or null for anything else (javascript:, data:, fragments …). */
export function safeUrl(raw: string, baseUrl?: string): string | null {
  // As a browser reads an href: outer control characters and spaces trimmed, tabs and newlines removed.
  const trimmed = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (!trimmed || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed);
  } catch {
    return null;
  }
  return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
}

interface Context {
  opts: XhtmlOptions;
  /** Only phrasing content may follow (inside p, span, em …). */
  phrasing: boolean;
  inLink: boolean;
  blockHolders: Set<Element>;
}

/** Converts an HTML fragment to an XHTML fragment (the content of a <body> or <div>). */
export function htmlToXhtml(html: string, opts: XhtmlOptions): string {
  const doc = opts.createDocument();
  const host = doc.createElement('div');
  host.innerHTML = html;
  return writeChildren(host, { opts, phrasing: false, inLink: false, blockHolders: findBlockHolders(host) });
}

function writeChildren(parent: Node, ctx: Context): string {
  let out = '';
  for (let child = parent.firstChild; child; child = child.nextSibling) out += writeNode(child, ctx);
  return out;
}

function writeNode(node: Node, ctx: Context): string {
  if (node.nodeType === 3) return escapeXml(node.nodeValue ?? '');
  if (node.nodeType !== 1) return ''; // comments, processing instructions, doctypes
  return writeElement(node as Element, ctx);
}

function writeElement(el: Element, ctx: Context): string {
  let tag = el.localName.toLowerCase();
  if (el.namespaceURI && el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return '';
  if (DROP.has(tag)) return '';
  let className: string | undefined;
  const renamed = RENAME[tag];
  if (renamed) [tag, className] = renamed;
  if (tag === 'img') return writeImage(el, ctx);
  if (tag === 'br' || tag === 'wbr') return `<${tag}/>`;
  if (tag === 'a') return writeLink(el, ctx);
  const known = PHRASING.has(tag) || BLOCK_LEVEL.has(tag);
  // Unknown tags (<o:p>, custom elements) give way to their content.
  if (!known) return writeChildren(el, ctx);

  const align = alignClass(el);
  if (align) className = className ? `${className} ${align}` : align;

  // A phrasing element holding blocks becomes a div that keeps its look.
  if ((PHRASING.has(tag) || PHRASING_CONTAINERS.has(tag)) && ctx.blockHolders.has(el)) {
    className = [`fs-${tag}`, className].filter(Boolean).join(' ');
    tag = 'div';
  }
  // A block where only phrasing may go: the parent was kept as phrasing because
  // it did not hold blocks, so this only happens for tags the parser let through.
  if (ctx.phrasing && BLOCK_LEVEL.has(tag)) {
    return writeChildren(el, ctx);
  }
  if (tag === 'li' && !isList(el.parentElement)) tag = 'div';
  if ((tag === 'dt' || tag === 'dd') && !(el.parentElement?.localName === 'dl' && wellOrderedTerms(el.parentElement))) {
    tag = 'div';
  }
  if (TABLE_PARTS.has(tag) && !inTable(el)) return writeChildren(el, ctx);

  const attrs = writeAttrs(el, tag) + (className ? ` class="${className}"` : '');
  if (VOID.has(tag)) return `<${tag}${attrs}/>`;
  const inner = ctx.phrasing || PHRASING.has(tag) || PHRASING_CONTAINERS.has(tag);
  const childCtx: Context = { ...ctx, phrasing: inner };
  let body: string;
  if (tag === 'dl' && !wellOrderedTerms(el)) {
    // Terms and definitions out of order: keep the text, drop the list semantics.
    return `<div${attrs}>${writeChildren(el, childCtx)}</div>`;
  }
  if (tag === 'ul' || tag === 'ol') body = writeListItems(el, childCtx, 'li', ['li']);
  else if (tag === 'dl') body = writeListItems(el, childCtx, 'dd', ['dt', 'dd']);
  else body = writeChildren(el, childCtx);
  return `<${tag}${attrs}>${body}</${tag}>`;
}

const TABLE_PARTS = new Set(['caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

function inTable(el: Element): boolean {
  return !!el.parentElement?.closest('table');
}

function isList(el: Element | null): boolean {
  return !!el && (el.localName === 'ul' || el.localName === 'ol' || el.localName === 'menu');
}

/** Lists hold only items: stray text or elements are gathered into an item of their own. */
function writeListItems(list: Element, ctx: Context, wrapper: string, items: string[]): string {
  let out = '';
  let stray = '';
  const flush = () => {
    if (stray.trim()) out += `<${wrapper}>${stray}</${wrapper}>`;
    stray = '';
  };
  for (let child = list.firstChild; child; child = child.nextSibling) {
    const name = child.nodeType === 1 ? (child as Element).localName.toLowerCase() : '';
    if (items.includes(name)) {
      flush();
      out += writeNode(child, { ...ctx, phrasing: false });
    } else {
      stray += writeNode(child, { ...ctx, phrasing: false });
    }
  }
  flush();
  return out;
}

/** A description list must run term(s) then definition(s), group after group. */
function wellOrderedTerms(dl: Element): boolean {
  let kinds = '';
  for (let child = dl.firstChild; child; child = child.nextSibling) {
    const name = child.nodeType === 1 ? (child as Element).localName.toLowerCase() : '';
    if (name === 'dt') kinds += 't';
    else if (name === 'dd') kinds += 'd';
    else if (child.nodeType === 1 || (child.nodeType === 3 && child.nodeValue?.trim())) kinds += 'd';
  }
  return /^(t+d+)*$/.test(kinds.replace(/d+/g, 'd'));
}

/** Every element with a block somewhere inside it (dropped subtrees aside), found in one pass. */
function findBlockHolders(root: Element): Set<Element> {
  const holders = new Set<Element>();
  const visit = (el: Element): boolean => {
    let holds = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const name = child.localName.toLowerCase();
      if (DROP.has(name)) continue;
      const isBlock = BLOCK_LEVEL.has(RENAME[name]?.[0] ?? name);
      if (visit(child) || isBlock) holds = true;
    }
    if (holds) holders.add(el);
    return holds;
  };
  visit(root);
  return holders;
}

function alignClass(el: Element): string | undefined {
  const align = (el.getAttribute('align') ?? '').trim().toLowerCase();
  return align === 'center' || align === 'right' ? `fs-${align}` : undefined;
}

function writeAttrs(el: Element, tag: string): string {
  let out = '';
  for (const name of new Set([...GLOBAL_ATTRS, ...(ATTRS[tag] ?? [])])) {
    if (name === 'href') continue;
    if (name === 'value' && el.parentElement?.localName !== 'ol') continue; // only ordered items have a number
    const value = el.getAttribute(name);
    if (value === null) continue;
    const clean = cleanAttr(name, value);
    if (clean !== null) out += ` ${name}="${escapeAttr(clean)}"`;
  }
  return out;
}

function cleanAttr(name: string, value: string): string | null {
  const v = value.trim();
  if (INTEGER_ATTRS.has(name)) return /^\d{1,6}$/.test(v) && (name === 'start' || name === 'value' || Number(v) > 0) ? v : null;
  if (name === 'lang') return /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(v) ? v : null;
  if (name === 'dir') return /^(ltr|rtl|auto)$/i.test(v) ? v.toLowerCase() : null;
  return value;
}

function writeLink(el: Element, ctx: Context): string {
  // Links do not nest; an inner one keeps only its text.
  if (ctx.inLink) return writeChildren(el, ctx);
  const href = safeUrl(el.getAttribute('href') ?? '', ctx.opts.baseUrl);
  const inner = writeChildren(el, { ...ctx, inLink: true });
  const attrs = writeAttrs(el, 'a');
  if (!href) return attrs ? `<span${attrs}>${inner}</span>` : inner;
  const rel = ctx.opts.linkRel ? ` rel="${escapeAttr(ctx.opts.linkRel)}"` : '';
  return `<a href="${escapeAttr(href)}"${rel}${attrs}>${inner}</a>`;
}

function writeImage(el: Element, ctx: Context): string {
  const url = safeUrl(el.getAttribute('src') ?? '', ctx.opts.baseUrl);
  if (!url || url.startsWith('mailto:')) return '';
  const alt = el.getAttribute('alt') ?? '';
  const src = ctx.opts.imageSrc ? ctx.opts.imageSrc(url) : url;
  if (src === null) {
    // No room for a remote image: say what was there and link to it.
    const label = `[image${alt.trim() ? `: ${alt.trim()}` : ''}]`;
    if (ctx.inLink) return escapeXml(label);
    return `<a href="${escapeAttr(url)}" class="fs-image-link">${escapeXml(label)}</a>`;
  }
  return `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}"${writeAttrs(el, 'img').replace(/ alt="[^"]*"/, '')}/>`;
}
