// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { headerBlock } from '@/utils/sites/header-block';
import { classifyPage, pickAdapter } from '@/utils/sites';
import { countWords, hashString } from '@/utils/metadata/text';
import { htmlDocument, loadPage } from '../helpers/fixtures';

const URL_ = 'https://fic.example.org/stories/stakeout.html';
const BODY =
  'It was cold that night, colder than Sunnydale had any right to be in October, and Buffy had been walking the cemetery for an hour without seeing a single vampire. Faith kicked a headstone and complained about the boredom of it all.';

function page(inner: string, title = 'Stakeout'): Document {
  return htmlDocument(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${inner}</body></html>`, URL_);
}

function extract(doc: Document) {
  expect(headerBlock.detect(doc, new URL(URL_))).toBe(true);
  const story = headerBlock.extract(doc, new URL(URL_));
  if (!story) throw new Error('no story');
  return story;
}

describe('header-block adapter: header markups', () => {
  it('reads one <p> per line', () => {
    const s = extract(page(`<p>Title: Stakeout</p><p>Author: Jo</p><p>Rating: PG-13</p><p>${BODY}</p>`));
    expect(s.title).toBe('Stakeout');
    expect(s.authors).toEqual([{ name: 'Jo' }]);
    expect(s.rating).toEqual({ raw: 'PG-13', level: 'teen' });
    expect(s.chapters[0]!.text).toBe(BODY);
    expect(s.chapters[0]!.html).toBe(`<p>${BODY}</p>`);
  });

  it('reads lines split by <br> in one paragraph, the body in the same paragraph after a blank line', () => {
    const s = extract(page(`<p>Title: Stakeout<br>Author: Jo<br>Rating: PG<br><br>${BODY}</p>`));
    expect(s.fields).toEqual({ Title: 'Stakeout', Author: 'Jo', Rating: 'PG' });
    expect(s.chapters[0]!.text).toBe(BODY);
    expect(s.chapters[0]!.html).not.toContain('Rating');
  });

  it('reads <b>Key:</b> and <strong>Key</strong>: labels, in any case', () => {
    const s = extract(page(`<p><b>TITLE:</b> Stakeout<br><strong>author</strong>: Jo<br><B>Pairing:</B> B/F</p><p>${BODY}</p>`));
    expect(s.title).toBe('Stakeout');
    expect(s.authors).toEqual([{ name: 'Jo' }]);
    expect(s.fields!.Pairing).toBe('B/F');
  });

  it('reads a key/value table, with or without colons', () => {
    const s = extract(
      page(`<table><tr><th>Title</th><td>Stakeout</td></tr><tr><td>Rating:</td><td>NC-17</td></tr><tr><td>Summary</td><td>A long night.</td></tr></table><div>${BODY}</div>`),
    );
    expect(s.title).toBe('Stakeout');
    expect(s.rating.level).toBe('explicit');
    expect(s.summary).toBe('A long night.');
    expect(s.chapters[0]!.text).toBe(BODY);
  });

  it('reads a key cell spread over nested markup and white space, and not a layout column as a key', () => {
    const key = `<tr><td>\n  <b>  Title\n </b> :  </td><td>Stakeout</td></tr><tr><td><span>Rat</span>ing:</td><td>PG</td></tr>`;
    const s = extract(page(`<table>${key}</table><p>${BODY}</p>`));
    expect(s.fields).toEqual({ Title: 'Stakeout', Rating: 'PG' });
    // A two-column layout table whose first column holds the menu: its text is far too long for a label, so the row is not a key line.
    const menu = Array.from({ length: 40 }, (_, i) => `<a href="/p${i}">Page ${i}</a>`).join(' ');
    const layout = page(`<table><tr><td>${menu}</td><td><p>Title: Stakeout</p><p>Author: Jo</p><p>${BODY}</p></td></tr></table>`);
    const story = extract(layout);
    expect(story.fields).toEqual({ Title: 'Stakeout', Author: 'Jo' });
  });

  it('reads a definition list, each value in its own <dd>', () => {
    const s = extract(page(`<dl><dt>Title:</dt><dd>Stakeout</dd><dt>Author:</dt><dd>Jo</dd><dt>Rating:</dt><dd>PG</dd></dl><p>${BODY}</p>`));
    expect(s.fields).toEqual({ Title: 'Stakeout', Author: 'Jo', Rating: 'PG' });
    expect(s.chapters[0]!.text).toBe(BODY);
  });

  it('reads a <pre> text and gives its paragraphs as <p>', () => {
    const s = extract(page(`<pre>Title: Stakeout\nAuthor: Jo\nRating: PG\n\n${BODY}\n\nThe end.\n</pre>`));
    expect(s.chapters[0]!.text).toBe(`${BODY}\nThe end.`);
    expect(s.chapters[0]!.html).toBe(`<p>${BODY}</p>\n<p>The end.</p>`);
  });

  it('steps over a centered title above the header', () => {
    const s = extract(page(`<center><h1>Stakeout</h1><h3>by Jo</h3></center><p>Title: Stakeout<br>Rating: G</p><p>${BODY}</p>`));
    expect(s.title).toBe('Stakeout');
    expect(s.chapters[0]!.text).toBe(BODY);
  });

  it('steps over a menu of links above the header', () => {
    const menu = ['Home', 'Buffy fic', 'Angel fic', 'Crossovers', 'Drabbles', 'Recs', 'Links', 'Awards', 'Guestbook', 'Email me']
      .map((m) => `<li><a href="/${m}.html">${m}</a></li>`)
      .join('');
    const s = extract(page(`<ul>${menu}</ul><p>Title: Stakeout<br>Rating: PG</p><p>${BODY}</p>`));
    expect(s.title).toBe('Stakeout');
    expect(s.chapters[0]!.text).toBe(BODY);
  });

  it('falls back to the page heading when the header has no Title', () => {
    const s = extract(page(`<h1>Stakeout, part one</h1><p>Author: Jo<br>Rating: PG<br>Pairing: B/F</p><p>${BODY}</p>`));
    expect(s.title).toBe('Stakeout, part one');
  });

  it('falls back to the page <title> when there is no heading', () => {
    const s = extract(page(`<p>Author: Jo<br>Rating: PG<br>Pairing: B/F</p><p>${BODY}</p>`, 'Stakeout (BtVS)'));
    expect(s.title).toBe('Stakeout (BtVS)');
  });

  it('reads the post container of a blog, not the sidebar before it', () => {
    const s = extract(
      page(`<div class="sidebar"><p>About me: I write fic.</p><p>Rating: my blog is PG</p></div>
        <div class="post"><h2>Stakeout</h2><div class="entry-content"><p>Title: Stakeout<br>Author: Jo<br>Rating: R</p><p>${BODY}</p></div></div>`),
    );
    expect(s.rating.raw).toBe('R');
    expect(s.chapters[0]!.text).toBe(BODY);
  });
});

describe('header-block adapter: where the body ends', () => {
  it('stops before a comment section', () => {
    const s = extract(page(`<p>Title: Stakeout<br>Rating: PG</p><p>${BODY}</p><div class="comments"><p>Great fic!</p></div>`));
    expect(s.chapters[0]!.text).toBe(BODY);
    expect(s.chapters[0]!.html).not.toContain('Great fic');
  });

  it('stops before "Back to stories" and "Next part" links', () => {
    for (const nav of ['<a href="/">Back to stories</a>', '<a href="2.html">Next part</a>', '&lt;&lt; <a href="/">Return to the index</a>', '<a href="2.html">Next &gt;&gt;</a>']) {
      const s = extract(page(`<p>Title: Stakeout<br>Rating: PG</p><p>${BODY}</p><p>${nav}</p><p>Hosted by Example Pages</p>`));
      expect(s.chapters[0]!.text).toBe(BODY);
    }
  });

  it('drops a trailing scene-break line but keeps scene breaks inside the story', () => {
    const s = extract(page(`<p>Title: Stakeout<br>Rating: PG</p><p>${BODY}</p><p>* * *</p><p>Dawn came.</p><p>~~~~~</p>`));
    expect(s.chapters[0]!.text).toBe(`${BODY}\n* * *\nDawn came.`);
  });

  it('leaves out site navigation, footers and scripts inside the body', () => {
    const s = extract(
      page(`<p>Title: Stakeout<br>Rating: PG</p><p>${BODY}</p><script>track()</script><nav>Home | Stories</nav><p onclick="x()">Dawn came.</p><footer>© 2004</footer>`),
    );
    expect(s.chapters[0]!.text).toBe(`${BODY}\nDawn came.`);
    expect(s.chapters[0]!.html).not.toMatch(/script|track|onclick|Home \| Stories|2004/);
  });

  it('keeps an epigraph as the start of the body', () => {
    const s = extract(page(`<p>Title: Stakeout<br>Rating: PG</p><p><i>These precious things, let them bleed</i></p><p>${BODY}</p>`));
    expect(s.chapters[0]!.text.split('\n')[0]).toBe('These precious things, let them bleed');
    expect(s.chapters[0]!.html).toMatch(/^<p><i>These precious things/);
  });

  it('keeps a line of dialogue that opens the story', () => {
    const s = extract(page(`<p>Title: Stakeout</p><p>Rating: PG</p><p>Pairing: B/F</p><p>Buffy: Hi.</p><p>${BODY}</p>`));
    expect(s.chapters[0]!.text.split('\n')[0]).toBe('Buffy: Hi.');
    expect(Object.keys(s.fields!)).toEqual(['Title', 'Rating', 'Pairing']);
  });
});

describe('header-block adapter: the Story', () => {
  it('ids the story by a hash of its URL without the fragment', () => {
    const doc = page(`<p>Title: Stakeout<br>Rating: PG</p><p>${BODY}</p>`);
    const s = headerBlock.extract(doc, new URL(`${URL_}#part2`))!;
    expect(s.id).toBe(`header-block:${hashString(URL_)}`);
    expect(s.url).toBe(URL_);
    expect(s.site).toBe('header-block');
    expect(s.chapterCount).toEqual({ posted: 1 });
    expect(s.chapters[0]!.index).toBe(1);
  });

  it('counts words, and keeps the count the header gives', () => {
    const s = extract(page(`<p>Title: Stakeout<br>Rating: PG</p><p>${BODY}</p>`));
    expect(s.words).toBe(42);
    expect(s.chapters[0]!.words).toBe(countWords(BODY));
    expect(extract(page(`<p>Title: Stakeout<br>Word count: 1,500</p><p>${BODY}</p>`)).words).toBe(1500);
  });
});

