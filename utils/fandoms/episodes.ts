import type { Episode, FandomData } from './types';
import { fandomData } from '../metadata/fandom-names';
import { fillGuides } from './index';

/**
 * Lookups over the episode guides in utils/fandoms/*.ts.
 *
 * Do not import this module from utils/fandoms/index.ts: fandom-names reads
 * FANDOMS when it loads, so that import would form a cycle.
 */

/** A point in a show: an episode, or a whole season when `episode` is missing. */
export interface EpisodePoint {
  season: number;
  episode?: number;
}

/** Data for a fandom by canonical name or any alias ("BtVS", "Buffy the Vampire Slayer (TV)"): the one lookup in fandom-names. */
export { fandomData };

/** A fandom's episodes, from its guide once one is registered (guides.ts). */
function guide(f: FandomData): Episode[] {
  fillGuides();
  return f.episodes ?? [];
}

/** Number of seasons in the guide (0 when the fandom has no guide). */
export function seasonCount(f: FandomData): number {
  return guide(f).reduce((max, e) => Math.max(max, e.season), 0);
}

export function episodesIn(f: FandomData, season: number): Episode[] {
  return guide(f).filter((e) => e.season === season);
}

/** The final episode in air order ("Chosen", "Not Fade Away"). Throws when the fandom has no guide. */
export function lastEpisode(f: FandomData): Episode {
  const all = guide(f);
  if (all.length === 0) throw new Error(`No episode guide for ${f.name}`);
  return all[all.length - 1]!;
}

export function episodeAt(f: FandomData, season: number, episode: number): Episode | undefined {
  return guide(f).find((e) => e.season === season && e.episode === episode);
}

/** The last episode of a season, so a whole-season mark can be compared as an episode. */
export function seasonFinale(f: FandomData, season: number): Episode | undefined {
  const eps = episodesIn(f, season);
  return eps.at(-1);
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', i: '1', ii: '2', iii: '3', iv: '4',
};

/**
 * Fold a title to compare: case, quotes, punctuation, "&", a leading "The",
 * and the many ways to write a part ("Part One", "Pt. 1", "(1)", "Part I") all vanish.
 */
export function titleKey(title: string): string {
  let s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  s = s.replace(/^the\s+/, '');
  // "part one" / "pt 1" / "part i" → "1"; a bare trailing "(2)" is already " 2".
  s = s.replace(/\s(?:part|pt)\s(one|two|three|four|i{1,3}|iv|\d)$/, (_, n: string) => ` ${NUMBER_WORDS[n] ?? n}`);
  return s.replace(/\s+/g, ' ');
}

/** A title without its part number: "becoming 2" → "becoming". */
const baseKey = (key: string) => key.replace(/\s\d$/, '');

const titlesOf = (e: Episode) => [e.title, ...(e.also ?? [])];

/** Each title's key to its episode: the first with that key, and for part titles the last part by the key without its part. */
interface TitleIndex {
  exact: Map<string, Episode>;
  partless: Map<string, Episode>;
}

/**
 * Built once per guide (its episodes array, which a guide registered later
 * replaces whole): folding every title of a guide on every lookup cost a
 * listing's first read tens of milliseconds.
 */
const titleIndexes = new WeakMap<Episode[], TitleIndex>();

function titleIndex(episodes: Episode[]): TitleIndex {
  let index = titleIndexes.get(episodes);
  if (index) return index;
  index = { exact: new Map(), partless: new Map() };
  for (const e of episodes) {
    for (const t of titlesOf(e)) {
      const key = titleKey(t);
      if (!index.exact.has(key)) index.exact.set(key, e);
      const base = baseKey(key);
      if (base !== key) index.partless.set(base, e);
    }
  }
  titleIndexes.set(episodes, index);
  return index;
}

/**
 * The episode a reader means by a title, ignoring case, punctuation, quotes and
 * a leading "The"; alternative titles count. A two-part title without its part
 * ("Becoming") means the whole story, so it finds the last part.
 */
export function findEpisode(f: FandomData, title: string): Episode | undefined {
  const key = titleKey(title);
  if (!key) return undefined;
  const index = titleIndex(guide(f));
  return index.exact.get(key) ?? index.partless.get(key);
}

/**
 * Order two points in a show. A point without an episode means the whole
 * season, so it sorts after every episode of that season (resolve it with
 * seasonFinale first when the guide is at hand).
 */
export function compareEpisodes(a: EpisodePoint, b: EpisodePoint): number {
  if (a.season !== b.season) return a.season - b.season;
  const ea = a.episode ?? Number.POSITIVE_INFINITY;
  const eb = b.episode ?? Number.POSITIVE_INFINITY;
  if (ea === eb) return 0;
  return ea < eb ? -1 : 1;
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** "S6E19 Seeing Red"; "Season 6" (or "Series 2") for a whole season; "S6E19" when the guide lacks it. */
export function episodeLabel(f: FandomData, e: EpisodePoint): string {
  if (e.episode === undefined) return `${capitalise(f.seasonWords?.[0] ?? 'season')} ${e.season}`;
  const code = `S${e.season}E${e.episode}`;
  const found = episodeAt(f, e.season, e.episode);
  return found ? `${code} ${found.title}` : code;
}
