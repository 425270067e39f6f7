// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { countWords } from '../../utils/metadata/text';

/** The definition countWords implements in one pass: what it counted before, with regexes. */
function byRegex(text: string): number {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  const rest = text.replace(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g, ' ');
  return (rest.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu)?.length ?? 0) + cjk;
}

/** Characters that matter to the count: letters of several scripts, digits, joiners, CJK, astral letters, surrogate halves. */
const ALPHABET = ['a', 'Z', '7', 'é', 'ß', 'Ж', 'ж', 'ا', '५', '٣', "'", '’', '-', '—', ' ', '\n', '\u00a0', '.', ',', '!', '日', 'ひ', 'カ', '한', '𝒜', '𠀀', '😀', '\ud800', '\udc00', '_', '*', '\u0301'];

function randomText(seed: number, length: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += ALPHABET[state % ALPHABET.length];
  }
  return text;
}

describe('countWords', () => {
  it('counts as a reader does', () => {
    expect(countWords("Don't stop — it's a well-known 2nd try")).toBe(7);
    expect(countWords("'quoted' -dash- ’tis")).toBe(3);
    expect(countWords('日本語のテキスト')).toBe(8);
    expect(countWords('word日本word')).toBe(4);
    expect(countWords('𝒜𝒷𝒸 and 😀')).toBe(2);
    expect(countWords('')).toBe(0);
  });

  it('gives what the regex definition gives on every kind of text', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, 1 + (seed % 97));
      expect(countWords(text), JSON.stringify(text)).toBe(byRegex(text));
    }
  });
});