describe('header-block adapter: pages that are not stories', () => {
  it.each([
    ['prose with no header', `<p>${BODY}</p><p>${BODY}</p>`],
    ['a header with no story after it', '<p>Title: Stakeout<br>Rating: PG</p><p>Coming soon.</p>'],
    ['a recipe', `<p>Title: Apple Pie<br>Servings: 8<br>Prep time: 30 minutes</p><p>${BODY}</p>`],
    ['a product', `<table><tr><td>Title</td><td>Stake</td></tr><tr><td>Price</td><td>$5</td></tr><tr><td>SKU</td><td>A1</td></tr></table><p>${BODY}</p>`],
    ['a review', `<p>Title: Dune<br>Author: Frank Herbert<br>Rating: 4/5 stars</p><p>${BODY}</p>`],
    ['a contact form', `<p>Name: Jo<br>Email: jo@example.org<br>Phone: 555</p><p>${BODY}</p>`],
  ])('%s', (_name, html) => {
    expect(headerBlock.detect(page(html), new URL(URL_))).toBe(false);
  });
});

const SEED_PAGES = [
  'header-p-per-line',
  'header-br-lines',
  'header-bold-keys',
  'header-table',
  'header-journal-entry',
  'header-pre-mailing-list',
];

describe('the Lost Soul seed through the registry', () => {
  it.each(SEED_PAGES)('%s', (name) => {
    const url = `https://example.org/${name}.html`;
    const result = classifyPage(loadPage(`pages/${name}.html`, url), url);
    expect(result.kind).toBe('story');
    expect(result.site).toBe('header-block');
    const s = result.story!;
    expect(s.title).toBe('Lost Soul');
    expect(s.fandoms).toEqual(['Buffy the Vampire Slayer']);
    expect(s.relationships).toEqual(['Xander/Spike']);
    expect(s.fields!.Characters).toBe('X/S');
    expect(s.fields!['Spoiler warning']).toBe('This takes place within Season IV right after Hush.');
    expect(s.rating).toEqual({ raw: 'R', level: 'mature', reason: 'for language and slash kissing' });
    const c = s.chapters[0]!;
    expect(c.text.startsWith('These precious things, let them bleed\nlet them wash away.')).toBe(true);
    expect(c.text.endsWith('dreamless sleep in decades.\nThe end.')).toBe(true);
    expect(c.words).toBe(2557);
    expect(c.html).toMatch(/These precious things/);
    expect(c.html).not.toMatch(/Disclaimer:|Back to [Ss]tories|Return to the fiction index|Poor Spike!|12 comments|Previous message|Next part|\* \* \* \* \* \* \*/);
  });

  it.each(['not-story-recipe', 'not-story-product', 'not-story-review'])('%s is not a story', (name) => {
    const url = `https://example.org/${name}.html`;
    const doc = loadPage(`pages/${name}.html`, url);
    expect(pickAdapter(doc, new URL(url))).toBeNull();
    expect(classifyPage(doc, url).kind).toBe('none');
  });
});
