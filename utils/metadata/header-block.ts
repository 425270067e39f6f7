import type { Author, Note, Rating, SeriesRef, StoryStatus } from '../story';
import { canonicalFandom, findFandom } from './fandom-names';
import { parseRating } from './rating';
import { isoDate, parseCount, splitList, squash } from './text';

/**
 * The plain-text header many stories start with ("Title: Lost Soul",
 * "Rating: R for language", "Summary: …"). Pure text in, fields out: the
 * adapter turns a page into lines, this decides which lines are the header.
 */

/** What a header key means; `other` is a key we keep raw without a Story field. */
export type HeaderKey =
  | 'title' | 'author' | 'fandom' | 'pairing' | 'characters' | 'rating' | 'warnings' | 'category'
  | 'genre' | 'summary' | 'disclaimer' | 'notes' | 'spoilers' | 'words' | 'distribution' | 'feedback'
  | 'date' | 'series' | 'beta' | 'status' | 'dedication' | 'prompt' | 'other';

export interface HeaderField {
  /** The label as written ("Spoiler warning", "A/N"). */
  label: string;
  key: HeaderKey;
  value: string;
  /** Index of the line the key is on. */
  line: number;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** Short lines above the first key (a centered title, a by-line). */
  lead: string[];
  /** Index of the first header line. */
  start: number;
  /** Index of the first line after the header: the body starts at the first non-blank line from here. */
  end: number;
}

const LABELS: Record<string, HeaderKey> = {};
const label = (key: HeaderKey, ...names: string[]) => names.forEach((n) => (LABELS[n] = key));
label('title', 'title', 'story title', 'story', 'fic title', 'story name');
label('author', 'author', 'authors', 'author name', 'by', 'written by', 'writer', 'pen name', 'penname', 'pseud');
label('fandom', 'fandom', 'fandoms', 'universe', 'show', 'crossover', 'source', 'canon');
label('pairing', 'pairing', 'pairings', 'relationship', 'relationships', 'ship', 'ships', 'couple', 'couples', 'main pairing');
label('characters', 'character', 'characters', 'main characters', 'characters/pairings', 'characters/pairing', 'pairing/characters');
label('rating', 'rating', 'rated', 'ratings', 'overall rating');
label('warnings', 'warning', 'warnings', 'content warning', 'content warnings', 'archive warnings', 'trigger warning', 'trigger warnings');
label('category', 'category', 'categories');
label('genre', 'genre', 'genres', 'type');
label('summary', 'summary', 'synopsis', 'description', 'blurb', 'premise');
label('disclaimer', 'disclaimer', 'disclaimers');
label('notes', 'notes', 'note', 'a/n', 'an', "author's note", "author's notes", 'authors note', 'authors notes', 'author note', 'author notes', "authors' notes");
label('spoilers', 'spoiler', 'spoilers', 'spoiler warning', 'spoiler warnings', 'spoilers for', 'timeline', 'time line', 'setting');
label('words', 'word count', 'words', 'length', 'wordcount', 'word length');
label('distribution', 'distribution', 'archive', 'archiving', 'archive permission');
label('feedback', 'feedback', 'contact', 'email', 'e-mail', 'comments to');
label('date', 'date', 'written', 'date written', 'posted', 'date posted', 'published');
label('series', 'series', 'sequel to', 'prequel to', 'part of', 'sequel', 'prequel');
label('beta', 'beta', 'betas', 'beta reader', 'beta readers', "beta'd by", 'betaed by', 'beta by', 'thanks', 'thanks to');
label('status', 'status', 'completed', 'complete');
label('dedication', 'dedication', 'dedicated to', 'gift for');
label('prompt', 'prompt', 'challenge', 'written for', 'request');

/** Keys that say "this is fiction" on their own when two of them appear. */
const STORY_KEYS = new Set<HeaderKey>(['author', 'fandom', 'pairing', 'characters', 'rating', 'warnings', 'summary', 'disclaimer', 'spoilers']);

/** Labels of recipes, shop pages and book reviews: a key/value block that is not fiction. */
const NOT_FICTION = new Set([
  'ingredients', 'ingredient', 'servings', 'serves', 'yield', 'prep time', 'preparation time', 'cook time',
  'cooking time', 'total time', 'directions', 'instructions', 'method', 'calories', 'nutrition', 'cuisine', 'course',
  'price', 'our price', 'sale price', 'list price', 'sku', 'in stock', 'availability', 'shipping', 'brand', 'model',
  'quantity', 'condition', 'color', 'colour', 'size', 'weight', 'dimensions', 'add to cart',
  'isbn', 'isbn-10', 'isbn-13', 'publisher', 'pages', 'page count', 'format', 'binding', 'edition', 'asin',
  'reviewer', 'reviewed by', 'my rating', 'verdict', 'pros', 'cons',
]);

