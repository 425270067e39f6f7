/**
 * Hostile story pages: a small real page of each site family with a marker
 * in every field it carries (title, summary, notes, tags, author name,
 * chapter text); the marker is then replaced by hostile markup, as raw page
 * source, so the browser's (or jsdom's) parser meets it exactly as it would
 * on the site.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { fixturePath } from '../helpers/fixtures';

export type Field = 'title' | 'summary' | 'notes' | 'tags' | 'author' | 'chapter';

export interface HostileFamily {
  /** Adapter id the page must still be read by. */
  site: string;
  fixture: string;
  url: string;
  /** Fields this family's page carries. */
  fields: Field[];
  /** The page source with `marker(field)` in each field. */
  template: string;
}

export const marker = (field: Field): string => `@@FS-${field.toUpperCase()}@@`;

/** Appends a field's marker to an element, after its own text (so the field is still recognisable). */
function mark(doc: Document, selector: string, field: Field, where: 'append' | 'after' = 'append'): void {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`hostile page: no ${selector} for ${field}`);
  const node = doc.createTextNode(` ${marker(field)} `);
  if (where === 'after') el.after(node);
  else el.append(node);
}

function templateFrom(fixture: string, url: string, place: (doc: Document) => void): string {
  const dom = new JSDOM(readFileSync(fixturePath(fixture)), { url });
  place(dom.window.document);
  return dom.serialize();
}

function ao3(): HostileFamily {
  const fixture = 'ao3/work-3738184-orphan.html';
  const url = 'https://archiveofourown.org/works/3738184';
  const template = templateFrom(fixture, url, (doc) => {
    mark(doc, 'h2.title', 'title');
    mark(doc, '.summary blockquote', 'summary');
    mark(doc, '.notes blockquote', 'notes');
    mark(doc, 'dd.freeform a.tag', 'tags');
    mark(doc, 'a[rel="author"]', 'author');
    mark(doc, '#chapters .userstuff', 'chapter');
  });
  return { site: 'otw', fixture, url, fields: ['title', 'summary', 'notes', 'tags', 'author', 'chapter'], template };
}

function ffn(): HostileFamily {
  const fixture = 'ffn/chapter-counting-ch1-modern.html';
  const url = 'https://www.fanfiction.net/s/5853866/1/Counting';
  const template = templateFrom(fixture, url, (doc) => {
    mark(doc, '#profile_top > b.xcontrast_txt', 'title');
    mark(doc, '#profile_top > div.xcontrast_txt', 'summary');
    mark(doc, '#profile_top > a.xcontrast_txt', 'author');
    mark(doc, '#profile_top > span.xgray', 'tags');
    mark(doc, '#storytext', 'chapter');
  });
  // FFN pages carry no author's-notes field: notes are part of the chapter text there.
  return { site: 'ffnet', fixture, url, fields: ['title', 'summary', 'tags', 'author', 'chapter'], template };
}

function efiction(): HostileFamily {
  const fixture = 'pages/efiction-spuffy-printable.html';
  const url = 'http://hpfanficarchive.com/stories/viewstory.php?action=printable&sid=1187&textsize=0&chapter=all';
  const template = templateFrom(fixture, url, (doc) => {
    mark(doc, '#pagetitle > a', 'title');
    mark(doc, '#pagetitle > a:nth-of-type(2)', 'author');
    mark(doc, '.infobox .content > span.label', 'summary', 'after');
    mark(doc, '.infobox a[href*="classid=3"]', 'tags');
    mark(doc, '.notes .noteinfo', 'notes');
    mark(doc, 'div.chapter', 'chapter');
  });
  return { site: 'efiction', fixture, url, fields: ['title', 'summary', 'notes', 'tags', 'author', 'chapter'], template };
}

function headerBlock(): HostileFamily {
  const fixture = 'pages/header-br-lines.html';
  const url = 'https://michael.livejournal.com/1999.html';
  // The header is plain text lines: the markers go into the lines as raw source.
  const source = readFileSync(fixturePath(fixture), 'utf8');
  const lines: Array<[string, Field]> = [
    ['Title: Lost Soul', 'title'],
    ['Author: Michael', 'author'],
    ['Characters: X/S', 'tags'],
    ['Summary: POV of Spike.', 'summary'],
    ['A night had passed since Buffy', 'chapter'],
  ];
  let template = source;
  for (const [line, field] of lines) {
    if (!template.includes(line)) throw new Error(`hostile page: no "${line}" in ${fixture}`);
    template = template.replace(line, field === 'chapter' ? `${marker(field)} ${line}` : `${line} ${marker(field)}`);
  }
  return { site: 'header-block', fixture, url, fields: ['title', 'summary', 'tags', 'author', 'chapter'], template };
}

export function hostileFamilies(): HostileFamily[] {
  return [ao3(), ffn(), efiction(), headerBlock()];
}

/** The page with `payload(field)` in every field the family carries. */
export function hostilePage(family: HostileFamily, payload: (field: Field) => string): string {
  let html = family.template;
  for (const field of family.fields) html = html.split(marker(field)).join(payload(field));
  return html;
}
