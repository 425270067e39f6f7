import { h, render } from 'preact';
import type { Story } from '@/utils/story';
import type { ReaderSettings } from '@/utils/settings';
import { fontFaceCss } from '@/utils/reader/css';
import componentCss from '@/components/reader/reader.css?inline';
import { ReaderApp, type ReaderAppProps } from './ReaderApp';
import { afterPaint, inNextFrame } from '@/components/after-paint';

export const HOST_SELECTOR = '[data-ficshelf="reader"]';
export const FONT_STYLE_SELECTOR = 'style[data-ficshelf="reader-fonts"]';

/**
 * The host covers the viewport above everything and scrolls on its own.
 * Inline and !important, so no site rule can move or restyle it; `all:
 * initial` stops inherited site styles at the shadow boundary.
 */
const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'inset: 0',
  'display: block',
  'z-index: 2147483647',
  'width: 100vw',
  'height: 100vh',
  'height: 100dvh',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: hidden',
  'contain: strict',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

export type MountOptions = Omit<ReaderAppProps, 'componentCss' | 'prefersDark' | 'onClose' | 'settings'> & {
  settings: ReaderSettings;
  /** Where the bundled fonts are (ends with "/"). */
  fontBaseUrl: string;
  /** Called after the reader closed itself (Esc, the close button). */
  onClosed?(): void;
};

export interface MountedReader {
  update(settings: ReaderSettings): void;
  close(): void;
}

/**
 * Puts reader mode over the page. The page is not touched apart from the
 * host element and, with the dyslexic font, one @font-face style in <head>
 * (Chrome ignores @font-face inside a shadow root); closing removes both and gives back
 * focus and scroll position. Returns null, with the page as it was, when
 * anything fails.
 */
export function mountReader(doc: Document, options: MountOptions): MountedReader | null {
  const win = doc.defaultView!;
  const before = { focus: doc.activeElement as HTMLElement | null, x: win.scrollX, y: win.scrollY };
  let host: HTMLElement | null = null;
  let fonts: HTMLStyleElement | null = null;
  let settings = options.settings;
  let closed = false;
  const dark = win.matchMedia?.('(prefers-color-scheme: dark)');

  const paint = () => {
    if (!host?.shadowRoot) return;
    const props: ReaderAppProps = {
      ...options,
      settings,
      componentCss,
      prefersDark: !!dark?.matches,
      onClose: () => {
        teardown();
        options.onClosed?.();
      },
    };
    render(h(ReaderApp, props), host.shadowRoot);
  };
  const onSchemeChange = () => paint();

  // Only for the bundled dyslexic font, and never in the opening frame: an
  // @font-face rule added to the page restyles the whole page (150–400 ms
  // on a long AO3 full work), which would hold the reader's first paint.
  const declareFonts = () => {
    if (closed || fonts || settings.font !== 'dyslexic') return;
    fonts = doc.createElement('style');
    fonts.dataset.ficshelf = 'reader-fonts';
    fonts.textContent = fontFaceCss(options.fontBaseUrl);
    (doc.head ?? doc.documentElement).appendChild(fonts);
  };
  let cancelFonts = () => {};
  let cancelFocus = () => {};

  const teardown = () => {
    if (closed) return;
    closed = true;
    cancelFonts();
    cancelFocus();
    dark?.removeEventListener?.('change', onSchemeChange);
    try {
      if (host?.shadowRoot) render(null, host.shadowRoot);
    } catch (error) {
      console.warn('[FicShelf] reader did not unmount cleanly', error);
    }
    host?.remove();
    fonts?.remove();
    host = null;
    fonts = null;
    restorePage(win, before);
  };

  try {
    host = doc.createElement('div');
    host.dataset.ficshelf = 'reader';
    host.setAttribute('style', HOST_STYLE);
    host.attachShadow({ mode: 'open' });
    doc.documentElement.appendChild(host);
    paint();
    // The title takes focus (screen readers announce the reader) in the frame that first shows it:
    // focusing computes the new shadow tree's styles, which done now cost the opening 8–30 ms more.
    const opened = host;
    cancelFocus = inNextFrame(() => {
      if (opened.isConnected) opened.shadowRoot?.querySelector<HTMLElement>('.fs-title')?.focus({ preventScroll: true });
    }, win);
    dark?.addEventListener?.('change', onSchemeChange);
    cancelFonts = afterPaint(declareFonts, win);
  } catch (error) {
    console.warn('[FicShelf] reader mode could not open', error);
    teardown();
    return null;
  }

  return {
    update(next) {
      settings = next;
      if (closed) return;
      paint();
      declareFonts();
    },
    close: teardown,
  };
}

/** Focus back where it was, and the page scrolled exactly as before. */
function restorePage(win: Window, before: { focus: HTMLElement | null; x: number; y: number }): void {
  try {
    const focus = before.focus;
    if (focus && focus.isConnected && focus !== win.document.body && typeof focus.focus === 'function') focus.focus({ preventScroll: true });
    else (win.document.activeElement as HTMLElement | null)?.blur?.();
    if (win.scrollX !== before.x || win.scrollY !== before.y) win.scrollTo(before.x, before.y);
  } catch {
    // Nothing to give back on a page that changed under us.
  }
}
