import type { Blurb, SpoilerMark, Story } from '../story';
import type { Episode, FandomData } from '../fandoms/types';
import { FANDOMS, fillGuides } from '../fandoms';
import { GUIDED_FANDOMS, guidesVersion, registeredGuide } from '../fandoms/guides';
import { episodeAt, episodesIn, findEpisode, lastEpisode } from '../fandoms/episodes';
import { canonicalFandom } from './fandom-names';
import { squash } from './text';
import { foldForStarts, literalStarts, StartIndex } from './hint-scan';

/**
 * Spoiler marks: how far into a show a story assumes the reader has watched.
 * A mark means "everything up to and including (season, episode)"; no episode
 * means the whole season. Marks come from header lines ("Spoilers: through
 * 5x15"), site tags ("Post-Episode: s06e19 Seeing Red"), summaries and notes
 * ("spoilers for season 6") and canon hints in the text.
 *
 * Decisions a reader may ask about:
 * - "Canon Compliant" gives no mark: it says the story does not contradict
 *   canon, not how far into canon it goes; a whole-series mark would hide every
 *   compliant season-one story from anyone who has not finished the show.
 * - "Episode Related", "Episode Tag", "Coda", "Missing Scene" alone give no
 *   mark (they do not say which episode); with an episode they give that one.
 * - "Pre-X" / "before X" means the episode (or season) before X; "Pre-Canon",
 *   "Pre-Series" give nothing.
 * - Within one line an episode is more precise than its own season ("within
 *   Season IV right after Hush" → 4x10), unless the season is a span ("through
 *   season 6, especially Seeing Red" keeps season 6).
 */

/** The fandoms whose guides a parse may use; tests pass their own. */
export interface SpoilerOptions {
  guides?: readonly FandomData[];
}

type Source = SpoilerMark['source'];

/**
 * The fandoms with an episode guide, and those with canon hints. Built once
 * per set of registered guides (they arrive on demand in a page, see
 * fandoms/guides.ts; a guide never changes once there), as a listing asks
 * for them once per tag of every blurb.
 */
let guideLists: { version: number; episodes: readonly FandomData[]; hints: readonly FandomData[] } | undefined;

function registeredGuideLists() {
  fillGuides();
  const version = guidesVersion();
  if (guideLists?.version !== version) {
    guideLists = {
      version,
      episodes: FANDOMS.filter((f) => (f.episodes?.length ?? 0) > 0),
      hints: FANDOMS.filter((f) => (f.hints?.length ?? 0) > 0),
    };
  }
  return guideLists;
}

const defaultGuides = (): readonly FandomData[] => registeredGuideLists().episodes;

const fold = (s: string) => squash(s).toLowerCase();
const stripParen = (s: string) => s.replace(/\s*\([^)]*\)\s*$/, '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A guide list's folded names → position of the first guide with that name, and answers already given. */
interface GuideIndex {
  byName: Map<string, number>;
  answers: Map<string, FandomData | undefined>;
}

const guideIndexes = new WeakMap<readonly FandomData[], GuideIndex>();

function guideIndex(guides: readonly FandomData[]): GuideIndex {
  let index = guideIndexes.get(guides);
  if (!index) {
    const byName = new Map<string, number>();
    guides.forEach((g, i) => {
      for (const a of [g.name, ...g.aliases]) if (!byName.has(fold(a))) byName.set(fold(a), i);
    });
    index = { byName, answers: new Map() };
    guideIndexes.set(guides, index);
  }
  return index;
}

/** The guide for a fandom name (canonical or alias), among the guides in use: the first in list order. */
function guideFor(name: string, guides: readonly FandomData[]): FandomData | undefined {
  const index = guideIndex(guides);
  if (index.answers.has(name)) return index.answers.get(name);
  let best = Infinity;
  for (const key of [fold(name), fold(stripParen(name)), fold(canonicalFandom(name))]) {
    best = Math.min(best, index.byName.get(key) ?? Infinity);
  }
  const guide = guides[best];
  index.answers.set(name, guide);
  return guide;
}

// ---------------------------------------------------------------- numbers

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12,
};
const ROMAN: Record<string, number> = {
  i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12,
};
/** A season number as fans write it: 4, 04, four, IV. */
const NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|xii|xi|x|ix|viii|vii|vi|iv|v|iii|ii|i)';
const ORDINAL = '(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d{1,2}(?:st|nd|rd|th))';

function toNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+/.test(w)) return parseInt(w, 10);
  return WORD_NUMBERS[w] ?? ROMAN[w];
}

// ---------------------------------------------------------------- references

/** Something a line points at, before it is tied to a fandom. */
interface Ref {
  start: number;
  end: number;
  season?: number;
  episode?: number;
  /** The fandom's last episode ("post-Chosen" is a title; "Post-Canon" is this). */
  last?: boolean;
  /** Found by title in this guide. */
  guide?: FandomData;
  /** A season phrased as a span ("through season 6"): an episode does not narrow it. */
  span?: boolean;
  /** "Pre-X" / "before X": the point before the reference. */
  pre?: boolean;
}

