import { readFileSync } from 'node:fs';
import { fixturePath } from '../helpers/fixtures';
import { domFromBytes } from '../../scripts/lib/page-bytes';

/** Real pages made big: a fixture's chapter text repeated (shapes.test.ts in Node, big-pages.e2e in Chromium). */

export const HEADER_PAGE = 'pages/header-br-lines.html';
export const HEADER_URL = 'https://example.org/fic/lost-soul.html';

export interface BigStory {
  family: string;
  fixture: string;
  url: string;
  /** The element whose content is the chapter text, repeated to make the page big. */
  box: string;
  /** Text the repeated part starts at (the header-block page keeps its header once). */
  from?: string;
  /** Cut out before repeating: the generic page is the header-block story without its header. */
  drop?: [string, string];
  generic: boolean;
  site: string;
}

export const BIG_STORIES: BigStory[] = [
  { family: 'AO3', fixture: 'ao3/chapter-17793689-ch1.html', url: 'https://archiveofourown.org/works/17793689/chapters/41980418', box: '#chapters [role="article"]', generic: false, site: 'otw' },
  { family: 'FFN', fixture: 'ffn/chapter-counting-ch1-modern.html', url: 'https://www.fanfiction.net/s/5853866/1/Counting', box: '#storytext', generic: false, site: 'ffnet' },
  { family: 'eFiction', fixture: 'pages/efiction-spuffy-default-chapter.html', url: 'https://www.spuffysanctuary.net/fiction/viewstory.php?sid=1187&chapter=1', box: '#story', generic: false, site: 'efiction' },
  { family: 'header-block', fixture: HEADER_PAGE, url: HEADER_URL, box: 'body > p', from: 'A night had passed', generic: false, site: 'header-block' },
  { family: 'generic', fixture: HEADER_PAGE, url: HEADER_URL, box: 'body > p', from: 'A night had passed', drop: ['Title: Lost Soul', 'copyrights.<br>'], generic: true, site: 'generic' },
];

/** The fixture with its chapter text repeated until the page is `bytes` long, as one HTML string. */
export function bigPage(story: BigStory, bytes: number): string {
  let source = readFileSync(fixturePath(story.fixture), 'utf8');
  if (story.drop) source = source.slice(0, source.indexOf(story.drop[0])) + source.slice(source.indexOf(story.drop[1]) + story.drop[1].length);
  const doc = domFromBytes(Buffer.from(source, 'utf8'), story.url).window.document;
  const box = doc.querySelector(story.box);
  if (!box) throw new Error(`${story.family}: no ${story.box}`);
  const inner = box.innerHTML;
  const chunk = story.from ? inner.slice(inner.indexOf(story.from)) : inner;
  box.innerHTML = `${inner}<!--REPEAT-->`;
  const [head, tail] = `<!DOCTYPE html>${doc.documentElement.outerHTML}`.split('<!--REPEAT-->') as [string, string];
  doc.defaultView?.close();
  const copies = Math.max(1, Math.ceil((bytes - head.length - tail.length) / chunk.length));
  return head + chunk.repeat(copies) + tail;
}

