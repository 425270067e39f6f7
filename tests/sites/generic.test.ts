// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generic } from '@/utils/sites/generic';
import { classifyPage } from '@/utils/sites';
import { countWords } from '@/utils/metadata/text';
import { htmlDocument, loadPage } from '../helpers/fixtures';

const URL_ = 'https://archive.example.org/stories/long-road.html';

/** Story paragraphs long enough for Readability to take them for the main text. */
const STORY = [
  'The rain had not stopped for three days, and Willow had long since given up counting the drops that ran down the library window while the others argued about maps.',
  'Giles cleaned his glasses twice before he spoke, which everyone knew meant the news was worse than he wanted to admit, and Xander reached for the last of the doughnuts anyway.',
  'They set out at dusk along the old mill road, four shadows and a lantern, talking about anything at all except the thing that waited for them at the end of the valley.',
  'By midnight the road had turned to mud and the lantern to a stub of candle, and still the house on the hill looked no closer than it had when they started walking.',
  'When the door finally opened under her hand it made no sound at all, and somehow that was the most frightening thing that had happened to any of them in a very long week.',
];

function storyPage(opts: { head?: string; before?: string; after?: string; lastParagraph?: string } = {}): string {
  const paragraphs = [...STORY, opts.lastParagraph ?? 'She went in first. The others followed.'];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${opts.head ?? '<title>The Long Road</title>'}</head>
<body>
<div id="content"><div class="story">${opts.before ?? ''}${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}${opts.after ?? ''}</div></div>
</body></html>`;
}

function extract(html: string, url = URL_) {
  const doc = htmlDocument(html, url);
  return generic.extract(doc, new URL(url));
}

describe('generic fallback: the page itself', () => {
  it('leaves the page DOM untouched (Readability works on a clone)', () => {
    const url = 'https://www.animationsource.org/balto/en/view_fanfic/An-Unexpected-Future-Aleu-Part-IV/53773.html';
    const doc = loadPage('animationsource/story-unexpected-future-aleu.html', url);
    const before = doc.documentElement.outerHTML;
    const story = generic.extract(doc, new URL(url));
    expect(story?.title).toBe('An Unexpected Future - Aleu: Part IV');
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelector('#bookauteur')?.textContent?.trim()).toBe('By Juuchan17');
  });

  it('returns null for an empty page, and does not claim it', () => {
    const doc = htmlDocument('<!doctype html><html><head><title>Nothing here</title></head><body></body></html>', URL_);
    expect(generic.detect(doc, new URL(URL_))).toBe(false);
    expect(generic.extract(doc, new URL(URL_))).toBeNull();
    expect(classifyPage(doc, URL_, { generic })).toEqual({ kind: 'none', site: null });
  });

  it('reads a plain story page: one chapter, words counted, html and text agreeing', () => {
    const story = extract(storyPage());
    expect(story?.site).toBe('generic');
    expect(story?.id).toMatch(/^generic:[0-9a-z]+$/);
    expect(story?.chapters).toHaveLength(1);
    const chapter = story!.chapters[0]!;
    expect(chapter.text.startsWith('The rain had not stopped for three days')).toBe(true);
    expect(chapter.text.endsWith('She went in first. The others followed.')).toBe(true);
    expect(chapter.html).toContain('<p>The rain had not stopped');
    expect(story?.words).toBe(chapter.words);
    expect(chapter.words).toBe(countWords([...STORY, 'She went in first. The others followed.'].join(' ')));
    expect(chapter.words).toBe(168);
  });
});

describe('generic fallback: title', () => {
  it('takes the heading the document title is built around, without the site label', () => {
    const story = extract(
      storyPage({
        head: '<title>Fanfic : The Long Road - Part Two</title>',
        before: '<h1>The Long Road - Part Two</h1>',
      }),
    );
    expect(story?.title).toBe('The Long Road - Part Two');
    // The heading is the title, not the first line of the text.
    expect(story?.chapters[0]?.text.startsWith('The rain had not stopped')).toBe(true);
  });

  it('skips a heading that is the site name', () => {
    const story = extract(
      storyPage({
        head: '<title>The Long Road | Example Archive</title><meta property="og:site_name" content="Example Archive">',
        before: '<h1>Example Archive</h1><h2>The Long Road</h2>',
      }),
    );
    expect(story?.title).toBe('The Long Road');
  });

  it("does not take the site banner's heading (a blog's name) for the title", () => {
    const story = extract(
      storyPage({
        head: '<title>The Long Road — Notes From the Valley</title>',
        before: '<div class="header"><h1>Notes From the Valley</h1></div>',
      }),
    );
    expect(story?.title).not.toBe('Notes From the Valley');
  });

  it('does not take a heading that sits inside the title but is not set off from it', () => {
    const story = extract(storyPage({ head: '<title>The Open Road Project: Better Roads</title>', before: '<h2>Open Road Project:</h2>' }));
    expect(story?.title).not.toBe('Open Road Project:');
  });

  it('does not take a heading that is only part of a word in the title', () => {
    const story = extract(storyPage({ head: '<title>Homeward Bound</title>', before: '<h1>Home</h1>' }));
    expect(story?.title).toBe('Homeward Bound');
  });
});

describe('generic fallback: author', () => {
  it('ignores a meta author that is the site, and reads the author markup', () => {
    const story = extract(
      storyPage({
        head: '<title>The Long Road</title><meta name="author" content="Example.org">',
        before: '<div itemprop="author"><a href="/u/1">Moonlight Writer</a></div>',
      }),
      'https://www.example.org/s/1',
    );
    expect(story?.authors).toEqual([{ name: 'Moonlight Writer' }]);
  });

  it('reads a "By X" line', () => {
    const story = extract(storyPage({ before: '<h3>By Clell65619</h3>' }));
    expect(story?.authors.map((a) => a.name)).toEqual(['Clell65619']);
  });

  it('drops the date a byline carries, and never takes a bare dateline', () => {
    const dated = extract(storyPage({ before: '<div class="byline">By Nathan Willis March 25, 2015</div>' }));
    expect(dated?.authors.map((a) => a.name)).toEqual(['Nathan Willis']);
    const dateOnly = extract(storyPage({ before: '<div class="byline">Last updated: January 7, 2025</div>' }));
    expect(dateOnly?.authors).toEqual([]);
  });

  it('reads the link after "started by" (forum threads)', () => {
    const story = extract(
      storyPage({ before: `<p class="muted">Discussion in '<a href="/f/q">Quests</a>' started by <a href="/m/7">Higure</a>, Oct 19, 2014</p>` }),
    );
    expect(story?.authors.map((a) => a.name)).toEqual(['Higure']);
  });

  it('keeps an author whose own subdomain the story lives on', () => {
    const url = 'https://jeconais.fanficauthors.net/Hope/';
    const story = generic.extract(loadPage('fanficauthors/story-hope.html', url), new URL(url));
    expect(story?.authors).toEqual([{ name: 'Jeconais' }]);
  });

  it('leaves the authors empty when the page names none', () => {
    expect(extract(storyPage())?.authors).toEqual([]);
  });
});

describe('generic fallback: what frames the text stays out of it', () => {
  it('drops breadcrumbs and menus before the text', () => {
    const story = extract(
      storyPage({
        before:
          '<nav aria-label="breadcrumb"><ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/tv">Series</a></li><li>The Long Road</li></ol></nav>',
      }),
    );
    const text = story!.chapters[0]!.text;
    expect(text.startsWith('The rain had not stopped')).toBe(true);
    expect(text).not.toContain('Series');
  });

  it('drops post numbers, tags and pager labels at the start', () => {
    const story = extract(
      storyPage({
        before:
          '<div>Tags: <ul><li><a href="/t/1">angst</a></li><li><a href="/t/2">road trip</a></li></ul></div><div>Page 2 of 5</div><ul><li><a href="#post-1">#1</a></li></ul>',
      }),
    );
    expect(story!.chapters[0]!.text.startsWith('The rain had not stopped')).toBe(true);
    expect(story!.chapters[0]!.html).not.toContain('road trip');
  });

  it('drops read / download / return links at the end, with the separators between them', () => {
    const story = extract(
      storyPage({
        after:
          '<p><a href="/read">Read the fanfic</a><br><br><a href="/dl">Download the fanfic :</a>&nbsp; <a href="/a.zip">HTML</a> <b> - </b> <a href="/a.pdf">PDF</a><br><br><center><a href="/back"><big>Return to the archive</big></a></center></p>',
      }),
    );
    const text = story!.chapters[0]!.text;
    expect(text.endsWith('She went in first. The others followed.')).toBe(true);
    expect(text).not.toMatch(/Download|Return to the archive|PDF/);
  });

  it('drops a heading left at the end with nothing under it, and form captions', () => {
    const story = extract(
      storyPage({
        after:
          '<h3>Leave a comment</h3><form><label for="n">Your name:</label><input id="n"><label for="c">Comment: <small>2500 characters at most</small></label><textarea id="c"></textarea></form>',
      }),
    );
    const text = story!.chapters[0]!.text;
    expect(text.endsWith('She went in first. The others followed.')).toBe(true);
    expect(text).not.toMatch(/Leave a comment|Your name|2500 characters/);
  });

  it('keeps a heading at the end when a picture follows it', () => {
    const story = extract(storyPage({ after: '<h3>Fan art</h3><p><img src="https://example.org/art.png" alt="the house on the hill"></p>' }));
    expect(story!.chapters[0]!.text.endsWith('Fan art')).toBe(true);
    expect(story!.chapters[0]!.html).toContain('art.png');
  });

  it('keeps a last paragraph that has words around its link', () => {
    const last = 'Thanks for reading; the sequel is <a href="/s/2">The Short Way Home</a>, out next week.';
    const story = extract(storyPage({ lastParagraph: last }));
    expect(story!.chapters[0]!.text.endsWith('the sequel is The Short Way Home, out next week.')).toBe(true);
  });

  it('keeps links inside the text', () => {
    const story = extract(storyPage({ after: '<p><a href="/s/2">The Short Way Home</a></p>', lastParagraph: 'See <a href="/notes">the notes</a> for the map they used on the mill road that night.' }));
    const text = story!.chapters[0]!.text;
    expect(text).toContain('See the notes for the map they used');
    expect(text).not.toContain('The Short Way Home');
  });
});
