/**
 * One saved story → an EPUB 3 file (bytes), built in memory with fflate.
 * Pure: the same story gives the same bytes (dates come from the story, not the clock).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SavedChapter, SavedStory } from './types';
import { escapeXml, htmlToXhtml, type DocumentFactory, type XhtmlOptions } from './xhtml';
import {
  EXPORT_CSS,
  chapterHeading,
  dayOf,
  inOrder,
  notesMarkup,
  titlePageMarkup,
} from './title-page';

export interface EpubImage {
  data: Uint8Array;
  /** image/jpeg, image/png, image/gif, image/webp or image/svg+xml. */
  mediaType: string;
}

export interface EpubOptions {
  /** Parses story HTML; defaults to the current page's `document.implementation`. */
  createDocument?: DocumentFactory;
  /**
   * Images already fetched, by absolute URL, to put inside the book. Remote
   * images may not load in an EPUB, so any other image becomes a link to it.
   */
  images?: Map<string, EpubImage>;
}

const PACKAGE = 'OEBPS/content.opf';

const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

/** Language names as the archives print them → BCP 47 tags. */
const LANGUAGE_CODES: Record<string, string> = {
  english: 'en', español: 'es', spanish: 'es', français: 'fr', french: 'fr', deutsch: 'de', german: 'de',
  italiano: 'it', italian: 'it', português: 'pt', 'português brasileiro': 'pt-BR', portuguese: 'pt',
  русский: 'ru', russian: 'ru', polski: 'pl', polish: 'pl', nederlands: 'nl', dutch: 'nl',
  svenska: 'sv', swedish: 'sv', suomi: 'fi', finnish: 'fi', dansk: 'da', danish: 'da', norsk: 'no',
  norwegian: 'no', čeština: 'cs', czech: 'cs', magyar: 'hu', hungarian: 'hu', türkçe: 'tr', turkish: 'tr',
  '中文': 'zh', '中文-普通话 國語': 'zh', chinese: 'zh', '日本語': 'ja', japanese: 'ja', '한국어': 'ko',
  korean: 'ko', 'bahasa indonesia': 'id', indonesian: 'id', tagalog: 'tl', filipino: 'fil',
  'tiếng việt': 'vi', vietnamese: 'vi', ελληνικά: 'el', greek: 'el', עברית: 'he', hebrew: 'he',
  العربية: 'ar', arabic: 'ar', català: 'ca', catalan: 'ca', română: 'ro', romanian: 'ro',
  українська: 'uk', ukrainian: 'uk', latina: 'la', latin: 'la',
};

/**
 * The story's language as a BCP 47 tag. Stories without one are taken as
 * English (the archives FicShelf reads default to it); a name we do not know
 * is "und" rather than a guess.
 */
export function languageTag(language: string | undefined): string {
  const name = (language ?? '').trim();
  if (!name) return 'en';
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(name)) return name;
  return LANGUAGE_CODES[name.toLowerCase()] ?? 'und';
}