/** "Rating: 4/5 stars", "★★★★☆", "8 out of 10": a score, not an audience rating. */
const SCORE_RATING = /\d(?:\.\d+)?\s*(?:\/|out of)\s*\d|\bstars?\b|[★☆]/i;

/** Lower-case label with typographic apostrophes and spacing folded. */
export function normalizeLabel(raw: string): string {
  return raw.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/[\s.]+$/, '').trim();
}

export function headerKey(rawLabel: string): HeaderKey {
  return LABELS[normalizeLabel(rawLabel)] ?? 'other';
}

/** "Label: value" with a short label of 1–4 words; bold markers (**, __) around the label are tolerated. */
const COLON_LINE = /^[*_\s]*([A-Za-z][A-Za-z'’/&\-]*(?: [A-Za-z'’/&\-]+){0,3})[*_\s]*:[*_]*(?!\/\/)\s*(.*)$/;
/** "Title - Lost Soul": dashes separate only known labels, since prose uses dashes freely. */
const DASH_LINE = /^[*_\s]*([A-Za-z][A-Za-z'’/&\-]*(?: [A-Za-z'’/&\-]+){0,3})[*_\s]*\s[-–—]{1,2}\s+(.+)$/;

export interface KeyLine {
  label: string;
  key: HeaderKey;
  value: string;
}

