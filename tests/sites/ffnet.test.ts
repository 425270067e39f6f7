// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, htmlDocument, loadPage } from '../helpers/fixtures';
import { ffnet } from '@/utils/sites/ffnet';
import { parseCharacters, parseInfoLine, splitGenres } from '@/utils/sites/ffnet-info';
import { titleFromDocumentTitle } from '@/utils/sites/ffnet-page';
import { classifyPage } from '@/utils/sites';
import type { Story } from '@/utils/story';

const FFN = 'https://www.fanfiction.net';
const pages = new Map<string, Document>();

/** Each fixture is parsed once per address: jsdom is the slow part. */
function page(name: string, url = `${FFN}/`): Document {
  const key = `${name} ${url}`;
  if (!pages.has(key)) pages.set(key, loadPage(`ffn/${name}`, url));
  return pages.get(key)!;
}

function story(name: string, url: string): Story {
  const result = ffnet.extract(page(name, url), new URL(url));
  if (!result) throw new Error(`${name}: no story`);
  return result;
}

describe('ffnet.matches', () => {
  it('takes FanFiction.Net and FictionPress on www., m. and the bare host', () => {
    for (const url of [
      'https://www.fanfiction.net/s/1/1/',
      'https://m.fanfiction.net/s/1/1/',
      'https://fanfiction.net/s/1/1/',
      'https://www.fictionpress.com/s/1/1/',
      'https://m.fictionpress.com/s/1/1/',
      'http://fictionpress.com/s/1/',
    ])
      expect(ffnet.matches(new URL(url)), url).toBe(true);
  });

  it('leaves other hosts alone', () => {
    for (const url of ['https://archiveofourown.org/works/1', 'https://fanfiction.net.example.com/s/1/', 'https://www.fanfiction.com/s/1/'])
      expect(ffnet.matches(new URL(url)), url).toBe(false);
  });
});

describe('ffnet.detect', () => {
  const names = readdirSync(path.join(FIXTURES, 'ffn')).filter((n) => n.endsWith('.html'));

  it('finds fixtures to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(17);
  });

  for (const name of names) {
    it(`recognises ${name}`, () => {
      expect(ffnet.detect(page(name), new URL(`${FFN}/`))).toBe(true);
    });
  }

  it('does not claim an AO3 page', () => {
    const doc = loadPage('ao3/chapter-17793689-ch1.html', 'https://archiveofourown.org/works/17793689/chapters/41980418');
    expect(ffnet.detect(doc, new URL(`${FFN}/`))).toBe(false);
  });
});

