// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cssFontName, fontFaceCss, fontStack, readerCss } from '../../utils/reader/css';
import { THEMES } from '../../utils/reader/themes';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../../utils/settings';

const reader = (over: Partial<ReaderSettings> = {}): ReaderSettings => ({ ...DEFAULT_SETTINGS.reader, ...over });

/** The CSS parsed by the DOM's own parser, so tests see what a browser would. */
function rulesOf(css: string): CSSRule[] {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const rules = Array.from(style.sheet!.cssRules);
  style.remove();
  return rules;
}

function styleOf(css: string, selector: string): CSSStyleDeclaration {
  const rule = rulesOf(css).find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === selector);
  if (!rule) throw new Error(`no rule for ${selector}`);
  return rule.style;
}

const host = (css: string, prop: string) => styleOf(css, ':host').getPropertyValue(prop).trim();
const text = (css: string, prop: string) => styleOf(css, '.fs-text').getPropertyValue(prop).trim();

const VARIABLES = ['--fs-bg', '--fs-fg', '--fs-muted', '--fs-link', '--fs-accent', '--fs-line', '--fs-surface', '--fs-font', '--fs-size', '--fs-leading', '--fs-width', '--fs-letter', '--fs-word'];

describe('readerCss: custom properties on :host', () => {
  it('sets every contract variable', () => {
    const css = readerCss(reader(), false);
    for (const name of VARIABLES) expect(host(css, name), name).not.toBe('');
  });

  it('writes size, line height, width and spacing with their units', () => {
    const css = readerCss(reader({ fontSize: 22, lineHeight: 1.75, width: 72, letterSpacing: 0.05, wordSpacing: 0.2 }), false);
    expect(host(css, '--fs-size')).toBe('22px');
    expect(host(css, '--fs-leading')).toBe('1.75');
    expect(host(css, '--fs-width')).toBe('72ch');
    expect(host(css, '--fs-letter')).toBe('0.05em');
    expect(host(css, '--fs-word')).toBe('0.2em');
  });

  it('clamps out-of-range numbers to the settings limits', () => {
    const css = readerCss(reader({ fontSize: 400, lineHeight: 0.2, width: 5, letterSpacing: 3, wordSpacing: -1 }), false);
    expect(host(css, '--fs-size')).toBe('40px');
    expect(host(css, '--fs-leading')).toBe('1');
    expect(host(css, '--fs-width')).toBe('30ch');
    expect(host(css, '--fs-letter')).toBe('0.3em');
    expect(host(css, '--fs-word')).toBe('0em');
  });

  it('never writes NaN or exponents', () => {
    const css = readerCss(reader({ fontSize: Number.NaN, lineHeight: 1.6000000000000001, letterSpacing: 1e-7 }), false);
    expect(css).not.toMatch(/NaN|e-\d|Infinity/);
    expect(host(css, '--fs-size')).toBe(`${DEFAULT_SETTINGS.reader.fontSize}px`);
    expect(host(css, '--fs-leading')).toBe('1.6');
  });

  for (const theme of ['light', 'sepia', 'dark', 'black'] as const) {
    it(`theme ${theme} puts its colours in the variables, whatever the system prefers`, () => {
      for (const prefersDark of [false, true]) {
        const css = readerCss(reader({ theme }), prefersDark);
        expect(host(css, '--fs-bg')).toBe(THEMES[theme].bg);
        expect(host(css, '--fs-fg')).toBe(THEMES[theme].fg);
        expect(host(css, '--fs-muted')).toBe(THEMES[theme].muted);
        expect(host(css, '--fs-link')).toBe(THEMES[theme].link);
        expect(host(css, '--fs-accent')).toBe(THEMES[theme].accent);
        expect(host(css, '--fs-line')).toBe(THEMES[theme].line);
        expect(host(css, '--fs-surface')).toBe(THEMES[theme].surface);
      }
    });
  }

  it('system theme follows the browser: light by day, dark by night', () => {
    const day = readerCss(reader({ theme: 'system' }), false);
    const night = readerCss(reader({ theme: 'system' }), true);
    expect(host(day, '--fs-bg')).toBe(THEMES.light.bg);
    expect(host(night, '--fs-bg')).toBe(THEMES.dark.bg);
    expect(host(day, 'color-scheme')).toBe('light');
    expect(host(night, 'color-scheme')).toBe('dark');
  });

  it('asks for dark form controls and scrollbars on the black theme, light ones on sepia', () => {
    expect(host(readerCss(reader({ theme: 'black' }), false), 'color-scheme')).toBe('dark');
    expect(host(readerCss(reader({ theme: 'sepia' }), true), 'color-scheme')).toBe('light');
  });
});

