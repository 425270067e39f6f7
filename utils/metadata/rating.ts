import type { Rating, RatingLevel } from '../story';

/** Order of the one rating scale, mildest first; `unrated` is kept apart (not "milder"). */
export const RATING_LEVELS: readonly RatingLevel[] = ['general', 'teen', 'mature', 'explicit', 'unrated'];

export const RATING_LABELS: Record<RatingLevel, string> = {
  general: 'General',
  teen: 'Teen',
  mature: 'Mature',
  explicit: 'Explicit',
  unrated: 'Not rated',
};

/** Position on the scale; unrated has no position (-1). */
export function ratingRank(level: RatingLevel): number {
  return level === 'unrated' ? -1 : RATING_LEVELS.indexOf(level);
}

/**
 * Rating tokens, longest first so "PG-13" wins over "PG" and "NC-17" over "17".
 * Covers the MPAA-style letters fandom archives use, FFN's K…MA, AO3's words,
 * and the FRC (Fiction Ratings) codes some archives use.
 */
const TOKENS: Array<[RegExp, RatingLevel]> = [
  [/^general audiences?\b/i, 'general'],
  [/^teen and up audiences?\b/i, 'teen'],
  [/^teen and up\b/i, 'teen'],
  [/^not rated\b/i, 'unrated'],
  [/^no rating\b/i, 'unrated'],
  [/^unrated\b/i, 'unrated'],
  [/^nc[- ]?17\b/i, 'explicit'],
  [/^nc[- ]?18\b/i, 'explicit'],
  [/^pg[- ]?13\b/i, 'teen'],
  [/^pg[- ]?15\b/i, 'teen'],
  [/^fr[- ]?13\b/i, 'teen'],
  [/^fr[- ]?15\b/i, 'mature'],
  [/^fr[- ]?18\b/i, 'explicit'],
  [/^fr[- ]?21\b/i, 'explicit'],
  [/^frao\b/i, 'general'],
  [/^frc\b/i, 'general'],
  [/^frk\b/i, 'general'],
  [/^frt\b/i, 'teen'],
  [/^frm\b/i, 'mature'],
  [/^fiction\s+k\+/i, 'general'],
  [/^fiction\s+k\b/i, 'general'],
  [/^fiction\s+t\b/i, 'teen'],
  [/^fiction\s+ma\b/i, 'explicit'],
  [/^fiction\s+m\b/i, 'mature'],
  [/^k\+/i, 'general'],
  [/^k\b/i, 'general'],
  [/^ma\b/i, 'explicit'],
  [/^explicit\b/i, 'explicit'],
  [/^adults?(?: only)?\b/i, 'explicit'],
  [/^18\+/i, 'explicit'],
  [/^xxx?\b/i, 'explicit'],
  [/^x\b/i, 'explicit'],
  [/^mature\b/i, 'mature'],
  [/^r\b/i, 'mature'],
  [/^m\b/i, 'mature'],
  [/^teens?\b/i, 'teen'],
  [/^t\b/i, 'teen'],
  [/^15\+?/i, 'teen'],
  [/^13\+?/i, 'teen'],
  [/^pg\b/i, 'general'],
  [/^g\b/i, 'general'],
  [/^general\b/i, 'general'],
  [/^(?:all ages|everyone)\b/i, 'general'],
];

/**
 * Reads a rating as a page states it: "R for language and slash kissing",
 * "Fiction  T", "Teen And Up Audiences", "PG-13 (mild violence)".
 * The raw value is the rating itself; anything after it is the reason.
 */
export function parseRating(input: string | null | undefined): Rating {
  const text = (input ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return { raw: '', level: 'unrated' };
  let rest = text.replace(/^(?:rated|rating)\s*[:\-]?\s*/i, '');
  for (const [pattern, level] of TOKENS) {
    const m = pattern.exec(rest);
    if (!m) continue;
    const raw = rest.slice(0, m[0].length).trim();
    rest = rest.slice(m[0].length);
    const reason = rest.replace(/^[\s:;,.\-–—]+/, '').replace(/^\((.*)\)\s*$/, '$1').trim();
    return reason ? { raw, level, reason } : { raw, level };
  }
  // Unknown scale: keep what the page said, without guessing a level.
  return { raw: text, level: 'unrated' };
}

/** Level for a rating word on its own, e.g. from an AO3 tag or an FFN filter. */
export function ratingLevel(input: string): RatingLevel {
  return parseRating(input).level;
}
