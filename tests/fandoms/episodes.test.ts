// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  compareEpisodes,
  episodeAt,
  episodeLabel,
  episodesIn,
  fandomData,
  findEpisode,
  lastEpisode,
  seasonCount,
  seasonFinale,
  titleKey,
} from '../../utils/fandoms/episodes';
import type { Episode, FandomData } from '../../utils/fandoms/types';
import { FANDOMS } from '../../utils/fandoms';
import { registerAllGuides } from '../../utils/fandoms/all-guides';

const buffy = fandomData('BtVS')!;

/** A tiny made-up guide, so the lookups are tested apart from the real data. */
const toy: FandomData = {
  name: 'Toy Show',
  aliases: [],
  owners: [],
  characters: [],
  seasonWords: ['series'],
  episodes: [
    { season: 1, episode: 1, title: 'The Pilot' },
    { season: 1, episode: 2, title: 'Rising, Part One', also: ['Rising (1)'] },
    { season: 1, episode: 3, title: 'Rising, Part Two', also: ['Rising (2)'] },
    { season: 2, episode: 1, title: "Who's There?", also: ['WT'] },
  ],
};

describe('fandomData', () => {
  it('finds a fandom by canonical name and by any alias', () => {
    expect(fandomData('Buffy the Vampire Slayer')?.name).toBe('Buffy the Vampire Slayer');
    expect(fandomData('Buffy the Vampire Slayer (TV)')?.name).toBe('Buffy the Vampire Slayer');
    expect(fandomData('AtS')?.name).toBe('Angel: the Series');
    expect(fandomData('Not A Real Fandom')).toBeUndefined();
  });
});

describe('guide lookups', () => {
  it('counts seasons and lists a season in order', () => {
    expect(seasonCount(toy)).toBe(2);
    expect(episodesIn(toy, 1).map((e) => e.episode)).toEqual([1, 2, 3]);
    expect(seasonCount({ ...toy, episodes: undefined })).toBe(0);
  });

  it('finds the last episode and a season finale', () => {
    expect(lastEpisode(toy).title).toBe("Who's There?");
    expect(seasonFinale(toy, 1)?.title).toBe('Rising, Part Two');
    expect(() => lastEpisode({ ...toy, episodes: [] })).toThrow();
  });

  it('finds an episode by number', () => {
    expect(episodeAt(toy, 1, 2)?.title).toBe('Rising, Part One');
    expect(episodeAt(toy, 3, 1)).toBeUndefined();
  });
});

describe('titleKey', () => {
  it('folds case, quotes, punctuation, a leading "The" and part numbering', () => {
    expect(titleKey('The Pilot')).toBe('pilot');
    expect(titleKey('“Who’s There?”')).toBe('whos there');
    expect(titleKey('Rising, Part One')).toBe('rising 1');
    expect(titleKey('Rising pt. 2')).toBe('rising 2');
    expect(titleKey('Rising (2)')).toBe('rising 2');
    expect(titleKey('Rising, Part II')).toBe('rising 2');
    expect(titleKey('Faith, Hope & Trick')).toBe(titleKey('Faith Hope and Trick'));
    expect(titleKey('Buffy vs. Dracula')).toBe(titleKey('Buffy vs Dracula'));
  });
});

describe('findEpisode', () => {
  it('matches titles ignoring case, punctuation, quotes and a leading "The"', () => {
    expect(findEpisode(toy, 'pilot')?.episode).toBe(1);
    expect(findEpisode(toy, '"the pilot"')?.episode).toBe(1);
    expect(findEpisode(toy, 'whos there')?.season).toBe(2);
    expect(findEpisode(toy, 'WT')?.season).toBe(2);
  });

  it('reads any spelling of a part, and a bare two-part title as its last part', () => {
    expect(findEpisode(toy, 'Rising (1)')?.episode).toBe(2);
    expect(findEpisode(toy, 'Rising Part 2')?.episode).toBe(3);
    expect(findEpisode(toy, 'Rising')?.episode).toBe(3);
  });

  it('finds in every guide what a reading of every title finds (the index built once per guide)', () => {
    registerAllGuides();
    // The plain reading: fold every title on each lookup; exact first, else the last part.
    const plain = (f: FandomData, title: string): Episode | undefined => {
      const key = titleKey(title);
      if (!key) return undefined;
      const all = f.episodes ?? [];
      const titles = (e: Episode) => [e.title, ...(e.also ?? [])];
      const exact = all.find((e) => titles(e).some((t) => titleKey(t) === key));
      if (exact) return exact;
      return all.filter((e) => titles(e).some((t) => titleKey(t).replace(/\s\d$/, '') === key && titleKey(t) !== key)).at(-1);
    };
    let looked = 0;
    for (const f of [...FANDOMS, toy]) {
      seasonCount(f); // fills the guide when one is registered
      for (const e of f.episodes ?? []) {
        for (const t of [e.title, ...(e.also ?? [])]) {
          for (const asked of [t, t.replace(/\s*(?:,\s*)?(?:part|pt\.?)?\s*\(?(?:\d|one|two|i{1,3})\)?\s*$/i, ''), `The ${t}`, t.toUpperCase()]) {
            expect(findEpisode(f, asked), `${f.name}: ${asked}`).toBe(plain(f, asked));
            looked++;
          }
        }
      }
    }
    expect(looked).toBeGreaterThan(2000);
  });

  it('finds nothing for an unknown or empty title', () => {
    expect(findEpisode(toy, 'Falling')).toBeUndefined();
    expect(findEpisode(toy, '  "" ')).toBeUndefined();
  });
});

describe('compareEpisodes', () => {
  it('orders by season, then episode', () => {
    expect(compareEpisodes({ season: 4, episode: 9 }, { season: 6, episode: 19 })).toBeLessThan(0);
    expect(compareEpisodes({ season: 6, episode: 19 }, { season: 6, episode: 2 })).toBeGreaterThan(0);
    expect(compareEpisodes({ season: 5, episode: 15 }, { season: 5, episode: 15 })).toBe(0);
  });

  it('treats a season without an episode as the whole season', () => {
    expect(compareEpisodes({ season: 6 }, { season: 6, episode: 22 })).toBeGreaterThan(0);
    expect(compareEpisodes({ season: 4 }, { season: 5, episode: 1 })).toBeLessThan(0);
    expect(compareEpisodes({ season: 4 }, { season: 4 })).toBe(0);
  });
});

describe('episodeLabel', () => {
  it('names an episode by code and title', () => {
    expect(episodeLabel(buffy, { season: 6, episode: 19 })).toBe('S6E19 Seeing Red');
    expect(episodeLabel(toy, { season: 2, episode: 1 })).toBe("S2E1 Who's There?");
  });

  it('names a whole season with the word the fandom uses', () => {
    expect(episodeLabel(buffy, { season: 6 })).toBe('Season 6');
    expect(episodeLabel(toy, { season: 2 })).toBe('Series 2');
  });

  it('falls back to the code when the guide lacks the episode', () => {
    expect(episodeLabel(toy, { season: 9, episode: 4 })).toBe('S9E4');
  });
});