/** Reads one line as a header key, or null when it is not one. */
export function parseKeyLine(line: string): KeyLine | null {
  const text = squash(line);
  let m = COLON_LINE.exec(text);
  if (m) {
    const rawLabel = m[1]!.trim();
    const value = m[2]!.replace(/^[*_]+\s*/, '').trim();
    const key = headerKey(rawLabel);
    if (key === 'other' && NOT_FICTION.has(normalizeLabel(rawLabel))) return { label: rawLabel, key, value };
    // Speech ("Buffy: "Hi."") and script lines are body, not keys.
    if (key === 'other' && /^["“'‘]/.test(value)) return null;
    return { label: rawLabel, key, value };
  }
  m = DASH_LINE.exec(text);
  if (m && headerKey(m[1]!) !== 'other') return { label: m[1]!.trim(), key: headerKey(m[1]!), value: m[2]!.trim() };
  return null;
}

/**
 * Labels that may start a second key on the same line ("Rating: PG-13 |
 * Pairing: Buffy/Spike", "Title: Lost Soul  Author: Michael"): the core
 * header words only, capitalised, followed by a colon. Words that also make
 * titles and prose ("Story", "Part of", "Setting") never split a line.
 */
const INLINE_LABELS = [
  'title', 'author', 'authors', 'fandom', 'fandoms', 'pairing', 'pairings', 'characters', 'character', 'rating', 'rated',
  'warning', 'warnings', 'category', 'categories', 'genre', 'genres', 'summary', 'disclaimer', 'spoilers', 'spoiler warning',
  'word count', 'wordcount', 'feedback', 'distribution', 'notes', 'a/n', "author's note", 'beta', 'status',
];
/** "Word count", "Word Count", "WORD COUNT": how a label starts a key, never lower case. */
const capitalised = (label: string) => [
  label[0]!.toUpperCase() + label.slice(1),
  label.replace(/(^|[\s/])(\w)/g, (_, edge: string, c: string) => edge + c.toUpperCase()),
  label.toUpperCase(),
];
const INLINE_KEY = new RegExp(
  `(?:\\s*[|•·;]\\s*|\\s+)(${[...new Set(INLINE_LABELS.flatMap(capitalised))].sort((a, b) => b.length - a.length).join('|')})\\s*:\\s+`,
  'g',
);

/** One line's keys: usually one, more where a line holds several ("Rating: PG | Pairing: X/S"); none when it is not a key line. */
export function parseKeyLines(line: string): KeyLine[] {
  const first = parseKeyLine(line);
  if (!first || first.key === 'other') return first ? [first] : [];
  const keys: KeyLine[] = [];
  let current = first;
  let rest = first.value;
  for (;;) {
    INLINE_KEY.lastIndex = 0;
    const m = INLINE_KEY.exec(rest);
    // A label needs a value before it: "Rating: Warnings: none" is one key with an odd value.
    if (!m || m.index === 0) break;
    keys.push({ ...current, value: rest.slice(0, m.index).trim() });
    const label = m[1]!;
    current = { label, key: headerKey(label), value: '' };
    rest = rest.slice(m.index + m[0].length);
  }
  keys.push({ ...current, value: rest.trim() });
  return keys;
}

/** Lines above the header we step over: a centered title, a by-line, a date. */
const MAX_LEAD_LINES = 6;
const MAX_LEAD_WORDS = 16;
/** Characters of page text (menus and all) read before a header must have started. */
const LEAD_TEXT_BUDGET = 20_000;

/** A field while its value may still run on: `continued` once a following line joined it. */
type WorkingField = HeaderField & { continued?: boolean };

const isBlank = (line: string) => squash(line) === '';
/** Whether a line has more than `max` words, counting no further (a news paragraph is long). */
function moreWordsThan(line: string, max: number): boolean {
  const text = squash(line);
  if (!text) return false;
  let words = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) if (++words > max) return true;
  return false;
}

/**
 * Decides, line by line, whether a text can still hold a header where
 * findHeaderBlock looks for one: it must start within the first few short
 * lines. Lets a caller that produces lines stop as soon as the answer is no,
 * instead of reading a whole news page.
 */
export class HeaderLeadScan {
  private lead = 0;
  private chars = 0;
  state: 'reading' | 'found' | 'none' = 'reading';

  /**
   * Text read so far, link menus included: a header comes before the first
   * few KB of a page's text, so a page that has shown none by then has none.
   */
  read(length: number): void {
    this.chars += length;
    if (this.state === 'reading' && this.chars > LEAD_TEXT_BUDGET) this.state = 'none';
  }

  /** One more line, as findHeaderBlock would get it ('' for a break). */
  push(line: string): void {
    if (this.state !== 'reading' || isBlank(line)) return;
    if (parseKeyLine(line)) this.state = 'found';
    else if (this.lead >= MAX_LEAD_LINES || moreWordsThan(line, MAX_LEAD_WORDS)) this.state = 'none';
    else this.lead++;
  }
}

/** How findHeaderBlock reads a line's keys: parseKeyLines, or a memo of it for a caller asking about the same lines again. */
export type KeyReader = (line: string) => KeyLine[];

/**
 * Finds the header among the first lines of a text (blank strings mark
 * paragraph breaks). A key's value runs on over following lines until a blank
 * line or the next key; the first line that is neither starts the body.
 * Returns null when there are fewer than two keys.
 */
export function findHeaderBlock(lines: readonly string[], keysOf: KeyReader = parseKeyLines): HeaderBlock | null {
  const lead: string[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (keysOf(line).length > 0) {
      start = i;
      break;
    }
    if (lead.length >= MAX_LEAD_LINES || moreWordsThan(line, MAX_LEAD_WORDS)) return null;
    lead.push(squash(line));
  }
  if (start < 0) return null;

  const fields: WorkingField[] = [];
  let current: WorkingField | null = null;
  let afterBlank = false;
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    const keys = keysOf(line);
    if (keys.length > 0) {
      for (const kv of keys) fields.push((current = { ...kv, line: i }));
    } else if (current && (!afterBlank || (current.value === '' && !current.continued))) {
      // A wrapped value, or the value of a bare "Summary:" given on the next paragraph.
      current.value = squash(`${current.value} ${line}`);
      current.continued = true;
    } else break;
    afterBlank = false;
    end = i + 1;
  }
  end = dropTrailingSpeech(fields, end);
  const clean = fields.map(({ label, key, value, line }) => ({ label, key, value, line }));
  return clean.length >= 2 ? { fields: clean, lead, start, end } : null;
}

/**
 * "Buffy: Hi there." right after the header is the first line of the story:
 * a trailing key we do not know, labelled with a single word, goes back to the body.
 */
function dropTrailingSpeech(fields: WorkingField[], end: number): number {
  while (fields.length > 0) {
    const last = fields[fields.length - 1]!;
    if (last.key !== 'other' || /\s/.test(last.label) || NOT_FICTION.has(normalizeLabel(last.label))) break;
    fields.pop();
    end = last.line;
  }
  return end;
}

