// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HeaderLeadScan } from '../../utils/metadata/header-block';
import { headerBlock } from '../../utils/sites/header-block';
import { efiction } from '../../utils/sites/efiction';
import { htmlDocument } from '../helpers/fixtures';

const scan = (lines: string[]) => {
  const s = new HeaderLeadScan();
  lines.forEach((l) => s.push(l));
  return s.state;
};

describe('HeaderLeadScan', () => {
  it('finds a key line after a short lead', () => {
    expect(scan(['My Story', 'by Someone', '', 'Title: My Story'])).toBe('found');
  });
  it('gives up on a long first line or a seventh lead line, as findHeaderBlock does', () => {
    expect(scan(['This opening sentence of a news article runs on well past sixteen words before it ever reaches a full stop here.'])).toBe('none');
    expect(scan(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('none');
    expect(scan(['a', 'b', 'c', 'd', 'e', 'f', 'Rating: PG'])).toBe('found');
  });
});

describe('detection reads little of a page', () => {
  it('still finds a header story, and rejects a long article', () => {
    const story = htmlDocument(`<body><article><p>Title: Dust</p><p>Author: Kit</p><p>Rating: PG</p><p>Fandom: Buffy</p>
      <p>${'Words of the story go on here. '.repeat(10)}</p></article></body>`);
    expect(headerBlock.detect(story, new URL('https://example.org/dust.html'))).toBe(true);
    const news = htmlDocument(`<body><article>${'<p>A paragraph of a news story that has nothing like a header in it at all, and it goes on for a while.</p>'.repeat(400)}<p>Title: late</p><p>Rating: PG</p></article></body>`);
    expect(headerBlock.detect(news, new URL('https://example.org/news.html'))).toBe(false);
  });

  it('eFiction: the "Powered by eFiction" credit at the very end of a long page still counts', () => {
    const html = `<body><a href="viewstory.php?sid=1">A story</a>${'<p>filler text</p>'.repeat(2000)}<div>Powered by eFiction</div></body>`;
    expect(efiction.detect(htmlDocument(html, 'https://archive.example/index.php'), new URL('https://archive.example/index.php'))).toBe(true);
    const without = `<body><a href="viewstory.php?sid=1">A story</a><div>Powered by eFiction</div>${'<p>filler text</p>'.repeat(2000)}</body>`;
    expect(efiction.detect(htmlDocument(without, 'https://archive.example/index.php'), new URL('https://archive.example/index.php'))).toBe(false);
  });
});