describe('ffnet.extract: the modern header', () => {
  const url = `${FFN}/s/4231659/1/Fifth-King-Lost-Queen`;

  it('reads title, author, summary, rating letter, language and genres', () => {
    const s = story('chapter-2020-crossover-hp-narnia-ch1.html', url);
    expect(s.id).toBe('ffnet:4231659');
    expect(s.site).toBe('ffnet');
    expect(s.url).toBe(`${FFN}/s/4231659`);
    expect(s.title).toBe('Fifth King, Lost Queen');
    expect(s.authors).toEqual([{ name: 'Pinion King', url: `${FFN}/u/1105550/Pinion-King` }]);
    expect(s.summary).toMatch(/^The cost of victory over Voldemort was his death\..*But first the lost queen must return\.$/);
    expect(s.rating).toEqual({ raw: 'T', level: 'teen' });
    expect(s.language).toBe('English');
    expect(s.tags).toEqual(['Romance', 'Adventure']);
    expect(s.characters).toEqual(['Harry P.', 'Susan Pevensie']);
    expect(s.relationships).toEqual([]);
    expect(s.words).toBe(28545);
    expect(s.chapterCount).toEqual({ posted: 13 });
    expect(s.status).toBe('in-progress');
  });

  it('splits a crossover into its two fandoms', () => {
    expect(story('chapter-2020-crossover-hp-narnia-ch1.html', url).fandoms).toEqual(['Harry Potter', 'Chronicles of Narnia']);
  });

  it("dates from data-xutime timestamps, on FFN's (US Pacific) calendar as the page writes them", () => {
    const s = story('chapter-2020-crossover-hp-narnia-ch1.html', url);
    // Updated: <span data-xutime="1446343109">10/31/2015</span>: 2015-11-01T02:38Z, 19:38 on the 31st in California.
    expect(s.updated).toBe('2015-10-31');
    // Published: <span data-xutime="1209719909">5/2/2008</span>.
    expect(s.published).toBe('2008-05-02');
    const evening = story('chapter-2020-why-we-fight-ch1.html', `${FFN}/s/1832968/1/Why-We-fight`);
    expect(evening.published).toBe('2004-04-23'); // <span data-xutime="1082775104">4/23/2004</span>
    expect(evening.updated).toBe('2005-02-05'); // <span data-xutime="1107670653">2/5/2005</span>
  });

  it('dates a year-less "9/4" from its timestamp', () => {
    const s = story('chapter-2019-scribble-pad-ch9.html', `${FFN}/s/12999698/9/Scribble-Pad`);
    expect(s.updated).toBe('2018-09-04'); // <span data-xutime="1536107877">9/4</span>
    expect(s.published).toBe('2018-07-12'); // <span data-xutime="1531445495">7/12</span>
  });

  it('turns a bracketed pairing into a relationship and keeps everyone a character', () => {
    const s = story('chapter-2020-naruto-guardian-of-the-mist-ch1.html', `${FFN}/s/8508883/1/Naruto-Guardian-Of-The-Mist`);
    expect(s.relationships).toEqual(['Naruto U./Mei T./Ameyuri R.']);
    expect(s.characters).toEqual(['Naruto U.', 'Mei T.', 'Ameyuri R.']);
    expect(s.rating).toEqual({ raw: 'M', level: 'mature' });
  });

  it('reads "Status: Complete" as complete, with the planned count', () => {
    const s = story('chapter-2020-stygiansolace-ch1-kh.html', `${FFN}/s/1048901/1/Stygian-Solace`);
    expect(s.status).toBe('complete');
    expect(s.chapterCount).toEqual({ posted: 48, planned: 48 });
    expect(s.characters).toEqual(['Riku', 'Sora']);
    expect(s.fandoms).toEqual(['Kingdom Hearts']);
  });

  it('leaves genres empty when the line names none', () => {
    const noGenre = story('work-2013-teststory-no-genre.html', `${FFN}/s/7681144/1/`);
    expect(noGenre.tags).toEqual([]);
    expect(noGenre.characters).toEqual(['Oga T.', 'Hildagarde/Hilda']);
    expect(noGenre.rating).toEqual({ raw: 'K+', level: 'general' });
    expect(noGenre.published).toBe('2011-12-27'); // "Published: 12-27-11", no timestamp
    expect(noGenre.updated).toBeUndefined();
    const scribble = story('chapter-2019-scribble-pad-ch9.html', `${FFN}/s/12999698/9/Scribble-Pad`);
    expect(scribble.tags).toEqual([]);
    expect(scribble.characters).toEqual(['Harry P.']);
  });
});

