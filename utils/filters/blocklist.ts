import type { Blocklist } from '../settings';
import type { Author, Blurb, Story } from '../story';
import { canonicalFandom } from '../metadata/fandom-names';

/**
 * Tag and author blocklists, matched the way AO3 Savior readers expect:
 * case-insensitive, the whole tag (not a word inside it), `*` standing for any
 * run of characters anywhere in the entry, surrounding spaces ignored.
 *
 * Allowlists override a block from the same list:
 * - a story that carries an allowed tag is exempt from every tag block
 *   (AO3 Savior's "always show works with this tag"), but an author block still holds;
 * - a story by an allowed author is exempt from author AND tag blocks: the reader
 *   trusts that writer whatever they tag. Ratings, warnings and spoilers still apply.
 */

/** Lower-cased, spaces squashed, so "Major  Character Death " equals "major character death". */
function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

const compiled = new Map<string, RegExp>();

/** The entry as an anchored pattern; compiled once per distinct entry. */
function entryPattern(entry: string): RegExp {
  const key = normalize(entry);
  let pattern = compiled.get(key);
  if (!pattern) {
    const source = key
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    pattern = new RegExp(`^${source}$`, 'u');
    compiled.set(key, pattern);
  }
  return pattern;
}

/** Whether one blocklist entry matches one value (a tag or a name), whole, ignoring case. */
export function matchesEntry(entry: string, value: string): boolean {
  if (normalize(entry) === '' || normalize(value) === '') return false;
  return entryPattern(entry).test(normalize(value));
}

/** The first entry that matches the value, if any. */
export function matchingEntry(entries: readonly string[], value: string): string | undefined {
  return entries.find((entry) => matchesEntry(entry, value));
}

/** A tag as the story shows it, and every form a blocklist entry may name it by. */
interface TagForms {
  tag: string;
  forms: string[];
}

/**
 * Every tag-like value a story shows, as the page shows it: the rating (on AO3 it is a
 * tag, and Savior users block "Explicit" by name), warnings, categories,
 * fandoms (also under their canonical name, so "Buffy the Vampire Slayer" blocks
 * "Buffy the Vampire Slayer (TV)"), relationships, characters and freeform tags.
 */
export function storyTags(item: Story | Blurb): TagForms[] {
  const fandoms = item.fandoms.map((f) => ({ tag: f, forms: [f, canonicalFandom(f)] }));
  const plain = [item.rating.raw, ...item.warnings, ...item.categories, ...item.relationships, ...item.characters, ...item.tags];
  const all = [...fandoms, ...plain.map((t) => ({ tag: t, forms: [t] }))];
  const seen = new Set<string>();
  return all.filter(({ tag }) => {
    const key = normalize(tag);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const anyForm = (entries: readonly string[], t: TagForms) => t.forms.some((form) => matchingEntry(entries, form));

/** The names an author can be blocked by: the display name, and for AO3 "Pseud (username)" each part. */
export function authorNames(author: Author): string[] {
  const name = author.name.trim();
  const pseud = /^(.+?)\s*\(([^()]+)\)$/.exec(name);
  return pseud ? [name, pseud[1]!, pseud[2]!] : [name];
}

export interface BlockResult {
  /** Authors (as displayed) that the author blocklist matches. */
  authors: string[];
  /** Tags (as the story shows them) that the tag blocklist matches. */
  tags: string[];
}

function byAllowedAuthor(item: Story | Blurb, list: Blocklist): boolean {
  return item.authors.some((a) => authorNames(a).some((n) => matchingEntry(list.allowAuthors, n)));
}

/** What the blocklist holds against the item, after the allowlists; empty lists when nothing does. */
export function blockedBy(item: Story | Blurb, list: Blocklist): BlockResult {
  const none: BlockResult = { authors: [], tags: [] };
  if (list.tags.length === 0 && list.authors.length === 0) return none;
  if (byAllowedAuthor(item, list)) return none;
  const authors = item.authors
    .filter((a) => authorNames(a).some((n) => matchingEntry(list.authors, n)))
    .map((a) => a.name.trim());
  const tags = storyTags(item);
  const tagAllowed = tags.some((t) => anyForm(list.allowTags, t));
  const blockedTags = tagAllowed ? [] : tags.filter((t) => anyForm(list.tags, t)).map((t) => t.tag.trim());
  return { authors, tags: blockedTags };
}
