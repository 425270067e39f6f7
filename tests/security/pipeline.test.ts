// @vitest-environment node
/**
 * Issue 7, hostile content, unit level: every vector of the corpus, in every
 * field of a real page of each site family, through extraction (classifyPage
 * on a jsdom Document), then through the HTML and EPUB exports. Nothing that
 * comes out may run code, load from elsewhere, or clobber globals.
 *
 * jsdom needs about half a second per page on the CI machine, so vectors go
 * into a page in batches; a vector that swallows the rest of a page (an
 * unclosed <script>) gets a page of its own. Each vector is also run alone
 * through the sanitiser and the XHTML writer.
 */
import { JSDOM } from 'jsdom';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyPage } from '../../utils/sites';
import type { Story } from '../../utils/story';
import { sanitizeHtml } from '../../utils/sanitize';
import { htmlToXhtml } from '../../utils/library/xhtml';
import { buildHtmlFile } from '../../utils/library/html-export';
import { buildEpub } from '../../utils/library/epub';
import { htmlDocument } from '../helpers/fixtures';
import { readingHtml } from '../../components/reader/ReaderArticle';
import { createDocument, toSaved } from '../library/export-samples';
import { VECTORS, vectorFamilies, type XssVector } from './vectors';
import { hostileFamilies, hostilePage, type Field, type HostileFamily } from './hostile-pages';
import { checkerWindow, elementHazards, storyHtmlHazards, textFieldHazards, urlFieldHazards } from './inert';
import { recordXssFigures } from './figures';

const BATCH = 60;
/** A word after each field's vectors: found in the extracted field, it shows the vectors reached that field. */
const reachWord = (field: Field) => `fsreach${field}`;

/** Vectors that leave no markup after them on the page (they swallow the rest), found by parsing. */
function swallowsRest(vector: XssVector): boolean {
  const host = checkerWindow.document.createElement('div');
  host.innerHTML = `<div>${vector.html}</div><p class=after>after</p>`;
  const after = host.querySelector('.after');
  return !after || after.textContent !== 'after' || after.parentElement !== host;
}

function batches(): XssVector[][] {
  const alone = VECTORS.filter(swallowsRest);
  const rest = VECTORS.filter((v) => !alone.includes(v));
  const out: XssVector[][] = [];
  for (let i = 0; i < rest.length; i += BATCH) out.push(rest.slice(i, i + BATCH));
  return [...out, ...alone.map((v) => [v])];
}

interface Finding {
  where: string;
  problem: string;
}

/** Every text, URL and HTML field of an extracted story, checked. */
function storyFindings(story: Story): { findings: Finding[]; latent: number; latentUrls: string[] } {
  const findings: Finding[] = [];
  let latent = 0;
  const latentUrls: string[] = [];
  const text = (where: string, value: string | undefined) => {
    if (!value) return;
    for (const problem of textFieldHazards(value)) findings.push({ where, problem });
    // Text that reads as markup (the page showed it as text, or a rawtext element held it) is
    // harmless as long as every renderer writes it as text: counted, and the innerHTML audit enforces that.
    const probe = checkerWindow.document.createElement('template');
    probe.innerHTML = value;
    if (elementHazards(probe.content).length) latent++;
  };
  const url = (where: string, value: string | undefined) => {
    for (const problem of urlFieldHazards(value)) findings.push({ where, problem });
  };
  // Author and series links are kept but no page renders them as links (the exports pass them
  // through safeUrl): a script URL there is latent, counted and reported, not yet a hole.
  const latentUrl = (where: string, value: string | undefined) => {
    for (const problem of urlFieldHazards(value)) latentUrls.push(`${story.site} ${where}: ${problem}`);
  };
  const html = (where: string, value: string | undefined) => {
    for (const problem of storyHtmlHazards(value ?? '')) findings.push({ where, problem });
  };
  text('title', story.title);
  text('summary', story.summary);
  text('disclaimer', story.disclaimer);
  text('rating', `${story.rating.raw} ${story.rating.reason ?? ''}`);
  url('url', story.url);
  story.authors.forEach((a, i) => {
    text(`authors[${i}].name`, a.name);
    latentUrl(`authors[${i}].url`, a.url);
  });
  for (const key of ['fandoms', 'warnings', 'categories', 'relationships', 'characters', 'tags'] as const) {
    story[key].forEach((value, i) => text(`${key}[${i}]`, value));
  }
  story.series?.forEach((s, i) => {
    text(`series[${i}]`, s.name);
    latentUrl(`series[${i}].url`, s.url);
  });
  for (const [key, value] of Object.entries(story.fields ?? {})) text(`fields.${key}`, value);
  story.notes.forEach((n, i) => {
    text(`notes[${i}].text`, n.text);
    html(`notes[${i}].html`, n.html);
  });
  for (const c of story.chapters) {
    text(`chapters[${c.index}].title`, c.title);
    text(`chapters[${c.index}].text`, c.text);
    url(`chapters[${c.index}].url`, c.url);
    html(`chapters[${c.index}].html`, c.html);
    c.notes?.forEach((n, i) => {
      text(`chapters[${c.index}].notes[${i}].text`, n.text);
      html(`chapters[${c.index}].notes[${i}].html`, n.html);
    });
  }
  return { findings, latent, latentUrls };
}