describe('ffnet.extract: chapters', () => {
  const url = `${FFN}/s/8508883/1/Naruto-Guardian-Of-The-Mist`;

  it('lists every chapter of the menu with its title and address', () => {
    const s = story('chapter-2020-naruto-guardian-of-the-mist-ch1.html', url);
    expect(s.chapters).toHaveLength(12);
    expect(s.chapters.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.chapters[0]).toMatchObject({ index: 1, title: 'Banishment', url: `${FFN}/s/8508883/1/` });
    expect(s.chapters[1]).toMatchObject({ title: "Naruto's Growth", url: `${FFN}/s/8508883/2/`, text: '', html: '', words: 0 });
    expect(s.chapters[11]).toMatchObject({ index: 12, title: 'Foes of tomorrow', url: `${FFN}/s/8508883/12/` });
  });

  it('fills the text of the chapter on the page only', () => {
    const s = story('chapter-2020-naruto-guardian-of-the-mist-ch1.html', url);
    const current = s.chapters[0]!;
    expect(current.text.startsWith('Have no fear SSJ3 Kyuubi Gohan is here with a new Naruto fiction.')).toBe(true);
    expect(current.text.endsWith('Also I own Naruto Rasengan Slam')).toBe(true);
    expect(current.words).toBeGreaterThan(3000);
    expect(current.html).toContain('<strong>Have no fear');
    expect(s.chapters.filter((c) => c.text !== '')).toHaveLength(1);
  });

  it('takes the current chapter from the address', () => {
    const s = story('chapter-counting-ch2-modern.html', `${FFN}/s/5853866/2/Counting`);
    expect(s.chapters.map((c) => c.title)).toEqual(['Skipping Stones', 'The Flower']);
    expect(s.chapters[0]!.text).toBe('');
    expect(s.chapters[1]!.text.startsWith('It is said this purple flower has divinatory power.')).toBe(true);
  });

  it('keeps "Chapter N" titles and drops only the menu number', () => {
    const s = story('chapter-stuck-ch1-sga.html', `${FFN}/s/2652996/1/Stuck`);
    expect(s.chapters[0]!.title).toBe('1:A Scowl Like a Thundercloud');
    expect(s.chapters[19]!.title).toBe('20:Off the Roller Coaster');
    const narnia = story('chapter-2020-crossover-hp-narnia-ch1.html', `${FFN}/s/4231659/1/`);
    expect(narnia.chapters[12]!.title).toBe('Chapter 13');
  });

  it('gives a one-shot one untitled chapter', () => {
    const s = story('oneshot-2020-unicorns-curse.html', `${FFN}/s/4195819/1/Harry-Potter-and-the-Unicorn-s-Curse`);
    expect(s.chapters).toHaveLength(1);
    expect(s.chapters[0]!.title).toBeUndefined();
    expect(s.chapters[0]!.text.startsWith("Harry Potter and the Unicorn's Curse")).toBe(true);
    expect(s.chapterCount).toEqual({ posted: 1 });
    expect(s.status).toBe('in-progress');
    expect(s.words).toBe(4206);
  });

  it('keeps the reader controls, menus and review box out of the text', () => {
    const s = story('chapter-teamseven-part6-body-fragment.html', `${FFN}/s/5409165/6/`);
    const text = s.chapters.find((c) => c.index === 6)!.text;
    for (const phrase of ['Follow/Fav', 'Next >', 'Post Review', 'Share:', 'Chapter Navigation', 'Font Size'])
      expect(text, phrase).not.toContain(phrase);
    expect(s.chapters[5]!.html).not.toMatch(/\s(?:id|class|style)=/);
  });
});

