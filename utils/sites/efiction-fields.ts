import type { Blurb, Rating, SeriesRef, StoryStatus } from '../story';
import { parseCount, squash, isoDate } from '../metadata/text';
import { parseRating } from '../metadata/rating';

/**
 * eFiction prints story information as "<label>Key:</label> value" runs
 * separated by <br> (storyblock, listings, printstory templates). Skins use
 * `span.label` (3.x default) or plain <b>/<strong> (older and German skins).
 */

/** One "Key: value" pair as the page shows it. */
export interface LabeledValue {
  key: string;
  text: string;
  /** The value's nodes, for link-aware list splitting. */
  nodes: Node[];
}

/** Keys a bold word may stand for; bold text elsewhere is not a label. */
const KNOWN_KEYS =
  /^(summary|rated|rating|categories|category|characters|genres?|warnings?|pairings?|relationships?|ships?|series|chapters|completed|complete|word ?count|words|published|updated|status|challenges?|read|read count|hits|reviews|disclaimer|story notes|language|era|type|fandoms?)$/i;

const isElement = (n: Node | null): n is Element => !!n && n.nodeType === 1;

/** The label's own words ("Published" from "<span>[Add to Favorites] Published: </span>"). */
function labelKey(label: Element): string {
  let own = '';
  for (let c = label.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue ?? '';
  const text = squash(own) || squash(label.textContent);
  const m = /([\p{L}][\p{L}' ]*?)\s*:?\s*$/u.exec(text.replace(/[:\s]+$/, ''));
  return squash(m ? m[1] : text);
}

/** Is this element a field label? `span.label` always; bold only for known keys. */
export function isLabel(el: Element): boolean {
  const text = squash(el.textContent);
  if (!text || text.length > 60) return false;
  if (el.classList.contains('label')) return true;
  const tag = el.tagName;
  if (tag !== 'B' && tag !== 'STRONG') return false;
  return KNOWN_KEYS.test(text.replace(/\s*:\s*$/, ''));
}

/** Every label inside `root`, in document order. */
export function findLabels(root: Element | Document): Element[] {
  return Array.from(root.querySelectorAll('.label, b, strong')).filter(isLabel);
}

/** The value after a label: its following siblings up to the next label or line break. */
function valueNodes(label: Element, labels: Set<Element>): Node[] {
  const nodes: Node[] = [];
  for (let n = label.nextSibling; n; n = n.nextSibling) {
    if (isElement(n)) {
      if (n.tagName === 'BR' || labels.has(n)) break;
      if (n.tagName === 'DIV' && n.querySelector('.label')) break;
      if (Array.from(labels).some((l) => n.contains(l))) break;
    }
    nodes.push(n);
  }
  return nodes;
}

function nodesText(nodes: Node[]): string {
  // Comments ("<!-- WORDCOUNT START -->") are markup, not part of the value.
  return squash(nodes.map((n) => (n.nodeType === 8 ? '' : (n.textContent ?? ''))).join(''));
}

/** "Key: value" pairs under `root`, first occurrence of each key wins. */
export function readLabeledValues(root: Element | Document): Map<string, LabeledValue> {
  const labels = findLabels(root);
  const set = new Set(labels);
  const out = new Map<string, LabeledValue>();
  for (const label of labels) {
    const key = labelKey(label);
    if (!key || out.has(key.toLowerCase())) continue;
    const nodes = valueNodes(label, set);
    // Separators some skins put between fields on one line ("3 | Completed: No").
    const text = nodesText(nodes).replace(/^[:\s|•·]+|[\s|•·]+$/g, '');
    out.set(key.toLowerCase(), { key, text, nodes });
  }
  return out;
}

/**
 * A list value: one entry per link where the value is links (category paths
 * "Parent > Child" stay one entry, and names may contain commas), otherwise
 * split on commas. "None" means empty.
 */
export function listValue(value: LabeledValue | undefined): string[] {
  if (!value || /^(none|n\/a|-)?$/i.test(value.text)) return [];
  const items: string[] = [];
  let current: string[] = [];
  let sawLink = false;
  let joinNext = false;
  const flush = () => {
    if (current.length) items.push(current.join(' > '));
    current = [];
  };
  // Document order with an explicit stack (nodes still to visit, next on top): deep nesting cannot overflow the call stack.
  const pending: Node[] = [...value.nodes].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isElement(node) && node.tagName === 'A') {
      const name = squash(node.textContent);
      if (!name) continue;
      sawLink = true;
      if (!joinNext) flush();
      current.push(name);
      joinNext = false;
    } else if (isElement(node)) {
      for (let c = node.lastChild; c; c = c.previousSibling) pending.push(c);
    } else if (node.nodeType === 3 && /[>»]/.test(node.nodeValue ?? '')) {
      joinNext = true;
    }
  }
  flush();
  if (sawLink) return items;
  return value.text
    .split(/\s*,\s*/)
    .map((s) => s.trim())
    .filter((s) => s && !/^none$/i.test(s));
}

/** The parsed story information the storyblock shows. */
export interface StoryInfo {
  fields: Record<string, string>;
  summary?: string;
  rating?: Rating;
  categories: string[];
  characters: string[];
  relationships: string[];
  warnings: string[];
  tags: string[];
  series: SeriesRef[];
  status: StoryStatus;
  chapters?: number;
  words?: number;
  published?: string;
  updated?: string;
  disclaimer?: string;
}

/** Keys read into a Story field of their own (a "Status" row means status, not a tag); any other row is a classification, kept as tags. */
const NOT_TAGS =
  /^(summary|rated|rating|categories|category|characters|pairings?|relationships?|ships?|warnings?|genres?|series|chapters|completed|complete|status|word ?count|words|published|updated|challenges?|read|read count|hits|reviews|disclaimer|story notes|language|fandoms?)$/i;

/** eFiction ratings read "NC-17 - No One 17 and Under Admitted"; review counts may follow on listings. */
function ratingFrom(text: string): Rating | undefined {
  const clean = squash(text.replace(/\s*[[•|].*$/, ''));
  return clean ? parseRating(clean) : undefined;
}

function seriesFrom(value: LabeledValue | undefined, base: string): SeriesRef[] {
  if (!value) return [];
  const refs: SeriesRef[] = [];
  for (const node of value.nodes) {
    const links = isElement(node) ? (node.tagName === 'A' ? [node] : Array.from(node.querySelectorAll('a'))) : [];
    for (const a of links) {
      const name = squash(a.textContent);
      if (!name) continue;
      const href = a.getAttribute('href');
      let url: string | undefined;
      try {
        url = href ? new URL(href, base).href : undefined;
      } catch {
        url = undefined;
      }
      refs.push(url ? { name, url } : { name });
    }
  }
  if (refs.length === 0 && value.text && !/^none$/i.test(value.text)) refs.push({ name: value.text });
  return refs;
}

function statusFrom(text: string | undefined): StoryStatus {
  if (!text) return 'unknown';
  if (/^(yes|complete[d]?|y)\b/i.test(text)) return 'complete';
  if (/^(no|n|wip|in progress|incomplete)\b/i.test(text)) return 'in-progress';
  return 'unknown';
}

/** Reads a storyblock's "Key: value" rows into Story fields. */
export function readStoryInfo(root: Element | Document, base: string): StoryInfo {
  const values = readLabeledValues(root);
  const get = (...keys: string[]) => keys.map((k) => values.get(k)).find(Boolean);
  const fields: Record<string, string> = {};
  const tags: string[] = [];
  for (const v of values.values()) {
    fields[v.key] = v.text;
    if (!NOT_TAGS.test(v.key)) tags.push(...listValue(v));
  }
  const ratingValue = get('rated', 'rating');
  const chapters = get('chapters');
  const words = get('word count', 'wordcount', 'words');
  const summary = get('summary');
  const disclaimer = get('disclaimer');
  return {
    fields,
    summary: summary?.text || undefined,
    rating: ratingValue ? ratingFrom(ratingValue.text) : undefined,
    categories: listValue(get('categories', 'category')),
    characters: listValue(get('characters')),
    relationships: listValue(get('pairings', 'pairing', 'relationships', 'relationship', 'ships', 'ship')),
    warnings: listValue(get('warnings', 'warning')),
    tags: [...listValue(get('genres', 'genre')), ...tags],
    series: seriesFrom(get('series'), base),
    // "Completed: Yes/No" is the archive's own flag; a "Status" classification ("WIP") only stands in when it is missing.
    status: statusFrom(get('completed', 'complete')?.text ?? get('status')?.text),
    chapters: chapters ? parseCount(chapters.text) : undefined,
    words: words ? parseCount(words.text) : undefined,
    published: isoDate(get('published')?.text),
    updated: isoDate(get('updated')?.text),
    disclaimer: disclaimer?.text || undefined,
  };
}

/** Puts what a story-information block shows onto a story or a listing entry (the same fields on both). */
export function applyStoryInfo(target: Blurb, info: StoryInfo): void {
  target.fields = info.fields;
  if (info.summary) target.summary = info.summary;
  if (info.rating) target.rating = info.rating;
  target.categories = info.categories;
  target.characters = info.characters;
  target.relationships = info.relationships;
  target.warnings = info.warnings;
  target.tags = info.tags;
  if (info.series.length) target.series = info.series;
  target.status = info.status;
  if (info.words !== undefined) target.words = info.words;
  if (info.published) target.published = info.published;
  if (info.updated) target.updated = info.updated;
}
