import type { Settings, WatchProgress } from '../settings';
import type { Blurb, SpoilerMark, Story } from '../story';
import type { FandomData } from '../fandoms/types';
import { RATING_LABELS, ratingRank } from '../metadata/rating';
import { canonicalFandom } from '../metadata/fandom-names';
import { compareEpisodes, episodeLabel, episodesIn, fandomData } from '../fandoms/episodes';
import { blockedBy, matchingEntry } from './blocklist';

/**
 * Whether to cover a story or collapse a listing entry, and why, in words the
 * reader reads on the shield. Pure: the same item and settings give the same verdict.
 *
 * Decisions (issue 4):
 * - A story in `spoilers.allowStories` is never hidden, for any cause: the reader chose
 *   "always show this story" while looking at the reasons, so nothing is held back.
 * - Reasons come most decisive first: the rating (a hard limit the page states), archive
 *   warnings, blocked authors, blocked tags, then spoilers stated by the author or the
 *   site's tags, then spoilers only hinted at by the text (evidence, not proof).
 * - One spoiler reason per fandom: a stated spoiler wins over a hint, and among marks of
 *   the same kind the latest spoiled episode is reported.
 * - Progress 'all', 'none' or no progress for a fandom → no spoiler filtering for it.
 * - Text hints count only as sensitivity allows: off never, balanced strong only,
 *   cautious strong and weak (a hint without strength counts as weak).
 * - Archive warnings the reader hides are a rating setting: the blocklist's allowlists
 *   do not lift them (blocklist.ts says what the allowlists do lift).
 */

export interface Verdict {
  hide: boolean;
  reasons: string[];
  spoils: Array<{ fandom: string; season: number; episode?: number }>;
}

export function verdict(item: Story | Blurb, settings: Settings): Verdict {
  if (item.id && settings.spoilers.allowStories.includes(item.id)) return { hide: false, reasons: [], spoils: [] };
  const spoilers = spoilerReasons(item.spoilers ?? [], settings);
  const reasons = [
    ...ratingReasons(item, settings),
    ...warningReasons(item, settings),
    ...blocklistReasons(item, settings),
    ...spoilers.map((s) => s.reason),
  ];
  return { hide: reasons.length > 0, reasons, spoils: spoilers.map((s) => s.spoils) };
}

// ── Ratings and warnings ─────────────────────────────────────────────────────

function ratingReasons(item: Story | Blurb, settings: Settings): string[] {
  const { level } = item.rating;
  if (level === 'unrated')
    return settings.ratings.unrated === 'hide' ? ['Not rated — you hide unrated stories'] : [];
  if (ratingRank(level) <= ratingRank(settings.ratings.max)) return [];
  return [`Rated ${RATING_LABELS[level]} — your limit is ${RATING_LABELS[settings.ratings.max]}`];
}

function warningReasons(item: Story | Blurb, settings: Settings): string[] {
  const hidden = unique(item.warnings.filter((w) => matchingEntry(settings.ratings.hideWarnings, w)));
  if (hidden.length === 0) return [];
  return [`${hidden.length === 1 ? 'Warning' : 'Warnings'}: ${hidden.join(', ')}`];
}

function blocklistReasons(item: Story | Blurb, settings: Settings): string[] {
  const blocked = blockedBy(item, settings.blocklist);
  const reasons: string[] = [];
  const authors = unique(blocked.authors);
  if (authors.length > 0) reasons.push(`${authors.length === 1 ? 'Author' : 'Authors'} blocked: ${authors.join(', ')}`);
  if (blocked.tags.length > 0) reasons.push(`${blocked.tags.length === 1 ? 'Tag' : 'Tags'} blocked: ${blocked.tags.join(', ')}`);
  return reasons;
}

const unique = (values: string[]) => [...new Set(values)];

// ── Spoilers ─────────────────────────────────────────────────────────────────

interface SpoilerReason {
  reason: string;
  spoils: { fandom: string; season: number; episode?: number };
}

const isHint = (mark: SpoilerMark) => mark.source === 'text';

/** Whether the reader's sensitivity lets this mark count. Statements always count. */
function counts(mark: SpoilerMark, sensitivity: Settings['spoilers']['sensitivity']): boolean {
  if (!isHint(mark)) return true;
  if (sensitivity === 'cautious') return true;
  return sensitivity === 'balanced' && mark.strength === 'strong';
}

