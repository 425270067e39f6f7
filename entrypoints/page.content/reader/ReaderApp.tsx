import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Story } from '@/utils/story';
import type { ReaderSettings } from '@/utils/settings';
import { readerCss } from '@/utils/reader/css';
import { formatTimeLeft, minutesLeft } from '@/utils/reader/reading-time';
import { ReaderArticle } from '@/components/reader/ReaderArticle';
import { useChapterHeadingFocus, useReadingPosition } from '@/components/reader/useReadingPosition';
import { ReaderToolbar, chapterChoices } from '@/components/reader/ReaderToolbar';
import { chapterAt, chapterLabel, hasText, neighbourTargets, targetFor, type ChapterTarget } from './navigation';
import { FOCUSABLE, readerKeyAction, wrappedFocus } from './keyboard';

export interface ReaderAppProps {
  story: Story;
  settings: ReaderSettings;
  /** The chapter to show first. */
  initialChapter: number;
  /** The page's address: a chapter linked to it is the one already here. */
  pageUrl: string;
  host: string;
  componentCss: string;
  prefersDark: boolean;
  loadPosition(chapterIndex: number): Promise<number | null>;
  savePosition(chapterIndex: number, fraction: number): void;
  /** Follows the site's link to another chapter. */
  navigate(target: Extract<ChapterTarget, { kind: 'link' }>): void;
  onAlwaysOn(on: boolean): void;
  onToggleNotes(open: boolean): void;
  onToggleDisclaimer(open: boolean): void;
  onSettings?(): void;
  onClose(): void;
}

/** Reader mode: controls, the story, and chapter movement, inside the shadow root. */
export function ReaderApp(props: ReaderAppProps) {
  const { story, settings } = props;
  const [chapterIndex, setChapterIndex] = useState(props.initialChapter);
  const menu = useRef<HTMLSelectElement>(null);
  const chapterIndexRef = useRef(chapterIndex);
  chapterIndexRef.current = chapterIndex;
  const propsRef = useRef(props);
  propsRef.current = props;

  const chapter = chapterAt(story, chapterIndex);
  const { prev, next } = neighbourTargets(story, chapterIndex, props.pageUrl);
  const css = useMemo(() => readerCss(settings, props.prefersDark), [settings, props.prefersDark]);
  const choices = useMemo(
    () => chapterChoices(story.chapters, (c) => hasText(c) || !!c.url, chapterLabel),
    [story],
  );

  const save = useCallback((index: number, f: number) => propsRef.current.savePosition(index, f), []);
  const load = useCallback((index: number) => propsRef.current.loadPosition(index), []);
  // The chapter's text comes in two steps (ReaderArticle): its remembered place is restored once all of it is in.
  const [textIn, setTextIn] = useState<number | null>(null);
  const { scroller, fraction, onScroll, flush } = useReadingPosition({ chapterIndex, load, save, covered: textIn !== chapterIndex });

  const go = useCallback(
    (target: ChapterTarget | null) => {
      if (!target) return;
      flush();
      if (target.kind === 'link') {
        propsRef.current.navigate(target);
        return;
      }
      setChapterIndex(target.index);
    },
    [flush],
  );

  // (On opening, mountReader focuses the story title.)
  useChapterHeadingFocus(scroller, chapterIndex);

  // Keys work from the moment the reader shows, so this listener is set up synchronously.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        keepFocusInside(scroller.current, event);
        return;
      }
      const target = (event.composedPath?.()[0] ?? event.target) as EventTarget | null;
      const action = readerKeyAction(event, target);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'close') propsRef.current.onClose();
      else if (action === 'menu') openMenu(menu.current);
      else go(action === 'prev' ? neighbourTargets(story, chapterIndexRef.current, propsRef.current.pageUrl).prev : neighbourTargets(story, chapterIndexRef.current, propsRef.current.pageUrl).next);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, story]);

  const wordsLeft = (chapter?.words ?? 0) * (1 - fraction);
  const timeLeft = formatTimeLeft(minutesLeft(wordsLeft));

  return (
    <>
      <style>{css}</style>
      <style>{props.componentCss}</style>
      <div class="fs-reader" ref={scroller} onScroll={onScroll} role="dialog" aria-modal="true" aria-labelledby="fs-story-title">
        <ReaderToolbar
          chapters={choices}
          current={chapterIndex}
          hasPrev={!!prev}
          hasNext={!!next}
          progress={fraction}
          timeLeft={timeLeft}
          host={props.host}
          alwaysOn={settings.alwaysOn.includes(props.host)}
          menuRef={menu}
          onPrev={() => go(prev)}
          onNext={() => go(next)}
          onChoose={(index) => go(targetFor(story, index, props.pageUrl))}
          onAlwaysOn={props.onAlwaysOn}
          onSettings={props.onSettings}
          onClose={props.onClose}
        />
        <main class="fs-main">
          <ReaderArticle
            story={story}
            chapterIndex={chapterIndex}
            settings={settings}
            onToggleNotes={props.onToggleNotes}
            onToggleDisclaimer={props.onToggleDisclaimer}
            onTextComplete={setTextIn}
          />
          {(prev || next) && (
            <nav class="fs-chapter-nav" aria-label="Chapters">
              {prev && (
                <button type="button" class="fs-button" data-action="prev-bottom" onClick={() => go(prev)}>
                  <span aria-hidden="true">← </span>Previous chapter
                </button>
              )}
              {next && (
                <button type="button" class="fs-button" data-action="next-bottom" onClick={() => go(next)}>
                  Next chapter<span aria-hidden="true"> →</span>
                </button>
              )}
            </nav>
          )}
        </main>
      </div>
    </>
  );
}

/** Tab from the reader's last control (or Shift+Tab from its first) goes round to the other end, never to the page below. */
function keepFocusInside(reader: HTMLElement | null, event: KeyboardEvent): void {
  const root = reader?.getRootNode() as ShadowRoot | null;
  if (!reader || !root) return;
  const controls = [...reader.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  const active = root.activeElement as HTMLElement | null;
  let next = wrappedFocus(controls, active, event.shiftKey);
  if (active && !controls.includes(active) && reader.contains(active)) {
    // Focus on a heading (tabindex -1): the browser's order is fine while a control lies that way.
    const ahead = controls.filter((c) => active.compareDocumentPosition(c) & (event.shiftKey ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING));
    next = ahead.length > 0 ? null : (event.shiftKey ? controls.at(-1) : controls[0]) ?? null;
  }
  if (!next) return;
  event.preventDefault();
  event.stopPropagation();
  next.focus();
}

/** Focuses the chapter menu and, where the browser allows, opens its list. */
function openMenu(select: HTMLSelectElement | null): void {
  if (!select) return;
  select.focus();
  try {
    (select as HTMLSelectElement & { showPicker?(): void }).showPicker?.();
  } catch {
    // Not allowed without a user gesture in some browsers: focus is enough.
  }
}
