import type { Episode } from './types';

/** One guide entry: a title, or a title followed by the other titles readers type for it. */
export type GuideTitle = string | readonly [string, ...string[]];

/**
 * Number an episode guide written as one list of titles per season, in air
 * order, so a data file reads like the guide it was copied from and a missing
 * or extra title shows up as a wrong count rather than a silent renumbering.
 */
export function numberSeasons(seasons: ReadonlyArray<ReadonlyArray<GuideTitle>>, firstSeason = 1): Episode[] {
  return seasons.flatMap((titles, s) =>
    titles.map((entry, i) => {
      const [title, ...also] = typeof entry === 'string' ? [entry] : entry;
      const episode: Episode = { season: firstSeason + s, episode: i + 1, title: title! };
      if (also.length > 0) episode.also = also;
      return episode;
    }),
  );
}