const SPAN_BEFORE = /(?:all\s+of|whole|entire|end\s+of|through|thru|up\s+to|until|till|including|spoilers?\s+(?:for|through))\s*(?:the\s+)?$/i;
const PRE_BEFORE = /(?:\bpre|\bbefore)\s*[-–:]?\s*(?:(?:the\s+)?(?:episode|ep\.?)\s*:?\s*)?["“'‘]?$/i;

/** Numeric references: episode codes first, then seasons, then "the whole show". */
const NUMERIC_PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Partial<Ref> | undefined }> = [
  // s04e10, S4E10, S4 E10, S4 Ep 10, s4, ep10
  { re: /\bs(\d{1,2})\s*[,.]?\s*e(?:p(?:isode)?)?\.?\s*(\d{1,3})\b/gi, read: (m) => ({ season: +m[1]!, episode: +m[2]! }) },
  // 4x10
  { re: /\b(\d{1,2})\s?x\s?(\d{1,3})\b/gi, read: (m) => ({ season: +m[1]!, episode: +m[2]! }) },
  // season 4 episode 10, series 2, ep 3
  {
    re: new RegExp(`\\b(?:season|series)\\s+${NUM}\\s*[,:]?\\s*(?:episode|ep\\.?)\\s*(\\d{1,3})\\b`, 'gi'),
    read: (m) => ({ season: toNumber(m[1]!), episode: +m[2]! }),
  },
  // ep 4.10, episode 4.10
  { re: /\b(?:episode|ep\.?)\s*(\d{1,2})\.(\d{1,3})\b/gi, read: (m) => ({ season: +m[1]!, episode: +m[2]! }) },
  // a bare 4.10 (not a decimal amount like 2.5k or 1.5%)
  { re: /(?<![\d.,\p{L}])(\d{1,2})\.(\d{1,2})(?![\d.,%\p{L}])/giu, read: (m) => ({ season: +m[1]!, episode: +m[2]! }) },
  // "all seven seasons", "all 7 seasons"
  { re: new RegExp(`\\ball\\s+(?:of\\s+the\\s+)?${NUM}\\s+(?:seasons|series)\\b`, 'gi'), read: (m) => ({ season: toNumber(m[1]!), span: true }) },
  // season 4, seasons 1-5, Season/Series 06, series IV
  {
    re: new RegExp(`\\b(?:seasons?|series)(?:\\s*/\\s*series)?\\s*${NUM}(?:\\s*(?:-|–|to|through|thru|and|&)\\s*${NUM})?\\b`, 'gi'),
    read: (m) => ({ season: toNumber(m[2] ?? m[1]!) }),
  },
  // fourth season, 4th series
  { re: new RegExp(`\\b${ORDINAL}\\s+(?:season|series)\\b`, 'gi'), read: (m) => ({ season: toNumber(m[1]!) }) },
  // S1-5, S1-S5
  { re: /\bs(\d{1,2})\s*[-–]\s*s?(\d{1,2})\b/gi, read: (m) => ({ season: +m[2]! }) },
  // S4, s04
  { re: /\bs(\d{1,2})\b/gi, read: (m) => ({ season: +m[1]! }) },
  // the end of the show
  {
    re: /\b(?:post|after)[-\s]*(?:the\s+)?(?:canon|series|show|finale|series\s+finale|end\s+of\s+(?:the\s+)?(?:series|show))\b|\bseries\s+finale\b|\b(?:all|every)\s+(?:the\s+)?(?:seasons|episodes)\b|\b(?:the\s+)?(?:whole|entire)\s+(?:series|show|run)\b|\bend\s+of\s+the\s+(?:series|show)\b/gi,
    read: () => ({ last: true }),
  },
];

/** Finds numeric references, each span read once (the first pattern that claims it wins). */
function numericRefs(text: string): Ref[] {
  const refs: Ref[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  for (const { re, read } of NUMERIC_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const got = read(m);
      if (!got || (got.season === undefined && !got.last)) continue;
      if (got.season !== undefined && (got.season < 1 || got.season > 40)) continue;
      taken.push([start, end]);
      refs.push({ start, end, ...got });
    }
  }
  return refs;
}

// ---------------------------------------------------------------- titles

/**
 * An expression compiled on first use; null when it does not compile (a
 * broken pattern in the data matches nothing and breaks no page). In V8
 * building an expression with Unicode classes (\p{L}) costs about a
 * millisecond, and a page compiled every title of a guide, every fandom alias
 * and every canon hint of a guide on its first read (a listing's first read:
 * 300 ms of its 390; a Buffy story's, about 70 ms for the hints); a line or
 * text only ever runs the few whose words or starts it holds.
 */
function lazyRegExp(source: string, flags: string): () => RegExp | null {
  let re: RegExp | null | undefined;
  return () => {
    if (re === undefined) {
      try {
        re = new RegExp(source, flags);
      } catch {
        re = null;
      }
    }
    return re;
  };
}

interface TitlePattern {
  regExp: () => RegExp | null;
  episode: Episode;
  /** One word ("Hush", "She"): only counts right after a cue word, in quotes, or alone. */
  single: boolean;
  /**
   * The words every match must hold, lower case without apostrophes, longest
   * first (not "the", not part numbers, which may be written other ways): a
   * line lacking one cannot match, and is not run through (nor compiles) the
   * expression.
   */
  words: string[];
}

