// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hint } from '@/utils/fandoms/build';
import { foldForStarts, literalStarts, SPACES, StartIndex } from '@/utils/metadata/hint-scan';

/** Starts as readable strings: "_" for a run of white space. */
const starts = (pattern: string) => literalStarts(pattern)?.map((s) => s.split(SPACES).join('_'));

describe('literalStarts', () => {
  it('reads words, optional parts, groups and small classes', () => {
    expect(starts('Angelus')).toEqual(['angelus']);
    expect(starts(hint('Riley(?: Finn)?', 4, 1, 'strong', 'Riley').pattern)).toEqual(['riley']);
    expect(starts(hint('(?:the )?Potentials', 7, 10, 'strong', 'x').pattern)).toEqual(['potentials', 'the_potentials']);
    expect(starts(hint("D'Hoffryn", 3, 16, 'strong', 'x').pattern)).toEqual(["d'hoffryn", 'd’hoffryn']);
    expect(starts('Gerard Argent|kanimas?')).toEqual(['gerard argent', 'kanima']);
    expect(starts('Ms\\.? Calendar')).toEqual(['ms calendar', 'ms. calendar']);
  });

  it('ends a start at anything it cannot read, and a lookaround consumes nothing', () => {
    expect(starts('Oz[^.!?;]{0,60}werewolf')).toEqual(['oz']);
    expect(starts('Spike\\s*chip')).toEqual(['spike']);
    expect(starts('Double[-\\s]?meat')).toEqual(['double']);
    expect(starts('the\\s+First\\s+Evil(?!\\s+thing)')).toEqual(['the_first_evil']);
    expect(starts('(?=Ta)Tara')).toEqual(['tara']);
    expect(starts('de-?ratt(?:ed|ing)')).toEqual(['de-ratted', 'de-ratting', 'deratted', 'deratting']);
    expect(starts('Ho+ly')).toEqual(['ho']);
    // After a run of white space, white space again would let the run end early: the start stops before it.
    expect(starts('a\\s+\\s+b')).toEqual(['a_']);
  });

  it('reads only the syntax of what follows once every start has ended', () => {
    // 80 alternatives would be too many to file, but they come after the start ends: "oz" stands.
    const many = Array.from({ length: 80 }, (_, i) => `w${i}x`).join('|');
    expect(starts(`Oz[^.]+(?:${many})`)).toEqual(['oz']);
    // Broken syntax there still makes the pattern unreadable.
    expect(literalStarts(`Oz[^.]+(?:${many})(`)).toBeNull();
    expect(literalStarts('Oz[^.]+werewolf\\q')).toBeNull();
  });

  it('gives null when a match may begin with anything it cannot name', () => {
    expect(literalStarts('\\w+ing')).toBeNull();
    expect(literalStarts('.?Angel')).toBeNull();
    expect(literalStarts('(?:Angel)?')).toBeNull();
    expect(literalStarts('[A-Z]ngel')).toBeNull();
    expect(literalStarts('"quoted"')).toBeNull();
    expect(literalStarts('Σpike')).toBeNull();
    expect(literalStarts('\\u0041ngel')).toBeNull();
    expect(literalStarts('(unbalanced')).toBeNull();
  });

  it('keeps Latin-1 letters, which lower-casing and case-insensitive matching agree on', () => {
    expect(starts('Übervamps?')).toEqual(['übervamp']);
  });

  it('cuts starts to their first words when there are too many to file', () => {
    const names = Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(97 + i)}word`);
    const many = `(?:${names.join('|')}) (?:${names.join('|')})`;
    expect(starts(hint(many, 1, 1, 'weak', 'x').pattern)).toEqual(names);
  });
});

describe('foldForStarts', () => {
  it('keeps one unit per unit of the text, folding what case-insensitive matching folds to a start’s letters', () => {
    expect(foldForStarts('Spike’s CHIP')).toBe('spike’s chip');
    expect(foldForStarts('İ ſpike \u212Aendra')).toBe('İ spike kendra');
    expect(foldForStarts('İ ſpike \u212Aendra')).toHaveLength('İ ſpike \u212Aendra'.length);
    expect(foldForStarts('ÜBERVAMP ſ')).toBe('übervamp s');
  });

  it('folds every character case-insensitive matching pairs with a character a start may hold into that character', () => {
    // Case folding pairs characters within the Basic Multilingual Plane (and, apart, within the astral planes).
    const units = Array.from({ length: 0x10000 }, (_, i) => (i >= 0xd800 && i <= 0xdfff ? ' ' : String.fromCharCode(i)));
    const everyUnit = units.join('');
    // Candidates: printable ASCII, Latin-1 and the typographic quotes and dashes; a start holds those literalStarts keeps.
    const candidates = [...units.slice(0x20, 0x7f), ...units.slice(0xa0, 0x100), ...'‘’“”–—…«»'];
    const held = candidates.filter((c) => literalStarts(`a${c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`)?.[0]?.length === 2);
    expect(held.length).toBeGreaterThan(150);
    for (const c of held) {
      const escaped = c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      for (const m of everyUnit.matchAll(new RegExp(escaped, 'giu'))) expect(foldForStarts(m[0]), `${c} ~ U+${m[0].charCodeAt(0).toString(16)}`).toBe(c.toLowerCase());
    }
  });
});

describe('StartIndex', () => {
  /** The plain reading: every start tried at every word start of the text (a start's SPACES as `\s+`). */
  function plainVisits(starts: string[], folded: string): string[] {
    const visits: string[] = [];
    const res = starts.map((s) => new RegExp(s.split(SPACES).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'y'));
    const isWord = (c: string | undefined) => !!c && /^[a-z0-9\u00df-\u00f6\u00f8-\u00ff]$/.test(c);
    for (let at = 0; at < folded.length; at++) {
      if (!isWord(folded[at]) || isWord(folded[at - 1])) continue;
      res.forEach((re, n) => {
        re.lastIndex = at;
        if (re.test(folded)) visits.push(`${at}:${n}`);
      });
    }
    return visits.sort();
  }

  it('visits every word start a start matches, whatever its first characters are filed under', () => {
    // Starts of one, two, three and more characters, white space after each of them, and characters outside a–z
    // (whose keys may be shared, which lets a word through to the trie but must never keep one out).
    const starts = ['a', `a${SPACES}b`, 'he', `he${SPACES}was`, `to${SPACES}`, 'the', `the${SPACES}first`, 'the first', 'spike', "d'hoffryn", 'd’hoffryn', 'übervamp', 'x1', '3po', 'é'];
    const index = new StartIndex();
    starts.forEach((s, n) => index.add(s, n));
    const words = ['a', 'ab', 'a b', 'a\u00a0 b', 'he', 'hex', 'he was', 'he  wasn', 'to', 'to ', 'tom', 'the', 'then', 'the first', 'the\tfirst', 'spike', 'spikes', 'spi', "d'hoffryn", 'd’hoffryn', 'dhoffryn', 'übervamp', 'über', 'x1', 'x', '3po', '3p', 'é', 'éa', '\u00e1he', 'she', 'ahe'];
    const text = foldForStarts(words.map((w, i) => `${w}${' ,.\n'[i % 4]}`).join('') + words.join(' ') + ' the');
    const visits: string[] = [];
    index.scan(text, (at, n) => {
      visits.push(`${at}:${n}`);
      return true;
    });
    expect(visits.sort()).toEqual(plainVisits(starts, text));
    expect(visits.length).toBeGreaterThan(30);
  });
});
