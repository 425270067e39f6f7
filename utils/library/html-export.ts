/**
 * One saved story → one self-contained HTML file: inline styles (light and
 * dark), a table of contents, the title-page fields, every saved chapter.
 * No scripts, and a Content-Security-Policy that would stop one anyway; the
 * only outside loads are images the story itself shows.
 */
import type { SavedChapter, SavedStory } from './types';
import { escapeAttr, escapeXml, htmlToXhtml, type DocumentFactory, type XhtmlOptions } from './xhtml';
import { EXPORT_CSS, chapterHeading, inOrder, notesMarkup, titlePageMarkup } from './title-page';
import { languageTag } from './epub';

export interface HtmlExportOptions {
  /** Parses story HTML; defaults to the current page's `document.implementation`. */
  createDocument?: DocumentFactory;
}

const CSP = "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'";

const SCREEN_CSS = `
:root { color-scheme: light dark; }
body { background: #fdfcf8; color: #1f1f1f; }
a { color: #0b57a4; }
@media (prefers-color-scheme: dark) {
  body { background: #16171a; color: #e6e3dc; }
  a { color: #8ab8ff; }
  .fs-notes, .fs-summary, .fs-disclaimer { border-color: #666; }
}
.fs-toc ol { padding-left: 1.5em; }
.fs-chapter { margin-top: 3em; }
@media print { .fs-toc { page-break-after: always; } .fs-chapter { page-break-before: always; } }
`;

/** The anchor a chapter is reachable by inside the file. */
export function chapterAnchor(index: number): string {
  return `chapter-${index}`;
}

function defaultFactory(): DocumentFactory {
  if (typeof document === 'undefined') throw new Error('buildHtmlFile needs a createDocument option outside a page');
  return () => document.implementation.createHTMLDocument('');
}

export function buildHtmlFile(story: SavedStory, chapters: SavedChapter[], options: HtmlExportOptions = {}): string {
  // One inert document serves every fragment of the book.
  const parseDocument = (options.createDocument ?? defaultFactory())();
  const createDocument = () => parseDocument;
  const xhtmlFor = (baseUrl: string | undefined): XhtmlOptions => ({
    createDocument,
    baseUrl: baseUrl || story.url || undefined,
    linkRel: 'noopener noreferrer nofollow',
  });
  const ordered = inOrder(chapters);
  const title = story.title || 'Untitled';
  const lang = languageTag(story.language);
  const body = [
    `<header class="fs-title-page">${titlePageMarkup(story, ordered, xhtmlFor(story.url))}</header>`,
    tableOfContents(ordered),
    ...ordered.map((chapter, i) => chapterSection(story, chapter, ordered.length, xhtmlFor(chapter.url), i === ordered.length - 1)),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="FicShelf">
<title>${escapeXml(title)}</title>
<style>${EXPORT_CSS}${SCREEN_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function tableOfContents(chapters: SavedChapter[]): string {
  if (chapters.length < 2) return '';
  const items = chapters.map(
    (c) => `<li><a href="#${chapterAnchor(c.index)}">${escapeXml(chapterHeading(c, chapters.length))}</a></li>`,
  );
  return `<nav class="fs-toc" aria-labelledby="fs-toc-title"><h2 id="fs-toc-title">Contents</h2><ol>${items.join('')}</ol></nav>`;
}

function chapterSection(story: SavedStory, chapter: SavedChapter, total: number, xhtml: XhtmlOptions, last: boolean): string {
  const parts = [
    `<h2 class="fs-chapter-title">${escapeXml(chapterHeading(chapter, total))}</h2>`,
    notesMarkup(chapter.notes, 'before', xhtml),
    `<div class="fs-chapter-text">${htmlToXhtml(chapter.html, xhtml)}</div>`,
    notesMarkup(chapter.notes, 'after', xhtml),
    last ? notesMarkup(story.notes, 'after', xhtml) : '',
  ];
  return `<section class="fs-chapter" id="${chapterAnchor(chapter.index)}">${parts.filter(Boolean).join('\n')}</section>`;
}
