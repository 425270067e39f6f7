/**
 * The header of a saved story as a reader sees it on an exported title page:
 * the same fields, in the same order, for the EPUB and the single HTML file.
 * Output is an XHTML fragment (also valid HTML).
 */
import type { Note } from '../story';
import { RATING_LABELS } from '../metadata/rating';
import type { SavedChapter, SavedStory } from './types';
import { escapeAttr, escapeXml, htmlToXhtml, safeUrl, type XhtmlOptions } from './xhtml';

export interface FieldRow {
  label: string;
  /** Plain text (escaped on output). */
  value: string;
  /** Makes the value a link. */
  href?: string;
}

const STATUS_LABELS = { complete: 'Complete', 'in-progress': 'In progress', unknown: 'Unknown' } as const;

/** "2024-03-05T10:00:00.000Z" → "2024-03-05"; dates already short stay as they are. */
export function dayOf(iso: string | undefined): string | undefined {
  return iso ? iso.slice(0, 10) : undefined;
}

/** Words: the site's count, else the sum of the saved chapters. */
export function storyWords(story: SavedStory, chapters: SavedChapter[]): number {
  return story.words ?? chapters.reduce((sum, c) => sum + (c.words || 0), 0);
}

/** "3/5", "3/?" as the archives write it. */
export function chapterLabel(story: SavedStory): string {
  const posted = story.chapterCount?.posted || story.toc?.length || story.savedChapters;
  const planned = story.chapterCount?.planned;
  return `${posted}/${planned ?? '?'}`;
}

function ratingLabel(story: SavedStory): string {
  const { raw, level, reason } = story.rating;
  const name = raw || RATING_LABELS[level];
  const scale = raw && raw.toLowerCase() !== RATING_LABELS[level].toLowerCase() ? ` (${RATING_LABELS[level]})` : '';
  return `${name}${scale}${reason ? ` — ${reason}` : ''}`;
}

/** The header fields in reading order; empty ones are left out. */
export function titlePageFields(story: SavedStory, chapters: SavedChapter[]): FieldRow[] {
  const rows: FieldRow[] = [];
  const add = (label: string, value: string | undefined, href?: string) => {
    if (value && value.trim()) rows.push(href ? { label, value, href } : { label, value });
  };
  const list = (items: string[] | undefined) => (items ?? []).filter(Boolean).join(', ');
  add(story.fandoms.length > 1 ? 'Fandoms' : 'Fandom', list(story.fandoms));
  add('Rating', ratingLabel(story));
  add('Warnings', list(story.warnings));
  add('Categories', list(story.categories));
  add('Relationships', list(story.relationships));
  add('Characters', list(story.characters));
  add('Tags', list(story.tags));
  for (const s of story.series ?? []) add('Series', s.part ? `Part ${s.part} of ${s.name}` : s.name);
  add('Language', story.language);
  add('Words', storyWords(story, chapters).toLocaleString('en-US'));
  add('Chapters', chapterLabel(story));
  add('Status', STATUS_LABELS[story.status] ?? story.status);
  add('Published', story.published);
  add('Updated', story.updated);
  add('Source', story.url, safeUrl(story.url) ?? undefined);
  add('Saved', dayOf(story.savedAt));
  if (!story.complete && story.missing?.length) {
    const many = story.missing.length > 1;
    add('Partial copy', `${many ? 'chapters' : 'chapter'} ${story.missing.join(', ')} ${many ? 'were' : 'was'} not saved`);
  }
  return rows;
}

/** Author names, linked to their pages where known. */
export function authorsMarkup(story: SavedStory): string {
  if (!story.authors.length) return 'Anonymous';
  return story.authors
    .map((a) => {
      const href = a.url ? safeUrl(a.url, story.url) : null;
      return href ? `<a href="${escapeAttr(href)}">${escapeXml(a.name)}</a>` : escapeXml(a.name);
    })
    .join(', ');
}

