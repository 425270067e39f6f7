import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Blurb, PageResult, Story } from '@/utils/story';
import { classifyPage } from '@/utils/sites';
import { generic as genericAdapter } from '@/utils/sites/generic';
import { domFromBytes } from '../../scripts/lib/page-bytes';
import { ROOT, fixturePath } from '../helpers/fixtures';

/**
 * Shared pieces of the robustness suite: the pages it mutates, the mutations,
 * a validator for the whole Story shape, an HTML grammar for fast-check, and
 * the figures file (.bench/reliability-fuzz.json) that docs/reliability.md quotes.
 */

// ───────────────────────── pages ─────────────────────────

export interface FuzzPage {
  fixture: string;
  url: string;
  generic: boolean;
  kind: 'story' | 'listing' | 'none';
  /** First words of the first chapter's text, when the golden names them: the header lies before. */
  chapterStart?: string;
  /** The header fields a reader sees, as the golden names them (each optional). */
  header?: GoldenHeader;
}

export interface GoldenHeader {
  title?: string;
  authors?: string[];
  rating?: { raw?: string; level?: string };
}

/** Our own pages that have no golden: their addresses, so adapters see them where they live. */
const PAGES_WITHOUT_GOLDEN: FuzzPage[] = [
  { fixture: 'pages/ao3-hand-made-buffy-post-becoming.html', url: 'https://archiveofourown.org/works/48582418/chapters/1', generic: false, kind: 'story' },
  { fixture: 'pages/ao3-hand-made-buffy-post-seeing-red.html', url: 'https://archiveofourown.org/works/48582418/chapters/2', generic: false, kind: 'story' },
  { fixture: 'pages/ffn-hand-made-story-list.html', url: 'https://www.fanfiction.net/tv/Buffy-The-Vampire-Slayer/', generic: false, kind: 'listing' },
];

function goldenFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return goldenFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

/** Every fixture the goldens know (all shared site fixtures and tests/pages), with its real address. */
export function fuzzPages(): FuzzPage[] {
  const pages = goldenFiles(path.join(ROOT, 'tests', 'goldens')).map((file): FuzzPage => {
    const g = JSON.parse(readFileSync(file, 'utf8'));
    const first = g.story?.chapters?.find((c: any) => typeof c.start === 'string');
    const header: GoldenHeader | undefined = g.story && { title: g.story.title, authors: g.story.authors, rating: g.story.rating };
    return { fixture: g.fixture, url: g.url, generic: g.generic === true, kind: g.kind, chapterStart: first?.start, header };
  });
  return [...pages, ...PAGES_WITHOUT_GOLDEN].filter((p) => existsSync(fixturePath(p.fixture))).sort((a, b) => a.fixture.localeCompare(b.fixture));
}

export const readFixture = (page: FuzzPage): Buffer => readFileSync(fixturePath(page.fixture));

// ───────────────────────── mutations ─────────────────────────

export interface Cut {
  offset: number;
  /** Where the cut falls: inside a tag, inside an entity, inside a UTF-8 sequence, or anywhere. */
  where: 'tag' | 'entity' | 'utf8' | 'plain';
}

/**
 * `count` cut points spread over the page; every third is moved into the
 * nearest tag, every third into an entity, so the parser meets "<div cla" and "&am".
 */
export function cutPoints(bytes: Buffer, count: number): Cut[] {
  const cuts: Cut[] = [];
  for (let i = 1; i <= count; i++) {
    const even = Math.floor((bytes.length * i) / (count + 1));
    let cut: Cut = { offset: even, where: 'plain' };
    if (i % 3 === 1) cut = inside(bytes, even, 0x3c, 4, 'tag') ?? cut;
    else if (i % 3 === 2) cut = inside(bytes, even, 0x26, 3, 'entity') ?? cut;
    if (cut.where === 'plain' && (bytes[cut.offset]! & 0xc0) === 0x80) cut.where = 'utf8';
    cuts.push(cut);
  }
  return cuts;
}

