// @vitest-environment node
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEpub, chapterFileName, epubTimestamp, languageTag, type EpubOptions } from '../../utils/library/epub';
import {
  FIXTURE_PAGES,
  createDocument,
  fromFixture,
  hostile,
  malformed,
  multiChapter,
  oneShot,
  type SavedSample,
} from './export-samples';

const run = promisify(execFile);

function build(sample: SavedSample, options: EpubOptions = {}): Uint8Array {
  return buildEpub(sample.story, sample.chapters, { createDocument, ...options });
}

function files(epub: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(epub))) out[name] = strFromU8(data);
  return out;
}

/** Parses XML strictly: jsdom throws on anything not well-formed. */
function xml(text: string, type = 'application/xhtml+xml'): Document {
  return new JSDOM(text, { contentType: type }).window.document;
}

function packageOf(book: Record<string, string>): { opf: Document; dir: string } {
  const container = xml(book['META-INF/container.xml']!, 'application/xml');
  const fullPath = container.querySelector('rootfile')!.getAttribute('full-path')!;
  return { opf: xml(book[fullPath]!, 'application/xml'), dir: path.posix.dirname(fullPath) };
}

describe('EPUB container', () => {
  const epub = build(multiChapter());
  const view = new DataView(epub.buffer, epub.byteOffset, epub.byteLength);

  it('starts with the mimetype entry, stored, with no extra field', () => {
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // method 0: stored
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    expect(strFromU8(epub.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(extraLength).toBe(0);
    const start = 30 + nameLength;
    expect(strFromU8(epub.subarray(start, start + 20))).toBe('application/epub+zip');
  });

  it('points container.xml at the package document, which exists', () => {
    const book = files(epub);
    const container = xml(book['META-INF/container.xml']!, 'application/xml');
    const rootfile = container.querySelector('rootfile')!;
    expect(rootfile.getAttribute('media-type')).toBe('application/oebps-package+xml');
    expect(rootfile.getAttribute('full-path')).toBe('OEBPS/content.opf');
    expect(book['OEBPS/content.opf']).toContain('<package');
  });

  it('gives the same bytes for the same story (dates come from the story, not the clock)', () => {
    expect(Buffer.from(build(multiChapter())).equals(Buffer.from(epub))).toBe(true);
  });
});

describe('EPUB package document', () => {
  const sample = multiChapter();
  const book = files(build(sample));
  const { opf, dir } = packageOf(book);

  it('has the identifier, title, creators, language, date and modified time', () => {
    const uid = opf.documentElement.getAttribute('unique-identifier');
    expect(opf.documentElement.getAttribute('version')).toBe('3.0');
    expect(opf.getElementById(uid!)?.textContent).toBe('urn:ficshelf:ao3:17793689');
    expect(opf.getElementsByTagName('dc:title')[0]!.textContent).toBe('Ærø & «Café» — 東京の夜 <Night>');
    expect([...opf.getElementsByTagName('dc:creator')].map((c) => c.textContent)).toEqual(['Zoë Ångström', 'Ivan Иванов']);
    expect(opf.getElementsByTagName('dc:language')[0]!.textContent).toBe('en');
    expect(opf.getElementsByTagName('dc:date')[0]!.textContent).toBe('2019-03-01');
    const modified = [...opf.getElementsByTagName('meta')].find((m) => m.getAttribute('property') === 'dcterms:modified');
    expect(modified?.textContent).toBe('2025-02-03T04:05:06Z');
    expect(opf.getElementsByTagName('dc:source')[0]!.textContent).toBe('https://archiveofourown.org/works/17793689');
  });

  it('lists every chapter in the manifest and the spine, in order, after the title page and contents', () => {
    const items = new Map([...opf.querySelectorAll('manifest > item')].map((i) => [i.getAttribute('id')!, i.getAttribute('href')!]));
    const spine = [...opf.querySelectorAll('spine > itemref')].map((r) => items.get(r.getAttribute('idref')!));
    expect(spine).toEqual(['title.xhtml', 'nav.xhtml', 'chapter-0001.xhtml', 'chapter-0002.xhtml', 'chapter-0003.xhtml']);
    for (const href of items.values()) expect(book[`${dir}/${href}`], href).toBeDefined();
    const nav = [...opf.querySelectorAll('manifest > item')].filter((i) => i.getAttribute('properties') === 'nav');
    expect(nav.map((i) => i.getAttribute('href'))).toEqual(['nav.xhtml']);
  });

  it('has a table of contents naming every chapter in order', () => {
    const nav = xml(book['OEBPS/nav.xhtml']!);
    const toc = [...nav.querySelectorAll('nav')].find((n) => n.getAttribute('epub:type') === 'toc')!;
    const links = [...toc.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['title.xhtml', 'Title page'],
      ['chapter-0001.xhtml', 'Départ'],
      ['chapter-0002.xhtml', 'Soup & <Sandwiches>'],
      ['chapter-0003.xhtml', 'Chapter 3'],
    ]);
  });

  it('writes every document as well-formed XHTML', () => {
    for (const [name, text] of Object.entries(book)) {
      if (name.endsWith('.xhtml')) expect(() => xml(text), name).not.toThrow();
    }
  });
});

describe('EPUB title page', () => {
  const sample = multiChapter();
  const book = files(build(sample));
  const page = xml(book['OEBPS/title.xhtml']!);
  const fields = Object.fromEntries(
    [...page.querySelectorAll('dt')].map((dt) => [dt.textContent, (dt.nextElementSibling as Element).textContent]),
  );

  it('shows the title and authors', () => {
    expect(page.querySelector('h1')!.textContent).toBe('Ærø & «Café» — 東京の夜 <Night>');
    expect(page.querySelector('.fs-byline')!.textContent).toBe('by Zoë Ångström, Ivan Иванов');
    expect(page.querySelector('.fs-byline a')!.getAttribute('href')).toBe('https://archiveofourown.org/users/zoe');
  });

  it('shows every header field', () => {
    expect(fields).toMatchObject({
      Fandoms: 'Buffy the Vampire Slayer, Angel: the Series',
      Rating: 'Teen And Up Audiences (Teen)',
      Warnings: 'No Archive Warnings Apply',
      Categories: 'F/M',
      Relationships: 'Buffy Summers/Spike',
      Characters: 'Buffy Summers, Spike, Dawn Summers',
      Tags: 'Post-Canon, Hurt/Comfort, Fluff & Angst',
      Series: 'Part 2 of Crater Days',
      Words: '4,321',
      Chapters: '3/?',
      Status: 'In progress',
      Published: '2019-03-01',
      Updated: '2019-04-15',
      Source: 'https://archiveofourown.org/works/17793689',
      Saved: '2025-01-02',
    });
    expect(page.querySelector('dd a[href="https://archiveofourown.org/works/17793689"]')).not.toBeNull();
  });

  it('shows the summary, disclaimer and opening notes; end notes follow the last chapter', () => {
    expect(page.querySelector('.fs-summary')!.textContent).toContain('After the crater, Buffy & Spike find a café.');
    expect(page.querySelectorAll('.fs-summary p')).toHaveLength(2);
    expect(page.querySelector('.fs-disclaimer')!.textContent).toContain('Joss owns them');
    expect(page.querySelector('.fs-notes em')!.textContent).toBe('beta');
    const last = xml(book['OEBPS/chapter-0003.xhtml']!);
    expect([...last.querySelectorAll('.fs-notes')].map((n) => n.textContent)).toEqual(['NotesSee you soon.', 'NotesKudos welcome.']);
  });

  it('marks a partial copy and lists only the saved chapters', () => {
    const partial = multiChapter();
    partial.chapters = partial.chapters.filter((c) => c.index !== 2);
    partial.story = { ...partial.story, complete: false, missing: [2], savedChapters: 2 };
    const partialBook = files(build(partial));
    const titlePage = xml(partialBook['OEBPS/title.xhtml']!);
    expect(titlePage.body.textContent).toContain('chapter 2 was not saved');
    expect(Object.keys(partialBook).filter((n) => n.includes('chapter-'))).toEqual([
      'OEBPS/chapter-0001.xhtml',
      'OEBPS/chapter-0003.xhtml',
    ]);
  });
});

describe('EPUB chapter text', () => {
  const book = files(build(multiChapter()));
  const soup = xml(book['OEBPS/chapter-0002.xhtml']!);
  const text = soup.querySelector('.fs-chapter-text')!;

  it('keeps escaped characters, breaks, tables and links', () => {
    expect(text.textContent).toContain('Tea & biscuits, 3 < 4 > 2, "quotes"');
    expect(text.textContent).toContain('a stray &amp;.');
    expect(text.querySelectorAll('br').length).toBeGreaterThanOrEqual(3);
    expect([...text.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Spike', 'The crypt']);
    expect(text.querySelector('td[colspan="2"]')).not.toBeNull();
    expect(text.querySelector('a[href="https://example.org/next.html"]')!.textContent).toBe('next & more');
    // Relative links are resolved against the chapter's own address.
    expect(text.querySelector('a[href="https://archiveofourown.org/fic/other.html"]')).not.toBeNull();
    expect(text.textContent).toContain('émoji 🦇 kept');
    expect(text.textContent).not.toContain('\u0001');
  });

  it('turns remote images into links (EPUB readers may not load them) unless the image is supplied', () => {
    const link = text.querySelector('a.fs-image-link')!;
    expect(link.getAttribute('href')).toBe('https://archiveofourown.org/images/map.png');
    expect(link.textContent).toBe('[image: Map of Sunnydale]');
    expect(text.querySelector('img')).toBeNull();

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const withImage = files(build(multiChapter(), {
      images: new Map([['https://archiveofourown.org/images/map.png', { data: png, mediaType: 'image/png' }]]),
    }));
    const img = xml(withImage['OEBPS/chapter-0002.xhtml']!).querySelector('img')!;
    expect(img.getAttribute('src')).toBe('images/image-1.png');
    expect(img.getAttribute('alt')).toBe('Map of Sunnydale');
    expect(img.getAttribute('width')).toBe('300');
    expect(img.hasAttribute('height')).toBe(false);
    expect(withImage['OEBPS/content.opf']).toContain('href="images/image-1.png" media-type="image/png"');
    expect(withImage['OEBPS/images/image-1.png']).toBeDefined();
  });

  it('fixes the content model: no blocks in phrasing, only items in lists, no obsolete tags', () => {
    expect(text.querySelector('center, font, strike, tt, big')).toBeNull();
    expect(text.querySelector('div.fs-center b')!.textContent).toBe('Part One');
    expect(text.querySelector('p.fs-center')!.textContent).toBe('* * *');
    expect([...text.querySelectorAll('ul > *')].every((el) => el.localName === 'li')).toBe(true);
    expect([...text.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['stray text', 'one', 'not an item', 'two']);
    expect(text.querySelector('span p, i p, em p, b p')).toBeNull();
    expect(text.querySelectorAll('div.fs-i > p')).toHaveLength(2);
    expect(text.textContent).toContain("Word's own tag");
  });
});

describe('EPUB from HTML that is not well-formed', () => {
  const book = files(build(malformed()));

  it('still writes well-formed chapters with all the text', () => {
    const one = xml(book['OEBPS/chapter-0001.xhtml']!).querySelector('.fs-chapter-text')!;
    expect(one.textContent).toContain('Unclosed bold and italic');
    expect(one.textContent).toContain('a div in a p');
    const two = xml(book['OEBPS/chapter-0002.xhtml']!).querySelector('.fs-chapter-text')!;
    for (const words of ['cell without row', 'para in cell', 'orphan item', 'orphan dd', 'block in heading', 'block in link', 'stray in dl', 'list in em']) {
      expect(two.textContent).toContain(words);
    }
    expect(two.querySelector('h2 div, a div:not(a > div), em ul')).toBeNull();
  });
});

describe('EPUB from hostile HTML', () => {
  const book = files(build(hostile()));

  it('has nothing executable in any file', () => {
    for (const [name, text] of Object.entries(book)) {
      if (!name.endsWith('.xhtml')) continue;
      const doc = xml(text);
      expect(doc.querySelectorAll('script, style, iframe, object, embed, form, input, button, svg, math, meta[http-equiv], base'), name).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          expect(attr.name.startsWith('on'), `${name}: ${el.localName}[${attr.name}]`).toBe(false);
          expect(attr.value, `${name}: ${el.localName}[${attr.name}]`).not.toMatch(/^\s*(javascript|vbscript|data):/i);
          expect(attr.name, name).not.toBe('style');
        }
      }
    }
  });

  it('keeps the harmless text and the safe link', () => {
    const chapter = xml(book['OEBPS/chapter-0001.xhtml']!);
    expect(chapter.querySelector('a[href="https://ok.example/"]')!.textContent).toBe('ok link');
    expect(chapter.body.textContent).toContain('js link');
    expect(chapter.body.textContent).toContain('after comment');
    expect(chapter.querySelector('p[title]')!.getAttribute('title')).toBe('" onmouseover="alert(1)');
    expect(xml(book['OEBPS/title.xhtml']!).querySelector('h1')!.textContent).toBe('<script>alert("title")</script>');
  });
});

describe('languageTag', () => {
  it('maps archive language names to BCP 47 tags', () => {
    expect(languageTag('English')).toBe('en');
    expect(languageTag('中文-普通话 國語')).toBe('zh');
    expect(languageTag('Español')).toBe('es');
    expect(languageTag('pt-BR')).toBe('pt-BR');
    expect(languageTag('Klingon')).toBe('und');
    expect(languageTag(undefined)).toBe('en');
  });

  it('formats modified times as EPUB wants them', () => {
    expect(epubTimestamp('2025-02-03T04:05:06.789Z')).toBe('2025-02-03T04:05:06Z');
    expect(chapterFileName(12)).toBe('chapter-0012.xhtml');
  });
});

// ---- A real EPUB checker --------------------------------------------------

const INSTALL = 'epubcheck is not installed: run `apt-get install -y epubcheck` (as root) and run this test again.';

/** The command that runs epubcheck: Debian links the jar itself into /usr/bin. */
function epubcheckCommand(): [string, string[]] {
  let found: string;
  try {
    found = execFileSync('which', ['epubcheck'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(INSTALL);
  }
  if (!found) throw new Error(INSTALL);
  const real = realpathSync(found);
  const head = readFileSync(real).subarray(0, 2).toString('latin1');
  // A quick-starting JVM: the checker runs once per book on a busy machine.
  const fastJvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto'];
  return real.endsWith('.jar') || head === 'PK' ? ['java', [...fastJvm, '-jar', real]] : [real, []];
}

describe('epubcheck', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ficshelf-epub-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A real 1×1 PNG, so the checker can read the image it finds in the book.
  const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  const images = new Map([['https://archiveofourown.org/images/map.png', { data: png, mediaType: 'image/png' }]]);
  const samples: Array<[string, () => SavedSample, EpubOptions?]> = [
    ['a one-shot', oneShot],
    ['a multi-chapter story with notes, images, tables and escapes', multiChapter],
    ['a story with its image inside the book', multiChapter, { images }],
    ['HTML that is not well-formed', malformed],
    ['hostile HTML', hostile],
    ...FIXTURE_PAGES.map(([file, url]): [string, () => SavedSample] => [file, () => fromFixture(file, url)]),
  ];

  it.each(samples)(
    'accepts the EPUB for %s',
    async (_label, make, options) => {
      const [command, prefix] = epubcheckCommand();
      const sample = make();
      expect(sample.chapters.length).toBeGreaterThan(0);
      const file = path.join(dir, `${sample.name.replace(/[^\w.-]+/g, '_')}${options ? '-with-images' : ''}.epub`);
      writeFileSync(file, build(sample, options));
      let output: string;
      let code = 0;
      try {
        const result = await run(command, [...prefix, file], { maxBuffer: 16 * 1024 * 1024 });
        output = result.stdout + result.stderr;
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        if (failed.code === 'ENOENT' as unknown) throw new Error(INSTALL);
        code = failed.code ?? 1;
        output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
      }
      const problems = output.split('\n').filter((line) => /^(ERROR|FATAL)/.test(line));
      expect(problems, output).toEqual([]);
      expect(code, output).toBe(0);
      expect(output).toMatch(/No errors or warnings detected|Messages: 0 fatals \/ 0 errors/);
    },
    180_000,
  );
});
