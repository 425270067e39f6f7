import { parseCount, squash } from '../metadata/text';

/**
 * FFN's grey info line, read from its text:
 * "Rated: Fiction T - English - Romance/Drama - [A, B] C - Chapters: 3 - Words: 5,000 - … - Complete - id: 123".
 * Story pages put the characters right after the genres; story lists put them
 * after the dates, and some lists start with the fandom ("Crossover - A & B - Rated: …").
 */
export interface FfnInfo {
  /** The rating as written after "Rated:" ("Fiction T", " M"), squashed. */
  rating: string;
  language?: string;
  genres: string[];
  /** The character part exactly as written ("[Harry P., Draco M.] Ron W."). */
  characters?: string;
  /** Parts before "Rated:" on story lists: "Harry Potter", or "Crossover" then "A & B". */
  prefix: string[];
  complete: boolean;
  chapters?: number;
  words?: number;
  id?: string;
  /** Dates as written ("09-20-09", "5/2/2008"); the timestamps are read from the markup. */
  updated?: string;
  published?: string;
  /** Every labelled part ("Rated", "Words", "Reviews", …) → its text. */
  fields: Record<string, string>;
}

/** FFN's genre list; "Hurt/Comfort" holds the same slash that joins genres. */
export const FFN_GENRES: readonly string[] = [
  'Adventure', 'Angst', 'Crime', 'Drama', 'Family', 'Fantasy', 'Friendship', 'General', 'Horror', 'Humor',
  'Hurt/Comfort', 'Mystery', 'Parody', 'Poetry', 'Romance', 'Sci-Fi', 'Spiritual', 'Supernatural', 'Suspense',
  'Tragedy', 'Western',
];

const LABELS = ['Rated', 'Chapters', 'Words', 'Reviews', 'Favs', 'Follows', 'Updated', 'Published', 'Status', 'id'];
const LABELLED = new RegExp(`^(${LABELS.join('|')})\\s*:\\s*(.*)$`, 'i');

/** "Romance/Hurt/Comfort" → ["Romance", "Hurt/Comfort"]; null when any piece is not a genre. */
export function splitGenres(part: string): string[] | null {
  const genres: string[] = [];
  let rest = squash(part);
  while (rest) {
    const genre = FFN_GENRES.find((g) => rest.toLowerCase() === g.toLowerCase() || rest.toLowerCase().startsWith(`${g.toLowerCase()}/`));
    if (!genre) return null;
    genres.push(genre);
    rest = rest.slice(genre.length).replace(/^\//, '');
  }
  return genres.length ? genres : null;
}

/** Canonical label spelling, whatever case the page used ("ID" → "id"). */
function labelOf(raw: string): string {
  return LABELS.find((l) => l.toLowerCase() === raw.toLowerCase()) ?? raw;
}

export function parseInfoLine(text: string): FfnInfo {
  const info: FfnInfo = { rating: '', genres: [], prefix: [], complete: false, fields: {} };
  const parts = squash(text)
    .split(/\s+-\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ratedAt = parts.findIndex((p) => /^rated\s*:/i.test(p));
  info.prefix = ratedAt > 0 ? parts.slice(0, ratedAt) : [];
  // Without "Rated:" there is no telling prefix from language; read it all as the tail.
  const tail = ratedAt >= 0 ? parts.slice(ratedAt) : parts;
  let position = 0;
  for (const part of tail) {
    position += 1;
    const labelled = LABELLED.exec(part);
    if (labelled) {
      readLabelled(info, labelOf(labelled[1]!), squash(labelled[2]));
      continue;
    }
    if (/^complete$/i.test(part)) {
      info.complete = true;
      continue;
    }
    // The first free part after the rating is the language; genres may follow it.
    if (ratedAt >= 0 && position === 2 && info.language === undefined) {
      info.language = part;
      continue;
    }
    const genres = info.genres.length === 0 && info.characters === undefined ? splitGenres(part) : null;
    if (genres) info.genres = genres;
    else if (info.characters === undefined) info.characters = part;
  }
  return info;
}

function readLabelled(info: FfnInfo, label: string, value: string): void {
  info.fields[label] = value;
  switch (label) {
    case 'Rated':
      info.rating = value;
      break;
    case 'Chapters':
      info.chapters = parseCount(value);
      break;
    case 'Words':
      info.words = parseCount(value);
      break;
    case 'id':
      info.id = /\d+/.exec(value)?.[0];
      break;
    case 'Updated':
      info.updated = value;
      break;
    case 'Published':
      info.published = value;
      break;
    case 'Status':
      if (/complete/i.test(value)) info.complete = true;
      break;
  }
}

/**
 * "[Harry P., Draco M.] Ron W., Hermione G." → relationships ["Harry P./Draco M."],
 * characters ["Harry P.", "Draco M.", "Ron W.", "Hermione G."]. Older pages join
 * two characters with "&" ("Harry P. & Draco M."): characters, not a pairing.
 */
export function parseCharacters(raw: string | undefined): { characters: string[]; relationships: string[] } {
  const characters: string[] = [];
  const relationships: string[] = [];
  const names = (list: string) =>
    list
      .split(/\s*(?:,|\s&\s)\s*/)
      .map((n) => squash(n))
      .filter(Boolean);
  const outside = (raw ?? '').replace(/\[([^\]]*)\]/g, (_, inside: string) => {
    const pair = names(inside);
    if (pair.length >= 2) relationships.push(pair.join('/'));
    characters.push(...pair);
    return ',';
  });
  characters.push(...names(outside));
  return { characters: [...new Set(characters)], relationships };
}

/** The rating letter: "Fiction  T" → "T" (FFN links the letter to fictionratings.com). */
export function ratingLetter(rating: string): string {
  return squash(rating).replace(/^fiction\s+/i, '');
}

/** "09-20-09", "9/20/2009", "Sep 20, 2009" → "2009-09-20"; FFN writes month first. */
export function ffnDate(text: string | undefined): string | undefined {
  const value = squash(text);
  const m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(value);
  if (!m) return undefined;
  let year = Number(m[3]);
  if (year < 100) year += year > 90 ? 1900 : 2000;
  return `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/**
 * FFN writes its dates in US Pacific time ("4/23/2004" for data-xutime 1082775104,
 * which is 02:51 on the 24th in UTC), so the timestamp is read in that zone: the
 * date the page shows, with the year that recent dates ("9/4") leave out.
 */
const FFN_TIME_ZONE = 'America/Los_Angeles';
let pacific: Intl.DateTimeFormat | null | undefined;

function pacificFormat(): Intl.DateTimeFormat | null {
  if (pacific === undefined) {
    try {
      pacific = new Intl.DateTimeFormat('en-US', { timeZone: FFN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      pacific = null; // No time-zone data: UTC is the nearest stable answer.
    }
  }
  return pacific;
}

/** A unix timestamp (FFN's data-xutime) as FFN's own calendar date, YYYY-MM-DD. */
export function unixDate(seconds: string | null | undefined): string | undefined {
  const n = Number(seconds);
  if (!seconds || !Number.isFinite(n) || n <= 0) return undefined;
  const date = new Date(n * 1000);
  const format = pacificFormat();
  if (!format) return date.toISOString().slice(0, 10);
  const part = (type: string) => format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