const EXPORT_IDS = /^(chapter-\d+|fs-toc-title|toc)$/;

/** The single-file HTML export: the exporter's own head, and a body that holds nothing active. */
function htmlExportFindings(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  const problems: string[] = [];
  for (const el of Array.from(doc.head.children)) {
    const tag = el.localName;
    const ok =
      tag === 'title' ||
      (tag === 'style' && !/url\(|@import|expression\(/i.test(el.textContent ?? '')) ||
      (tag === 'meta' && el.attributes.length === 1 && el.hasAttribute('charset')) ||
      (tag === 'meta' && ['viewport', 'referrer', 'generator'].includes(el.getAttribute('name') ?? '')) ||
      (tag === 'meta' && el.getAttribute('http-equiv') === 'Content-Security-Policy' && /default-src 'none'/.test(el.getAttribute('content') ?? ''));
    if (!ok) problems.push(`head <${tag}> ${el.outerHTML.slice(0, 80)}`);
  }
  problems.push(...elementHazards(doc.body, { allowId: (id) => EXPORT_IDS.test(id) }));
  if (/<script/i.test(html)) problems.push('"<script" in the file');
  return problems;
}

/** Every XHTML file of the EPUB: well-formed XML, the exporter's own head, an inert body. */
function epubFindings(bytes: Uint8Array): { problems: string[]; files: number } {
  const problems: string[] = [];
  let files = 0;
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xhtml|opf|xml)$/.test(path)) continue;
    files++;
    const source = strFromU8(data);
    let doc: Document;
    try {
      doc = new JSDOM(source, { contentType: path.endsWith('.xhtml') ? 'application/xhtml+xml' : 'application/xml' }).window.document;
    } catch (error) {
      problems.push(`${path}: not well-formed (${String(error).slice(0, 80)})`);
      continue;
    }
    if (!path.endsWith('.xhtml')) {
      if (/<script|javascript:/i.test(source)) problems.push(`${path}: script`);
      continue;
    }
    for (const el of Array.from(doc.querySelector('head')?.children ?? [])) {
      const ok =
        el.localName === 'title' ||
        (el.localName === 'meta' && el.hasAttribute('charset')) ||
        (el.localName === 'link' && el.getAttribute('rel') === 'stylesheet' && el.getAttribute('href') === 'style.css');
      if (!ok) problems.push(`${path}: head <${el.localName}>`);
    }
    const body = doc.querySelector('body');
    if (body) problems.push(...elementHazards(body, { allowId: (id) => EXPORT_IDS.test(id) }).map((p) => `${path}: ${p}`));
  }
  return { problems, files };
}

const figures = {
  vectors: VECTORS.length,
  vectorFamilies: vectorFamilies(),
  siteFamilies: [] as string[],
  fields: {} as Record<string, Field[]>,
  placements: 0,
  pages: 0,
  pagesReadAsStory: 0,
  /** Batch pages still read as a story, per site family (the rest broke the page into 'none': nothing read, nothing shown). */
  pagesReadBySite: {} as Record<string, number>,
  placementsReached: 0,
  executableFindings: 0,
  latentMarkupInTextFields: 0,
  htmlExports: 0,
  epubFilesChecked: 0,
  isolatedSanitiserRuns: 0,
  linkPages: 0,
  /** Script URLs kept in fields no page renders as a link (see storyFindings). */
  latentScriptUrls: [] as string[],
  isolatedXhtmlRuns: 0,
};

afterAll(() => {
  recordXssFigures('unit', figures);
});

describe('the corpus', () => {
  it('has at least 200 named vectors across every class the issue lists', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(VECTORS.map((v) => v.name)).size).toBe(VECTORS.length);
    expect(Object.keys(vectorFamilies()).sort()).toEqual(
      ['css', 'dom-clobbering', 'embed', 'encoded', 'event-handler', 'mathml', 'mutation', 'page-trick', 'script', 'svg', 'url'].sort(),
    );
    for (const v of VECTORS) expect(v.name).toMatch(/^[a-z0-9-]+$/);
  });

  it('the checker catches what it is meant to catch (a check that cannot fail proves nothing)', () => {
    expect(storyHtmlHazards('<p>fine <a href="https://example.org/">link</a></p>')).toEqual([]);
    expect(storyHtmlHazards('<img src=x onerror="x()">')).toContain('<img onerror>');
    expect(storyHtmlHazards('<a href=" javascript:x()">x</a>').length).toBeGreaterThan(0);
    expect(storyHtmlHazards('<img src="data:image/png;base64,AA">')).toEqual([]);
    expect(storyHtmlHazards('<img src="data:image/svg+xml,<svg/>">').length).toBeGreaterThan(0);
    expect(storyHtmlHazards('<a href="data:image/png;base64,AA">x</a>').length).toBeGreaterThan(0);
    expect(storyHtmlHazards('<p style="background:url(x)">x</p>')).toContain('<p style>');
    expect(storyHtmlHazards('<svg><a xlink:href="javascript:x()"></a></svg>').length).toBeGreaterThan(0);
    expect(storyHtmlHazards('<img name=cookie src=x>')).toContain('<img name="cookie">');
    expect(storyHtmlHazards('<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=x()>').length).toBeGreaterThan(0);
    expect(urlFieldHazards('javascript:alert(1)')).toHaveLength(1);
    expect(htmlExportFindings('<!DOCTYPE html><html><head><script>x</script></head><body></body></html>').length).toBeGreaterThan(0);
  });
});