function inside(bytes: Buffer, from: number, marker: number, into: number, where: Cut['where']): Cut | null {
  const at = bytes.indexOf(marker, from);
  if (at < 0 || at + into >= bytes.length) return null;
  return { offset: at + into, where };
}

export const truncate = (bytes: Buffer, cut: Cut): Buffer => bytes.subarray(0, cut.offset);

/** Every node of the document (elements, text, comments) in document order: the positions a tree cut can fall at. */
export function nodesInOrder(doc: Document): Node[] {
  const nodes: Node[] = [];
  const walker = doc.createTreeWalker(doc, 0xffffffff /* NodeFilter.SHOW_ALL */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

/** `count` node positions spread evenly over `total` nodes, from the head to near the end, in ascending order. */
export function treeCutIndexes(total: number, count: number): number[] {
  const picked = new Set<number>();
  for (let i = 1; i <= count; i++) picked.add(Math.min(total - 1, Math.floor((total * i) / (count + 1))));
  return [...picked].sort((a, b) => a - b);
}

/**
 * Cuts the tree the way a download that stopped right after `node`'s start
 * would: the node's children and everything after it in document order go
 * (each ancestor keeps only what comes before). In place, so one parse serves
 * every cut: cutting at descending positions on the same document gives each
 * cut exactly, since a cut never moves the nodes before it.
 */
export function truncateAfter(node: Node): void {
  while (node.lastChild) node.removeChild(node.lastChild);
  for (let at: Node | null = node; at?.parentNode; at = at.parentNode) {
    while (at.nextSibling) at.parentNode.removeChild(at.nextSibling);
  }
}

/** Reorders the body's top-level children (fixed seed: the same order every run). */
export function shuffleBody(doc: Document, seed: number): void {
  const body = doc.body;
  if (!body) return;
  const children = [...body.childNodes];
  const random = mulberry32(seed);
  for (let i = children.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [children[i], children[j]] = [children[j]!, children[i]!];
  }
  for (const child of children) body.appendChild(child);
}

/** Gives the body's content twice (a page saved with a doubled post, or a bad proxy): every id now appears twice. */
export function doubleBody(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const child of [...body.childNodes]) body.appendChild(child.cloneNode(true));
}

/** A small seeded generator, so mutations reproduce without fast-check. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ───────────────────────── running a page ─────────────────────────

export interface Run {
  result: PageResult;
  /** Wall-clock ms of classifyPage; `classifyCpuMs` is this process's CPU time, steady on a machine shared with other jobs. */
  classifyCpuMs: number;
  /** Exceptions an adapter threw that classifyPage caught (it logs them): a crash the reader sees as "none". */
  caught: unknown[];
  parseMs: number;
  classifyMs: number;
}

/** Builds the DOM as the command line does and classifies it, timing both and collecting caught adapter errors. */
export function runBytes(bytes: Buffer, url: string, generic: boolean): Run {
  const t0 = performance.now();
  const doc = domFromBytes(bytes, url).window.document;
  const run = runDoc(doc, url, generic, performance.now() - t0);
  doc.defaultView?.close();
  return run;
}

/** CPU ms this process has used (user + system). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function runHtml(html: string, url: string, generic: boolean): Run {
  return runBytes(Buffer.from(html, 'utf8'), url, generic);
}

/** Classifies an already built document, timed. */
export function runDoc(doc: Document, url: string, generic: boolean, parseMs = 0): Run {
  const t0 = performance.now();
  const c0 = cpuMs();
  const read = classifyCatching(doc, url, generic);
  // Chapter html is sanitised on first read; read it now, while the page's window is open, as a message or a save would.
  const result = JSON.parse(JSON.stringify(read.result)) as PageResult;
  return { result, caught: read.caught, parseMs, classifyMs: performance.now() - t0, classifyCpuMs: cpuMs() - c0 };
}

