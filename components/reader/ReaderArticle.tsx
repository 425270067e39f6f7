import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Chapter, Note, Story } from '@/utils/story';
import type { ReaderSettings } from '@/utils/settings';
import { sanitizeHtml } from '@/utils/sanitize';
import { cleanChapterHtml } from '@/utils/reader/cleanup';
import { htmlHead } from '@/utils/story-html';
import { afterPaint } from '../after-paint';
import { RatingBadge } from '@/components/RatingBadge';

export interface ReaderArticleProps {
  story: Story;
  chapterIndex: number;
  settings: ReaderSettings;
  onToggleNotes?(open: boolean): void;
  onToggleDisclaimer?(open: boolean): void;
  /**
   * Given (reader mode): the chapter's first screen is shown first and the
   * rest after that frame is painted; called with the chapter's index once
   * the whole text is in. Without it the whole text shows at once.
   */
  onTextComplete?(chapterIndex: number): void;
}

/** Text in the first render: more than a tall screen holds, so the seam is never in view. */
export const FIRST_SCREEN_CHARS = 4000;

/**
 * The chapter markup to show now: its head first when progressive (sanitising
 * and cleaning a long chapter takes many frames), the whole after the first
 * paint. Reading `chapter.html` is what sanitises it (utils/story-html.ts).
 */
function useChapterMarkup(chapter: Chapter | undefined, onTextComplete?: (chapterIndex: number) => void): { html: string } {
  const first = useMemo(() => {
    if (!chapter) return { html: '', whole: true };
    return onTextComplete ? htmlHead(chapter, FIRST_SCREEN_CHARS) : { html: chapter.html, whole: true };
    // A new chapter (or story) only: the callback is the reader's and may be recreated.
  }, [chapter, !!onTextComplete]);
  const [rest, setRest] = useState<{ of: Chapter; html: string } | null>(null);
  const current = first.whole || rest?.of !== chapter ? first : rest!;
  useEffect(() => {
    if (first.whole || !chapter) return undefined;
    return afterPaint(() => setRest({ of: chapter, html: chapter.html }));
  }, [first]);
  const complete = first.whole || rest?.of === chapter;
  // As soon as the whole text is committed (not after a frame: a hidden tab has none for a while).
  useLayoutEffect(() => {
    if (complete && chapter) onTextComplete?.(chapter.index);
  }, [complete, chapter]);
  return current;
}

/**
 * Story HTML as the reader shows it: sanitised again (saved or imported
 * HTML may not have come through this sanitiser), then cleaned for reading. Parsing happens
 * in inert documents, never in the live page.
 */
export function readingHtml(html: string, doc: Document = document): string {
  if (!html.trim()) return '';
  return cleanChapterHtml(sanitizeHtml(html, doc.defaultView), doc);
}

/** Sanitised note HTML (notes keep their own markup, without the chapter clean-up). */
function noteHtml(note: Note): string {
  return note.html.trim() ? sanitizeHtml(note.html) : '';
}

/** Plain-text summary → paragraphs at its line breaks. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The heading of the chapter being read; none for a one-shot whose chapter only repeats the story title. */
export function chapterHeading(story: Story, chapter: Chapter): string | null {
  const title = chapter.title?.trim();
  const several = story.chapters.length > 1;
  if (!several) return title && title !== story.title ? title : null;
  if (!title) return `Chapter ${chapter.index}`;
  return /^chapter\b/i.test(title) ? title : `Chapter ${chapter.index}: ${title}`;
}

/**
 * The story as reader mode presents it: header, collapsible notes and
 * disclaimer, chapter title, text, end notes. Presentational only: no
 * toolbar, navigation or storage, so the options page can preview it.
 */
export function ReaderArticle({ story, chapterIndex, settings, onToggleNotes, onToggleDisclaimer, onTextComplete }: ReaderArticleProps) {
  const chapter = story.chapters.find((c) => c.index === chapterIndex) ?? story.chapters[0];
  const markup = useChapterMarkup(chapter, onTextComplete);
  const textHtml = useMemo(() => readingHtml(markup.html), [markup]);
  const before = [...story.notes.filter((n) => n.position === 'before'), ...(chapter?.notes ?? []).filter((n) => n.position === 'before')];
  const after = [...(chapter?.notes ?? []).filter((n) => n.position === 'after'), ...story.notes.filter((n) => n.position === 'after')];
  const heading = chapter ? chapterHeading(story, chapter) : null;
  const authors = story.authors.map((a) => a.name).join(', ');

  return (
    <article class="fs-article" aria-labelledby="fs-story-title">
      <header class="fs-header">
        <h1 id="fs-story-title" class="fs-title" tabIndex={-1}>
          {story.title || 'Untitled story'}
        </h1>
        {authors && <p class="fs-authors">by {authors}</p>}
        {story.fandoms.length > 0 && <p class="fs-fandoms">{story.fandoms.join(' · ')}</p>}
        <p class="fs-facts">
          <RatingBadge rating={story.rating} />
          {story.words !== undefined && <span class="fs-words">{story.words.toLocaleString('en-US')} words</span>}
        </p>
        {story.summary && (
          <section class="fs-summary" aria-labelledby="fs-summary-label">
            <h2 id="fs-summary-label" class="fs-label">
              Summary
            </h2>
            {paragraphs(story.summary).map((p) => (
              <p>{p}</p>
            ))}
          </section>
        )}
        {story.disclaimer && (
          <Collapsible class="fs-disclaimer" label="Disclaimer" open={settings.showDisclaimer} onToggle={onToggleDisclaimer}>
            {paragraphs(story.disclaimer).map((p) => (
              <p>{p}</p>
            ))}
          </Collapsible>
        )}
        {before.length > 0 && (
          <Collapsible class="fs-notes" label="Notes" open={settings.showNotes} onToggle={onToggleNotes}>
            <NoteList notes={before} />
          </Collapsible>
        )}
      </header>
      {heading && (
        <h2 class="fs-chapter-title" tabIndex={-1}>
          {heading}
        </h2>
      )}
      <div class="fs-text" dangerouslySetInnerHTML={{ __html: textHtml }} />
      {after.length > 0 && (
        <footer class="fs-end">
          <Collapsible class="fs-notes fs-end-notes" label="End notes" open={settings.showNotes} onToggle={onToggleNotes}>
            <NoteList notes={after} />
          </Collapsible>
        </footer>
      )}
    </article>
  );
}

function NoteList({ notes }: { notes: Note[] }) {
  return (
    <>
      {notes.map((note) => (
        <div class="fs-note" dangerouslySetInnerHTML={{ __html: noteHtml(note) || escapeText(note.text) }} />
      ))}
    </>
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A <details> whose open state the settings remember; the summary line names what it holds. */
function Collapsible(props: { class: string; label: string; open: boolean; onToggle?(open: boolean): void; children: ComponentChildren }) {
  return (
    <details
      class={`fs-collapsible ${props.class}`}
      open={props.open}
      onToggle={(event) => {
        const open = (event.currentTarget as HTMLDetailsElement).open;
        if (open !== props.open) props.onToggle?.(open);
      }}
    >
      <summary>{props.label}</summary>
      <div class="fs-collapsible-body">{props.children}</div>
    </details>
  );
}
