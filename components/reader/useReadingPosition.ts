import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { fractionRead, scrollTopFor, throttle } from '@/entrypoints/page.content/reader/position';

/** Scrolling reports many places a second; storage hears of one at most this often. */
const SAVE_EVERY_MS = 800;

export interface ReadingPositionOptions {
  chapterIndex: number;
  /** The chapter's remembered place (0–1), or null to open it at its top. */
  load(chapterIndex: number): Promise<number | null>;
  /**
   * Stores a chapter's place (throttled while the reader scrolls). The caller
   * keeps it stable (useCallback): a new function starts a new throttle.
   */
  save(chapterIndex: number, fraction: number): void;
  /** The text is behind the shield: nothing to restore until it shows. */
  covered?: boolean;
  /** Store the place as soon as the chapter opens (the library counts an opened chapter as read). */
  saveOnOpen?: boolean;
}

export interface ReadingPosition {
  /** The scrolling reader element; its `.fs-text` is the chapter text measured. */
  scroller: RefObject<HTMLDivElement | null>;
  /** How much of the chapter is read, 0–1. */
  fraction: number;
  onScroll(): void;
  /** Stores a pending place now: before moving to another chapter. */
  flush(): void;
}

/**
 * The place in each chapter, shared by reader mode and the offline reader:
 * measured while the reader scrolls, saved throttled (and on leaving the
 * page), and restored whenever a chapter opens.
 */
export function useReadingPosition(options: ReadingPositionOptions): ReadingPosition {
  const { chapterIndex, save, covered = false, saveOnOpen = false } = options;
  const [fraction, setFraction] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  // False while a chapter's remembered place is being restored: its scroll events are not the reader's.
  const restored = useRef(false);
  // Whether the box has shown a chapter (or the shield) before: only then can it be scrolled.
  const shownBefore = useRef(false);
  const chapterRef = useRef(chapterIndex);
  chapterRef.current = chapterIndex;
  const loadRef = useRef(options.load);
  loadRef.current = options.load;

  const saver = useMemo(() => throttle(save, SAVE_EVERY_MS), [save]);

  const onScroll = useCallback(() => {
    const f = measure(scroller.current);
    if (f === null || !restored.current) return;
    setFraction(f);
    saver.call(chapterRef.current, f);
  }, [saver]);

  // Open each chapter at its remembered place (or its top), once the text is on screen.
  useLayoutEffect(() => {
    if (covered) {
      shownBefore.current = true;
      return;
    }
    let cancelled = false;
    restored.current = false;
    const box = scroller.current;
    if (box) {
      // A new box is at its top already, and setting scrollTop forces a layout inside the opening frame.
      if (shownBefore.current) box.scrollTop = 0;
      delete box.dataset.restored;
    }
    shownBefore.current = true;
    setFraction(0);
    const restore = (value: number | null) => {
      if (cancelled) return;
      if (value !== null && value > 0 && scrollTo(scroller.current, value)) setFraction(value);
      if (saveOnOpen) {
        saver.cancel();
        save(chapterIndex, value ?? 0);
      }
      // The scroll this causes is reported a frame later; from then on scrolling is the reader's.
      nextFrame(() => {
        if (cancelled) return;
        restored.current = true;
        // A hook for tests and scripts: the chapter is at its remembered place.
        if (scroller.current) scroller.current.dataset.restored = 'true';
      });
    };
    void loadRef.current(chapterIndex).then(restore, () => restore(null));
    return () => {
      cancelled = true;
    };
    // Only a new chapter, or the text showing, restores: not a new save or load function.
  }, [chapterIndex, covered]);

  // Leaving (close or reload) keeps the place.
  useEffect(() => {
    const keep = () => saver.flush();
    // The window it listened on: the cleanup may run from a later frame, when the global is another (or gone, in tests).
    const view = window;
    view.addEventListener('pagehide', keep);
    return () => {
      view.removeEventListener('pagehide', keep);
      saver.flush();
    };
  }, [saver]);

  const flush = useCallback(() => saver.flush(), [saver]);
  return { scroller, fraction, onScroll, flush };
}

/**
 * Moving to another chapter inside a reader: its heading takes focus so
 * screen readers announce it (the first chapter shown is left alone).
 */
export function useChapterHeadingFocus(scroller: RefObject<HTMLElement | null>, chapterIndex: number): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = scroller.current;
    (root?.querySelector<HTMLElement>('.fs-chapter-title') ?? root?.querySelector<HTMLElement>('.fs-title'))?.focus({ preventScroll: true });
  }, [chapterIndex]);
}

/** Where the chapter text starts in the scrolled content, and the element itself. */
function textIn(box: HTMLElement | null): { box: HTMLElement; text: HTMLElement; textTop: number } | null {
  const text = box?.querySelector<HTMLElement>('.fs-text');
  if (!box || !text) return null;
  return { box, text, textTop: text.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop };
}

function measure(box: HTMLElement | null): number | null {
  const found = textIn(box);
  if (!found) return null;
  const { text, textTop } = found;
  return fractionRead({ scrollTop: found.box.scrollTop, clientHeight: found.box.clientHeight, textTop, textHeight: text.offsetHeight });
}

/** Scrolls to a fraction of the chapter; false when there is no text to scroll to. */
function scrollTo(box: HTMLElement | null, value: number): boolean {
  const found = textIn(box);
  if (!found) return false;
  found.box.scrollTop = scrollTopFor(value, { clientHeight: found.box.clientHeight, textTop: found.textTop, textHeight: found.text.offsetHeight });
  return true;
}

function nextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 16);
}