export function classifyCatching(doc: Document, url: string, generic: boolean): { result: PageResult; caught: unknown[] } {
  const caught: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).includes('[FicShelf]')) caught.push(args[1]);
    else warn(...args);
  };
  try {
    return { result: classifyPage(doc, url, { generic: generic ? genericAdapter : undefined }), caught };
  } finally {
    console.warn = warn;
  }
}

// ───────────────────────── the Story shape ─────────────────────────

const STORY_KEYS = new Set([
  'id', 'site', 'url', 'title', 'authors', 'fandoms', 'rating', 'warnings', 'categories', 'relationships', 'characters',
  'tags', 'spoilers', 'summary', 'disclaimer', 'notes', 'language', 'status', 'words', 'chapterCount', 'published',
  'updated', 'series', 'fields', 'chapters',
]);
const LEVELS = ['general', 'teen', 'mature', 'explicit', 'unrated'];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

type Problems = string[];
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function stringField(o: any, key: string, at: string, p: Problems, optional = false): void {
  if (optional && o[key] === undefined) return;
  if (!isString(o[key])) p.push(`${at}.${key}: not a string (${JSON.stringify(o[key])})`);
}

function stringList(o: any, key: string, at: string, p: Problems): void {
  const list = o[key];
  if (!Array.isArray(list)) return void p.push(`${at}.${key}: not an array`);
  list.forEach((s, i) => {
    if (!isString(s) || s.trim() === '') p.push(`${at}.${key}[${i}]: empty or not a string (${JSON.stringify(s)})`);
  });
}

function checkNotes(notes: unknown, at: string, p: Problems): void {
  if (!Array.isArray(notes)) return void p.push(`${at}: not an array`);
  notes.forEach((n: any, i) => {
    if (n?.position !== 'before' && n?.position !== 'after') p.push(`${at}[${i}].position: ${JSON.stringify(n?.position)}`);
    stringField(n, 'text', `${at}[${i}]`, p);
    stringField(n, 'html', `${at}[${i}]`, p);
    if (isString(n?.html) && /<script|\son\w+\s*=/i.test(n.html)) p.push(`${at}[${i}].html: not sanitised`);
  });
}

function checkUrl(value: unknown, at: string, p: Problems): void {
  if (!isString(value)) return void p.push(`${at}: not a string`);
  try {
    new URL(value);
  } catch {
    p.push(`${at}: not a URL (${JSON.stringify(value)})`);
  }
}

