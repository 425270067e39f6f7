import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import type { Story } from '@/utils/story';
import { readerCss } from '@/utils/reader/css';
import { formatTimeLeft, minutesLeft } from '@/utils/reader/reading-time';
import { verdict } from '@/utils/filters/verdict';
import { openLibrary } from '@/utils/library/schema';
import { getChapters, getStory, setReadProgress } from '@/utils/library/store';
import type { SavedStory } from '@/utils/library/types';
import { ReaderArticle } from '@/components/reader/ReaderArticle';
import { useChapterHeadingFocus, useReadingPosition } from '@/components/reader/useReadingPosition';
import { readerKeyAction } from '@/entrypoints/page.content/reader/keyboard';
import { chapterLabel } from '@/entrypoints/page.content/reader/navigation';
import { ReaderShield } from './ReaderShield';
import { neighbours, startChapter, storyFromLibrary } from './offline-story';
import { problemSentence } from './problems';

export interface OfflineReaderProps {
  storyId: string | null;
  /** A chapter named in the address (read.html?id=…&chapter=3). */
  askedChapter?: number | null;
  dbName?: string;
  settings: Settings;
  prefersDark: boolean;
  /** reader.css and the offline reader's own rules. */
  componentCss: string;
  libraryHref?: string;
  settingsHref?: string;
  /** The per-chapter place reader mode keeps too (storage.local), so both readers agree. */
  loadPosition?(storyId: string, chapter: number): Promise<number | null>;
  savePosition?(storyId: string, chapter: number, fraction: number): void;
  /** "Always show this story": adds it to the spoiler settings' allowlist. */
  onAlwaysShow?(storyId: string): Promise<void>;
  onToggleNotes?(open: boolean): void;
  onToggleDisclaimer?(open: boolean): void;
  /** The chapter on screen changed (the page keeps it in its address). */
  onChapter?(index: number): void;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'problem'; message: string }
  | { state: 'ready'; saved: SavedStory; story: Story; save(chapter: number, fraction: number): Promise<unknown> };

/** The saved story from the library, or why it cannot be shown. */
function useSavedStory(storyId: string | null, dbName?: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!storyId) {
      setLoaded({ state: 'missing' });
      return;
    }
    let alive = true;
    let close = () => {};
    (async () => {
      const db = await openLibrary(dbName);
      close = () => db.close();
      if (!alive) return close();
      const saved = await getStory(db, storyId);
      if (!saved) return alive && setLoaded({ state: 'missing' });
      const chapters = await getChapters(db, storyId);
      if (!alive) return;
      setLoaded({ state: 'ready', saved, story: storyFromLibrary(saved, chapters), save: (chapter, fraction) => setReadProgress(db, storyId, chapter, fraction) });
    })().catch((error) => alive && setLoaded({ state: 'problem', message: problemSentence(error, 'This story could not be opened from your library') }));
    return () => {
      alive = false;
      close();
    };
  }, [storyId, dbName]);
  return loaded;
}

/**
 * read.html: a saved story read from IndexedDB alone, with reader mode's
 * settings and look, chapter navigation, and the place remembered per chapter.
 * It renders into an open shadow root that readerCss styles through :host.
 */
export function OfflineReader(props: OfflineReaderProps) {
  const loaded = useSavedStory(props.storyId, props.dbName);
  const css = useMemo(() => readerCss(props.settings.reader, props.prefersDark), [props.settings.reader, props.prefersDark]);
  const libraryHref = props.libraryHref ?? 'library.html';

  return (
    <>
      <style>{css}</style>
      <style>{props.componentCss}</style>
      {loaded.state === 'ready' ? (
        <StoryReader {...props} saved={loaded.saved} story={loaded.story} saveProgress={loaded.save} />
      ) : (
        <div class="fs-reader" data-ficshelf="offline-reader" data-state={loaded.state}>
          <main class="fs-main">
            <div class="fs-article fs-message">
              {loaded.state === 'loading' && <p role="status">Opening the story from your library…</p>}
              {loaded.state === 'missing' && (
                <>
                  <h1 class="fs-title">This story is not in your library</h1>
                  <p>It may have been deleted, or the link is incomplete. Stories you save with the FicShelf button appear in the library.</p>
                  <p>
                    <a href={libraryHref} data-action="library">
                      Go to your library
                    </a>
                  </p>
                </>
              )}
              {loaded.state === 'problem' && (
                <>
                  <h1 class="fs-title">The story could not be opened</h1>
                  <p role="alert">{loaded.message}</p>
                  <p>
                    <a href={libraryHref}>Go to your library</a>
                  </p>
                </>
              )}
            </div>
          </main>
        </div>
      )}
    </>
  );
}

interface StoryReaderProps extends OfflineReaderProps {
  saved: SavedStory;
  story: Story;
  saveProgress(chapter: number, fraction: number): Promise<unknown>;
}

