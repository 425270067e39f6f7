import { describe, expect, it } from 'vitest';
import { expandPairing } from '@/utils/metadata/pairing';

const BUFFY = ['Buffy the Vampire Slayer'];

describe('expandPairing', () => {
  it.each([
    ['X/S', 'Xander/Spike'],
    ['S/X', 'Spike/Xander'],
    ['B/A', 'Buffy/Angel'],
    ['W/T', 'Willow/Tara'],
    ['B/F', 'Buffy/Faith'],
    ['G/Ethan', 'Giles/Ethan'],
    ['W/Oz', 'Willow/Oz'],
    ['X/S/A', 'Xander/Spike/Angel'],
    ['x/s', 'Xander/Spike'],
    [' X / S ', 'Xander/Spike'],
    ['Spuffy', 'Spike/Buffy'],
    ['Bangel', 'Buffy/Angel'],
    ['spander', 'Spike/Xander'],
    ['Xander/Spike', 'Xander/Spike'],
    ['Xander Harris/Spike', 'Xander Harris/Spike'],
    ['Xander/S', 'Xander/Spike'],
  ])('%s in Buffy → %s', (raw, expanded) => {
    expect(expandPairing(raw, BUFFY)).toBe(expanded);
  });

  it('returns ambiguous initials as written: D is Dawn or Drusilla', () => {
    expect(expandPairing('S/D', BUFFY)).toBe('S/D');
  });

  it('returns unknown initials as written, not half-expanded', () => {
    expect(expandPairing('X/Q', BUFFY)).toBe('X/Q');
  });

  it('keeps names it does not know', () => {
    expect(expandPairing('Xander/OFC', BUFFY)).toBe('Xander/OFC');
  });

  it('returns shorthand as written without a fandom', () => {
    expect(expandPairing('X/S', [])).toBe('X/S');
    expect(expandPairing('Spuffy', [])).toBe('Spuffy');
    expect(expandPairing('X/S', ['Some Unknown Show'])).toBe('X/S');
  });

  it('uses the fandom given: S is Sam in Supernatural, Spock in Star Trek', () => {
    expect(expandPairing('D/S', ['Supernatural'])).toBe('Dean/Sam');
    expect(expandPairing('K/S', ['Star Trek: The Original Series'])).toBe('Kirk/Spock');
    expect(expandPairing('M/S', ['The X-Files'])).toBe('Mulder/Scully');
  });

  it('is ambiguous across a crossover when both fandoms use the letter', () => {
    // G is Giles in Buffy and Gunn in Angel.
    expect(expandPairing('W/G', ['Buffy the Vampire Slayer', 'Angel: the Series'])).toBe('W/G');
    // The same character in both fandoms is not ambiguous.
    expect(expandPairing('C/A', ['Buffy the Vampire Slayer', 'Angel: the Series'])).toBe('Cordelia/Angel');
  });

  it('reads portmanteaus of other fandoms', () => {
    expect(expandPairing('Destiel', ['Supernatural'])).toBe('Dean/Castiel');
    expect(expandPairing('Sterek', ['Teen Wolf'])).toBe('Stiles/Derek');
    expect(expandPairing('Drarry', ['Harry Potter'])).toBe('Draco/Harry');
    expect(expandPairing('Johnlock', ['Sherlock (TV)'])).toBe('John/Sherlock');
  });

  it('leaves a non-pairing alone', () => {
    expect(expandPairing('Gen', BUFFY)).toBe('Gen');
    expect(expandPairing('none', BUFFY)).toBe('none');
  });
});