/** Every field of a Blurb (a Story without chapters), typed as utils/story.ts says; returns the problems found. */
export function blurbProblems(s: Blurb, at = 'story'): Problems {
  const p: Problems = [];
  if (s === null || typeof s !== 'object') return [`${at}: not an object`];
  for (const key of Object.keys(s)) if (!STORY_KEYS.has(key)) p.push(`${at}: unexpected key ${key}`);
  if (!isString(s.id) || !/^[a-z0-9-]+:\S+/.test(s.id)) p.push(`${at}.id: not "<site>:<id>" (${JSON.stringify(s.id)})`);
  stringField(s, 'site', at, p);
  checkUrl(s.url, `${at}.url`, p);
  stringField(s, 'title', at, p);
  if (!Array.isArray(s.authors)) p.push(`${at}.authors: not an array`);
  else
    s.authors.forEach((a, i) => {
      if (!isString(a?.name) || a.name.trim() === '') p.push(`${at}.authors[${i}].name: empty`);
      if (a?.url !== undefined) checkUrl(a.url, `${at}.authors[${i}].url`, p);
    });
  for (const key of ['fandoms', 'warnings', 'categories', 'relationships', 'characters', 'tags']) stringList(s, key, at, p);
  if (!s.rating || !isString(s.rating.raw) || !LEVELS.includes(s.rating.level)) p.push(`${at}.rating: ${JSON.stringify(s.rating)}`);
  else stringField(s.rating, 'reason', `${at}.rating`, p, true);
  if (!Array.isArray(s.spoilers)) p.push(`${at}.spoilers: not an array`);
  else
    s.spoilers.forEach((m, i) => {
      const where = `${at}.spoilers[${i}]`;
      if (!isString(m.fandom) || !m.fandom) p.push(`${where}.fandom: empty`);
      if (!isCount(m.season)) p.push(`${where}.season: ${m.season}`);
      if (m.episode !== undefined && !isCount(m.episode)) p.push(`${where}.episode: ${m.episode}`);
      if (!['header', 'tag', 'text'].includes(m.source)) p.push(`${where}.source: ${m.source}`);
      stringField(m, 'raw', where, p);
      stringField(m, 'title', where, p, true);
    });
  stringField(s, 'summary', at, p);
  stringField(s, 'disclaimer', at, p, true);
  stringField(s, 'language', at, p, true);
  checkNotes(s.notes, `${at}.notes`, p);
  if (!['complete', 'in-progress', 'unknown'].includes(s.status)) p.push(`${at}.status: ${JSON.stringify(s.status)}`);
  if (s.words !== undefined && !isCount(s.words)) p.push(`${at}.words: ${s.words}`);
  if (!s.chapterCount || !isCount(s.chapterCount.posted)) p.push(`${at}.chapterCount: ${JSON.stringify(s.chapterCount)}`);
  else if (s.chapterCount.planned !== undefined && !(isCount(s.chapterCount.planned) && s.chapterCount.planned > 0))
    p.push(`${at}.chapterCount.planned: ${s.chapterCount.planned}`);
  for (const key of ['published', 'updated'] as const)
    if (s[key] !== undefined && !(isString(s[key]) && ISO_DATE.test(s[key]!))) p.push(`${at}.${key}: ${JSON.stringify(s[key])}`);
  if (s.series !== undefined) {
    if (!Array.isArray(s.series)) p.push(`${at}.series: not an array`);
    else
      s.series.forEach((x, i) => {
        if (!isString(x.name)) p.push(`${at}.series[${i}].name: not a string`);
        if (x.part !== undefined && !isCount(x.part)) p.push(`${at}.series[${i}].part: ${x.part}`);
      });
  }
  if (s.fields !== undefined) {
    if (typeof s.fields !== 'object' || s.fields === null) p.push(`${at}.fields: not an object`);
    else for (const [k, v] of Object.entries(s.fields)) if (!isString(v)) p.push(`${at}.fields[${k}]: not a string`);
  }
  return p;
}

/** The whole Story: the Blurb fields and every chapter (1-based, distinct indexes, sanitised html, counted words). */
export function storyProblems(s: Story, at = 'story'): Problems {
  const p = blurbProblems(s, at);
  if (!Array.isArray(s.chapters)) return [...p, `${at}.chapters: not an array`];
  const seen = new Set<number>();
  s.chapters.forEach((c, i) => {
    const where = `${at}.chapters[${i}]`;
    if (!Number.isInteger(c.index) || c.index < 1) p.push(`${where}.index: ${c.index}`);
    if (seen.has(c.index)) p.push(`${where}.index: ${c.index} twice`);
    seen.add(c.index);
    stringField(c, 'title', where, p, true);
    if (c.url !== undefined) checkUrl(c.url, `${where}.url`, p);
    stringField(c, 'html', where, p);
    stringField(c, 'text', where, p);
    if (!isCount(c.words)) p.push(`${where}.words: ${c.words}`);
    if (isString(c.html) && /<script[\s>]|\son(?:error|load|click)\s*=/i.test(c.html)) p.push(`${where}.html: not sanitised`);
    if (c.notes !== undefined) checkNotes(c.notes, `${where}.notes`, p);
  });
  return p;
}