describe('ffnet.extract: older layouts', () => {
  it('reads the 2009 column: breadcrumb title, author table and a bare "Rated:" line', () => {
    const s = story('chapter-2009-childoffour-ch1-oldlayout.html', `${FFN}/s/2790804/1/Child_of_Four`);
    expect(s.title).toBe('Child of Four');
    expect(s.authors).toEqual([{ name: 'sarini', url: `${FFN}/u/808882/sarini` }]);
    expect(s.fandoms).toEqual(['Harry Potter']);
    expect(s.rating).toEqual({ raw: 'M', level: 'mature' });
    expect(s.tags).toEqual(['Drama', 'Angst']);
    // "Harry P. & Draco M.": two characters, not a pairing.
    expect(s.characters).toEqual(['Harry P.', 'Draco M.']);
    expect(s.relationships).toEqual([]);
    expect(s.updated).toBe('2009-09-20'); // "Updated: 09-20-09"
    expect(s.published).toBe('2006-02-08'); // "Published: 02-08-06"
    expect(s.chapterCount).toEqual({ posted: 68 });
    expect(s.status).toBe('in-progress');
    expect(s.chapters[0]!.text.startsWith('Chapter One\nDisclaimer: The world of Harry Potter')).toBe(true);
  });

  it('reads a bare "Complete" as complete', () => {
    const s = story('chapter-stuck-ch1-sga.html', `${FFN}/s/2652996/1/Stuck`);
    expect(s.title).toBe('Stuck!');
    expect(s.fandoms).toEqual(['Stargate: Atlantis']);
    expect(s.status).toBe('complete');
    expect(s.chapterCount).toEqual({ posted: 20, planned: 20 });
    expect(s.characters).toEqual(['Rodney M.', 'John S.']);
  });

  it('reads the title from <title> when the page shows it nowhere else', () => {
    expect(titleFromDocumentTitle(page('chapter-stuck-ch1-sga.html'), '1:A Scowl Like a Thundercloud')).toBe('Stuck!');
    expect(titleFromDocumentTitle(page('chapter-2009-childoffour-ch1-oldlayout.html'))).toBe('Child of Four');
    expect(titleFromDocumentTitle(page('chapter-2013-teststory-beelzebub.html'))).toBe('The Test Story');
    const doc = htmlDocument(
      '<title>Lost Things Chapter 2: Found, a Harry Potter fanfic | FanFiction</title><div id="storytextp"><div id="storytext"><p>Once.</p></div></div>',
      `${FFN}/s/42/2/`,
    );
    const s = ffnet.extract(doc, new URL(`${FFN}/s/42/2/`))!;
    expect(s.title).toBe('Lost Things');
    expect(s.id).toBe('ffnet:42');
    expect(s.chapters).toEqual([expect.objectContaining({ index: 2, text: 'Once.' })]);
  });

  it('reads the 2012 header table', () => {
    const s = story('chapter-2013-teststory-beelzebub.html', `${FFN}/s/8873635/1/The-Demon-Maid-s-Undergarments`);
    expect(s.title).toBe('The Test Story');
    expect(s.authors).toEqual([{ name: 'Testperson', url: `${FFN}/u/1/Testperson` }]);
    expect(s.fandoms).toEqual(['Beelzebub/べるぜバブ']);
    expect(s.summary).toBe('A story!');
    expect(s.tags).toEqual(['Humor', 'Romance']);
    expect(s.published).toBe('2012-01-02');
    expect(s.updated).toBe('2012-02-02');
  });
});

describe('ffnet.extract: body fragments', () => {
  it('finds the story id and chapter in the page when the address has none', () => {
    const s = story('chapter-teamseven-part6-body-fragment.html', `${FFN}/`);
    expect(s.id).toBe('ffnet:5409165');
    expect(s.url).toBe(`${FFN}/s/5409165`);
    expect(s.title).toBe("It's For a Good Cause, I Swear!");
    expect(s.characters).toEqual(['Team Seven']);
    expect(s.tags).toEqual(['Humor', 'Parody']);
    const current = s.chapters.filter((c) => c.text);
    expect(current.map((c) => [c.index, c.title])).toEqual([[6, 'He Could Be A Zombie']]);
    expect(current[0]!.text.startsWith('Chapter Six\nDisclaimer: I do not own Naruto.')).toBe(true);
    expect(current[0]!.text.endsWith('Review Please!')).toBe(true);
  });

  it('reads a one-shot fragment by its review link', () => {
    const s = story('oneshot-ibiki-naruto-body-fragment.html', `${FFN}/`);
    expect(s.id).toBe('ffnet:6783401');
    expect(s.title).toBe("Ibiki's Apprentice");
    expect(s.authors[0]!.name).toBe('May Wren');
    expect(s.fandoms).toEqual(['Naruto']);
    expect(s.status).toBe('complete');
    expect(s.chapterCount).toEqual({ posted: 1, planned: 1 });
    expect(s.chapters).toHaveLength(1);
    expect(s.published).toBe('2011-02-27'); // data-xutime="1298848922"
  });

  it('reads the 2012 fragment at chapter 78', () => {
    const s = story('chapter-2012-78ch-body-fragment.html', `${FFN}/`);
    expect(s.id).toBe('ffnet:2790804');
    expect(s.words).toBe(279295);
    expect(s.chapterCount).toEqual({ posted: 78 });
    expect(s.chapters.filter((c) => c.text).map((c) => c.index)).toEqual([78]);
  });
});

