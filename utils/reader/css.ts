import { normalizeSettings, type ReaderSettings } from '../settings';
import { THEMES, resolveTheme } from './themes';

/**
 * Reader settings → CSS text for the reader's shadow root. Pure.
 * `:host` carries the settings as custom properties (--fs-*), so the
 * components of reader mode and the options preview style themselves from the
 * same values; the rules here only typeset the story text in `.fs-text`.
 */

const SERIF_STACK = 'Charter, "Bitstream Charter", "Sitka Text", Cambria, "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", serif';
const SANS_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
const DYSLEXIC_STACK = '"OpenDyslexic", "Comic Sans MS", "Comic Neue", sans-serif';

/**
 * A font name as a CSS string that cannot end early: every character other
 * than letters, digits, space, hyphen, underscore and dot becomes a hex CSS
 * escape, so quotes, semicolons and braces stay inside the string. The escape's
 * own terminating space keeps a real space after it from being swallowed.
 */
export function cssFontName(name: string): string {
  const clean = name.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 80);
  const escaped = [...clean]
    .map((ch) => (/[\p{L}\p{N} _.-]/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
    .join('');
  return `"${escaped}"`;
}

/** The font-family value for the reader's choice; a custom name falls back to serif. */
export function fontStack(settings: ReaderSettings): string {
  switch (settings.font) {
    case 'sans':
      return SANS_STACK;
    case 'dyslexic':
      return DYSLEXIC_STACK;
    case 'custom': {
      const name = (settings.customFont ?? '').trim();
      return name ? `${cssFontName(name)}, ${SERIF_STACK}` : SERIF_STACK;
    }
    default:
      return SERIF_STACK;
  }
}

/** A string as a double-quoted CSS url() argument. */
function cssUrl(url: string): string {
  return `url("${url.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, '')}")`;
}

/**
 * @font-face rules for the bundled OpenDyslexic. Chrome ignores @font-face
 * inside shadow roots, so this goes into the page's own <head>.
 */
export function fontFaceCss(fontBaseUrl: string): string {
  const base = fontBaseUrl.endsWith('/') ? fontBaseUrl : `${fontBaseUrl}/`;
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const style of ['normal', 'italic']) {
      const file = `${base}fonts/opendyslexic-latin-${weight}-${style}.woff2`;
      faces.push(
        `@font-face { font-family: "OpenDyslexic"; font-style: ${style}; font-weight: ${weight}; font-display: swap; src: ${cssUrl(file)} format("woff2"); }`,
      );
    }
  }
  return faces.join('\n');
}

