// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseSpoilerLine } from '../../utils/metadata/spoilers';

describe('parseSpoilerLine answers from its cache', () => {
  it('gives equal marks for the same line, as separate objects a caller may change', () => {
    const first = parseSpoilerLine('Post-Episode: s06e19 Seeing Red', ['Buffy the Vampire Slayer'], 'tag');
    expect(first).toMatchObject([{ fandom: 'Buffy the Vampire Slayer', season: 6, episode: 19 }]);
    first[0]!.season = 99;
    const second = parseSpoilerLine('Post-Episode: s06e19 Seeing Red', ['Buffy the Vampire Slayer'], 'tag');
    expect(second[0]!.season).toBe(6);
    expect(second[0]).not.toBe(first[0]);
  });

  it('keys on the story fandoms: the same tag on a work without a guide gives nothing', () => {
    expect(parseSpoilerLine('Season 4', ['Buffy the Vampire Slayer'], 'tag')).toMatchObject([{ season: 4 }]);
    expect(parseSpoilerLine('Season 4', ['Original Work'], 'tag')).toEqual([]);
  });

  it('finds fandom names written in a line by their words', () => {
    const marks = parseSpoilerLine('Spoilers: Buffy S5, Angel S2', [], 'header');
    expect(marks.map((m) => `${m.fandom} ${m.season}`)).toEqual(['Buffy the Vampire Slayer 5', 'Angel: the Series 2']);
  });
});