const probeText = (text: string) => text.toLowerCase().replace(/['’]/g, '');

function wordsOf(title: string): string[] {
  const words = probeText(title).split(/[^\p{L}\p{N}]+/u).filter((w) => w && w !== 'the' && !(w in PART_NUMBER));
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

const SEP = `[^\\p{L}\\p{N}]+`;

/** Part numbers written any way ("Part One", "Part 1", "Part I"). */
const PART_NUMBER: Record<string, string> = {
  part: '(?:part|pt\\.?)',
  one: '(?:one|1|i)',
  two: '(?:two|2|ii)',
  three: '(?:three|3|iii)',
  '1': '(?:one|1|i)',
  '2': '(?:two|2|ii)',
  '3': '(?:three|3|iii)',
};

/** The source of an expression that reads a title the way fans type it: any case, any punctuation, optional "The" (flags giu). */
function titleSource(title: string): string | undefined {
  const words = title
    .replace(/^the\s+/i, '')
    .split(/[^\p{L}\p{N}'’&]+/u)
    .filter(Boolean)
    .map((w) => PART_NUMBER[w.toLowerCase()] ?? (w === '&' ? '(?:&|and)' : escapeRegExp(w).replace(/['’]/g, "['’]?")));
  if (words.length === 0) return undefined;
  return `(?<![\\p{L}\\p{N}])(?:the${SEP})?${words.join(SEP)}(?![\\p{L}\\p{N}])`;
}

/** Two-part titles ("Becoming, Part 2", "Becoming (2)") without the part: "Becoming". */
function partlessTitle(title: string): string | undefined {
  const base = title.replace(/(?:\s*[,:(-]\s*|\s+)(?:(?:part|pt\.?)\s*)?(?:\d|one|two|three|i{1,3})\)?\s*$/i, '');
  return base !== title && base.length > 2 ? base : undefined;
}

const titleCache = new WeakMap<FandomData, TitlePattern[]>();

function titlePatterns(guide: FandomData): TitlePattern[] {
  const cached = titleCache.get(guide);
  if (cached) return cached;
  const patterns: TitlePattern[] = [];
  const seen = new Set<string>();
  const add = (title: string, episode: Episode) => {
    const key = title.toLowerCase();
    if (seen.has(key)) return;
    const source = titleSource(title);
    if (!source) return;
    seen.add(key);
    patterns.push({ regExp: lazyRegExp(source, 'giu'), episode, single: !/[\s\p{P}]/u.test(title.replace(/^the\s+/i, '').trim()), words: wordsOf(title) });
  };
  const episodes = guide.episodes ?? [];
  for (const e of episodes) for (const t of [e.title, ...(e.also ?? [])]) add(t, e);
  // A two-parter named without its part means the whole story: the last part.
  for (const e of [...episodes].reverse()) {
    for (const t of [e.title, ...(e.also ?? [])]) {
      const base = partlessTitle(t);
      if (base) add(base, findEpisode(guide, base) ?? e);
    }
  }
  titleCache.set(guide, patterns);
  return patterns;
}

/** Words after which a one-word title is meant as a title ("after Hush", "post-Grave", "Episode: Hush"). */
const TITLE_CUE = /(?:^|\b(?:after|post|pre|through|thru|up\s+to|until|till|including|incl|for|to|from|episode|ep|before|during|in|and|tag|coda|scene)|[,:;(&/\-–—"“'‘])\s*[-–:]?\s*["“'‘]?$/i;

/** "Angel's return": a name, not the episode "Angel". */
const POSSESSIVE = /^['’]s\b/;

function isQuoted(text: string, start: number, end: number): boolean {
  return /["“'‘]\s*$/.test(text.slice(0, start)) && /^\s*["”'’]/.test(text.slice(end));
}

/** Episode titles named in a line, longest first where they overlap. */
function titleRefs(text: string, guides: readonly FandomData[]): Ref[] {
  const found: Ref[] = [];
  const lower = probeText(text);
  for (const guide of guides) {
    for (const { regExp, episode, single, words } of titlePatterns(guide)) {
      const re = words.every((word) => lower.includes(word)) ? regExp() : null;
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (single && !isQuoted(text, start, end) && (!TITLE_CUE.test(text.slice(Math.max(0, start - 24), start)) || POSSESSIVE.test(text.slice(end)))) continue;
        found.push({ start, end, season: episode.season, episode: episode.episode, guide });
      }
    }
  }
  // Quoted titles the patterns missed go through the guide's own title matcher.
  for (const m of text.matchAll(/["“‘']([^"”’'\n]{2,60})["”’']/g)) {
    const start = m.index! + 1;
    if (found.some((r) => r.start <= start && r.end >= start)) continue;
    for (const guide of guides) {
      const e = findEpisode(guide, m[1]!);
      if (e) found.push({ start, end: start + m[1]!.length, season: e.season, episode: e.episode, guide });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Ref[] = [];
  for (const r of found) {
    // Same span in two guides (a title both shows share) keeps both; a shorter title inside a longer one does not.
    if (kept.some((k) => r.start < k.end && r.end > k.start && !(k.start === r.start && k.end === r.end))) continue;
    kept.push(r);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- fandom names in a line

interface FandomMention {
  start: number;
  end: number;
  /** undefined: a fandom FicShelf knows but has no guide for. */
  guide?: FandomData;
}

/** Fandom names written in the line ("Buffy S5, Angel S2"). Single words must be capitalised, as in prose. */
function fandomMentions(text: string, guides: readonly FandomData[]): FandomMention[] {
  const mentions: FandomMention[] = [];
  for (const { regExp, fandom } of aliasCandidates(text)) {
    const re = regExp();
    if (!re) continue;
    const guide = guides.find((g) => g.name === fandom.name);
    for (const m of text.matchAll(re)) mentions.push({ start: m.index!, end: m.index! + m[0].length, guide });
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return mentions.filter((m, i) => !mentions.slice(0, i).some((k) => m.start < k.end && m.end > k.start));
}

interface AliasPattern {
  regExp: () => RegExp | null;
  /** The alias's words, lower case: a line must hold each as a word of its own for the alias to match. */
  words: string[];
  fandom: FandomData;
  order: number;
}

/** Alias patterns by the first word of the alias (lower case), built once. */
let aliasesByFirstWord: Map<string, AliasPattern[]> | undefined;

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** One pattern per fandom name FicShelf knows, filed under its first word. */
function aliasIndex(): Map<string, AliasPattern[]> {
  if (aliasesByFirstWord) return aliasesByFirstWord;
  const index = new Map<string, AliasPattern[]>();
  let order = 0;
  for (const fandom of FANDOMS) {
    for (const alias of new Set([fandom.name, ...fandom.aliases, ...(fandom.short ? [fandom.short] : [])])) {
      if (alias.length < 3) continue;
      const words = alias.toLowerCase().match(WORD_RUN) ?? [];
      const first = words[0];
      if (!first) continue;
      const regExp = lazyRegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`, /\s/.test(alias) ? 'giu' : 'gu');
      index.set(first, [...(index.get(first) ?? []), { regExp, words, fandom, order: order++ }]);
    }
  }
  aliasesByFirstWord = index;
  return index;
}

/**
 * The alias patterns that can match in a line: those filed under one of the
 * line's words whose every word is a word of the line (a whole-word match
 * holds each), in FANDOMS order. Looking words up instead of testing every
 * alias keeps a listing's hundreds of tags cheap; checking the other words
 * spares compiling the many "the …" aliases for every line with a "the".
 */
function aliasCandidates(text: string): AliasPattern[] {
  const index = aliasIndex();
  const found = new Set<AliasPattern>();
  const words = new Set(text.toLowerCase().match(WORD_RUN) ?? []);
  for (const word of words) {
    for (const pattern of index.get(word) ?? []) if (pattern.words.every((w) => words.has(w))) found.add(pattern);
  }
  // Mentions are kept in the one list's order (fandom, then alias), as before the index.
  return [...found].sort((a, b) => a.order - b.order);
}

/** Where one fandom's part of a line ends and the next begins: ";", ",", "and", "&", "/", brackets. */
const PIECE_BREAK = /[;,&()[\]]|\band\b|\s\/\s/gi;

function pieceBreaks(text: string, titles: Ref[]): number[] {
  const breaks: number[] = [];
  for (const m of text.matchAll(PIECE_BREAK)) {
    const at = m.index!;
    if (!titles.some((t) => at >= t.start && at < t.end)) breaks.push(at);
  }
  return breaks;
}

// ---------------------------------------------------------------- line → marks

const LABEL = /^\s*(?:spoil(?:er|ers|s)?(?:\s+warnings?)?(?:\s+for)?|warnings?|timeline|time\s*frame|setting|set|episode\s+tag|episode|coda|missing\s+scene)\s*[:\-–—]\s*/i;

/** Tags that say nothing about episodes ("Angst", "Crush") must not be read as titles. */
const TAG_CUE = /\b(?:episode|ep|season|series|post|pre|spoil\w*|coda|missing\s+scene|finale|canon|after|before|during|set|through|thru|up\s+to|s\d{1,2}|\d{1,2}\s?x\s?\d{1,3}|s\d{1,2}e\d{1,3})\b/i;

function pointOf(guide: FandomData, ref: Ref): { season: number; episode?: number } | undefined {
  if (ref.last) {
    if (!guide.episodes?.length) return undefined;
    const e = lastEpisode(guide);
    return ref.pre ? before(guide, e.season, e.episode) : { season: e.season, episode: e.episode };
  }
  if (ref.season === undefined) return undefined;
  if (!ref.pre) return { season: ref.season, episode: ref.episode };
  return ref.episode === undefined
    ? ref.season > 1
      ? { season: ref.season - 1 }
      : undefined
    : before(guide, ref.season, ref.episode);
}

/** The episode before (season, episode): the previous one in the guide, or the end of the previous season. */
function before(guide: FandomData, season: number, episode: number): { season: number; episode?: number } | undefined {
  if (episode > 1) return { season, episode: episode - 1 };
  if (season <= 1) return undefined;
  const prev = episodesIn(guide, season - 1);
  const last = prev[prev.length - 1];
  return last ? { season: last.season, episode: last.episode } : { season: season - 1 };
}

function makeMark(guide: FandomData, point: { season: number; episode?: number }, source: Source, raw: string): SpoilerMark {
  const mark: SpoilerMark = { fandom: guide.name, season: point.season, source, raw };
  if (point.episode !== undefined) {
    mark.episode = point.episode;
    const e = episodeAt(guide, point.season, point.episode);
    if (e) mark.title = e.title;
  }
  return mark;
}

function dedupe(marks: SpoilerMark[]): SpoilerMark[] {
  const seen = new Set<string>();
  return marks.filter((m) => {
    const key = `${m.fandom}|${m.season}|${m.episode ?? ''}|${m.source}|${m.raw}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A trailing AO3 disambiguation "(Buffy the Vampire Slayer)" names the tag's fandom. */
function tagFandom(tag: string, storyFandoms: string[], guides: readonly FandomData[]): { text: string; fandom?: string | null } {
  const m = /\s*\(([^()]+)\)\s*$/.exec(tag);
  if (!m) return { text: tag };
  const inner = m[1]!;
  const text = tag.slice(0, m.index);
  const guide = guideFor(inner, guides);
  if (guide) return { text, fandom: guide.name };
  const known = knownFandomNames().has(fold(inner));
  const ofStory = storyFandoms.some((f) => fold(stripParen(f)) === fold(inner) || fold(f) === fold(inner));
  // Another show's tag, or one of the story's fandoms without a guide: nothing to mark.
  if (known || ofStory || looksLikeFandomName(inner)) return { text, fandom: null };
  return { text: tag };
}

let knownNames: Set<string> | undefined;

/** Every fandom name and alias FicShelf knows, folded; built once. */
function knownFandomNames(): Set<string> {
  knownNames ??= new Set(FANDOMS.flatMap((f) => [f.name, ...f.aliases].map(fold)));
  return knownNames;
}

/** Qualifiers AO3 tags put in brackets ("Canon Compliant (Mostly)"), unlike fandom names. */
const TAG_QUALIFIER = /^(?:mostly|sort\s+of|kind\s+of|kinda|ish|partly|partially|mild|minor|major|implied|briefly|brief|spoilers?|au|canon|sorta|maybe|\?+)$/i;

/** "(Heated Rivalry)": capitalised words, as AO3 disambiguates a tag by its fandom. */
function looksLikeFandomName(text: string): boolean {
  if (TAG_QUALIFIER.test(text.trim())) return false;
  return /^[\p{Lu}\p{N}][^\s]*(?:\s+(?:[\p{Lu}\p{N}&][^\s]*|of|the|and|a|an|in|to|on|no|&))*$/u.test(text.trim());
}

/**
 * Marks from one header line value or one tag. `fandoms` are the story's
 * fandoms; a line that names its own fandom ("Buffy S5, Angel S2") uses that.
 */
export function parseSpoilerLine(
  raw: string,
  fandoms: string[],
  source: 'header' | 'tag',
  options: SpoilerOptions = {},
): SpoilerMark[] {
  // Copies: callers may change the marks they get.
  return lineReader(fandoms, options)(raw, source).map((m) => ({ ...m }));
}

/** Reads lines for one story: the shared answers, which the caller must copy before changing. */
type LineReader = (raw: string, source: 'header' | 'tag') => readonly SpoilerMark[];

/**
 * Answers by guide list, fandoms, source and line. A listing repeats the same
 * tags ("Angst", "Post-Episode: …") on many blurbs, and a page is read again
 * when it changes; the answer depends on nothing else. The guide list and the
 * fandoms' key are settled once per story, not once per tag.
 */
interface LineCache {
  byFandoms: Map<string, Record<'header' | 'tag', Map<string, SpoilerMark[]>>>;
  size: number;
}
const lineCaches = new WeakMap<readonly FandomData[], LineCache>();
/**
 * Lines held before the cache starts over. A listing of 1,000 different works
 * holds about 10,000 different lines (a tag is keyed with its work's fandoms);
 * at 5,000 the cache emptied itself partway through one such listing, and each
 * later read of the page read nearly every line again. A few MB at most.
 */
const LINE_CACHE_LIMIT = 20_000;

function lineReader(fandoms: string[], options: SpoilerOptions): LineReader {
  const guides = options.guides ?? defaultGuides();
  let cache = lineCaches.get(guides);
  if (!cache) lineCaches.set(guides, (cache = { byFandoms: new Map(), size: 0 }));
  const lines = cache;
  const key = fandoms.join('\u0001');
  const answersForFandoms = () => {
    let answers = lines.byFandoms.get(key);
    if (!answers) lines.byFandoms.set(key, (answers = { header: new Map(), tag: new Map() }));
    return answers;
  };
  let known = answersForFandoms();
  return (raw, source) => {
    let marks = known[source].get(raw);
    if (marks) return marks;
    marks = readSpoilerLine(raw, fandoms, source, guides);
    if (lines.size >= LINE_CACHE_LIMIT) {
      lines.byFandoms.clear();
      lines.size = 0;
      known = answersForFandoms();
    }
    known[source].set(raw, marks);
    lines.size++;
    return marks;
  };
}

function readSpoilerLine(raw: string, fandoms: string[], source: 'header' | 'tag', guides: readonly FandomData[]): SpoilerMark[] {
  let text = squash(raw);
  if (!text) return [];
  let forced: string | null | undefined;
  if (source === 'tag') {
    ({ text, fandom: forced } = tagFandom(text, fandoms, guides));
    if (forced === null) return [];
  }
  const storyGuides = forced
    ? guides.filter((g) => g.name === forced)
    : dedupeGuides(fandoms.map((f) => guideFor(f, guides)).filter((g): g is FandomData => !!g));
  const allMentions = forced ? [] : fandomMentions(text, guides);
  // Titles are looked up in the story's guides and in those the line names, not in every show.
  const titleGuides = dedupeGuides([...storyGuides, ...allMentions.flatMap((m) => (m.guide ? [m.guide] : []))]);
  const titles = titleRefs(text, titleGuides);
  if (source === 'tag' && !TAG_CUE.test(text) && !titles.some((t) => !isSingle(t, text))) return [];
  text = text.replace(LABEL, (label) => ' '.repeat(label.length));

  const mentions = allMentions.filter((m) => !titles.some((t) => m.start < t.end && m.end > t.start && !isSingle(t, text)));
  const masked = maskSpans(text, titles);
  const numbers = numericRefs(masked);
  const refs = [...titles, ...numbers].sort((a, b) => a.start - b.start);
  for (const r of refs) {
    const head = text.slice(0, r.start);
    r.pre = PRE_BEFORE.test(head);
    if (r.season !== undefined && r.episode === undefined && !r.guide) r.span ||= SPAN_BEFORE.test(head);
  }
  const assigned = assignFandoms(text, refs, titles, mentions, storyGuides);
  return dedupe(narrow(assigned, text).flatMap(({ ref, guides: gs }) =>
    gs.flatMap((g) => {
      const point = pointOf(g, ref);
      return point ? [makeMark(g, point, source, raw.trim())] : [];
    }),
  ));
}

const isSingle = (t: Ref, text: string) => !/[\s\p{P}]/u.test(text.slice(t.start, t.end).trim());

function dedupeGuides(gs: FandomData[]): FandomData[] {
  return gs.filter((g, i) => gs.indexOf(g) === i);
}

/** Blanks titles out so "Five by Five" is not read as numbers. */
function maskSpans(text: string, spans: Ref[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

interface Assigned {
  ref: Ref;
  guides: FandomData[];
}

/**
 * Ties each reference to its fandom: a title to the guide it was found in; a
 * number to the fandom named in its part of the line, else to the fandom the
 * line's titles identify, else to every fandom of the story.
 */
function assignFandoms(text: string, refs: Ref[], titles: Ref[], mentions: FandomMention[], storyGuides: FandomData[]): Assigned[] {
  const breaks = pieceBreaks(text, titles);
  const pieceOf = (at: number) => breaks.filter((b) => b <= at).length;
  // A fandom name counts when its piece holds a reference; it carries on to later pieces.
  const named = mentions.filter((m) => refs.some((r) => pieceOf(r.start) === pieceOf(m.start) && designates(text, m, r)));
  const titled = dedupeGuides(titles.map((t) => t.guide!).filter((g) => storyGuides.includes(g) || named.some((m) => m.guide === g)));
  const out: Assigned[] = [];
  for (const ref of refs) {
    const piece = pieceOf(ref.start);
    const inPiece = named.filter((m) => pieceOf(m.start) === piece);
    const earlier = named.filter((m) => m.start < ref.start);
    const mention = inPiece[0] ?? earlier[earlier.length - 1];
    if (ref.guide) {
      if (mention ? mention.guide === ref.guide : storyGuides.includes(ref.guide)) out.push({ ref, guides: [ref.guide] });
      continue;
    }
    if (mention) {
      if (mention.guide) out.push({ ref, guides: [mention.guide] });
      continue;
    }
    out.push({ ref, guides: titled.length > 0 ? titled : storyGuides });
  }
  return out;
}

/** Words between a fandom name and what it names: "Angel S2", "BtVS through The Gift", "AtS: season 4". */
const NAME_THEN_REF = /^\s*(?:\([^)]*\))?\s*[:\-–—]?\s*(?:(?:through|thru|up\s+to|until|till|to|post|after|pre|before|ep\.?|episodes?|seasons?|series|all\s+of|everything\s+up\s+to|the\s+end\s+of)[\s\-:]*)*["“'‘]?$/i;
/** "season 2 of Angel", "the finale in BtVS". */
const REF_THEN_NAME = /^\s*["”'’]?\s*(?:of|in|for|from)\s+(?:the\s+)?$/i;

/**
 * Whether a fandom name in a line names the fandom of a reference beside it,
 * rather than a character of the same name ("Angel's return in season 3").
 */
function designates(text: string, mention: FandomMention, ref: Ref): boolean {
  if (ref.start >= mention.end) return NAME_THEN_REF.test(text.slice(mention.end, ref.start));
  if (ref.end <= mention.start) return REF_THEN_NAME.test(text.slice(ref.end, mention.start));
  return false;
}

/**
 * An episode is more precise than its own season ("within Season IV right
 * after Hush" → 4x10), and a title beside a code checks it ("5x15 'A Hole in
 * the World'": the title wins if they disagree).
 */
function narrow(assigned: Assigned[], text: string): Assigned[] {
  const has = (g: FandomData, pred: (r: Ref) => boolean) => assigned.some((a) => a.guides.includes(g) && pred(a.ref));
  return assigned
    .map(({ ref, guides }) => ({
      ref,
      guides: guides.filter((g) => {
        if (ref.season !== undefined && ref.episode === undefined && !ref.span && !ref.last && !ref.pre)
          if (has(g, (r) => r.episode !== undefined && r.season === ref.season && !r.pre)) return false;
        if (!ref.guide && ref.episode !== undefined)
          if (has(g, (r) => !!r.guide && adjacent(text, ref, r))) return false;
        return true;
      }),
    }))
    .filter((a) => a.guides.length > 0);
}

function adjacent(text: string, a: Ref, b: Ref): boolean {
  const gap = a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
  return /^[\s"“”'‘’:.\-–—(]*$/.test(gap) && gap.length <= 6;
}

// ---------------------------------------------------------------- prose

/** Phrases in summaries and notes that introduce a spoiler statement; the clause after one is read as a line. */
const PROSE_CUE =
  /\bspoil(?:er|ers|s)?\b(?:\s+warnings?)?|\b(?:set|takes?\s+place|occurs?|happens?)\b|\bpost(?=[-\s]\S)|\b(?:AU|alternate\s+universe)\s+(?=after|from|during|in)|\b(?:coda|tag|missing\s+scene)\s+(?=to|for|from)/gi;
const CLAUSE_END = /[.!?](?=\s|$)|[)\]\n]/;
/** Codes deliberate enough to count anywhere in prose ("a 4x10 missing scene", "season 6 fic"). */
const PROSE_CODE = /\b(?:s\d{1,2}\s*e\d{1,3}|\d{1,2}x\d{1,3}|season\s+\d{1,2})\b/gi;

/**
 * A necessary condition for PROSE_CUE or PROSE_CODE to match once white space
 * is squashed, tested on the text as it is: most summaries state no spoiler,
 * and squashing then scanning them twice cost more than the rest of a blurb's marks.
 */
const PROSE_MAYBE = /\bspoil|\b(?:set|occurs?|happens?)\b|\btakes?\s|\bpost[-\s]|\b(?:au|alternate|coda|tag|missing|season)\s|\bs\d|\b\d{1,2}x\d/i;

function proseMarks(text: string, lines: LineReader): SpoilerMark[] {
  if (!PROSE_MAYBE.test(text)) return [];
  const marks: SpoilerMark[] = [];
  const flat = text.replace(/\s+/g, ' ');
  for (const m of flat.matchAll(PROSE_CUE)) {
    const from = m.index!;
    // "post-Grave": the cue itself is part of the reference; otherwise read what follows the cue.
    const bodyStart = /^post/i.test(m[0]) ? from : from + m[0].length;
    const rest = flat.slice(bodyStart, bodyStart + 140);
    const end = rest.search(CLAUSE_END);
    const clause = end >= 0 ? rest.slice(0, end) : rest;
    if (clause.trim()) marks.push(...lines(clause, 'header').map((k) => ({ ...k, raw: squash(flat.slice(from, bodyStart + clause.length)) })));
  }
  for (const m of flat.matchAll(PROSE_CODE)) marks.push(...lines(m[0], 'header').map((k) => ({ ...k })));
  return marks;
}

// ---------------------------------------------------------------- text hints

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

type Hint = NonNullable<FandomData['hints']>[number];

/** A guide's canon hints, ready to look for in story text. */
interface HintMatcher {
  /** Each hint's own expression, sticky, for the hints whose literal starts are known. */
  hints: Array<{ regExp: () => RegExp | null; hint: Hint }>;
  /** Those hints (by position in `hints`) filed under their starts: tried only where a word begins with one. */
  index: StartIndex;
  /**
   * Hints whose starts cannot be told: every position where at least one of
   * them matches, found in one scan of the text (a lookahead over their
   * alternation, so no match hides another) instead of one scan per hint.
   */
  starts: RegExp | null;
  /** Their own expressions, sticky: tried only at those positions. */
  scanned: Array<{ re: RegExp; hint: Hint }>;
  /** Hints that refer to their own groups: numbering changes inside the alternation, so they scan alone. */
  alone: Array<{ re: RegExp; hint: Hint }>;
}

const hintMatchers = new WeakMap<FandomData, HintMatcher>();
const OWN_GROUPS = /\\[1-9]|\\k<|\(\?<[^=!]/;

function hintMatcher(guide: FandomData): HintMatcher {
  let matcher = hintMatchers.get(guide);
  if (matcher) return matcher;
  matcher = { hints: [], index: new StartIndex(), starts: null, scanned: [], alone: [] };
  const sources: string[] = [];
  for (const hint of guide.hints ?? []) {
    const source = `${WORD_EDGE_BEFORE}(?:${hint.pattern})${WORD_EDGE_AFTER}`;
    const starts = hint.starts !== undefined ? hint.starts : literalStarts(hint.pattern);
    if (starts) {
      // Compiled when one of its starts is first met in a text: most of a guide's hints never are.
      const at = matcher.hints.push({ regExp: lazyRegExp(source, 'iuy'), hint }) - 1;
      for (const start of starts) matcher.index.add(start, at);
      continue;
    }
    let re: RegExp;
    try {
      re = new RegExp(source, 'iuy');
    } catch {
      // a broken pattern in the data must not break every story page
      continue;
    }
    if (OWN_GROUPS.test(hint.pattern)) matcher.alone.push({ re: new RegExp(source, 'iu'), hint });
    else {
      matcher.scanned.push({ re, hint });
      sources.push(`(?:${hint.pattern})`);
    }
  }
  try {
    if (sources.length > 0) matcher.starts = new RegExp(`${WORD_EDGE_BEFORE}(?=(?:${sources.join('|')})${WORD_EDGE_AFTER})`, 'giu');
  } catch {
    // Patterns that only compile on their own: each scans alone.
    matcher.alone.push(...matcher.scanned.map(({ re, hint }) => ({ re: new RegExp(re.source, 'iu'), hint })));
    matcher.scanned = [];
  }
  hintMatchers.set(guide, matcher);
  return matcher;
}

/**
 * Each hint's first match in the text (the same match its own expression
 * finds scanning from the start), in hint order. `folded` is the text as
 * foldForStarts gives it.
 */
function firstHintMatches(guide: FandomData, text: string, folded: string): Array<{ hint: Hint; match: string }> {
  const { hints, index, starts, scanned, alone } = hintMatcher(guide);
  const found = new Map<Hint, string>();
  let left = hints.length;
  if (left > 0) {
    // Positions come in text order, so a hint's first success is its first match.
    index.scan(folded, (at, n) => {
      const { regExp, hint } = hints[n]!;
      if (found.has(hint)) return true;
      const re = regExp();
      if (!re) return true;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m) {
        found.set(hint, m[0]);
        left--;
      }
      return left > 0;
    });
  }
  const positions = starts ? Array.from(text.matchAll(starts), (m) => m.index!) : [];
  for (const { re, hint } of scanned) {
    for (const at of positions) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m) {
        found.set(hint, m[0]);
        break;
      }
    }
  }
  for (const { re, hint } of alone) {
    const m = re.exec(text);
    if (m) found.set(hint, m[0]);
  }
  return (guide.hints ?? []).flatMap((hint) => (found.has(hint) ? [{ hint, match: found.get(hint)! }] : []));
}

/** The guides with canon hints for a story's fandoms. */
function hintGuidesFor(fandoms: string[], options: SpoilerOptions): FandomData[] {
  const guides = options.guides ?? registeredGuideLists().hints;
  return dedupeGuides(fandoms.map((f) => guideFor(f, guides)).filter((g): g is FandomData => !!g));
}

/** Canon hints found in story text: one mark per hint, raw = the words that matched. */
export function textHints(text: string, fandoms: string[], options: SpoilerOptions = {}): SpoilerMark[] {
  const marks: SpoilerMark[] = [];
  const guides = hintGuidesFor(fandoms, options);
  const folded = guides.length > 0 ? foldForStarts(text) : '';
  for (const guide of guides) {
    for (const { hint, match } of firstHintMatches(guide, text, folded)) {
      const mark = makeMark(guide, { season: hint.season, episode: hint.episode }, 'text', squash(match).slice(0, 80));
      mark.strength = hint.strength;
      mark.what = hint.what;
      marks.push(mark);
    }
  }
  return marks;
}

// ---------------------------------------------------------------- a whole story

/** Header keys that carry spoiler or timeline statements. */
const SPOILER_FIELD = /^(?:spoil|timeline|time\s*frame|setting|set\b|takes\s+place|episode|season|series)/i;
/** Text hints read at most this much chapter text: bounded work on long full-work pages. */
const HINT_TEXT_LIMIT = 60_000;

/**
 * Everything a story says or implies about how far into canon it goes:
 * header fields, tags, summary and notes, and (for a Story) canon hints in the
 * first ~60,000 characters of its text.
 */
export function spoilerMarks(story: Story | Blurb, options: SpoilerOptions = {}): SpoilerMark[] {
  const fandoms = story.fandoms;
  const lines = lineReader(fandoms, options);
  const marks: SpoilerMark[] = [];
  const add = (found: readonly SpoilerMark[]) => {
    for (const mark of found) marks.push({ ...mark });
  };
  for (const [key, value] of Object.entries(story.fields ?? {})) {
    if (SPOILER_FIELD.test(key.trim())) add(lines(value, 'header'));
  }
  for (const tag of story.tags) add(lines(tag, 'tag'));
  for (const category of story.categories) add(lines(category, 'tag'));
  const prose = [story.summary, ...story.notes.map((n) => n.text)];
  if ('chapters' in story) prose.push(...(story.chapters[0]?.notes ?? []).map((n) => n.text));
  for (const text of prose) if (text) marks.push(...proseMarks(text, lines));
  // Building the text costs on long works; only fandoms with canon hints can use it.
  if ('chapters' in story && hintGuidesFor(fandoms, options).length > 0) {
    let text = '';
    for (const c of story.chapters) {
      if (text.length >= HINT_TEXT_LIMIT) break;
      text += `${c.text}\n`;
    }
    marks.push(...textHints(text.slice(0, HINT_TEXT_LIMIT), fandoms, options));
  }
  return dedupeMarks(marks);
}

/**
 * Whether marks for these fandoms need an episode guide that is not
 * registered yet: in a page, the `guides` part must load before the marks
 * are read again (entrypoints/page.content/guides.ts).
 */
export function awaitsGuides(fandoms: readonly string[]): boolean {
  return fandoms.some((name) => {
    const fandom = canonicalFandom(name);
    return GUIDED_FANDOMS.includes(fandom) && !registeredGuide(fandom);
  });
}

/** One mark per point and source: the same statement in a field and its summary counts once. */
function dedupeMarks(marks: SpoilerMark[]): SpoilerMark[] {
  const seen = new Set<string>();
  return marks.filter((m) => {
    const key = `${m.fandom}|${m.season}|${m.episode ?? ''}|${m.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
