import type { ThemeChoice } from '../settings';

/**
 * Reader themes. Every text colour (fg, muted, link, accent) reaches WCAG AA
 * (4.5:1) on both bg and surface; tests/reader/themes.test.ts computes it.
 * `line` is for rules and borders, `surface` for raised chrome (toolbar, notes).
 */
export type ThemeName = 'light' | 'sepia' | 'dark' | 'black';

export interface ThemeColours {
  label: string;
  bg: string;
  fg: string;
  muted: string;
  link: string;
  accent: string;
  line: string;
  surface: string;
}

export const THEMES: Record<ThemeName, ThemeColours> = {
  light: {
    label: 'Light',
    bg: '#ffffff',
    fg: '#1b1b1b',
    muted: '#595959',
    link: '#0a58a8',
    accent: '#9a3412',
    line: '#d9d9d6',
    surface: '#f4f4f2',
  },
  sepia: {
    label: 'Sepia',
    bg: '#f5edda',
    fg: '#3a2e20',
    muted: '#62533f',
    link: '#1d4f86',
    accent: '#8a3414',
    line: '#d8c9a8',
    surface: '#ece1c8',
  },
  dark: {
    label: 'Dark',
    bg: '#1d1c21',
    fg: '#e3e1db',
    muted: '#aaa79f',
    link: '#8ab6f8',
    accent: '#f0a672',
    line: '#3b3a42',
    surface: '#28272d',
  },
  black: {
    label: 'Black',
    bg: '#000000',
    fg: '#d4d4d4',
    muted: '#9c9c9c',
    link: '#80b2ff',
    accent: '#f2a85e',
    line: '#333333',
    surface: '#151515',
  },
};

export const THEME_NAMES = Object.keys(THEMES) as ThemeName[];

/** 'system' follows the browser's colour scheme; any other choice is itself. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): ThemeName {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice in THEMES ? (choice as ThemeName) : 'light';
}

/** "#rgb" or "#rrggbb" → [r, g, b] in 0..255. */
export function parseHex(colour: string): [number, number, number] {
  const hex = colour.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${colour}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1..21, order-independent. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