/** Is this block the header of a story, rather than a recipe, a product or a review? */
export function isStoryHeader(block: HeaderBlock): boolean {
  const keys = block.fields.map((f) => f.key);
  if (block.fields.some((f) => NOT_FICTION.has(normalizeLabel(f.label)))) return false;
  if (block.fields.some((f) => f.key === 'rating' && SCORE_RATING.test(f.value))) return false;
  const storyKeys = new Set(keys.filter((k) => STORY_KEYS.has(k)));
  const known = keys.filter((k) => k !== 'other').length;
  if (keys.includes('title')) return known >= 2;
  return storyKeys.size >= 2;
}

/** What a header says, in Story terms; `fields` keeps every key raw. */
export interface HeaderStory {
  title?: string;
  authors: Author[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  rating?: Rating;
  warnings: string[];
  categories: string[];
  tags: string[];
  summary?: string;
  disclaimer?: string;
  notes: Note[];
  words?: number;
  published?: string;
  series?: SeriesRef[];
  status?: StoryStatus;
  fields: Record<string, string>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const splitNames = (value: string) => splitList(value, /\s*(?:[,;&]|\band\b)\s*/);

/** "BtVS/AtS" is two fandoms only when both halves are fandoms we know. */
function splitFandoms(value: string): string[] {
  return splitList(value, /\s*(?:[,;]|\s[x&]\s|\bcrossover\b)\s*/i).flatMap((item) => {
    const halves = item.split(/\s*\/\s*/);
    if (halves.length > 1 && halves.every((h) => findFandom(h))) return halves.map(canonicalFandom);
    return [canonicalFandom(item.replace(/\s+crossover$/i, ''))];
  });
}

function parseStatus(value: string): StoryStatus | undefined {
  if (/\b(?:wip|in[- ]progress|incomplete|ongoing|not complete|no)\b/i.test(value)) return 'in-progress';
  if (/\b(?:complete|completed|finished|yes)\b/i.test(value)) return 'complete';
  return undefined;
}

const uniq = (items: string[]) => [...new Set(items)];

/** Maps header fields to Story fields. */
export function headerStory(fields: readonly HeaderField[]): HeaderStory {
  const out: HeaderStory = {
    authors: [], fandoms: [], relationships: [], characters: [], warnings: [], categories: [], tags: [], notes: [], fields: {},
  };
  for (const { label, key, value } of fields) {
    out.fields[label] = out.fields[label] ? `${out.fields[label]}\n${value}` : value;
    if (!value) continue;
    switch (key) {
      case 'title': out.title ??= value; break;
      case 'author': out.authors.push(...splitNames(value.replace(/\s*[(<]?\S+@\S+[)>]?/g, '')).map((name) => ({ name }))); break;
      case 'fandom': out.fandoms.push(...splitFandoms(value)); break;
      case 'pairing': out.relationships.push(...splitList(value)); break;
      case 'characters':
        // "Characters: X/S" names a pairing: slashed items are relationships.
        for (const item of splitList(value)) (/\//.test(item) ? out.relationships : out.characters).push(item);
        break;
      case 'rating': out.rating ??= parseRating(value); break;
      case 'warnings': out.warnings.push(...splitList(value)); break;
      case 'category': out.categories.push(...splitList(value)); break;
      case 'genre': out.tags.push(...splitList(value)); break;
      case 'summary': out.summary = out.summary ? `${out.summary} ${value}` : value; break;
      case 'disclaimer': out.disclaimer = out.disclaimer ? `${out.disclaimer} ${value}` : value; break;
      case 'notes': out.notes.push({ position: 'before', text: value, html: `<p>${escapeHtml(value)}</p>` }); break;
      case 'words': out.words ??= parseCount(value); break;
      case 'date': out.published ??= isoDate(value); break;
      case 'status': out.status ??= parseStatus(value); break;
      case 'series':
        // A Series key naming a show ("Series: Buffy") is the fandom, not a story series.
        if (findFandom(value)) out.fandoms.push(canonicalFandom(value));
        else (out.series ??= []).push(parseSeries(value));
        break;
      default: break;
    }
  }
  out.fandoms = uniq(out.fandoms);
  out.relationships = uniq(out.relationships);
  out.characters = uniq(out.characters);
  return out;
}

function parseSeries(value: string): SeriesRef {
  const m = /^(.*?)[\s,(]*(?:part|book|#)\s*(\d+)(?:\s*of\s*\d+)?\)?\s*$/i.exec(value);
  return m && m[1] ? { name: m[1].trim(), part: Number(m[2]) } : { name: value };
}
