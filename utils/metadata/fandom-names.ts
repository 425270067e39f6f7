import { FANDOMS, type FandomData } from '../fandoms';
import { foldsSafely } from './hint-scan';
import { LETTER_OR_DIGIT } from './text';

/** What a page says that may name its fandom (used when the page names none). */
export interface FandomEvidence {
  disclaimer?: string;
  summary?: string;
  title?: string;
  text?: string;
  characters?: string[];
  relationships?: string[];
}

const foldKey = (name: string) => name.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();

const BY_ALIAS = new Map<string, FandomData>();
for (const fandom of FANDOMS) {
  for (const alias of [fandom.name, ...fandom.aliases]) {
    const key = foldKey(alias);
    if (!BY_ALIAS.has(key)) BY_ALIAS.set(key, fandom);
  }
}

/** The fandom an alias or site tag stands for, if FicShelf knows it. */
export function findFandom(name: string): FandomData | undefined {
  const key = foldKey(name);
  return BY_ALIAS.get(key) ?? BY_ALIAS.get(key.replace(/\s*\([^)]*\)\s*$/, ''));
}

/** Canonical fandom name for an alias or site tag ("BtVS" → "Buffy the Vampire Slayer"); unknown names pass through. */
export function canonicalFandom(name: string): string {
  return findFandom(name)?.name ?? name.trim();
}

/** Data for a canonical fandom name (or any alias). */
export function fandomData(name: string): FandomData | undefined {
  return findFandom(name);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whole-word search. Single words are matched case-sensitively so that
 * "Supernatural" the show is not "a supernatural creature" and "Angel" the
 * name is not "angel food cake"; longer phrases ignore case.
 */
function phraseRegExp(phrase: string, sticky = false): RegExp {
  const flags = ignoresCase(phrase) ? 'iu' : 'u';
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, sticky ? `${flags}y` : flags);
}

const ignoresCase = (phrase: string) => /\s/.test(phrase.trim());

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;

interface Candidate {
  phrase: string;
  /** Compiled when the phrase's first word is first met: most never are. */
  re?: RegExp;
  /**
   * What the text (for phrases that keep case) or its lower case (for those
   * that ignore it) must hold where the phrase matches; undefined when lower
   * case cannot tell (a character case-insensitive matching pairs otherwise).
   */
  literal?: string;
}

/** One character into a first word: the phrases whose first word ends here, and the characters that go on. */
interface WordNode {
  candidates: Candidate[] | null;
  next: Map<number, WordNode>;
}

const wordNode = (): WordNode => ({ candidates: null, next: new Map() });

/**
 * Which of many phrases a text mentions, each as `phraseRegExp` reads it, in
 * one pass over the text's words instead of one regular expression per
 * phrase. A phrase that starts with a letter or digit can only match where a
 * word of the text starts (its expression refuses a letter or digit before
 * it), and that word is then the phrase's own first word (compared ignoring
 * case for phrases that ignore case); so only the phrases filed under the
 * text's words are tried, each at that word, with the phrase's own expression.
 */
export class PhraseFinder {
  /**
   * By first word, in tries of its characters (walked along each word of a
   * text without building it): as written for phrases that keep case,
   * lower-cased for those that ignore it.
   */
  private readonly wordTrie = wordNode();
  private readonly foldedTrie = wordNode();
  /** Phrases starting with punctuation: tried the plain way. */
  private readonly others: Array<{ phrase: string; re: RegExp }> = [];

  constructor(phrases: Iterable<string>) {
    for (const phrase of new Set(phrases)) {
      if (!phrase) continue;
      const first = phrase.match(WORD_RUN)?.[0];
      if (!first || !STARTS_WITH_WORD.test(phrase)) {
        this.others.push({ phrase, re: phraseRegExp(phrase) });
        continue;
      }
      const folds = ignoresCase(phrase);
      const list = folds ? filedUnder(this.foldedTrie, first.toLowerCase()) : filedUnder(this.wordTrie, first);
      list.push({ phrase, literal: !folds ? phrase : foldsSafely(phrase) ? phrase.toLowerCase() : undefined });
    }
  }