/** A PageResult is a clear none, a valid story, or a non-empty listing of valid blurbs. */
export function resultProblems(r: PageResult): Problems {
  if (!r || !['story', 'listing', 'none'].includes(r.kind)) return [`kind: ${JSON.stringify(r?.kind)}`];
  if (r.site !== null && !isString(r.site)) return [`site: ${JSON.stringify(r.site)}`];
  if (r.kind === 'story') {
    if (!r.story) return ['kind story without a story'];
    const p = storyProblems(r.story);
    if (r.story.site !== r.site) p.push(`story.site ${r.story.site} is not result.site ${r.site}`);
    return p;
  }
  if (r.kind === 'listing') {
    if (!r.listing || !Array.isArray(r.listing.items) || r.listing.items.length === 0) return ['kind listing without items'];
    return r.listing.items.flatMap((b, i) => blurbProblems(b, `listing.items[${i}]`));
  }
  return r.story || r.listing ? ['kind none with content'] : [];
}

// ───────────────────────── HTML grammar for fast-check ─────────────────────────

const word = fc.constantFrom('Buffy', 'Spike', 'Xander', 'the', 'night', 'R', 'PG-13', 'NC-17', 'Teen And Up Audiences', 'post-Chosen', 'Season 6', '5x15', 'Angel', 'x', '&amp;', '&lt;b&gt;', '"quoted"', 'été', '日本', '—', ':', '/', '|');
export const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const headerLabel = fc.constantFrom(
  'Title', 'Author', 'Rating', 'Rated', 'Fandom', 'Pairing', 'Characters', 'Summary', 'Disclaimer', 'Spoilers', 'Warnings',
  'A/N', 'Notes', 'Word count', 'Status', 'Series', 'Date', 'Feedback', 'Category', 'Genre', 'Ingredients', 'Price', 'Mood', 'Buffy',
  'Spoiler warning', "Author's note",
);
const separator = fc.constantFrom(': ', ':', ' - ', ' — ', ':  ', ' : ');
const labelMarkup = fc.constantFrom('%s', '<b>%s</b>', '<strong>%s</strong>', '**%s**', '<i>%s</i>', '<span class="label">%s</span>');

/** One "Label: value" line as a page writes it, with the label's markup and separator varied. */
export const headerLine = fc.tuple(headerLabel, separator, labelMarkup, phrase).map(([l, sep, markup, value]) => `${markup.replace('%s', l)}${sep}${value}`);

const prose = fc.array(phrase, { minLength: 3, maxLength: 12 }).map((ps) => `${ps.join('. ')}.`);
const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('<div>', '</div>', '<p>', '</span>', '<!--', '-->', '<![CDATA[', '<script>x</script>', '<table><tr><td>', '&#x0;', '&#9999999;', '<', '>', '\u0000', '<br/><br/>', '<select name="chapter"><option>1. One</option></select>', '<a href="viewstory.php?sid=7">x</a>', '<a href="https://x.org/works/1">w</a>'),
);

/** Block shapes the adapters look for: AO3 meta, FFN profile_top, eFiction pagetitle/listbox, header-block lines, prose. */
const block = fc.oneof(
  fc.tuple(phrase, phrase, phrase).map(([r, f, t]) => `<dl class="work meta group"><dt class="rating tags">Rating:</dt><dd class="rating tags"><ul><li><a class="tag">${r}</a></li></ul></dd><dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul><li><a class="tag">${f}</a></li></ul></dd><dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt>Words:</dt><dd class="words">${t}</dd><dt>Chapters:</dt><dd class="chapters">1/?</dd></dl></dd></dl>`),
  fc.tuple(phrase, phrase, phrase).map(([t, a, s]) => `<h2 class="title heading">${t}</h2><h3 class="byline heading"><a rel="author" href="/users/${encodeURIComponent(a)}">${a}</a></h3><div class="summary module"><blockquote class="userstuff">${s}</blockquote></div>`),
  fc.tuple(phrase, phrase, phrase).map(([t, a, i]) => `<div id="profile_top"><b class="xcontrast_txt">${t}</b> By: <a class="xcontrast_txt" href="/u/1/${a}">${a}</a><div class="xcontrast_txt">${i}</div><span class="xgray xcontrast_txt">Rated: <a>Fiction T</a> - English - ${i} - Words: 1,234 - Published: <span data-xutime="1">Jan 1</span></span></div>`),
  prose.map((p) => `<div id="storytext" class="storytext"><p>${p}</p></div>`),
  fc.tuple(phrase, phrase).map(([t, a]) => `<div id="pagetitle"><a href="viewstory.php?sid=12">${t}</a> by <a href="viewuser.php?uid=3">${a}</a></div>`),
  fc.tuple(phrase, phrase).map(([t, s]) => `<div class="listbox"><div class="title"><a href="viewstory.php?sid=5">${t}</a></div><div class="content"><span class="label">Summary:</span> ${s}<br><span class="label">Rated:</span> R</div></div>`),
  prose.map((p) => `<div id="story"><p>${p}</p></div>`),
  fc.array(headerLine, { minLength: 1, maxLength: 8 }).chain((lines) => fc.constantFrom('<br>', '</p><p>', '\n', '<br/>\n').map((sep) => `<p>${lines.join(sep)}</p>`)),
  prose.map((p) => `<p>${p}</p>`),
  junk,
);

