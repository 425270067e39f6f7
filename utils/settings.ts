import type { RatingLevel } from './story';

/**
 * The reader's settings: one object, stored by the extension and written whole
 * into the backup file (design.md, "Settings"). Pure: no browser APIs here;
 * utils/settings-store.ts reads and writes it.
 */

export type FontChoice = 'serif' | 'sans' | 'dyslexic' | 'custom';
export type ThemeChoice = 'system' | 'light' | 'sepia' | 'dark' | 'black';

export interface ReaderSettings {
  font: FontChoice;
  /** The reader's own font name, used when font is "custom". */
  customFont: string;
  /** Text size in CSS px. */
  fontSize: number;
  lineHeight: number;
  /** Maximum line length in characters (ch). */
  width: number;
  theme: ThemeChoice;
  align: 'left' | 'justify';
  hyphenate: boolean;
  paragraphs: 'spaced' | 'indented';
  /** Extra spacing in em. */
  letterSpacing: number;
  wordSpacing: number;
  /** Hosts where reader mode opens by itself on story pages. */
  alwaysOn: string[];
  /** Remembered open/closed state of the collapsible header parts. */
  showNotes: boolean;
  showDisclaimer: boolean;
}

export type WatchProgress = { season: number; episode: number } | 'all' | 'none';

export interface SpoilerSettings {
  /** Canonical fandom name → how far the reader has watched. */
  progress: Record<string, WatchProgress>;
  /**
   * How much canon hints in the story text count (they are evidence, not proof):
   * off — never; balanced — only strong hints (a name or event that exists only after an episode);
   * cautious — any hint.
   */
  sensitivity: 'off' | 'balanced' | 'cautious';
  /** Story ids the reader chose to always show. */
  allowStories: string[];
}

export interface RatingSettings {
  max: Exclude<RatingLevel, 'unrated'>;
  unrated: 'show' | 'hide';
  /** AO3 archive warnings to hide. */
  hideWarnings: string[];
}

export interface Blocklist {
  tags: string[];
  authors: string[];
  /** Allowlist entries override the blocklist. */
  allowTags: string[];
  allowAuthors: string[];
}

export interface Settings {
  reader: ReaderSettings;
  spoilers: SpoilerSettings;
  ratings: RatingSettings;
  blocklist: Blocklist;
}

export const DEFAULT_SETTINGS: Settings = {
  reader: {
    font: 'serif',
    customFont: '',
    fontSize: 19,
    lineHeight: 1.6,
    width: 68,
    theme: 'system',
    align: 'left',
    hyphenate: false,
    paragraphs: 'spaced',
    letterSpacing: 0,
    wordSpacing: 0,
    alwaysOn: [],
    showNotes: true,
    showDisclaimer: false,
  },
  spoilers: { progress: {}, sensitivity: 'balanced', allowStories: [] },
  ratings: { max: 'explicit', unrated: 'show', hideWarnings: [] },
  blocklist: { tags: [], authors: [], allowTags: [], allowAuthors: [] },
};

export const LIMITS = {
  fontSize: [12, 40],
  lineHeight: [1, 2.6],
  width: [30, 120],
  letterSpacing: [0, 0.3],
  wordSpacing: [0, 1],
} as const;

const clamp = (value: unknown, [lo, hi]: readonly [number, number], fallback: number): number => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;
};
const oneOf = <T extends string>(value: unknown, options: readonly T[], fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/**
 * Any stored or imported value → valid settings. Unknown keys are dropped,
 * missing or out-of-range values fall back to the defaults, so an old or
 * hand-edited backup can never break the extension.
 */
export function normalizeSettings(input: unknown): Settings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, any>;
  const r = raw.reader ?? {};
  const d = DEFAULT_SETTINGS.reader;
  const reader: ReaderSettings = {
    font: oneOf(r.font, ['serif', 'sans', 'dyslexic', 'custom'] as const, d.font),
    customFont: typeof r.customFont === 'string' ? r.customFont.replace(/[;{}<>"]/g, '').slice(0, 80).trim() : '',
    fontSize: clamp(r.fontSize, LIMITS.fontSize, d.fontSize),
    lineHeight: clamp(r.lineHeight, LIMITS.lineHeight, d.lineHeight),
    width: clamp(r.width, LIMITS.width, d.width),
    theme: oneOf(r.theme, ['system', 'light', 'sepia', 'dark', 'black'] as const, d.theme),
    align: oneOf(r.align, ['left', 'justify'] as const, d.align),
    hyphenate: bool(r.hyphenate, d.hyphenate),
    paragraphs: oneOf(r.paragraphs, ['spaced', 'indented'] as const, d.paragraphs),
    letterSpacing: clamp(r.letterSpacing, LIMITS.letterSpacing, d.letterSpacing),
    wordSpacing: clamp(r.wordSpacing, LIMITS.wordSpacing, d.wordSpacing),
    alwaysOn: [...new Set(strings(r.alwaysOn).map((h) => h.toLowerCase()))],
    showNotes: bool(r.showNotes, d.showNotes),
    showDisclaimer: bool(r.showDisclaimer, d.showDisclaimer),
  };
  const s = raw.spoilers ?? {};
  const progress: Record<string, WatchProgress> = {};
  for (const [fandom, value] of Object.entries((s.progress ?? {}) as Record<string, any>)) {
    if (value === 'all' || value === 'none') progress[fandom] = value;
    else if (value && Number.isInteger(value.season) && value.season >= 0 && Number.isInteger(value.episode) && value.episode >= 0)
      progress[fandom] = { season: value.season, episode: value.episode };
  }
  const spoilers: SpoilerSettings = {
    progress,
    sensitivity: oneOf(s.sensitivity, ['off', 'balanced', 'cautious'] as const, DEFAULT_SETTINGS.spoilers.sensitivity),
    allowStories: strings(s.allowStories),
  };
  const g = raw.ratings ?? {};
  const ratings: RatingSettings = {
    max: oneOf(g.max, ['general', 'teen', 'mature', 'explicit'] as const, DEFAULT_SETTINGS.ratings.max),
    unrated: oneOf(g.unrated, ['show', 'hide'] as const, DEFAULT_SETTINGS.ratings.unrated),
    hideWarnings: strings(g.hideWarnings),
  };
  const b = raw.blocklist ?? {};
  const blocklist: Blocklist = {
    tags: strings(b.tags),
    authors: strings(b.authors),
    allowTags: strings(b.allowTags),
    allowAuthors: strings(b.allowAuthors),
  };
  return { reader, spoilers, ratings, blocklist };
}