function StoryReader(props: StoryReaderProps) {
  const { story, saved, settings } = props;
  const [chapterIndex, setChapterIndex] = useState(() => startChapter(story, saved, props.askedChapter ?? null));
  const [revealed, setRevealed] = useState(false);
  const [allowing, setAllowing] = useState(false);
  const menu = useRef<HTMLSelectElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const chapterRef = useRef(chapterIndex);
  chapterRef.current = chapterIndex;

  const judgement = useMemo(() => verdict(story, settings), [story, settings]);
  const covered = judgement.hide && !revealed;
  const chapter = story.chapters.find((c) => c.index === chapterIndex);
  const hasText = !!chapter?.html.trim();
  const { prev, next } = neighbours(story, chapterIndex);

  // Both stores: the library (what the list shows, where the reader reopens) and reader mode's per-chapter place.
  const persist = useCallback(
    (index: number, f: number) => {
      const p = propsRef.current;
      void p.saveProgress(index, f).catch((error) => console.warn('[FicShelf] reading progress not saved', error));
      p.savePosition?.(saved.id, index, f);
    },
    [saved.id],
  );
  // Reader mode's place for the chapter first, else the library's, which keeps one chapter's.
  const remembered = async (index: number): Promise<number | null> => {
    const own = await propsRef.current.loadPosition?.(saved.id, index).catch(() => null);
    if (own != null) return own;
    return saved.read?.chapter === index ? saved.read.fraction : null;
  };
  // Opening a chapter counts as reading it: stored at once, so the library shows where the reader is.
  const { scroller, fraction, onScroll, flush } = useReadingPosition({ chapterIndex, load: remembered, save: persist, covered, saveOnOpen: hasText });

  const go = useCallback(
    (index: number | null) => {
      if (index === null) return;
      flush();
      setChapterIndex(index);
      propsRef.current.onChapter?.(index);
    },
    [flush],
  );

  useChapterHeadingFocus(scroller, chapterIndex);

  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = (event.composedPath?.()[0] ?? event.target) as EventTarget | null;
      const action = readerKeyAction(event, target);
      if (!action || action === 'close') return;
      event.preventDefault();
      if (action === 'menu') {
        menu.current?.focus();
        return;
      }
      const around = neighbours(story, chapterRef.current);
      go(action === 'prev' ? around.prev : around.next);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, story]);

  const alwaysShow = async () => {
    setAllowing(true);
    try {
      await props.onAlwaysShow?.(saved.id);
      setRevealed(true);
    } finally {
      setAllowing(false);
    }
  };

  const percent = Math.round(fraction * 100);
  const timeLeft = formatTimeLeft(minutesLeft((chapter?.words ?? 0) * (1 - fraction)));
  const several = story.chapters.length > 1;

  return (
    <div class="fs-reader" ref={scroller} onScroll={onScroll} data-ficshelf="offline-reader" data-state="ready" data-chapter={chapterIndex}>
      <div class="fs-bar">
        <div class="fs-progress" role="progressbar" aria-label="Read of this chapter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}% read, ${timeLeft}`}>
          <div class="fs-progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <nav class="fs-toolbar" aria-label="Offline reader">
          <a class="fs-button fs-link-button" href={props.libraryHref ?? 'library.html'} data-action="library">
            <span aria-hidden="true">←</span>Library
          </a>
          {several && !covered && (
            <div class="fs-chapters">
              <button type="button" class="fs-button" data-action="prev" disabled={prev === null} onClick={() => go(prev)} aria-keyshortcuts="ArrowLeft [">
                <span aria-hidden="true">← </span>Previous
              </button>
              <label class="fs-menu-label">
                <span class="fs-visually-hidden">Chapter (key C)</span>
                <select class="fs-menu" data-action="chapters" ref={menu} value={String(chapterIndex)} aria-keyshortcuts="C" onChange={(e) => go(Number((e.currentTarget as HTMLSelectElement).value))}>
                  {story.chapters.map((c) => (
                    <option value={String(c.index)}>
                      {chapterLabel(c)}
                      {c.html.trim() ? '' : ' (not saved)'}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="fs-button" data-action="next" disabled={next === null} onClick={() => go(next)} aria-keyshortcuts="ArrowRight ]">
                Next<span aria-hidden="true"> →</span>
              </button>
            </div>
          )}
          {!covered && (
            <span class="fs-time-left" data-field="time-left">
              {timeLeft}
            </span>
          )}
          <a class="fs-button fs-link-button" href={props.settingsHref ?? 'options.html#reader'} data-action="settings">
            Reader settings
          </a>
          {story.url && (
            <a class="fs-button fs-link-button" href={chapter?.url ?? story.url} target="_blank" rel="noopener noreferrer" data-action="site">
              Open on the site
            </a>
          )}
        </nav>
      </div>
      <main class="fs-main">
        {covered ? (
          <div class="fs-article">
            <h1 class="fs-title">{story.title || 'Untitled story'}</h1>
            <ReaderShield reasons={judgement.reasons} busy={allowing} onShowOnce={() => setRevealed(true)} onAlwaysShow={() => void alwaysShow()} />
          </div>
        ) : (
          <>
            {(!saved.complete || saved.missing.length > 0) && (
              <p class="fs-partial-note" data-field="partial">
                Partial copy: {saved.savedChapters} of {story.chapters.length} chapters are saved.
              </p>
            )}
            <ReaderArticle story={story} chapterIndex={chapterIndex} settings={settings.reader} onToggleNotes={props.onToggleNotes} onToggleDisclaimer={props.onToggleDisclaimer} />
            {!hasText && chapter && (
              <p class="fs-missing-chapter" data-field="not-saved">
                This chapter is not in your library yet.{' '}
                {chapter.url && (
                  <a href={chapter.url} target="_blank" rel="noopener noreferrer">
                    Read it on the site
                  </a>
                )}
              </p>
            )}
            {several && (
              <nav class="fs-chapter-nav" aria-label="Chapters">
                {prev !== null && (
                  <button type="button" class="fs-button" data-action="prev-bottom" onClick={() => go(prev)}>
                    <span aria-hidden="true">← </span>Previous chapter
                  </button>
                )}
                {next !== null && (
                  <button type="button" class="fs-button" data-action="next-bottom" onClick={() => go(next)}>
                    Next chapter<span aria-hidden="true"> →</span>
                  </button>
                )}
              </nav>
            )}
          </>
        )}
      </main>
    </div>
  );
}
