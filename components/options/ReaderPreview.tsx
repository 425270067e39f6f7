import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ReaderSettings } from '@/utils/settings';
import { readerCss } from '@/utils/reader/css';
import { ReaderArticle } from '@/components/reader/ReaderArticle';
import articleCss from '@/components/reader/reader.css?inline';
import { SAMPLE_STORY } from './SampleStory';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the system asks for dark colours, following changes while the page is open. */
export function usePrefersDark(): boolean {
  const [query] = useState(() => (typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null));
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, [query]);
  return dark;
}

/**
 * In a tab the reader fills the window; here it fills a framed box on the
 * page (reader.css places .fs-reader absolutely, scrolling inside its host).
 */
const FRAME_CSS = `:host { display: block; position: relative; overflow: hidden; background: var(--fs-bg); color: var(--fs-fg); }`;

/**
 * The sample story rendered exactly as reader mode renders a chapter: the same
 * component and the same style sheets, in an open shadow root so the options
 * page's own styles stay out (and tests can look in).
 */
export function ReaderPreview({ settings, prefersDark }: { settings: ReaderSettings; prefersDark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);

  useLayoutEffect(() => {
    const el = host.current!;
    setRoot(el.shadowRoot ?? el.attachShadow({ mode: 'open' }));
  }, []);

  useEffect(() => {
    if (!root) return;
    render(
      <>
        <style data-style="frame">{FRAME_CSS}</style>
        <style data-style="reader">{readerCss(settings, prefersDark)}</style>
        <style data-style="article">{articleCss}</style>
        <div class="fs-reader" tabIndex={0} aria-label="Sample story, scrollable">
          <div class="fs-main">
            <ReaderArticle story={SAMPLE_STORY} chapterIndex={1} settings={settings} />
          </div>
        </div>
      </>,
      root,
    );
  }, [root, settings, prefersDark]);

  useEffect(() => () => root && render(null, root), [root]);

  return <div ref={host} class="reader-preview" data-preview="reader" role="region" aria-label="Preview of reader mode" />;
}
