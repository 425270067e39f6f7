// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FandomData } from '@/utils/fandoms/types';
import { FANDOMS } from '@/utils/fandoms';
import { hint } from '@/utils/fandoms/build';
import { foldForStarts, literalStarts, SPACES } from '@/utils/metadata/hint-scan';
import { textHints } from '@/utils/metadata/spoilers';
import { classifyPage } from '@/utils/sites';
import { GOLDENS, goldenFiles, hasSharedFixtures, loadPage } from '../helpers/fixtures';

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

// ---------------------------------------------------------------- the same marks as one scan per hint

const EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}])';

/** The plain reading: each hint's own expression scanning the text from the start. */
function plainFirstMatches(guide: FandomData, text: string): Array<[string, string]> {
  return (guide.hints ?? []).flatMap((h) => {
    let re: RegExp;
    try {
      re = new RegExp(`${EDGE_BEFORE}(?:${h.pattern})${EDGE_AFTER}`, 'iu');
    } catch {
      return [];
    }
    const m = re.exec(text);
    return m ? [[h.what, m[0].replace(/\s+/g, ' ').trim().slice(0, 80)] as [string, string]] : [];
  });
}

function indexedFirstMatches(guide: FandomData, text: string): Array<[string, string]> {
  return textHints(text, [guide.name], { guides: [guide] }).map((m) => [m.what!, m.raw]);
}

const hinted = () => FANDOMS.filter((f) => (f.hints?.length ?? 0) > 0);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('canon hints found through their starts', () => {
  it('every guide has hints to test', () => {
    expect(hinted().length).toBeGreaterThanOrEqual(8);
    // Every real hint is filed under starts: none falls back to the plain scan.
    for (const f of hinted()) for (const h of f.hints!) expect(literalStarts(h.pattern), `${f.name}: ${h.what}`).not.toBeNull();
  });

  it('finds what each hint’s own expression finds, on texts built from the hints’ own words', () => {
    const next = random(20261121);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    // The hints' literal words in the cases and spellings story text has them, and what tends to break a reading.
    const words = hinted().flatMap((f) =>
      f.hints!.flatMap((h) => (literalStarts(h.pattern) ?? []).flatMap((s) => s.split(SPACES).filter(Boolean)).flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)])),
    );
    const odd = ['é', 'ſ', '\u212A', 'İ', 'x', '2', "'", '’', '-', '.', ';'];
    const gaps = [' ', '  ', '\n', '\u00a0', ', ', '. ', ' "', '’s ', "'s ", '-', ''];
    let found = 0;
    for (let round = 0; round < 400; round++) {
      let text = '';
      for (let w = 0; w < 40; w++) {
        let word = pick(words);
        if (next() < 0.1) word = next() < 0.5 ? pick(odd) + word : word + pick(odd);
        if (next() < 0.05) word = word.replace(/s/, 'ſ').replace(/k/, '\u212A');
        text += word + pick(gaps);
      }
      for (const guide of hinted()) {
        const plain = plainFirstMatches(guide, text);
        expect(indexedFirstMatches(guide, text), text).toEqual(plain);
        found += plain.length;
      }
    }
    // The texts must hold matches for the comparison to mean something.
    expect(found).toBeGreaterThan(1000);
  });

  it('finds what each hint’s own expression finds, at the very start and end of a text and after a letter', () => {
    for (const guide of hinted()) {
      for (const text of ['Angelus', 'xAngelus Drusilla', 'éDrusilla', 'Tara', 'the Potentials', 'THE\u00a0POTENTIALS']) {
        expect(indexedFirstMatches(guide, text)).toEqual(plainFirstMatches(guide, text));
      }
    }
  });

  it.skipIf(!hasSharedFixtures())('finds what each hint’s own expression finds, on every story fixture’s text', () => {
    let compared = 0;
    for (const file of goldenFiles(GOLDENS)) {
      const golden = JSON.parse(readFileSync(file, 'utf8'));
      if (golden.kind !== 'story' || golden.generic === true) continue;
      const result = classifyPage(loadPage(golden.fixture, golden.url), golden.url);
      if (result.kind !== 'story') continue;
      const story = result.story!;
      const texts = [story.chapters.map((c) => c.text).join('\n').slice(0, 60_000), story.summary ?? '', ...story.notes.map((n) => n.text)];
      for (const text of texts) {
        for (const guide of hinted()) expect(indexedFirstMatches(guide, text), golden.fixture).toEqual(plainFirstMatches(guide, text));
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  }, 120_000);
});
