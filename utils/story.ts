/**
 * The one model that flows through FicShelf (see docs/design.md, "The Story model").
 * Adapters produce it; reader mode, filters and the library consume it without
 * knowing which site it came from. Field names are a contract: the command line
 * prints them and tests read them.
 */

export type RatingLevel = 'general' | 'teen' | 'mature' | 'explicit' | 'unrated';

export interface Rating {
  /** The rating exactly as the page states it ("R", "Teen And Up Audiences", "Fiction  T"). */
  raw: string;
  level: RatingLevel;
  /** Why, when the page says ("for language and slash kissing"). */
  reason?: string;
}

export interface Author {
  name: string;
  url?: string;
}

export interface Note {
  position: 'before' | 'after';
  text: string;
  /** Sanitised HTML. */
  html: string;
}

export interface Chapter {
  /** 1-based position in the story. */
  index: number;
  title?: string;
  url?: string;
  /** Sanitised HTML of the chapter text only (no notes, no navigation). Empty when the page lists the chapter without its text. */
  html: string;
  text: string;
  words: number;
  /** Chapter-level author's notes, kept apart from the text. */
  notes?: Note[];
}

export interface SpoilerMark {
  fandom: string;
  season: number;
  episode?: number;
  title?: string;
  source: 'header' | 'tag' | 'text';
  raw: string;
  /** For text hints: strong (only exists after that episode) or weak (suggests it). Header and tag marks are statements. */
  strength?: 'strong' | 'weak';
  /** For text hints: what the hint is ("Spike gets his soul back"), for the reason a shield shows. */
  what?: string;
}

export type StoryStatus = 'complete' | 'in-progress' | 'unknown';

export interface SeriesRef {
  name: string;
  url?: string;
  /** Position of this story in the series ("Part 2 of …"). */
  part?: number;
}

export interface Story {
  /** Stable key: "<site>:<story id>" (e.g. "ao3:17793689"), or "<site>:u<hash of the URL>". */
  id: string;
  /** Adapter id (otw, ffnet, efiction, header-block, generic). */
  site: string;
  /** Canonical story URL. */
  url: string;
  title: string;
  authors: Author[];
  /** Canonical fandom names ("Buffy the Vampire Slayer"). */
  fandoms: string[];
  rating: Rating;
  warnings: string[];
  categories: string[];
  /** Expanded where the fandom makes shorthand unambiguous ("Xander/Spike"); the raw form stays in `fields`. */
  relationships: string[];
  characters: string[];
  /** Freeform tags and genres. */
  tags: string[];
  spoilers: SpoilerMark[];
  /** Plain text. */
  summary: string;
  disclaimer?: string;
  /** Work-level author's notes. Chapter notes live on each chapter. */
  notes: Note[];
  language?: string;
  status: StoryStatus;
  words?: number;
  chapterCount: { posted: number; planned?: number };
  /** ISO dates (YYYY-MM-DD) as the page gives them. */
  published?: string;
  updated?: string;
  series?: SeriesRef[];
  /** Header fields exactly as the page labels them (key → value), including keys no field above holds. */
  fields?: Record<string, string>;
  chapters: Chapter[];
}

/** An entry on a listing page: a Story without chapters. */
export type Blurb = Omit<Story, 'chapters'>;

export type PageKind = 'story' | 'listing' | 'none';

export interface PageResult {
  kind: PageKind;
  site: string | null;
  story?: Story;
  listing?: { items: Blurb[] };
}

/** A Story with every list empty, for adapters to fill. */
export function emptyStory(site: string, url: string): Story {
  return { ...emptyBlurb(site, url), chapters: [] };
}

/** An empty listing entry: emptyStory's fields in the same order, without chapters (built directly: a listing makes hundreds). */
export function emptyBlurb(site: string, url: string): Blurb {
  return {
    id: '',
    site,
    url,
    title: '',
    authors: [],
    fandoms: [],
    rating: { raw: '', level: 'unrated' },
    warnings: [],
    categories: [],
    relationships: [],
    characters: [],
    tags: [],
    spoilers: [],
    summary: '',
    notes: [],
    status: 'unknown',
    chapterCount: { posted: 0 },
  };
}
