import { describe, expect, it } from 'vitest';
import { THEMES, contrastRatio, parseHex, relativeLuminance, resolveTheme, type ThemeName } from '../../utils/reader/themes';

const NAMES: ThemeName[] = ['light', 'sepia', 'dark', 'black'];
const TEXT_COLOURS = ['fg', 'muted', 'link', 'accent'] as const;
const BACKGROUNDS = ['bg', 'surface'] as const;

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('matches known WCAG reference values', () => {
    // #767676 on white is the classic "just passes AA" grey (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
  });

  it('does not depend on the order of the colours', () => {
    expect(contrastRatio('#3a2e20', '#f5edda')).toBe(contrastRatio('#f5edda', '#3a2e20'));
  });

  it('reads short and long hex and rejects anything else', () => {
    expect(parseHex('#abc')).toEqual([0xaa, 0xbb, 0xcc]);
    expect(parseHex('#A0B1C2')).toEqual([0xa0, 0xb1, 0xc2]);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(() => parseHex('red')).toThrow();
    expect(() => parseHex('#12345')).toThrow();
  });
});

describe('THEMES', () => {
  it('has exactly the four named themes, each with a label', () => {
    expect(Object.keys(THEMES).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(THEMES[name].label).toMatch(/^[A-Z]\w+$/);
  });

  it('uses six-digit hex colours only', () => {
    for (const name of NAMES) {
      const { label, ...colours } = THEMES[name];
      for (const value of Object.values(colours)) expect(value).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  for (const name of NAMES) {
    for (const text of TEXT_COLOURS) {
      for (const background of BACKGROUNDS) {
        it(`${name}: ${text} on ${background} meets WCAG AA (4.5:1)`, () => {
          const theme = THEMES[name];
          expect(contrastRatio(theme[text], theme[background])).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
  }

  it('dark themes are dark and light themes are light', () => {
    expect(relativeLuminance(THEMES.light.bg)).toBeGreaterThan(0.8);
    expect(relativeLuminance(THEMES.sepia.bg)).toBeGreaterThan(0.7);
    expect(relativeLuminance(THEMES.dark.bg)).toBeLessThan(0.05);
    expect(THEMES.black.bg).toBe('#000000');
  });

  it('links differ from body text by more than hue alone would show', () => {
    // Links are also underlined (css.ts); here they must at least not equal the text colour.
    for (const name of NAMES) expect(THEMES[name].link).not.toBe(THEMES[name].fg);
  });
});

describe('resolveTheme', () => {
  it('follows the system for "system"', () => {
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('system', true)).toBe('dark');
  });

  it('keeps an explicit choice whatever the system prefers', () => {
    for (const name of NAMES) {
      expect(resolveTheme(name, true)).toBe(name);
      expect(resolveTheme(name, false)).toBe(name);
    }
  });
});
