// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, htmlDocument, loadPage } from '../helpers/fixtures';
import { otw } from '@/utils/sites/otw';
import { workBlurbElements } from '@/utils/sites/otw-dom';
import { classifyPage } from '@/utils/sites';
import { countWords } from '@/utils/metadata/text';
import type { Blurb, PageKind, Story } from '@/utils/story';

const AO3 = 'https://archiveofourown.org';

/** Reads a fixture as the adapter sees it at the given address; fails the test if it is not a story. */
function story(fixture: string, url: string): Story {
  const doc = loadPage(fixture, url);
  const result = otw.extract(doc, new URL(url));
  if (!result) throw new Error(`${fixture}: no story`);
  return result;
}

function blurbs(fixture: string, url: string): Blurb[] {
  const doc = loadPage(fixture, url);
  const u = new URL(url);
  expect(otw.extract(doc, u)).toBeNull();
  const items = otw.listing!(doc, u);
  if (!items) throw new Error(`${fixture}: no blurbs`);
  return items;
}

/** What each kind of fixture is, by the name MANIFEST.md gives it. */
function expectedKind(folder: string, name: string): PageKind {
  if (/^(EDITED-chapter|navigate-|EDITED-fullwork|chapter-|fullwork-|old-work-|work-)/.test(name)) return 'story';
  if (/^(EDITED-marked|EDITED-tag-works|old-navigate|old-series|series-|tag-works-|user-works-)/.test(name)) return 'listing';
  if (/^(error-|locked-|profile-|tag-landing-|tag-search-)/.test(name)) return 'none';
  throw new Error(`no expectation for ${folder}/${name}`);
}

describe('otw: detection on every AO3 and superlove fixture', () => {
  for (const folder of ['ao3', 'superlove']) {
    const host = folder === 'ao3' ? AO3 : 'https://superlove.sayitditto.net';
    for (const name of readdirSync(path.join(FIXTURES, folder)).filter((n) => n.endsWith('.html'))) {
      it(`${folder}/${name}`, { timeout: 60_000 }, () => {
        const url = `${host}/some/page`;
        const doc = loadPage(`${folder}/${name}`, url);
        expect(otw.matches(new URL(url))).toBe(true);
        expect(otw.detect(doc, new URL(url))).toBe(true);
        const result = classifyPage(doc, url);
        expect(result.site).toBe('otw');
        expect(result.kind).toBe(expectedKind(folder, name));
      });
    }
  }

  it('leaves other sites alone', () => {
    const url = 'https://www.fanfiction.net/s/1/1/';
    const doc = loadPage('ffn/chapter-counting-ch1-modern.html', url);
    expect(otw.detect(doc, new URL(url))).toBe(false);
    expect(otw.matches(new URL('file:///tmp/x.html'))).toBe(false);
  });
});

describe('otw: creators', () => {
  it('keeps co-creators in order, with orphaned pseuds as AO3 shows them', () => {
    const s = story('ao3/work-41289660-cocreators.html', `${AO3}/works/41289660`);
    expect(s.authors).toEqual([
      { name: 'Fairyzilla (orphan_account)', url: `${AO3}/users/orphan_account/pseuds/Fairyzilla` },
      { name: 'orphan_account', url: `${AO3}/users/orphan_account/pseuds/orphan_account` },
    ]);
  });

  it('reads three creators including an anonymous orphaned pseud', () => {
    const s = story('ao3/work-23824891-multiauthor-orphan.html', `${AO3}/works/23824891`);
    expect(s.authors.map((a) => a.name)).toEqual(['Anonymous (orphan_account)', 'Butterfly_Dream', 'orphan_account']);
  });

  it('reads an orphaned work and its preface and end notes', () => {
    const s = story('ao3/work-3738184-orphan.html', `${AO3}/works/3738184`);
    expect(s.authors.map((a) => a.name)).toEqual(['orphan_account']);
    expect(s.notes.map((n) => [n.position, n.text])).toEqual([
      ['before', 'it is love'],
      ['after', 'it is life'],
    ]);
    expect(s.chapters).toHaveLength(1);
    expect(s.chapters[0]!.text).toBe('*whispers* tumblr.com');
    expect(s.chapters[0]!.title).toBeUndefined();
    expect(s.words).toBe(3);
  });

  it('reads an unlinked Anonymous byline without a url', () => {
    const s = story('ao3/work-168768-homestuck-oneshot.html', `${AO3}/works/168768`);
    expect(s.authors).toEqual([{ name: 'Anonymous' }]);
    expect(s.title).toBe('Fill');
  });

  it('reads a pseud as "Pseud (username)" with the pseud link', () => {
    const s = story('ao3/work-923647-twinpeaks-pseud.html', `${AO3}/works/923647`);
    expect(s.authors).toEqual([{ name: 'Alias (anafabula)', url: `${AO3}/users/anafabula/pseuds/Alias` }]);
    expect(s.series).toEqual([{ name: 'observe and report', url: `${AO3}/series/53653`, part: 1 }]);
    expect(s.notes.map((n) => n.position)).toEqual(['before', 'after']);
    expect(s.notes[1]!.text).toContain('Thea Gilmore');
  });
});

