import { describe, expect, it } from 'vitest';
import { parseRating, ratingRank } from '@/utils/metadata/rating';

describe('parseRating: one scale for every site', () => {
  it.each([
    ['R for language and slash kissing', 'R', 'mature', 'for language and slash kissing'],
    ['PG-13', 'PG-13', 'teen', undefined],
    ['PG', 'PG', 'general', undefined],
    ['G', 'G', 'general', undefined],
    ['NC-17', 'NC-17', 'explicit', undefined],
    ['NC17 (sex)', 'NC17', 'explicit', 'sex'],
    ['K', 'K', 'general', undefined],
    ['K+', 'K+', 'general', undefined],
    ['T', 'T', 'teen', undefined],
    ['M', 'M', 'mature', undefined],
    ['MA', 'MA', 'explicit', undefined],
    ['Fiction  T', 'Fiction T', 'teen', undefined],
    ['Fiction K+', 'Fiction K+', 'general', undefined],
    ['Fiction MA', 'Fiction MA', 'explicit', undefined],
    ['X', 'X', 'explicit', undefined],
    ['General Audiences', 'General Audiences', 'general', undefined],
    ['Teen And Up Audiences', 'Teen And Up Audiences', 'teen', undefined],
    ['Mature', 'Mature', 'mature', undefined],
    ['Explicit', 'Explicit', 'explicit', undefined],
    ['Not Rated', 'Not Rated', 'unrated', undefined],
    ['Rated: R - violence', 'R', 'mature', 'violence'],
    ['FRT', 'FRT', 'teen', undefined],
    ['FR18', 'FR18', 'explicit', undefined],
    ['pg13', 'pg13', 'teen', undefined],
    ['r', 'r', 'mature', undefined],
  ])('%s', (input, raw, level, reason) => {
    const r = parseRating(input);
    expect(r.raw).toBe(raw);
    expect(r.level).toBe(level);
    expect(r.reason).toBe(reason);
  });

  it('treats a missing rating as unrated', () => {
    expect(parseRating('')).toEqual({ raw: '', level: 'unrated' });
    expect(parseRating(undefined).level).toBe('unrated');
  });

  it('keeps an unknown scale raw, unrated rather than guessed', () => {
    expect(parseRating('Spicy')).toEqual({ raw: 'Spicy', level: 'unrated' });
  });

  it('orders levels mildest first, unrated off the scale', () => {
    expect(ratingRank('general')).toBeLessThan(ratingRank('teen'));
    expect(ratingRank('mature')).toBeLessThan(ratingRank('explicit'));
    expect(ratingRank('unrated')).toBe(-1);
  });
});
