import type { CanonHint, Episode } from './types';

/**
 * Helpers for writing fandom data files by hand: an episode guide as lists of
 * titles, and canon hints as readable patterns.
 */

/** A title, or a title followed by the other names readers use for it. */
export type Title = string | [title: string, ...also: string[]];

/** Numbers episodes in air order: one array of titles per season, seasons counted from 1. */
export function guide(seasons: Title[][]): Episode[] {
  return seasons.flatMap((titles, s) =>
    titles.map((t, i): Episode => {
      const [title, ...also] = typeof t === 'string' ? [t] : t;
      const episode: Episode = { season: s + 1, episode: i + 1, title };
      if (also.length) episode.also = also;
      return episode;
    }),
  );
}

/**
 * A canon hint written the way it reads: a space stands for any run of
 * whitespace (story text wraps lines) and a straight apostrophe also matches
 * a curly one (most published text uses ’). Do not put either inside [...].
 */
export function hint(pattern: string, season: number, episode: number, strength: CanonHint['strength'], what: string): CanonHint {
  return { pattern: pattern.replace(/ /g, '\\s+').replace(/'/g, "['’]"), season, episode, strength, what };
}

/** Up to `n` characters within one sentence: ties a name to its context. */
export const near = (n = 60) => `[^.!?;]{0,${n}}`;