describe('each vector alone', () => {
  it.each(VECTORS.map((v) => [v.name, v] as const))('%s: sanitised, then written as XHTML, holds nothing active', (_name, vector) => {
    const clean = sanitizeHtml(vector.html, checkerWindow);
    figures.isolatedSanitiserRuns++;
    expect(storyHtmlHazards(clean)).toEqual([]);
    // Reader mode and the offline reader sanitise again and rework the tree: still inert, still stable.
    expect(storyHtmlHazards(readingHtml(vector.html, checkerWindow.document))).toEqual([]);
    // The exporter's own allowlist is a second wall: even unsanitised input must come out inert.
    for (const input of [clean, vector.html]) {
      const xhtml = htmlToXhtml(input, { createDocument, baseUrl: 'https://archiveofourown.org/works/1' });
      figures.isolatedXhtmlRuns++;
      const written = checkerWindow.document.createElement('template');
      written.innerHTML = xhtml;
      expect(elementHazards(written.content)).toEqual([]);
    }
  });
});

const families = hostileFamilies();

describe.each(families.map((f) => [f.site, f] as const))('%s page whose every link is a script URL', (_site, family: HostileFamily) => {
  it.each([
    ['javascript', "javascript:__ficshelfPwned('href',this)"],
    ['data', 'data:text/html,&lt;script&gt;__ficshelfPwned(1)&lt;/script&gt;'],
    ['protocol-relative', '//trap.invalid/href'],
  ])('%s: author, story, chapter and series URLs stay http(s)', (_scheme, target) => {
    const html = hostilePage(family, () => '').replace(/\bhref=(["'])[^"']*\1/g, `href="${target}"`);
    const story = classifyPage(htmlDocument(html, family.url), family.url).story;
    figures.linkPages++;
    if (!story) return;
    const { findings, latentUrls } = storyFindings(story);
    figures.latentScriptUrls.push(...latentUrls.filter((u) => !figures.latentScriptUrls.includes(u)));
    figures.executableFindings += findings.length;
    expect(findings).toEqual([]);
  });
});
const groups = batches();

describe.each(families.map((f) => [f.site, f] as const))('%s page with the corpus in every field', (_site, family: HostileFamily) => {
  figures.siteFamilies.push(family.site);
  figures.fields[family.site] = family.fields;
  const reached: Record<string, number> = {};

  it.each(groups.map((g, i) => [i, g] as const))('batch %i: extracted story and its HTML and EPUB exports hold nothing active', (_i, group) => {
    const payload = (field: Field) => `${group.map((v) => v.html).join('\n')} ${reachWord(field)} `;
    const html = hostilePage(family, payload);
    const result = classifyPage(htmlDocument(html, family.url), family.url);
    figures.pages++;
    figures.placements += group.length * family.fields.length;
    if (!result.story) return; // nothing read, nothing to render: safe, and counted as not reached
    figures.pagesReadAsStory++;
    figures.pagesReadBySite[family.site] = (figures.pagesReadBySite[family.site] ?? 0) + 1;
    const story = result.story;

    const everything = JSON.stringify(story);
    for (const field of family.fields) {
      if (everything.includes(reachWord(field))) {
        reached[field] = (reached[field] ?? 0) + 1;
        figures.placementsReached += group.length;
      }
    }

    const { findings, latent } = storyFindings(story);
    figures.latentMarkupInTextFields += latent;
    figures.executableFindings += findings.length;
    expect(findings).toEqual([]);

    const saved = toSaved(story);
    const file = buildHtmlFile(saved.story, saved.chapters, { createDocument });
    figures.htmlExports++;
    const htmlProblems = htmlExportFindings(file);
    figures.executableFindings += htmlProblems.length;
    expect(htmlProblems).toEqual([]);

    const epub = epubFindings(buildEpub(saved.story, saved.chapters, { createDocument }));
    figures.epubFilesChecked += epub.files;
    figures.executableFindings += epub.problems.length;
    expect(epub.problems).toEqual([]);
  });

  it('the vectors reached every field the page carries (the test saw what it claims to test)', () => {
    // A batch may break a page's header (block markup in a title line, a link closed early): that is the
    // page's doing, and the figures count it. Every field must still be reached by some batches.
    for (const field of family.fields) expect(reached[field] ?? 0, `${family.site} ${field}`).toBeGreaterThanOrEqual(2);
  });
});