/** How far the reader has watched a fandom (canonical name), when they said so by episode; progress stored under an alias counts too. */
function watchedThrough(fandom: string, settings: Settings): { season: number; episode: number } | undefined {
  const all = settings.spoilers.progress;
  const key = fandom in all ? fandom : Object.keys(all).find((k) => canonicalFandom(k) === fandom);
  const progress = key === undefined ? undefined : all[key];
  return progress && typeof progress === 'object' ? progress : undefined;
}

/**
 * Whether a mark lies beyond the reader's progress. A whole-season mark spoils the
 * season unless the reader has seen its last episode; without an episode guide the
 * season's length is unknown, so it counts as spoiling (fail safe).
 */
export function isBeyond(
  f: FandomData | undefined,
  mark: { season: number; episode?: number },
  seen: { season: number; episode: number },
): boolean {
  if (mark.season !== seen.season) return mark.season > seen.season;
  if (mark.episode !== undefined) return mark.episode > seen.episode;
  const length = f ? episodesIn(f, mark.season).length : 0;
  return length === 0 || seen.episode < length;
}

function spoilerReasons(marks: SpoilerMark[], settings: Settings): SpoilerReason[] {
  const chosen = new Map<string, SpoilerMark>();
  for (const mark of marks) {
    const fandom = canonicalFandom(mark.fandom);
    const seen = watchedThrough(fandom, settings);
    if (!seen || !Number.isFinite(mark.season) || !counts(mark, settings.spoilers.sensitivity)) continue;
    if (!isBeyond(fandomData(fandom), mark, seen)) continue;
    const current = chosen.get(fandom);
    chosen.set(fandom, current ? decisive(current, mark) : mark);
  }
  // Stated spoilers before hints; otherwise in the order the marks name the fandoms.
  const ordered = [...chosen].sort(([, a], [, b]) => Number(isHint(a)) - Number(isHint(b)));
  return ordered.map(([fandom, mark]) => describeSpoiler(fandom, mark, watchedThrough(fandom, settings)!));
}

/** A stated spoiler beats a hint; otherwise the later one. */
function decisive(a: SpoilerMark, b: SpoilerMark): SpoilerMark {
  if (isHint(a) !== isHint(b)) return isHint(a) ? b : a;
  // A whole season sorts after its episodes, so "Season 6" beats "S6E19".
  return compareEpisodes(b, a) > 0 ? b : a;
}

function describeSpoiler(fandom: string, mark: SpoilerMark, seen: { season: number; episode: number }): SpoilerReason {
  const f = fandomData(fandom);
  const name = f?.short ?? f?.name ?? fandom;
  const through = `you've watched through ${progressLabel(f, seen)}`;
  const spoils = mark.episode === undefined ? { fandom, season: mark.season } : { fandom, season: mark.season, episode: mark.episode };
  // A hint names the words the text uses ("Spike's soul"): the reader can judge them.
  if (isHint(mark))
    return { reason: `May spoil ${name} S${mark.season} (mentions ${mark.raw}) — ${through}`, spoils };
  return { reason: `Spoils ${name} ${markLabel(f, mark)} — ${through}`, spoils };
}

/** "S6E19 Seeing Red", "Season 6"; from the episode guide when there is one, else from the mark. */
function markLabel(f: FandomData | undefined, mark: SpoilerMark): string {
  if (mark.episode === undefined) return f ? episodeLabel(f, mark) : `Season ${mark.season}`;
  const label = f ? episodeLabel(f, mark) : `S${mark.season}E${mark.episode}`;
  // The guide has no title for it (or there is no guide): the title the mark was written with.
  return /E\d+$/.test(label) && mark.title ? `${label} ${mark.title}` : label;
}

/**
 * How far the reader has watched, for reasons and pickers: "S4E9", "all of it",
 * "not watching". Episode 0 of a season means its previous season is finished
 * ("Season 4"), and S1E0 means nothing watched yet.
 */
export function progressLabel(f: FandomData | undefined, p: WatchProgress): string {
  if (p === 'all') return 'all of it';
  if (p === 'none') return 'not watching';
  if (p.episode > 0) return `S${p.season}E${p.episode}`;
  if (p.season <= 1) return 'nothing yet';
  return f ? episodeLabel(f, { season: p.season - 1 }) : `Season ${p.season - 1}`;
}