  /** The phrases the text mentions. */
  find(text: string | undefined): Set<string> {
    const found = new Set<string>();
    if (!text) return found;
    const lower = text.toLowerCase();
    // Lower case read unit by unit is each word's own lower case, and folds as matching does, unless the text holds a
    // letter that lower-cases into two units ("İ"), the long s, or a sigma (its lower case depends on what follows).
    if (lower.length === text.length && !lower.includes('\u017f') && !text.includes('\u03a3')) this.findAlongTries(text, lower, found);
    else this.findByWords(text, found);
    for (const { phrase, re } of this.others) if (re.test(text)) found.add(phrase);
    return found;
  }

  /** Walks each word of the text down both tries, unit by unit. */
  private findAlongTries(text: string, lower: string, found: Set<string>): void {
    const length = text.length;
    let at = 0;
    while (at < length) {
      let width = wordWidth(text, at);
      if (width === 0) {
        at += unitsAt(text, at);
        continue;
      }
      const start = at;
      let asWritten: WordNode | undefined = this.wordTrie;
      let folded: WordNode | undefined = this.foldedTrie;
      while (width > 0) {
        for (let unit = at; unit < at + width; unit++) {
          asWritten = asWritten?.next.get(text.charCodeAt(unit));
          folded = folded?.next.get(lower.charCodeAt(unit));
        }
        at += width;
        width = wordWidth(text, at);
      }
      if (asWritten?.candidates) tryAt(asWritten.candidates, text, start, found, text);
      if (folded?.candidates) tryAt(folded.candidates, text, start, found, lower);
    }
  }

  /** The words one by one, as found by WORD_RUN, for texts whose lower case the tries cannot follow. */
  private findByWords(text: string, found: Set<string>): void {
    const words = new RegExp(WORD_RUN);
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const asWritten = nodeOf(this.wordTrie, m[0])?.candidates;
      if (asWritten) tryAt(asWritten, text, m.index, found, text);
      const folded = nodeOf(this.foldedTrie, m[0].toLowerCase())?.candidates;
      if (folded) tryAt(folded, text, m.index, found);
    }
  }
}

/** The candidate list filed under `word`, made (with the trie's path to it) when there is none. */
function filedUnder(trie: WordNode, word: string): Candidate[] {
  let node = trie;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    let child = node.next.get(code);
    if (!child) node.next.set(code, (child = wordNode()));
    node = child;
  }
  return (node.candidates ??= []);
}

/** The node `word` leads to, if the trie has it. */
function nodeOf(trie: WordNode, word: string): WordNode | undefined {
  let node: WordNode | undefined = trie;
  for (let k = 0; k < word.length && node; k++) node = node.next.get(word.charCodeAt(k));
  return node;
}

/**
 * Tries each candidate not yet found at `at` with its own expression. When
 * `literals` is given (the text, or its lower case where that folds as
 * matching does), a candidate's literal must be there first: a cheap test
 * that rules out "The Adventures of Merlin" at every "the".
 */
function tryAt(candidates: Candidate[], text: string, at: number, found: Set<string>, literals?: string): void {
  for (const candidate of candidates) {
    if (found.has(candidate.phrase)) continue;
    if (literals !== undefined && candidate.literal !== undefined && !literals.startsWith(candidate.literal, at)) continue;
    const re = (candidate.re ??= phraseRegExp(candidate.phrase, true));
    re.lastIndex = at;
    if (re.test(text)) found.add(candidate.phrase);
  }
}

/** UTF-16 units of the code point at `at`. */
const unitsAt = (text: string, at: number) => (text.codePointAt(at)! > 0xffff ? 2 : 1);