describe('otw: work, chapter and full-work pages', () => {
  it('reads the header of a chapter page and keeps the menu as the table of contents', () => {
    const s = story('ao3/chapter-17793689-ch1.html', `${AO3}/works/17793689/chapters/41980418`);
    expect(s.id).toBe('ao3:17793689');
    expect(s.url).toBe(`${AO3}/works/17793689`);
    expect(s.title).toBe('Nobody Expects the Dragon Age Inquisition');
    expect(s.rating).toEqual({ raw: 'Mature', level: 'mature' });
    expect(s.warnings).toEqual(['No Archive Warnings Apply']);
    expect(s.categories).toEqual(['F/M']);
    expect(s.fandoms).toEqual(['Dragon Age: Inquisition', 'Dragon Age (Video Games)', 'Dragon Age - All Media Types']);
    expect(s.language).toBe('English');
    expect(s.published).toBe('2019-02-15');
    expect(s.updated).toBe('2019-12-28');
    expect(s.words).toBe(70561);
    expect(s.chapters).toHaveLength(14);
    expect(s.chapters.slice(0, 3).map((c) => c.title)).toEqual(['The Guild', 'The College of Enchanters: New Haven', "At Bull's Chargers"]);
    const first = s.chapters[0]!;
    expect(first.url).toBe(`${AO3}/works/17793689/chapters/41980418`);
    expect(first.text.startsWith('Fenina Lavellan sighed heavily')).toBe(true);
    expect(first.html).not.toContain('Chapter Text');
    expect(first.words).toBe(countWords(first.text));
    expect(first.notes?.map((n) => n.position)).toEqual(['before', 'after']);
    expect(first.notes?.[0]!.text.startsWith('Partially inspired by')).toBe(true);
    expect(first.notes?.[0]!.text).not.toContain('See the end of the chapter');
    expect(first.notes?.[1]!.text).toContain('da\'fen - little wolf');
    expect(s.chapters[1]!.text).toBe('');
  });

  it('puts a later chapter at its place in the menu', () => {
    const s = story('ao3/chapter-48582418-ch.html', `${AO3}/works/48582418/chapters/122861680`);
    expect(s.chapters).toHaveLength(6);
    // The author numbered the chapters themselves: only the menu's own number goes.
    expect(s.chapters[0]!.title).toBe('1. Damian');
    const second = s.chapters[1]!;
    expect(second.title).toBe('2. Tim');
    expect(second.text.startsWith('Tim sighed into his 5th cup of coffee.')).toBe(true);
    expect(second.notes?.map((n) => n.position)).toEqual(['after']);
    expect(s.summary).toBe('');
    expect(s.rating.level).toBe('unrated');
    expect(s.status).toBe('complete');
    expect(s.updated).toBe('2023-10-30');
  });

  it('reads a WIP "20/?" as in progress with no planned count', () => {
    const s = story('ao3/chapter-37214506-ch1-wip.html', `${AO3}/works/37214506/chapters/92848687`);
    expect(s.chapterCount).toEqual({ posted: 20 });
    expect(s.status).toBe('in-progress');
    expect(s.authors).toEqual([{ name: 'Anonymous' }]);
    expect(s.chapters).toHaveLength(20);
    expect(s.chapters.filter((c) => c.text).map((c) => c.index)).toEqual([1]);
    expect(s.series).toEqual([{ name: 'Twitterchat Saga', url: `${AO3}/series/2946579`, part: 1 }]);
  });

  it('splits a full-work page into its chapters and keeps work and chapter notes apart', () => {
    const s = story('ao3/fullwork-empire-to-conquer-naruto-wip.html', `${AO3}/works/21586099?view_full_work=true`);
    expect(s.id).toBe('ao3:21586099');
    expect(s.authors.map((a) => a.name)).toEqual(['celestia193', 'SilverKitsune2017']);
    expect(s.chapterCount).toEqual({ posted: 23 });
    expect(s.chapters).toHaveLength(23);
    expect(s.chapters.every((c) => c.words > 0)).toBe(true);
    expect(s.chapters.map((c) => c.index)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(s.chapters[0]!.title).toBe('The Invasion');
    expect(s.chapters[1]!.title).toBe('Chapter 2');
    expect(s.notes).toHaveLength(1);
    expect(s.notes[0]!.text.startsWith("celestia193's Author's Note: This is our newest project")).toBe(true);
    expect(s.chapters[2]!.notes?.[0]!.text).toBe("celestia193: And we give you...exactly what you've been waiting for!");
    expect(s.chapters[0]!.notes).toBeUndefined();
  });

  it('finds the work id on the page when the address has none', () => {
    const s = story('ao3/fullwork-through-your-silver-eyes-hp.html', `${AO3}/some/saved/page`);
    expect(s.id).toBe('ao3:24861814');
    expect(s.chapterCount).toEqual({ posted: 20, planned: 20 });
    expect(s.status).toBe('complete');
    expect(s.updated).toBe('2020-06-27');
    const third = s.chapters[2]!;
    expect(third.title).toBe('He Deserves This');
    expect(third.notes?.map((n) => [n.position, n.text])).toEqual([
      ['before', "I don't own any of the characters. Rowling does. Enjoy!"],
      ['after', 'This was difficult to write tbh. Let me know what you think!'],
    ]);
    expect(third.text).not.toContain('See the end of the chapter');
  });

  it('reads 2013-era markup: unclassed stats, a pointer-only preface note, the kudos form id', () => {
    const s = story('ao3/chapter-2013-teststory-fairytail.html', `${AO3}/chapters/1085798`);
    expect(s.id).toBe('ao3:602342');
    expect(s.published).toBe('2012-12-21');
    expect(s.words).toBe(3706);
    expect(s.chapterCount).toEqual({ posted: 1, planned: 1 });
    expect(s.notes.map((n) => [n.position, n.text])).toEqual([['after', 'My notes.']]);
    expect(s.chapters.map((c) => [c.index, c.title, c.text])).toEqual([[1, 'Chapter 1', 'Some Text\nMore text']]);
  });

  it('reads old body-only pages (no <html>, no <head>)', () => {
    const right = story('ao3/old-work-right-starwars.html', `${AO3}/works/5571483`);
    expect(right.title).toBe('The Right Path');
    expect(right.words).toBe(4960);
    expect(right.warnings).toEqual(['Creator Chose Not To Use Archive Warnings']);
    expect(right.chapters[0]!.text.startsWith('Ben Solo is ten years old when Uncle Luke sits him down')).toBe(true);
    const misfits = story('ao3/old-work-misfits-ch3.html', `${AO3}/works/13765827`);
    expect(misfits.chapterCount).toEqual({ posted: 4 });
    expect(misfits.status).toBe('in-progress');
    expect(misfits.series).toEqual([{ name: 'Misfits', url: `${AO3}/series/334075`, part: 2 }]);
  });

  it("keeps a Chinese work's own word count", () => {
    const s = story('ao3/chapter-chinese-baixuejintao-ch1.html', `${AO3}/works/35618773/chapters/88801411`);
    expect(s.words).toBe(14817);
    expect(s.chapterCount).toEqual({ posted: 6, planned: 30 });
    expect(s.status).toBe('in-progress');
    expect(s.title).toBe('白雪金桃');
    expect(s.chapters[0]!.title).toBe('白昼骑士 1-2');
    // CJK text has no spaces: each character counts, so the chapter is thousands of words, not a handful.
    expect(s.chapters[0]!.words).toBeGreaterThan(3000);
  });

  it('reads every series a work belongs to', () => {
    const s = story('ao3/work-4491333-vid.html', `${AO3}/works/4491333`);
    expect(s.series?.map((x) => [x.name, x.part])).toEqual([
      ['Astolat Vids', 11],
      ['Smallville works', 8],
    ]);
    const bnha = story('ao3/work-29046888-bnha-japanese-fandom.html', `${AO3}/works/29046888`);
    expect(bnha.series).toEqual([{ name: 'first impressions', url: `${AO3}/series/2126586`, part: 2 }]);
  });

  it('names works on other OTW installs by host', () => {
    const s = story('superlove/work-1269-batgirl.html', 'https://superlove.sayitditto.net/works/1269');
    expect(s.id).toBe('otw:superlove.sayitditto.net:1269');
    expect(s.url).toBe('https://superlove.sayitditto.net/works/1269');
    expect(s.authors).toEqual([{ name: 'melo', url: 'https://superlove.sayitditto.net/users/melo/pseuds/melo' }]);
    expect(s.words).toBe(500);
    expect(s.chapters[0]!.url).toBe('https://superlove.sayitditto.net/works/1269');
  });
});

describe('otw: pages another extension has edited', () => {
  it('ignores the injected UI on a chapter page', () => {
    const s = story('ao3/EDITED-chapter-bye-bye-miss-american-pie-ch1.html', `${AO3}/works/77009551/chapters/201559361`);
    const first = s.chapters[0]!;
    expect(first.title).toBe('Chapter 1');
    expect(first.text).not.toContain('Last read position');
    expect(first.text.endsWith('At least he’d still have Bucky.')).toBe(true);
    expect(first.notes).toHaveLength(1);
    expect(first.notes![0]!.text).toBe('Hello! TW: medical content in this chapter. Thank you all so much for reading. ❤');
    expect(s.chapterCount).toEqual({ posted: 2, planned: 8 });
  });

  it('ignores the injected UI on a full-work page', () => {
    const s = story('ao3/EDITED-fullwork-bye-bye-miss-american-pie.html', `${AO3}/works/77009551?view_full_work=true`);
    expect(s.chapters.map((c) => c.title)).toEqual(['Chapter 1', 'Chapter 2']);
    const text = s.chapters[0]!.text;
    expect(text).toContain('Dr Cho had assured her');
    expect(text).not.toContain('Jump to note');
    expect(text).not.toContain('Avengers operatives receive priority access');
    expect(s.chapters[1]!.text.startsWith('The rest of the night passed painfully slowly')).toBe(true);
    expect(s.notes.map((n) => n.position)).toEqual(['before']);
    expect(s.notes[0]!.text).toBe('This fic deals with a cancer diagnosis. TW: medical content, chronic illness. Take care of yourselves. ❤');
  });
});

describe('otw: which list items are work blurbs', () => {
  it('takes li.work.blurb and li.bookmark.blurb in page order, as the selector list did, and nothing else', () => {
    const doc = htmlDocument(`<ol>
      <li id="a" class="work blurb group"></li>
      <li id="b" class="series blurb group"></li>
      <li id="c" class="bookmark blurb"></li>
      <li id="d" class="blurb"></li>
      <div id="e" class="work blurb"></div>
      <li id="f" class="workshop blurb"></li>
      <li id="g" class="blurb	work"><ul><li id="h" class="bookmark blurb"></li></ul></li>
      <li id="i" class="work"></li>
    </ol>`);
    const ids = (els: Iterable<Element>) => Array.from(els, (el) => el.id);
    expect(ids(workBlurbElements(doc))).toEqual(['a', 'c', 'g', 'h']);
    expect(ids(workBlurbElements(doc))).toEqual(ids(doc.querySelectorAll('li.work.blurb, li.bookmark.blurb')));
  });
});

describe('otw: listings', () => {
  it('reads every blurb of a series page and the fields of the first', () => {
    const items = blurbs('ao3/series-2817877.html', `${AO3}/series/2817877`);
    expect(items).toHaveLength(8);
    const first = items[0]!;
    expect(first.id).toBe('ao3:37816267');
    expect(first.url).toBe(`${AO3}/works/37816267`);
    expect(first.title).toBe("What's In My System");
    expect(first.authors).toEqual([
      { name: 'This_isnt_my_real_name', url: `${AO3}/users/This_isnt_my_real_name/pseuds/This_isnt_my_real_name` },
    ]);
    expect(first.fandoms).toEqual(['Turning Red (2022)', 'Marvel Cinematic Universe', 'The Avengers (Marvel Movies)']);
    expect(first.rating).toEqual({ raw: 'General Audiences', level: 'general' });
    expect(first.warnings).toEqual(['Creator Chose Not To Use Archive Warnings', 'No Archive Warnings Apply']);
    expect(first.categories).toEqual(['Gen', 'Multi']);
    expect(first.relationships[0]).toBe('Meilin "Mei" Lee/Miriam Wexler');
    expect(first.characters).toContain('Tony Stark');
    expect(first.tags).toContain('Crack Treated Seriously');
    expect(first.summary.endsWith('What if Turning Red and the MCU existed in the same timline?')).toBe(true);
    expect(first.language).toBe('English');
    expect(first.words).toBe(1956);
    expect(first.chapterCount).toEqual({ posted: 1, planned: 1 });
    expect(first.status).toBe('complete');
    expect(first.updated).toBe('2022-03-26');
    expect(first.series).toEqual([
      { name: '*Insert Fandom* but Social Media (one-shots)', url: `${AO3}/series/2817877`, part: 1 },
    ]);
    expect('chapters' in first).toBe(false);
  });

  it('reads an anonymous blurb', () => {
    const items = blurbs('ao3/series-2946579.html', `${AO3}/series/2946579`);
    expect(items).toHaveLength(2);
    expect(items[0]!.title).toBe('AvengersGC');
    expect(items[0]!.authors).toEqual([{ name: 'Anonymous' }]);
  });

  it('reads old series markup', () => {
    const items = blurbs('ao3/old-series-counting-drabbles.html', `${AO3}/series/46`);
    expect(items.map((b) => [b.title, b.series?.[0]?.part])).toEqual([
      ['Skipping Stones', 1],
      ['The Flower [sequel to Skipping Stones]', 2],
    ]);
    expect(items[0]!.updated).toBe('2005-07-04');
    expect(items[0]!.categories).toEqual(['M/M']);
  });

  it('reads a listing with another extension’s UI injected', () => {
    const items = blurbs('ao3/EDITED-tag-works-jily-listing.html', `${AO3}/tags/x/works`);
    expect(items).toHaveLength(20);
    expect(items[0]!.title).toBe('Must Love Dogs');
    expect(items[0]!.authors.map((a) => a.name)).toEqual(['petalsonparchment']);
    expect(items[0]!.words).toBe(10873);
  });

  it('reads the bookmarked work of a bookmark blurb, not the bookmarker’s tags', () => {
    const doc = htmlDocument(
      `<ol class="bookmark index group"><li id="bookmark_1" class="bookmark blurb group" role="article">
        <div class="header module"><h4 class="heading"><a href="/works/42">The Work</a> by <a rel="author" href="/users/a/pseuds/a">a</a></h4>
        <h5 class="fandoms heading"><a class="tag" href="/tags/F/works">F</a></h5>
        <ul class="required-tags"><li><span class="rating-explicit rating" title="Explicit"><span class="text">Explicit</span></span></li></ul>
        <p class="datetime">01 Feb 2020</p></div>
        <ul class="tags commas"><li class="freeforms"><a class="tag" href="/tags/Fluff/works">Fluff</a></li></ul>
        <div class="user module group"><ul class="meta tags commas"><li><a class="tag" href="/tags/Reread/works">Reread</a></li></ul>
        <blockquote class="userstuff notes"><p>my note</p></blockquote><p class="datetime">05 May 2021</p></div>
      </li><li class="bookmark blurb group"><div class="header module"><h4 class="heading"><a href="/series/9">A Series</a></h4></div></li></ol>`,
      `${AO3}/users/b/bookmarks`,
    );
    const items = otw.listing!(doc, new URL(`${AO3}/users/b/bookmarks`))!;
    expect(items).toHaveLength(1);
    expect(items[0]!.id).toBe('ao3:42');
    expect(items[0]!.tags).toEqual(['Fluff']);
    expect(items[0]!.rating.level).toBe('explicit');
    expect(items[0]!.updated).toBe('2020-02-01');
    expect(items[0]!.summary).toBe('');
  });
});

describe('otw: robustness', () => {
  it('returns null, never throws, on pages with the markers but nothing in them', () => {
    const url = new URL(`${AO3}/works/1`);
    for (const html of ['<div id="workskin"></div>', '<dl class="work meta group"></dl>', '<ul><li class="work blurb"></li></ul>', '']) {
      const doc = htmlDocument(html, url.href);
      expect(() => otw.extract(doc, url)).not.toThrow();
      expect(otw.extract(doc, url)).toBeNull();
      expect(otw.listing!(doc, url)).toBeNull();
    }
  });

  it('gives empty fields, not errors, when parts of a work page are missing', () => {
    const url = new URL(`${AO3}/works/7`);
    const doc = htmlDocument('<div id="workskin"><div class="preface group"><h2 class="title heading">Only a title</h2></div></div>', url.href);
    const s = otw.extract(doc, url)!;
    expect(s.id).toBe('ao3:7');
    expect(s.title).toBe('Only a title');
    expect(s.authors).toEqual([]);
    expect(s.rating).toEqual({ raw: '', level: 'unrated' });
    expect(s.status).toBe('unknown');
    expect(s.chapters).toEqual([]);
  });
});

describe('otw: chapter index (navigate) pages', () => {
  it('lists every chapter with its link and no text', () => {
    const url = 'https://archiveofourown.org/works/43703871/navigate';
    const result = classifyPage(loadPage('ao3/navigate-43703871-chapter-index.html', url), url);
    expect(result.kind).toBe('story');
    const story = result.story!;
    expect(story.id).toBe('ao3:43703871');
    expect(story.title).toBe('Let The River Run');
    expect(story.authors.map((a) => a.name)).toEqual(['astolat']);
    expect(story.chapters).toHaveLength(9);
    expect(story.chapters[8]!.title).toBe('Epilogue (Silver Cities Rise)');
    expect(story.chapters[0]!.url).toMatch(/^https:\/\/archiveofourown\.org\/works\/43703871\/chapters\/\d+$/);
    expect(story.chapters.every((c) => c.text === '')).toBe(true);
  });
});

describe('otw: links kept from the page', () => {
  it('keeps only web addresses for authors, never script or data URLs', () => {
    const html = `<html><body><div id="workskin"><div class="preface group"><h2 class="title heading">T</h2>
      <h3 class="byline heading"><a rel="author" href="javascript:alert(1)">Evil</a>, <a rel="author" href="data:text/html,x">Data</a>, <a rel="author" href="/users/ok/pseuds/ok">ok</a></h3></div>
      <div id="chapters"><div class="userstuff"><p>Text of the story.</p></div></div></div></body></html>`;
    const url = 'https://archiveofourown.org/works/99';
    const story = otw.extract(htmlDocument(html, url), new URL(url))!;
    expect(story.authors).toEqual([{ name: 'Evil' }, { name: 'Data' }, { name: 'ok', url: 'https://archiveofourown.org/users/ok/pseuds/ok' }]);
  });
});