describe('ffnet.extract: FictionPress and pages that are not stories', () => {
  it('keys FictionPress stories apart', () => {
    const url = 'https://m.fictionpress.com/s/5853866/1/Counting';
    const s = ffnet.extract(loadPage('ffn/chapter-counting-ch1-modern.html', url), new URL(url))!;
    expect(s.id).toBe('fictionpress:5853866');
    expect(s.url).toBe('https://www.fictionpress.com/s/5853866');
    expect(s.chapters[0]!.url).toBe('https://www.fictionpress.com/s/5853866/1/');
    expect(s.fandoms).toEqual([]);
  });

  it('returns null for "Story Not Found"', () => {
    const url = `${FFN}/s/99999999/1/`;
    const doc = page('error-story-not-found-2020.html', url);
    expect(ffnet.extract(doc, new URL(url))).toBeNull();
    expect(classifyPage(doc, url)).toEqual({ kind: 'none', site: 'ffnet' });
  });

  it('never throws on broken or empty pages', () => {
    const url = new URL(`${FFN}/s/1/1/`);
    for (const html of [
      '',
      '<div id="storytext"></div>',
      '<div id="profile_top"><b></b><span class="xgray">Rated:</span></div><div id="storytext">Text</div>',
      '<select id="chap_select"><option>junk</option></select><div id="storytext"><p>Text</p></div>',
      '<div class="z-list"><a class="stitle">No link</a></div>',
    ]) {
      const doc = htmlDocument(html, url.href);
      expect(() => ffnet.extract(doc, url)).not.toThrow();
      expect(() => ffnet.listing!(doc, url)).not.toThrow();
    }
    expect(ffnet.extract(htmlDocument('<div id="storytext"></div>', url.href), url)).toBeNull();
  });
});