/** Units of the letter or digit at `at` (as WORD_RUN reads them), or 0 when there is none. */
function wordWidth(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  const point = text.codePointAt(at)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** A term (alias or owner) and the fandoms it may point at. */
interface Term {
  phrase: string;
  fandoms: FandomData[];
  weight: number;
}

/** Aliases too short or too common to read in prose ("HP", "DS", "TW"): kept for tags only. */
const PROSE_UNSAFE_ALIAS = /^[A-Za-z]{1,2}$/;

function buildTerms(): { aliases: Term[]; owners: Term[] } {
  const aliasMap = new Map<string, Set<FandomData>>();
  const ownerMap = new Map<string, Set<FandomData>>();
  const add = (map: Map<string, Set<FandomData>>, phrase: string, fandom: FandomData) => {
    if (!map.has(phrase)) map.set(phrase, new Set());
    map.get(phrase)!.add(fandom);
  };
  for (const fandom of FANDOMS) {
    for (const alias of [fandom.name, ...fandom.aliases]) if (!PROSE_UNSAFE_ALIAS.test(alias)) add(aliasMap, alias, fandom);
    for (const owner of fandom.owners) add(ownerMap, owner, fandom);
  }
  // A name that is also a character elsewhere ("Angel") is shared evidence too.
  for (const fandom of FANDOMS)
    for (const c of fandom.characters) if (aliasMap.has(c.common)) add(aliasMap, c.common, fandom);
  const toTerms = (map: Map<string, Set<FandomData>>, weight: number) =>
    [...map].map(([phrase, set]) => ({ phrase, fandoms: [...set], weight }));
  return { aliases: toTerms(aliasMap, 6), owners: toTerms(ownerMap, 3) };
}

const TERMS = buildTerms();
const ALIASES_LONGEST_FIRST = [...TERMS.aliases].sort((a, b) => b.phrase.length - a.phrase.length);

let finder: PhraseFinder | undefined;

/** Every alias, owner and character name inference reads, in one finder; built on first use. */
function phraseFinder(): PhraseFinder {
  finder ??= new PhraseFinder([
    ...TERMS.aliases.map((t) => t.phrase),
    ...TERMS.owners.map((t) => t.phrase),
    ...FANDOMS.flatMap((f) => f.characters.flatMap((c) => [c.name, c.common, ...(c.also ?? [])])),
  ]);
  return finder;
}

/** Scores from naming evidence: aliases in disclaimer/title/summary, owners in the disclaimer and summary. */
function namingScores(evidence: FandomEvidence): Map<FandomData, { score: number; unshared: boolean }> {
  const scores = new Map<FandomData, { score: number; unshared: boolean }>();
  const credit = (term: Term, scale: number) => {
    for (const fandom of term.fandoms) {
      const entry = scores.get(fandom) ?? { score: 0, unshared: false };
      entry.score += (term.weight * scale) / term.fandoms.length;
      if (term.fandoms.length === 1) entry.unshared = true;
      scores.set(fandom, entry);
    }
  };
  const named = [evidence.disclaimer, evidence.title, evidence.summary].filter(Boolean).join('\n');
  const inNamed = phraseFinder().find(named);
  // Longest phrases first, and a phrase inside a longer match is not counted twice.
  const seen: string[] = [];
  for (const term of ALIASES_LONGEST_FIRST) {
    if (seen.some((s) => s.toLowerCase().includes(term.phrase.toLowerCase()))) continue;
    if (inNamed.has(term.phrase)) {
      seen.push(term.phrase);
      credit(term, 1);
    }
  }
  const ownerText = [evidence.disclaimer, evidence.summary].filter(Boolean).join('\n');
  const inOwnerText = phraseFinder().find(ownerText);
  let inDisclaimer: Set<string> | undefined;
  for (const term of TERMS.owners) {
    if (seen.some((s) => s.toLowerCase().includes(term.phrase.toLowerCase()))) continue;
    if (inOwnerText.has(term.phrase)) {
      seen.push(term.phrase);
      inDisclaimer ??= phraseFinder().find(evidence.disclaimer);
      credit(term, inDisclaimer.has(term.phrase) ? 1 : 0.5);
    }
  }
  return scores;
}

/** Names that are also everyday words: in prose they say nothing ("Dawn broke", "have faith"). */
const EVERYDAY_WORDS = new Set(['Faith', 'Dawn', 'Harmony', 'Rose', 'River', 'Ruby', 'Welsh', 'Chapel', 'Lee', 'Jo', 'the Doctor', 'the Master', 'Kennedy']);

interface CastHits {
  /** Characters named in the character and pairing lists. */
  listed: Set<string>;
  /** Characters named in the lists or the opening text. */
  all: Set<string>;
}

/** Distinct characters of each fandom named in the character and pairing lists or the opening text. */
function characterHits(evidence: FandomEvidence): Map<FandomData, CastHits> {
  const listed = phraseFinder().find([...(evidence.characters ?? []), ...(evidence.relationships ?? [])].join('\n'));
  const prose = phraseFinder().find(evidence.text);
  const hits = new Map<FandomData, CastHits>();
  for (const fandom of FANDOMS) {
    const entry: CastHits = { listed: new Set(), all: new Set() };
    for (const c of fandom.characters) {
      const names = [c.name, c.common, ...(c.also ?? [])];
      if (names.some((n) => listed.has(n))) entry.listed.add(c.common);
      if (names.some((n) => !EVERYDAY_WORDS.has(n) && prose.has(n))) entry.all.add(c.common);
    }
    for (const name of entry.listed) entry.all.add(name);
    if (entry.all.size > 0) hits.set(fandom, entry);
  }
  return hits;
}

/** Characters needed before a cast alone names a fandom: fewer when the page lists them than when we find them in prose. */
const LISTED_CAST = 3;
const PROSE_CAST = 4;

const castIsEnough = (hits: CastHits, own: number) =>
  (hits.listed.size >= LISTED_CAST || hits.all.size >= PROSE_CAST) && own >= LISTED_CAST - 1;

/**
 * Fandoms a page implies when it does not name one, most likely first. A
 * disclaimer or title that names the fandom or its owners is strong evidence;
 * a cast is weaker and must be several distinct characters, most of them not
 * shared with a fandom already found. Thin evidence gives nothing.
 */
export function inferFandoms(evidence: FandomEvidence): string[] {
  const naming = namingScores(evidence);
  const cast = characterHits(evidence);
  const top = Math.max(0, ...[...naming.values()].map((e) => e.score));
  const accepted: FandomData[] = [];
  for (const [fandom, { score, unshared }] of naming) {
    if (score >= 3 && score >= top * 0.6 && (unshared || score >= 6)) accepted.push(fandom);
  }
  const byCast = [...cast].sort((x, y) => y[1].all.size - x[1].all.size || (naming.get(y[0])?.score ?? 0) - (naming.get(x[0])?.score ?? 0));
  for (const [fandom, hits] of byCast) {
    if (accepted.includes(fandom)) continue;
    // Characters shared with a fandom already found (Spike is in Buffy and Angel) do not count again.
    const known = new Set(accepted.flatMap((f) => [...(cast.get(f)?.all ?? [])]));
    const own = [...hits.all].filter((n) => !known.has(n)).length;
    // A cast every other candidate shares too (Angel, Cordelia, Wesley) cannot tell the fandoms apart.
    const others = [...cast].filter(([f]) => f !== fandom).flatMap(([, h]) => [...h.all]);
    const unique = [...hits.all].some((n) => !others.includes(n));
    if (unique && castIsEnough(hits, own)) accepted.push(fandom);
  }
  const weight = (f: FandomData) => (naming.get(f)?.score ?? 0) + (cast.get(f)?.all.size ?? 0);
  return accepted.sort((a, b) => weight(b) - weight(a)).map((f) => f.name);
}