function fieldsMarkup(rows: FieldRow[]): string {
  const items = rows.map((row) => {
    const value = row.href ? `<a href="${escapeAttr(row.href)}">${escapeXml(row.value)}</a>` : escapeXml(row.value);
    return `<dt>${escapeXml(row.label)}</dt><dd>${value}</dd>`;
  });
  return `<dl class="fs-fields">${items.join('')}</dl>`;
}

/** Plain text with line breaks → paragraphs. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join('');
}

/** Author's notes (sanitised HTML, text as fallback), under a small heading. */
export function notesMarkup(notes: Note[] | undefined, position: Note['position'], xhtml: XhtmlOptions, heading = 'h3'): string {
  return (notes ?? [])
    .filter((n) => n.position === position)
    .map((n) => {
      const body = (n.html ? htmlToXhtml(n.html, xhtml) : '') || paragraphs(n.text);
      return `<div class="fs-notes"><${heading}>Notes</${heading}>${body}</div>`;
    })
    .join('');
}

/** Title, authors, fields, summary, disclaimer and the story's opening notes. */
export function titlePageMarkup(story: SavedStory, chapters: SavedChapter[], xhtml: XhtmlOptions): string {
  const parts = [
    `<h1 class="fs-title">${escapeXml(story.title || 'Untitled')}</h1>`,
    `<p class="fs-byline">by ${authorsMarkup(story)}</p>`,
    fieldsMarkup(titlePageFields(story, chapters)),
  ];
  if (story.summary) parts.push(`<div class="fs-summary"><h2>Summary</h2>${paragraphs(story.summary)}</div>`);
  if (story.disclaimer) parts.push(`<div class="fs-disclaimer"><h2>Disclaimer</h2>${paragraphs(story.disclaimer)}</div>`);
  parts.push(notesMarkup(story.notes, 'before', xhtml, 'h2'));
  return parts.join('\n');
}

/** The heading a chapter shows: its own title, or "Chapter N". */
export function chapterHeading(chapter: Pick<SavedChapter, 'index' | 'title'>, total: number): string {
  if (chapter.title?.trim()) return chapter.title.trim();
  return total > 1 ? `Chapter ${chapter.index}` : 'Story';
}

/** Chapters in reading order. */
export function inOrder(chapters: SavedChapter[]): SavedChapter[] {
  return [...chapters].sort((a, b) => a.index - b.index);
}

/** Shared reading styles: light by default, dark when the reader's system is. */
export const EXPORT_CSS = `
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.55; margin: 0 auto; max-width: 40em; padding: 1em; }
h1, h2, h3 { line-height: 1.25; }
.fs-title { margin-bottom: 0.2em; }
.fs-byline { font-style: italic; margin-top: 0; }
.fs-fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
.fs-fields dt { font-weight: bold; }
.fs-fields dd { margin: 0; }
.fs-notes, .fs-summary, .fs-disclaimer { border-left: 3px solid #999; padding-left: 0.8em; margin: 1em 0; }
.fs-center { text-align: center; }
.fs-right { text-align: right; }
.fs-big { font-size: larger; }
.fs-em, .fs-i, .fs-cite, .fs-var, .fs-dfn { font-style: italic; }
.fs-strong, .fs-b { font-weight: bold; }
.fs-u { text-decoration: underline; }
.fs-s { text-decoration: line-through; }
.fs-pre { white-space: pre-wrap; font-family: monospace; }
.fs-p { margin: 1em 0; }
.fs-h1, .fs-h2, .fs-h3, .fs-h4, .fs-h5, .fs-h6 { font-weight: bold; margin: 1em 0 0.5em; }
table { border-collapse: collapse; }
td, th { border: 1px solid #999; padding: 0.2em 0.4em; }
img { max-width: 100%; height: auto; }
hr { border: none; border-top: 1px solid #999; margin: 1.5em 20%; }
`;

/** A file name for an exported story: "Title - Author.epub", safe on every system. */
export function exportFileName(story: Pick<SavedStory, 'title' | 'authors'>, extension: 'epub' | 'html'): string {
  const author = story.authors[0]?.name;
  const base = [story.title || 'Untitled', author].filter(Boolean).join(' - ');
  const safe = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 120)
    .trim();
  return `${safe || 'story'}.${extension}`;
}