/** A number as CSS text: no exponent, at most three decimals. */
function num(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** The :host block: theme colours and typographic settings as custom properties. */
function hostBlock(reader: ReaderSettings, prefersDark: boolean): string {
  const themeName = resolveTheme(reader.theme, prefersDark);
  const theme = THEMES[themeName];
  const dark = themeName === 'dark' || themeName === 'black';
  return `:host {
  --fs-bg: ${theme.bg};
  --fs-fg: ${theme.fg};
  --fs-muted: ${theme.muted};
  --fs-link: ${theme.link};
  --fs-accent: ${theme.accent};
  --fs-line: ${theme.line};
  --fs-surface: ${theme.surface};
  --fs-font: ${fontStack(reader)};
  --fs-size: ${num(reader.fontSize)}px;
  --fs-leading: ${num(reader.lineHeight)};
  --fs-width: ${num(reader.width)}ch;
  --fs-letter: ${num(reader.letterSpacing)}em;
  --fs-word: ${num(reader.wordSpacing)}em;
  color-scheme: ${dark ? 'dark' : 'light'};
}`;
}

/** The story text block: font, measure, alignment and hyphenation. */
function textBlock(reader: ReaderSettings): string {
  const hyphens = reader.hyphenate ? 'auto' : 'manual';
  return `.fs-text {
  font-family: var(--fs-font);
  font-size: var(--fs-size);
  line-height: var(--fs-leading);
  letter-spacing: var(--fs-letter);
  word-spacing: var(--fs-word);
  max-width: var(--fs-width);
  margin-inline: auto;
  color: var(--fs-fg);
  text-align: ${reader.align};
  -webkit-hyphens: ${hyphens};
  hyphens: ${hyphens};
  hyphenate-limit-chars: 6 3 3;
  overflow-wrap: break-word;
  font-kerning: normal;
  font-variant-ligatures: common-ligatures;
  text-rendering: optimizeLegibility;
}`;
}

/** Spaced paragraphs (web style) or indented ones (book style). */
function paragraphRules(reader: ReaderSettings): string {
  if (reader.paragraphs === 'indented') {
    return `.fs-text p { margin: 0; text-indent: 0; }
.fs-text p + p { text-indent: 1.5em; }
.fs-text p[align], .fs-text center p, .fs-text p + p[align] { text-indent: 0; }
.fs-text > :is(blockquote, ul, ol, table, pre, figure, dl) { margin-block: 1em; }`;
  }
  return `.fs-text p { margin: 0 0 1em; text-indent: 0; }`;
}

/** Typesetting that does not depend on the settings. */
const TYPOGRAPHY = `.fs-text > :first-child { margin-top: 0; }
.fs-text > :last-child { margin-bottom: 0; }
.fs-text ::selection { background: color-mix(in srgb, var(--fs-link) 28%, var(--fs-bg)); color: var(--fs-fg); }
.fs-text [align="center" i], .fs-text center { text-align: center; -webkit-hyphens: manual; hyphens: manual; }
.fs-text [align="right" i] { text-align: right; }
.fs-text [align="left" i] { text-align: left; }
.fs-text [align="justify" i] { text-align: justify; }
.fs-text :is(h1, h2, h3, h4, h5, h6) {
  font-family: inherit;
  font-weight: 700;
  line-height: 1.25;
  margin: 1.6em 0 0.6em;
  text-indent: 0;
  text-align: inherit;
  -webkit-hyphens: manual;
  hyphens: manual;
}
.fs-text h1 { font-size: 1.5em; }
.fs-text h2 { font-size: 1.3em; }
.fs-text h3 { font-size: 1.15em; }
.fs-text :is(h4, h5, h6) { font-size: 1em; }
.fs-text :is(h5, h6) { font-style: italic; font-weight: 600; }
.fs-text a {
  color: var(--fs-link);
  text-decoration-line: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.18em;
  text-decoration-color: color-mix(in srgb, currentColor 45%, transparent);
}
.fs-text a:hover { text-decoration-color: currentColor; }
.fs-text a:focus-visible { outline: 2px solid var(--fs-accent); outline-offset: 2px; border-radius: 2px; }
.fs-text blockquote {
  margin: 1em 0;
  padding: 0 0 0 1em;
  border-inline-start: 3px solid var(--fs-line);
}
.fs-text blockquote p { text-indent: 0; }
.fs-text :is(ul, ol) { margin: 0 0 1em; padding-inline-start: 1.6em; }
.fs-text li { margin: 0.25em 0; }
.fs-text li > :is(ul, ol) { margin-bottom: 0; }
.fs-text dt { font-weight: 700; }
.fs-text dd { margin: 0 0 0.5em 1.6em; }
.fs-text :is(img, video, canvas) { max-width: 100%; height: auto; }
.fs-text img { vertical-align: middle; }
.fs-text figure { margin: 1em 0; text-align: center; }
.fs-text figcaption { color: var(--fs-muted); font-size: 0.9em; }
.fs-text table {
  border-collapse: collapse;
  margin: 1em 0;
  max-width: 100%;
  font-size: 0.95em;
  line-height: 1.4;
}
.fs-text :is(td, th) { padding: 0.3em 0.6em; vertical-align: top; text-align: start; }
.fs-text th { border-bottom: 1px solid var(--fs-line); font-weight: 700; }
.fs-text table[border]:not([border="0"]) :is(td, th) { border: 1px solid var(--fs-line); }
.fs-text pre {
  white-space: pre-wrap;
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.9em;
  line-height: 1.45;
  margin: 0 0 1em;
}
.fs-text code, .fs-text kbd, .fs-text tt { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.fs-text :is(sup, sub) { line-height: 0; }
.fs-text abbr[title] { text-decoration: underline dotted; }
.fs-text small { font-size: 0.85em; }
.fs-text hr { border: 0; border-top: 1px solid var(--fs-line); margin: 1.5em 0; }
.fs-text hr.fs-scene-break {
  border: 0;
  height: auto;
  margin: 1.6em auto;
  overflow: visible;
  text-align: center;
  color: var(--fs-muted);
  background: none;
  line-height: 1;
}
.fs-text hr.fs-scene-break::after {
  content: "*\\2003*\\2003*";
  content: "*\\2003*\\2003*" / "";
  display: block;
  font-size: 1em;
  letter-spacing: 0;
}
@supports (text-wrap: pretty) {
  .fs-text :is(p, li, blockquote, dd, figcaption) { text-wrap: pretty; }
}
@supports (text-wrap: balance) {
  .fs-text :is(h1, h2, h3, h4, h5, h6) { text-wrap: balance; }
}`;

/**
 * CSS text for the reader's shadow root. Settings are normalised first, so a
 * hand-edited or stale value can never produce broken CSS.
 */
export function readerCss(settings: ReaderSettings, prefersDark: boolean): string {
  const reader = normalizeSettings({ reader: settings }).reader;
  return [hostBlock(reader, prefersDark), textBlock(reader), paragraphRules(reader), TYPOGRAPHY].join('\n');
}