const wrapper = fc.constantFrom('%s', '<div class="entry-content">%s</div>', '<article>%s</article>', '<div id="workskin"><div class="preface group">%s</div></div>', '<pre>%s</pre>', '<table><tr><td>%s</td></tr></table>', '<div id="content">%s</div>');

/** A whole random page: blocks from the grammar mixed with junk, inside a wrapper, sometimes without <html>/<body>. */
export const randomPage = fc
  .tuple(fc.array(block, { minLength: 0, maxLength: 12 }), wrapper, phrase, fc.boolean())
  .map(([blocks, wrap, title, full]) => {
    const body = wrap.replace('%s', blocks.join('\n'));
    return full ? `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>` : body;
  });

export const randomUrl = fc.constantFrom(
  'https://archiveofourown.org/works/123',
  'https://www.fanfiction.net/s/42/1/',
  'https://www.fictionpress.com/s/9/2/',
  'https://archive.example.org/viewstory.php?sid=12',
  'https://someone.livejournal.com/1234.html',
  'file:///tmp/saved.html',
);

/** Header-block input: key lines, prose lines and blank lines in any order. */
export const headerLines = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(headerLabel, separator, phrase).map(([l, s, v]) => `${l}${s}${v}`) },
    { weight: 2, arbitrary: prose },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  ),
  { maxLength: 30 },
);

// ───────────────────────── figures ─────────────────────────

export const FUZZ_SEED = Number(process.env.FICSHELF_FUZZ_SEED ?? 20261121);
/** Property runs: a few hundred fit CI; FICSHELF_FUZZ_RUNS raises it for a long local run. */
export const FUZZ_RUNS = Number(process.env.FICSHELF_FUZZ_RUNS ?? 300);
/**
 * Byte cut points per page: each is a fresh parse of the page, classified with
 * and without generic, so CI runs two (the tree cuts below give the many
 * points); FICSHELF_FUZZ_CUTS=20 for the full run.
 */
export const CUTS_PER_PAGE = Number(process.env.FICSHELF_FUZZ_CUTS ?? 2);
/**
 * Tree cuts per page: the parsed page cut after its k-th node, spread over the
 * whole page. Cheap (one parse per page, no copy), so CI runs many;
 * FICSHELF_TREE_CUTS raises it.
 */
export const TREE_CUTS_PER_PAGE = Number(process.env.FICSHELF_TREE_CUTS ?? 12);

const FIGURES = path.join(ROOT, '.bench', 'reliability-fuzz.json');

/** Merges one suite's figures into .bench/reliability-fuzz.json (each test file owns its section). */
export function recordFigures(section: string, figures: Record<string, unknown>): void {
  mkdirSync(path.dirname(FIGURES), { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FIGURES, 'utf8'));
  } catch {
    // First suite to finish, or a file cut short by a concurrent writer: start over.
  }
  all[section] = { ...figures, recordedAt: new Date().toISOString() };
  const tmp = `${FIGURES}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`);
  renameSync(tmp, FIGURES);
}
