// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FandomData } from '@/utils/fandoms/types';
import { FANDOMS } from '@/utils/fandoms';
import { literalStarts, SPACES } from '@/utils/metadata/hint-scan';
import { PhraseFinder } from '@/utils/metadata/fandom-names';
import { textHints } from '@/utils/metadata/spoilers';
import { classifyPage } from '@/utils/sites';
import { GOLDENS, goldenFiles, hasSharedFixtures, loadPage } from '../helpers/fixtures';

/**
 * Enrichment finds canon hints and fandom names through indexes of what
 * their matches begin with. These pin that they find exactly what the plain
 * readings find: each hint's own expression scanning the text, and each
 * phrase's expression tried at every word that is its first word.
 */

const EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}])';

/** The plain reading of canon hints: each hint's own expression scanning the text from the start. */
function plainHints(guide: FandomData, text: string): Array<[string, string]> {
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

function indexedHints(guide: FandomData, text: string): Array<[string, string]> {
  return textHints(text, [guide.name], { guides: [guide] }).map((m) => [m.what!, m.raw]);
}

const hinted = () => FANDOMS.filter((f) => (f.hints?.length ?? 0) > 0);

/** Every name fandom inference reads: aliases, owners and characters. */
const PHRASES = [...new Set(FANDOMS.flatMap((f) => [f.name, ...f.aliases, ...f.owners, ...f.characters.flatMap((c) => [c.name, c.common, ...(c.also ?? [])])]))];
const finder = new PhraseFinder(PHRASES);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each phrase as the plain reading tries it: its expression, and the first word it is tried at. */
const PLAIN = PHRASES.map((phrase) => {
  const folds = /\s/.test(phrase.trim());
  const source = `${EDGE_BEFORE}${escapeRegExp(phrase)}${EDGE_AFTER}`;
  const first = /^[\p{L}\p{N}]/u.test(phrase) ? phrase.match(/[\p{L}\p{N}]+/u)?.[0] : undefined;
  return { phrase, folds, first: folds ? first?.toLowerCase() : first, sticky: new RegExp(source, folds ? 'iuy' : 'uy'), anywhere: new RegExp(source, folds ? 'iu' : 'u') };
});

/** The plain reading of phrases: each phrase's own expression at every word of the text that is its first word (ignoring case when the phrase does). */
function plainPhrases(text: string): string[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((w) => ({ at: w.index!, word: w[0], folded: w[0].toLowerCase() }));
  return PLAIN.filter(({ folds, first, sticky, anywhere }) => {
    if (!first) return anywhere.test(text);
    return words.some((w) => {
      if ((folds ? w.folded : w.word) !== first) return false;
      sticky.lastIndex = w.at;
      return sticky.test(text);
    });
  })
    .map((p) => p.phrase)
    .sort();
}

const indexedPhrases = (text: string) => [...finder.find(text)].sort();

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Texts of `count` words from `words`, in any case, with what tends to break a reading between and inside them. */
function generatedTexts(words: string[], count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const odd = ['é', 'ſ', '\u212A', 'İ', 'Σ', 'x', '2', "'", '’', '-', '.', ';', '𝐀'];
  const gaps = [' ', '  ', '\n', '\u00a0', ', ', '. ', ' "', '’s ', "'s ", '-', '/', ''];
  return Array.from({ length: count }, () => {
    let text = '';
    for (let w = 0; w < 40; w++) {
      let word = pick(words);
      const cased = next();
      if (cased < 0.2) word = word.toUpperCase();
      else if (cased < 0.4) word = word.toLowerCase();
      if (next() < 0.1) word = next() < 0.5 ? pick(odd) + word : word + pick(odd);
      if (next() < 0.05) word = word.replace(/s/, 'ſ').replace(/k/, '\u212A');
      text += word + pick(gaps);
    }
    return text;
  });
}

describe('canon hints found through their starts', () => {
  it('every real hint is filed under starts: none falls back to the plain scan', () => {
    expect(hinted().length).toBeGreaterThanOrEqual(8);
    for (const f of hinted()) for (const h of f.hints!) expect(literalStarts(h.pattern), `${f.name}: ${h.what}`).not.toBeNull();
  });

  it('finds what each hint’s own expression finds, on texts built from the hints’ own words', () => {
    const words = hinted().flatMap((f) => f.hints!.flatMap((h) => (literalStarts(h.pattern) ?? []).flatMap((s) => s.split(SPACES).filter(Boolean))));
    let found = 0;
    for (const text of generatedTexts(words, 400, 20261121)) {
      for (const guide of hinted()) {
        const plain = plainHints(guide, text);
        expect(indexedHints(guide, text), text).toEqual(plain);
        found += plain.length;
      }
    }
    // The texts must hold matches for the comparison to mean something.
    expect(found).toBeGreaterThan(1000);
  });

  it('finds what each hint’s own expression finds, at the very start and end of a text and after a letter', () => {
    for (const guide of hinted()) {
      for (const text of ['Angelus', 'xAngelus Drusilla', 'éDrusilla', 'Tara', 'the Potentials', 'THE\u00a0POTENTIALS']) {
        expect(indexedHints(guide, text)).toEqual(plainHints(guide, text));
      }
    }
  });
});

describe('fandom names found along the tries of first words', () => {
  it('finds what each phrase’s own expression finds at its first words, on texts built from the phrases’ words', () => {
    const words = PHRASES.flatMap((p) => [p, ...p.split(/\s+/)]).filter(Boolean);
    let found = 0;
    for (const text of generatedTexts(words, 300, 1121)) {
      const plain = plainPhrases(text);
      expect(indexedPhrases(text), text).toEqual(plain);
      found += plain.length;
    }
    expect(found).toBeGreaterThan(1000);
  });
});

describe.skipIf(!hasSharedFixtures())('on every story fixture', () => {
  it('finds the same canon hints and fandom names as the plain readings, in every text enrichment reads', () => {
    let compared = 0;
    for (const file of goldenFiles(GOLDENS)) {
      const golden = JSON.parse(readFileSync(file, 'utf8'));
      if (golden.kind !== 'story' || golden.generic === true) continue;
      const result = classifyPage(loadPage(golden.fixture, golden.url), golden.url);
      if (result.kind !== 'story') continue;
      const story = result.story!;
      const chapters = story.chapters.map((c) => c.text).join('\n').slice(0, 60_000);
      const texts = [chapters, story.summary ?? '', story.disclaimer ?? '', story.title, ...story.notes.map((n) => n.text), [...story.characters, ...story.relationships].join('\n')];
      for (const text of texts) {
        for (const guide of hinted()) expect(indexedHints(guide, text), golden.fixture).toEqual(plainHints(guide, text));
        expect(indexedPhrases(text.slice(0, 4000)), golden.fixture).toEqual(plainPhrases(text.slice(0, 4000)));
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  }, 180_000);
});