describe('fontStack', () => {
  it('gives a serif stack ending in the generic serif', () => {
    const stack = fontStack(reader({ font: 'serif' }));
    expect(stack).toMatch(/Georgia/);
    expect(stack).toMatch(/, serif$/);
  });

  it('gives a sans stack ending in the generic sans-serif', () => {
    const stack = fontStack(reader({ font: 'sans' }));
    expect(stack).toMatch(/^system-ui/);
    expect(stack).toMatch(/, sans-serif$/);
  });

  it('puts the bundled OpenDyslexic first for the dyslexia-friendly choice', () => {
    expect(fontStack(reader({ font: 'dyslexic' }))).toMatch(/^"OpenDyslexic", .*sans-serif$/);
  });

  it("quotes the reader's own font and falls back to serif", () => {
    const stack = fontStack(reader({ font: 'custom', customFont: 'Literata' }));
    expect(stack).toMatch(/^"Literata", Charter/);
    expect(stack).toMatch(/, serif$/);
    expect(fontStack(reader({ font: 'custom', customFont: 'Atkinson Hyperlegible' }))).toMatch(/^"Atkinson Hyperlegible", /);
  });

  it('keeps non-Latin font names readable', () => {
    expect(fontStack(reader({ font: 'custom', customFont: 'ヒラギノ明朝 ProN' }))).toMatch(/^"ヒラギノ明朝 ProN", /);
  });

  it('falls back to serif when the custom name is empty', () => {
    expect(fontStack(reader({ font: 'custom', customFont: '   ' }))).toBe(fontStack(reader({ font: 'serif' })));
  });

  it('escapes quotes, semicolons and braces so a name cannot leave its declaration', () => {
    const evil = "x'; } :host { display:none";
    const name = cssFontName(evil);
    expect(name).not.toMatch(/[;{}']/);
    // Parsed by a real CSS parser: still one rule with one declaration.
    const rules = rulesOf(`:host { --fs-font: ${fontStack(reader({ font: 'custom', customFont: evil }))}; color: red; }`);
    expect(rules).toHaveLength(1);
    const style = (rules[0] as CSSStyleRule).style;
    expect(style.getPropertyValue('color')).toBe('red');
    expect(style.getPropertyValue('display')).toBe('');
    expect(style.getPropertyValue('--fs-font').trim()).toMatch(/^"x'; } :host \{ display:none",\s*Charter/);
  });

  it('escapes a double quote and a backslash too', () => {
    const rules = rulesOf(`:host { --fs-font: ${fontStack(reader({ font: 'custom', customFont: 'a"b\\c' }))}; }`);
    expect(rules).toHaveLength(1);
    expect(cssFontName('a"b\\c')).toBe('"a\\22 b\\5c c"');
  });

  it('keeps an evil custom font inside the :host rule of the whole reader CSS', () => {
    const plain = rulesOf(readerCss(reader(), false)).length;
    const css = readerCss(reader({ font: 'custom', customFont: "x'; } :host { display:none" }), false);
    const rules = rulesOf(css);
    expect(rules).toHaveLength(plain);
    expect(rules.filter((r) => r instanceof CSSStyleRule && r.selectorText === ':host')).toHaveLength(1);
    expect(host(css, 'display')).toBe('');
    // The settings model already drops ;{}" from custom names; the escaping is the second guard.
    expect(host(css, '--fs-font')).toMatch(/^"x' :host display:none",\s*Charter/);
  });
});

describe('readerCss: story text', () => {
  it('typesets .fs-text from the variables', () => {
    const css = readerCss(reader(), false);
    expect(text(css, 'font-family')).toBe('var(--fs-font)');
    expect(text(css, 'font-size')).toBe('var(--fs-size)');
    expect(text(css, 'line-height')).toBe('var(--fs-leading)');
    expect(text(css, 'max-width')).toBe('var(--fs-width)');
    expect(text(css, 'letter-spacing')).toBe('var(--fs-letter)');
    expect(text(css, 'word-spacing')).toBe('var(--fs-word)');
    expect(text(css, 'color')).toBe('var(--fs-fg)');
  });

  it('aligns left or justified as chosen', () => {
    expect(text(readerCss(reader({ align: 'left' }), false), 'text-align')).toBe('left');
    expect(text(readerCss(reader({ align: 'justify' }), false), 'text-align')).toBe('justify');
  });

  it('hyphenates only when asked', () => {
    expect(readerCss(reader({ hyphenate: true }), false)).toMatch(/\.fs-text \{[^}]*\n  hyphens: auto;/);
    expect(readerCss(reader({ hyphenate: false }), false)).toMatch(/\.fs-text \{[^}]*\n  hyphens: manual;/);
    expect(readerCss(reader({ hyphenate: true }), false)).toMatch(/-webkit-hyphens: auto/);
  });

  it('spaces paragraphs apart without indents in the spaced style', () => {
    const css = readerCss(reader({ paragraphs: 'spaced' }), false);
    expect(styleOf(css, '.fs-text p').getPropertyValue('margin')).toMatch(/^0(px)? 0(px)? 1em$/);
    expect(styleOf(css, '.fs-text p').getPropertyValue('text-indent')).toMatch(/^0(px)?$/);
    expect(() => styleOf(css, '.fs-text p + p')).toThrow();
  });

  it('indents every paragraph but the first, without gaps, in the indented style', () => {
    const css = readerCss(reader({ paragraphs: 'indented' }), false);
    expect(styleOf(css, '.fs-text p').getPropertyValue('margin')).toMatch(/^0(px)?$/);
    expect(styleOf(css, '.fs-text p + p').getPropertyValue('text-indent')).toBe('1.5em');
    // Centered lines (a song, a letter's signature) are not indented.
    expect(css).toMatch(/\.fs-text p\[align\][^{]*\{ text-indent: 0; \}/);
  });

  it('draws every scene break as one centered mark, not a rule', () => {
    const css = readerCss(reader(), false);
    const hr = styleOf(css, '.fs-text hr.fs-scene-break');
    expect(hr.getPropertyValue('border')).toMatch(/^0|none/);
    expect(hr.getPropertyValue('text-align')).toBe('center');
    expect(hr.getPropertyValue('margin')).toMatch(/auto/);
    expect(css).toMatch(/hr\.fs-scene-break::after \{[^}]*content: "\*\\2003\*\\2003\*"/);
  });

  it('keeps images and tables inside the column and links visible but calm', () => {
    const css = readerCss(reader(), false);
    expect(styleOf(css, '.fs-text :is(img, video, canvas)').getPropertyValue('max-width')).toBe('100%');
    expect(styleOf(css, '.fs-text :is(img, video, canvas)').getPropertyValue('height')).toBe('auto');
    expect(styleOf(css, '.fs-text table').getPropertyValue('max-width')).toBe('100%');
    const link = styleOf(css, '.fs-text a');
    expect(link.getPropertyValue('color')).toBe('var(--fs-link)');
    // Links are underlined, so they never depend on colour alone.
    expect(link.getPropertyValue('text-decoration-line')).toBe('underline');
  });

  it('styles block quotes, headings inside the text and the selection', () => {
    const css = readerCss(reader(), false);
    expect(styleOf(css, '.fs-text blockquote').getPropertyValue('border-inline-start')).toMatch(/var\(--fs-line\)/);
    expect(styleOf(css, '.fs-text h1').getPropertyValue('font-size')).toBe('1.5em');
    expect(styleOf(css, '.fs-text :is(h1, h2, h3, h4, h5, h6)').getPropertyValue('line-height')).toBe('1.25');
    expect(css).toMatch(/\.fs-text ::selection \{/);
  });

  it('honours the align attribute the sanitiser keeps, and centers <center>', () => {
    const css = readerCss(reader(), false);
    expect(styleOf(css, '.fs-text [align="center" i], .fs-text center').getPropertyValue('text-align')).toBe('center');
    expect(styleOf(css, '.fs-text [align="right" i]').getPropertyValue('text-align')).toBe('right');
  });

  it('uses text-wrap: pretty only where supported', () => {
    const css = readerCss(reader(), false);
    const supports = rulesOf(css).filter((r): r is CSSSupportsRule => r instanceof CSSSupportsRule);
    expect(supports.map((r) => r.conditionText)).toContain('(text-wrap: pretty)');
    expect(css).toMatch(/@supports \(text-wrap: pretty\) \{\n  \.fs-text :is\(p, li[^{]*\{ text-wrap: pretty; \}/);
  });

  it('leaves component chrome alone: only :host and .fs-text rules', () => {
    for (const rule of rulesOf(readerCss(reader(), true))) {
      if (rule instanceof CSSStyleRule) expect(rule.selectorText).toMatch(/^(:host|\.fs-text)/);
    }
  });

  it('changes with every setting', () => {
    const base = readerCss(reader(), false);
    const changes: Partial<ReaderSettings>[] = [
      { font: 'sans' }, { font: 'dyslexic' }, { font: 'custom', customFont: 'Literata' }, { fontSize: 24 },
      { lineHeight: 2 }, { width: 90 }, { theme: 'sepia' }, { align: 'justify' }, { hyphenate: true },
      { paragraphs: 'indented' }, { letterSpacing: 0.1 }, { wordSpacing: 0.3 },
    ];
    for (const change of changes) expect(readerCss(reader(change), false), JSON.stringify(change)).not.toBe(base);
  });
});

describe('fontFaceCss', () => {
  const base = 'chrome-extension://abcdefgh/';

  it('declares OpenDyslexic in regular, italic, bold and bold italic from the extension', () => {
    const rules = rulesOf(fontFaceCss(base));
    expect(rules).toHaveLength(4);
    const css = fontFaceCss(base);
    for (const weight of [400, 700]) {
      for (const style of ['normal', 'italic']) {
        expect(css).toContain(`url("${base}fonts/opendyslexic-latin-${weight}-${style}.woff2") format("woff2")`);
        expect(css).toMatch(new RegExp(`font-style: ${style}; font-weight: ${weight};`));
      }
    }
    expect(css.match(/font-family: "OpenDyslexic"/g)).toHaveLength(4);
    expect(css.match(/font-display: swap/g)).toHaveLength(4);
  });

  it('adds the slash a base URL lacks and works for Firefox URLs', () => {
    expect(fontFaceCss('moz-extension://1234-abcd')).toContain('url("moz-extension://1234-abcd/fonts/opendyslexic-latin-400-normal.woff2")');
  });

  it('cannot be broken by a quote in the base URL', () => {
    const rules = rulesOf(fontFaceCss('https://x.test/a"b)/'));
    expect(rules).toHaveLength(4);
    expect(fontFaceCss('https://x.test/a"b)/')).toContain('url("https://x.test/a\\"b)/fonts/');
  });
});
