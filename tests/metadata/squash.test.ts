// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { squash } from '../../utils/metadata/text';

/** The definition squash implements: every run of white space (zero-width spaces too) becomes one space, then the ends are trimmed. */
const byDefinition = (text: string) => text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** Every kind of white space JavaScript knows, the zero-width space, and a few characters that are not space. */
const ALPHABET = [
  'a', 'Z', '.', 'é', '日', '😀', '-', ' ', ' ', ' ', '\n', '\r', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a',
  '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u200c', '\u0085',
];

function randomText(seed: number, length: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += ALPHABET[(state >>> 8) % ALPHABET.length];
  }
  return text;
}

describe('squash', () => {
  it('folds runs of white space and trims', () => {
    expect(squash('  Lost\u00a0 Soul\n\tby  Michael \u200b')).toBe('Lost Soul by Michael');
    expect(squash('Already squashed')).toBe('Already squashed');
    expect(squash('\u200b')).toBe('');
    expect(squash(null)).toBe('');
  });

  it('gives what the definition gives on every mix of white space', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const text = randomText(seed, 1 + (seed % 61));
      expect(squash(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });
});