/** ISO timestamp → the form EPUB's dcterms:modified requires (seconds, Z). */
export function epubTimestamp(iso: string | undefined): string {
  const date = new Date(iso ?? '');
  const valid = Number.isNaN(date.getTime()) ? new Date(0) : date;
  return valid.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function chapterFileName(index: number): string {
  return `chapter-${String(index).padStart(4, '0')}.xhtml`;
}

function defaultFactory(): DocumentFactory {
  if (typeof document === 'undefined') throw new Error('buildEpub needs a createDocument option outside a page');
  return () => document.implementation.createHTMLDocument('');
}

/** Builds the EPUB 3 file for a saved story and its saved chapters. */
export function buildEpub(story: SavedStory, chapters: SavedChapter[], options: EpubOptions = {}): Uint8Array {
  // One inert document serves every fragment of the book.
  const parseDocument = (options.createDocument ?? defaultFactory())();
  const createDocument = () => parseDocument;
  const lang = languageTag(story.language);
  const ordered = inOrder(chapters);
  const images = new ImageShelf(options.images);
  const xhtmlFor = (baseUrl: string | undefined): XhtmlOptions => ({
    createDocument,
    baseUrl: baseUrl || story.url || undefined,
    imageSrc: (url) => images.use(url),
  });

  const files: Zippable = {};
  const title = story.title || 'Untitled';
  files['OEBPS/title.xhtml'] = strToU8(page(title, lang, `<div class="fs-title-page">${titlePageMarkup(story, ordered, xhtmlFor(story.url))}</div>`));
  files['OEBPS/nav.xhtml'] = strToU8(navDocument(title, lang, ordered));
  ordered.forEach((chapter, i) => {
    const last = i === ordered.length - 1;
    files[`OEBPS/${chapterFileName(chapter.index)}`] = strToU8(chapterDocument(story, chapter, ordered.length, lang, xhtmlFor(chapter.url), last));
  });
  files['OEBPS/style.css'] = strToU8(EXPORT_CSS);
  for (const [path, image] of images.used()) files[`OEBPS/${path}`] = [image.data, { level: 0 }];
  files[PACKAGE] = strToU8(packageDocument(story, ordered, lang, images.manifest()));

  return zipSync(
    {
      // The mimetype must come first, stored uncompressed, so readers can sniff it.
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'META-INF/container.xml': strToU8(CONTAINER),
      ...files,
    },
    { level: 9, mtime: zipTime(story.updatedAt) },
  );
}

/** Zip entries carry DOS times, which start in 1980. */
function zipTime(iso: string | undefined): Date {
  const date = new Date(iso ?? '');
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1980 ? new Date('1980-01-01T00:00:00Z') : date;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${PACKAGE}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** Images placed in the book, each under a stable name. */
class ImageShelf {
  private readonly placed = new Map<string, { path: string; image: EpubImage }>();

  constructor(private readonly available?: Map<string, EpubImage>) {}

  /** The in-book path for an image URL, or null when the book has no copy. */
  use(url: string): string | null {
    const image = this.available?.get(url);
    const ext = image && IMAGE_EXTENSIONS[image.mediaType];
    if (!image || !ext) return null;
    let entry = this.placed.get(url);
    if (!entry) {
      entry = { path: `images/image-${this.placed.size + 1}.${ext}`, image };
      this.placed.set(url, entry);
    }
    return entry.path;
  }

  used(): Array<[string, EpubImage]> {
    return [...this.placed.values()].map((e) => [e.path, e.image]);
  }

  manifest(): string[] {
    return [...this.placed.values()].map(
      (e, i) => `<item id="image-${i + 1}" href="${e.path}" media-type="${e.image.mediaType}"/>`,
    );
  }
}

function page(title: string, lang: string, body: string, bodyType?: string): string {
  const type = bodyType ? ` epub:type="${bodyType}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body${type}>
${body}
</body>
</html>
`;
}

function chapterDocument(
  story: SavedStory,
  chapter: SavedChapter,
  total: number,
  lang: string,
  xhtml: XhtmlOptions,
  last: boolean,
): string {
  const heading = chapterHeading(chapter, total);
  const parts = [
    `<h2 class="fs-chapter-title">${escapeXml(heading)}</h2>`,
    notesMarkup(chapter.notes, 'before', xhtml),
    `<div class="fs-chapter-text">${htmlToXhtml(chapter.html, xhtml) || '<p></p>'}</div>`,
    notesMarkup(chapter.notes, 'after', xhtml),
    // The work's end notes follow its last chapter, as on the site.
    last ? notesMarkup(story.notes, 'after', xhtml) : '',
  ];
  return page(heading, lang, `<section epub:type="chapter">\n${parts.filter(Boolean).join('\n')}\n</section>`);
}

function navDocument(title: string, lang: string, chapters: SavedChapter[]): string {
  const items = [
    `<li><a href="title.xhtml">Title page</a></li>`,
    ...chapters.map((c) => `<li><a href="${chapterFileName(c.index)}">${escapeXml(chapterHeading(c, chapters.length))}</a></li>`),
  ];
  const body = `<nav epub:type="toc" id="toc">
<h1>Contents</h1>
<ol>
${items.join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" hidden="hidden">
<ol>
<li><a epub:type="titlepage" href="title.xhtml">Title page</a></li>
${chapters.length ? `<li><a epub:type="bodymatter" href="${chapterFileName(chapters[0]!.index)}">Start of story</a></li>` : ''}
</ol>
</nav>`;
  return page(title, lang, body);
}

function packageDocument(story: SavedStory, chapters: SavedChapter[], lang: string, imageItems: string[]): string {
  const meta: string[] = [
    `<dc:identifier id="book-id">${escapeXml(`urn:ficshelf:${story.id}`)}</dc:identifier>`,
    `<dc:title>${escapeXml(story.title || 'Untitled')}</dc:title>`,
    ...(story.authors.length ? story.authors : [{ name: 'Anonymous' }]).map(
      (a, i) => `<dc:creator id="creator-${i + 1}">${escapeXml(a.name)}</dc:creator>`,
    ),
    `<dc:language>${lang}</dc:language>`,
  ];
  const date = story.published ?? dayOf(story.savedAt);
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) meta.push(`<dc:date>${date}</dc:date>`);
  meta.push(`<meta property="dcterms:modified">${epubTimestamp(story.updatedAt)}</meta>`);
  if (story.url) meta.push(`<dc:source>${escapeXml(story.url)}</dc:source>`);
  if (story.summary) meta.push(`<dc:description>${escapeXml(story.summary)}</dc:description>`);
  for (const subject of [...story.fandoms, ...story.tags]) meta.push(`<dc:subject>${escapeXml(subject)}</dc:subject>`);
  if (story.rating.raw) meta.push(`<meta property="ficshelf:rating">${escapeXml(story.rating.raw)}</meta>`);

  const manifest = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="title-page" href="title.xhtml" media-type="application/xhtml+xml"/>`,
    `<item id="style" href="style.css" media-type="text/css"/>`,
    ...chapters.map((c) => `<item id="chapter-${c.index}" href="${chapterFileName(c.index)}" media-type="application/xhtml+xml"/>`),
    ...imageItems,
  ];
  const spine = [
    `<itemref idref="title-page"/>`,
    `<itemref idref="nav"/>`,
    ...chapters.map((c) => `<itemref idref="chapter-${c.index}"/>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}" prefix="ficshelf: https://ficshelf.invalid/vocab#">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine>
${spine.join('\n')}
</spine>
</package>
`;
}
