// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { headerBlock } from '@/utils/sites/header-block';
import { efiction } from '@/utils/sites/efiction';
import { htmlDocument } from '../helpers/fixtures';

/**
 * Detection runs on every page of a site the reader enabled, so eFiction and
 * header-block (which match every URL) must decide from a bounded part of the
 * page. A tripwire on a node marks whether detection read that far.
 */

const URL_ = 'https://news.example.org/2026/11/a-long-article.html';
const PARAGRAPH =
  'The council met on Tuesday evening to discuss the budget, and after three hours of debate the members agreed to delay the vote until the spring session.';

function page(inner: string): Document {
  return htmlDocument(`<!DOCTYPE html><html><head><title>News</title></head><body>${inner}</body></html>`, URL_);
}

/** Records whether a walker entered the element (asked for its first child). */
function entered(node: Element): { reached: boolean } {
  const wire = { reached: false };
  Object.defineProperty(node, 'firstChild', {
    get() {
      wire.reached = true;
      return node.childNodes[0] ?? null;
    },
  });
  return wire;
}

/** Records whether anything read the element's attributes (a link scan reading its href). */
function attributesRead(node: Element): { reached: boolean } {
  const wire = { reached: false };
  const getAttribute = node.getAttribute.bind(node);
  node.getAttribute = (name: string) => {
    wire.reached = true;
    return getAttribute(name);
  };
  return wire;
}

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p id="p${i}">${PARAGRAPH}</p>`).join('');

describe('header-block detection reads a bounded part of the page', () => {
  it('a header that is not a story (a recipe) is ruled out without reading the long page after it', () => {
    const doc = page(`<article><p>Ingredients: flour, butter, sugar<br>Serves: four<br>Prep time: 20 minutes</p>${paragraphs(400)}</article>`);
    const far = entered(doc.getElementById('p40')!);
    expect(headerBlock.detect(doc, new URL(URL_))).toBe(false);
    expect(far.reached, 'read down to paragraph 40').toBe(false);
  });

  it('a story header with 20 words of body is detected without reading the rest of the story', () => {
    const doc = page(`<div class="entry-content"><p>Title: Stakeout<br>Author: Faith<br>Rating: PG</p>${paragraphs(400)}</div>`);
    const far = entered(doc.getElementById('p40')!);
    expect(headerBlock.detect(doc, new URL(URL_))).toBe(true);
    expect(far.reached, 'read down to paragraph 40').toBe(false);
  });

  it('a news page with hundreds of link menus and paragraphs is refused, reading only its first lines', () => {
    const menu = Array.from({ length: 300 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
    const doc = page(`<div id="top"><ul>${menu}</ul></div><article><h1>Budget vote delayed</h1><p>By A. Reporter</p>${paragraphs(400)}</article>`);
    const far = entered(doc.getElementById('p20')!);
    expect(headerBlock.detect(doc, new URL(URL_))).toBe(false);
    expect(far.reached, 'read down to paragraph 20').toBe(false);
  });

  it('a story whose header sits after a long menu of links is still detected', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `<li><a href="/fic/${i}.html">Story number ${i}</a></li>`).join('');
    // A site menu in <nav> is skipped whole; link lines elsewhere are stepped over (detection reads up to 150 lines, blank ones included).
    const doc = page(`<nav><ul>${links(1000)}</ul></nav><div class="links"><ul>${links(60)}</ul></div><p>Title: Stakeout<br>Author: Faith<br>Rating: PG<br>Summary: A cold night.</p>${paragraphs(5)}`);
    expect(headerBlock.detect(doc, new URL(URL_))).toBe(true);
  });
});

describe('eFiction detection reads a bounded number of links', () => {
  const menu = (n: number, href: (i: number) => string) => Array.from({ length: n }, (_, i) => `<a href="${href(i)}">Link ${i}</a> `).join('');

  it('a page with thousands of links and no archive link is refused without reading them all', () => {
    const doc = page(`<div id="links">${menu(3000, (i) => `/wiki/Article_${i}`)}</div>`);
    const links = doc.getElementsByTagName('a');
    const far = attributesRead(links[2000]!);
    expect(efiction.detect(doc, new URL(URL_))).toBe(false);
    expect(far.reached, 'read link 2000').toBe(false);
  });

  it('an archive page whose own links come first is detected, whatever follows', () => {
    const archive = 'https://archive.example.net/efiction/viewstory.php?sid=12';
    const doc = htmlDocument(
      `<!DOCTYPE html><html><body><div id="pagetitle"><a href="viewstory.php?sid=12">Stakeout</a> by <a href="viewuser.php?uid=3">Faith</a></div>${menu(3000, (i) => `https://elsewhere.example.com/${i}`)}</body></html>`,
      archive,
    );
    expect(efiction.detect(doc, new URL(archive))).toBe(true);
  });

  it('an own archive link past the first 500 links does not count (the cap holds)', () => {
    const archive = 'https://archive.example.net/efiction/index.php';
    const doc = htmlDocument(
      `<!DOCTYPE html><html><body><div id="skinnedpage">${menu(600, (i) => `/news/${i}`)}<a href="viewstory.php?sid=12">Stakeout</a></div></body></html>`,
      archive,
    );
    expect(efiction.detect(doc, new URL(archive))).toBe(false);
  });
});
