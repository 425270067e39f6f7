// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildHtmlFile, chapterAnchor } from '../../utils/library/html-export';
import { createDocument, fromFixture, hostile, malformed, multiChapter, oneShot, type SavedSample } from './export-samples';

function exported(sample: SavedSample): { html: string; doc: Document } {
  const html = buildHtmlFile(sample.story, sample.chapters, { createDocument });
  return { html, doc: new JSDOM(html).window.document };
}

function fieldsOf(doc: Document): Record<string, string> {
  return Object.fromEntries(
    [...doc.querySelectorAll('.fs-fields dt')].map((dt) => [dt.textContent!, dt.nextElementSibling!.textContent!]),
  );
}

/** Everything that could run code or load from elsewhere. */
function assertInert(doc: Document, html: string): void {
  expect(doc.querySelectorAll('script, iframe, object, embed, form, link, base, svg, math, meta[http-equiv="refresh"]')).toHaveLength(0);
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${el.localName}[${attr.name}]`).toBe(false);
      expect(attr.value, `${el.localName}[${attr.name}]`).not.toMatch(/^\s*(javascript|vbscript|data):/i);
    }
    if (el.localName !== 'html' && el.localName !== 'head' && el.closest('head') === null) {
      expect(el.hasAttribute('style'), el.localName).toBe(false);
    }
  }
  // Only the story's own images may load anything.
  for (const el of doc.querySelectorAll('[src]')) expect(el.localName).toBe('img');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/@import|url\(/i);
}

describe('single HTML file', () => {
  const sample = multiChapter();
  const { html, doc } = exported(sample);

  it('is one self-contained page: inline styles, a policy that forbids scripts, no outside stylesheets', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('Ærø & «Café» — 東京の夜 <Night>');
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    assertInert(doc, html);
  });

  it('reads in light and dark', () => {
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('color-scheme: light dark');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{[^}]*body \{ background: #16171a/);
  });

  it('shows the title page fields', () => {
    expect(doc.querySelector('h1')!.textContent).toBe('Ærø & «Café» — 東京の夜 <Night>');
    expect(doc.querySelector('.fs-byline')!.textContent).toBe('by Zoë Ångström, Ivan Иванов');
    expect(fieldsOf(doc)).toMatchObject({
      Fandoms: 'Buffy the Vampire Slayer, Angel: the Series',
      Rating: 'Teen And Up Audiences (Teen)',
      Relationships: 'Buffy Summers/Spike',
      Characters: 'Buffy Summers, Spike, Dawn Summers',
      Tags: 'Post-Canon, Hurt/Comfort, Fluff & Angst',
      Words: '4,321',
      Chapters: '3/?',
      Status: 'In progress',
      Source: 'https://archiveofourown.org/works/17793689',
      Saved: '2025-01-02',
    });
    expect(doc.querySelector('.fs-summary')!.textContent).toContain('It has <tables>.');
    expect(doc.querySelector('.fs-disclaimer')!.textContent).toContain('Joss owns them');
  });

  it('has a table of contents linking to every chapter, in order', () => {
    const links = [...doc.querySelectorAll('.fs-toc a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['#chapter-1', 'Départ'],
      ['#chapter-2', 'Soup & <Sandwiches>'],
      ['#chapter-3', 'Chapter 3'],
    ]);
    for (const [href] of links) expect(doc.querySelector(href!)).not.toBeNull();
  });

  it('holds every chapter with its text and notes', () => {
    const sections = [...doc.querySelectorAll('section.fs-chapter')];
    expect(sections.map((s) => s.id)).toEqual([1, 2, 3].map(chapterAnchor));
    expect(sections[0]!.querySelector('.fs-notes')!.textContent).toBe('NotesChapter note & more.');
    expect(sections[0]!.querySelector('.fs-chapter-text')!.textContent).toBe('The bus left at dawn.');
    expect(sections[1]!.textContent).toContain('Tea & biscuits, 3 < 4 > 2');
    expect(sections[2]!.textContent).toContain('Kudos welcome.');
  });

  it('keeps the story images as they were (absolute), and marks outside links', () => {
    const img = doc.querySelector('.fs-chapter-text img')!;
    expect(img.getAttribute('src')).toBe('https://archiveofourown.org/images/map.png');
    expect(img.getAttribute('alt')).toBe('Map of Sunnydale');
    const link = doc.querySelector('a[href="https://example.org/next.html"]')!;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(link.hasAttribute('target')).toBe(false);
  });
});

describe('single HTML file, other stories', () => {
  it('a one-shot: the text, no contents list', () => {
    const { doc } = exported(oneShot());
    expect(doc.querySelector('.fs-toc')).toBeNull();
    expect(doc.querySelectorAll('section.fs-chapter')).toHaveLength(1);
    expect(doc.querySelector('.fs-chapter-title')!.textContent).toBe('Story');
    expect(doc.body.textContent).toContain('Not even Xander.');
    expect(fieldsOf(doc)).toMatchObject({ Fandom: 'Buffy the Vampire Slayer', Rating: 'PG (General)', Chapters: '1/1', Status: 'Complete' });
  });

  it('HTML that is not well-formed keeps its text', () => {
    const { doc, html } = exported(malformed());
    expect(doc.querySelectorAll('section.fs-chapter')).toHaveLength(2);
    expect(doc.body.textContent).toContain('block in heading');
    assertInert(doc, html);
  });

  it('hostile HTML comes out inert', () => {
    const { doc, html } = exported(hostile());
    assertInert(doc, html);
    expect(doc.querySelector('h1')!.textContent).toBe('<script>alert("title")</script>');
    expect(doc.querySelector('.fs-byline a')).toBeNull();
    expect(doc.querySelector('.fs-byline')!.textContent).toBe('by "><img src=x onerror=alert(1)>');
    expect(doc.querySelector('a[href="https://ok.example/"]')!.textContent).toBe('ok link');
    expect(doc.querySelectorAll('img')).toHaveLength(1); // <img src="x"> resolved against the story URL
    expect(doc.querySelector('img')!.getAttribute('src')).toBe('https://evil.example/x');
  });

  it('a real AO3 full work: all 20 chapters, in order, with their titles', () => {
    const sample = fromFixture('ao3/fullwork-through-your-silver-eyes-hp.html', 'https://archiveofourown.org/works/24861814?view_full_work=true');
    const { doc, html } = exported(sample);
    expect(doc.querySelector('h1')!.textContent).toBe('Through Your Silver Eyes');
    const sections = [...doc.querySelectorAll('section.fs-chapter')];
    expect(sections).toHaveLength(20);
    expect(sections.map((s) => s.querySelector('.fs-chapter-title')!.textContent)).toEqual(
      sample.chapters.map((c) => c.title?.trim() || `Chapter ${c.index}`),
    );
    expect(doc.querySelectorAll('.fs-toc li')).toHaveLength(20);
    // Each chapter's words survive the rewrite.
    sections.forEach((section, i) => {
      const words = sample.chapters[i]!.text.split(/\s+/).slice(0, 8).join(' ');
      expect(section.querySelector('.fs-chapter-text')!.textContent!.replace(/\s+/g, ' ')).toContain(words);
    });
    assertInert(doc, html);
  });
});