describe('ffnet.listing', () => {
  const url = `${FFN}/search/?keywords=lantern&ready=1&type=story`;
  const doc = () => loadPage('pages/ffn-hand-made-story-list.html', url);

  it('reads every z-list entry', () => {
    const items = ffnet.listing!(doc(), new URL(url))!;
    expect(items.map((b) => b.title)).toEqual(['The Lantern Keeper', 'Ninety-Nine Lanterns', 'Paper Lantern', 'Lanterns at Low Tide']);
    expect(classifyPage(doc(), url).kind).toBe('listing');
  });

  it('reads title, author, summary and the grey info line', () => {
    const first = ffnet.listing!(doc(), new URL(url))![0]!;
    expect(first).toMatchObject({
      id: 'ffnet:11111111',
      url: `${FFN}/s/11111111`,
      authors: [{ name: 'Quill and Ember', url: `${FFN}/u/2222222/Quill-and-Ember` }],
      fandoms: ['Harry Potter'],
      rating: { raw: 'T', level: 'teen' },
      language: 'English',
      tags: ['Romance', 'Drama'],
      relationships: ['Hermione G./Draco M.'],
      characters: ['Hermione G.', 'Draco M.', 'Harry P.'],
      words: 5000,
      chapterCount: { posted: 3, planned: 3 },
      status: 'complete',
      updated: '2020-05-15',
      published: '2020-01-01',
    });
    expect(first.summary).toBe(
      'After the war, Hermione takes a job tending the lamps of a lighthouse nobody remembers building. Someone keeps leaving notes on the stairs.',
    );
    expect('chapters' in first).toBe(false);
  });

  it('reads crossovers, one-shots and the harsher ratings', () => {
    const [, crossover, oneShot, last] = ffnet.listing!(doc(), new URL(url))!;
    expect(crossover!.fandoms).toEqual(['Harry Potter', 'Naruto']);
    expect(crossover!.tags).toEqual(['Adventure', 'Hurt/Comfort']);
    expect(crossover!.status).toBe('in-progress');
    expect(crossover!.chapterCount).toEqual({ posted: 12 });
    expect(crossover!.characters).toEqual(['Naruto U.', 'Harry P.']);
    // data-xutime="1609459200" is midnight UTC on New Year's Day 2021: still 2020 in California, as the line says.
    expect(crossover!.updated).toBe('2020-12-31');
    expect(oneShot!.updated).toBeUndefined();
    expect(oneShot!.fandoms).toEqual(['Avatar: Last Airbender']);
    expect(oneShot!.tags).toEqual([]);
    expect(oneShot!.chapterCount).toEqual({ posted: 1, planned: 1 });
    expect(oneShot!.rating).toEqual({ raw: 'K', level: 'general' });
    expect(last!.rating).toEqual({ raw: 'MA', level: 'explicit' });
    expect(last!.language).toBe('Spanish');
    expect(last!.relationships).toEqual(['Elsa/Anna']);
  });

  it("takes the fandom from a fandom page's breadcrumb", () => {
    const html = `<div id="pre_story_links"><a href="/book/">Books</a> <a href="/book/Harry-Potter/">Harry Potter</a></div>
      <div class="z-list"><a class="stitle" href="/s/5/1/X">X</a> by <a href="/u/6/Y">Y</a>
      <div class="z-indent z-padtop">Sum.<div class="z-padtop2 xgray">Rated: K+ - English - Humor - Words: 500 - Published: 3/4/2012</div></div></div>`;
    const items = ffnet.listing!(htmlDocument(html, `${FFN}/book/Harry-Potter/`), new URL(`${FFN}/book/Harry-Potter/`))!;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ fandoms: ['Harry Potter'], summary: 'Sum.', tags: ['Humor'], published: '2012-03-04' });
  });
});

describe('info line parsing', () => {
  it('splits genres, keeping Hurt/Comfort whole', () => {
    expect(splitGenres('Romance/Hurt/Comfort')).toEqual(['Romance', 'Hurt/Comfort']);
    expect(splitGenres('Hurt/Comfort/Drama')).toEqual(['Hurt/Comfort', 'Drama']);
    expect(splitGenres('Harry P.')).toBeNull();
  });

  it('reads pairing brackets and loose characters', () => {
    expect(parseCharacters('[Harry P., Draco M.] [Ron W., Hermione G.] Luna L.')).toEqual({
      relationships: ['Harry P./Draco M.', 'Ron W./Hermione G.'],
      characters: ['Harry P.', 'Draco M.', 'Ron W.', 'Hermione G.', 'Luna L.'],
    });
    expect(parseCharacters('OC')).toEqual({ relationships: [], characters: ['OC'] });
    expect(parseCharacters(undefined)).toEqual({ relationships: [], characters: [] });
  });

  it('reads a line with its labels in any order', () => {
    const info = parseInfoLine('Rated: Fiction  T - English - Romance - [A B., C D.] - Chapters: 3 - Words: 5,000 - Reviews: 9 - Status: Complete - id: 123');
    expect(info).toMatchObject({ rating: 'Fiction T', language: 'English', genres: ['Romance'], characters: '[A B., C D.]', chapters: 3, words: 5000, complete: true, id: '123' });
  });
});
