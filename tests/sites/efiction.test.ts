// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { efiction } from '@/utils/sites/efiction';
import { classifyPage } from '@/utils/sites';
import { htmlDocument, loadPage } from '../helpers/fixtures';

const HP = 'http://www.hpfanficarchive.com/stories/';
const SPUFFY = 'https://www.spuffysanctuary.net/fiction/';

function page(name: string, url: string) {
  return { doc: loadPage(name, url), url: new URL(url) };
}

describe('efiction detect', () => {
  it.each([
    ['hpfanficarchive-efiction/story-enter-the-silver-flame.html', `${HP}viewstory.php?sid=270`],
    ['hpfanficarchive-efiction/story-mercenary-of-hogwarts.html', `${HP}viewstory.php?sid=471`],
    ['hpfanficarchive-efiction/error-missing-story.html', `${HP}viewstory.php?sid=99999`],
    ['pages/efiction-spuffy-default-chapter.html', `${SPUFFY}viewstory.php?sid=1187&chapter=1`],
    ['pages/efiction-spuffy-oldskin-chapter.html', 'http://www.bloodyawfulpoetry.org/efiction/viewstory.php?sid=1187&chapter=1'],
    ['pages/efiction-spuffy-printable.html', `${SPUFFY}viewstory.php?action=printable&sid=1187&chapter=all`],
    ['pages/efiction-browse-default.html', `${SPUFFY}browse.php?type=categories&catid=2`],
  ])('claims %s', (name, url) => {
    const p = page(name, url);
    expect(efiction.matches(p.url)).toBe(true);
    expect(efiction.detect(p.doc, p.url)).toBe(true);
  });

  it.each([
    ['ao3/work-323217-mentalist.html', 'https://archiveofourown.org/works/323217'],
    ['ffn/chapter-counting-ch1-modern.html', 'https://www.fanfiction.net/s/1/1/'],
    ['readability/wikipedia/source.html', 'https://en.wikipedia.org/wiki/Mozilla'],
    ['readability/medium-1/source.html', 'https://medium.com/example'],
    ['readability/bbc-1/source.html', 'https://www.bbc.co.uk/news/example'],
    ['readability/wordpress/source.html', 'https://blog.example.org/post'],
  ])('does not claim %s', (name, url) => {
    const p = page(name, url);
    expect(efiction.detect(p.doc, p.url)).toBe(false);
  });

  it('does not claim a blog post that links to an eFiction archive', () => {
    const address = 'https://someone.dreamwidth.org/1234.html';
    const doc = htmlDocument(`<body><div id="pagetitle">My recs</div><div id="story"><p>Read this:
      <a href="http://www.hpfanficarchive.com/stories/viewstory.php?sid=270">Silver Flame</a>
      (<a href="http://www.hpfanficarchive.com/stories/viewstory.php?action=printable&amp;sid=270">print</a>)
      by <a href="http://www.hpfanficarchive.com/stories/viewuser.php?uid=587">SamStone</a></p></div></body>`, address);
    expect(efiction.detect(doc, new URL(address))).toBe(false);
  });

  it('matches only web pages', () => {
    expect(efiction.matches(new URL('file:///tmp/story.html'))).toBe(false);
  });
});

describe('efiction story index (hpfanficarchive)', () => {
  it('reads Enter the Silver Flame', () => {
    const { doc, url } = page('hpfanficarchive-efiction/story-enter-the-silver-flame.html', `${HP}viewstory.php?sid=270`);
    const s = efiction.extract(doc, url)!;
    expect(s.id).toBe('efiction:www.hpfanficarchive.com:270');
    expect(s.url).toBe(`${HP}viewstory.php?sid=270`);
    expect(s.title).toBe('Enter the Silver Flame - Year 1: On Happy Ripples and Unexpected Meetings');
    expect(s.authors).toEqual([{ name: 'SamStone', url: `${HP}viewuser.php?uid=587` }]);
    expect(s.rating).toEqual({ raw: 'NC-17', level: 'explicit', reason: 'No One 17 and Under Admitted' });
    expect(s.categories).toEqual([
      'Erotica',
      'Harem/Multi pairing',
      'Necromancy',
      'Dark or Evil > Dark Fic/Character',
      'Powerful > Cunning, resourceful and ambitious',
    ]);
    expect(s.characters).toEqual(['Harry James Potter', 'Hermione Granger', 'Nymphadora Tonks']);
    expect(s.relationships).toEqual(['Harry/Hermione', 'Harry/OC', 'Harry/Tonks']);
    expect(s.warnings).toEqual(['Abuse / Torture', 'Adult Themes', 'Extreme Sexual Situations', 'Extreme violence']);
    expect(s.tags).toEqual(['Adult', 'AU', 'Dark', 'Erotica', 'Horror', 'Multiple Partners']);
    expect(s.fields?.['Status']).toBe('WIP (Work in progress)');
    expect(s.fields?.['Story Tags']).toMatch(/^harem, slaves, powerful, .*, crazy$/);
    expect(s.status).toBe('complete');
    expect(s.words).toBe(1462348);
    expect(s.chapterCount).toEqual({ posted: 86, planned: 86 });
    expect(s.published).toBe('2009-03-29');
    expect(s.updated).toBe('2012-03-04');
    expect(s.series?.[0]?.name).toBe('Hary and Kiki: Tales of A Boy Necromancer');
    expect(s.summary).toMatch(/^This story came to mind in the form of two questions:.*one of three choices\.$/);
    expect(s.notes).toHaveLength(1);
    expect(s.notes[0]!.text).toMatch(/^This is a dark comedy\./);
    expect(s.disclaimer).toBe("Don't own HP. JKR does that. KiKi and other OCs are mine though.");
    expect(s.chapters).toHaveLength(86);
    expect(s.chapters[0]).toMatchObject({ index: 1, title: 'A Strange Beginning Or Finding The Book', url: `${HP}viewstory.php?sid=270&chapter=1`, text: '' });
    expect(s.chapters[5]!.title).toBe('Chapter 5 Part 2');
    expect(s.chapters[85]).toMatchObject({ index: 86, title: 'Surrey Problems and Other Complications' });
  });

  it('reads The Mercenary of Hogwarts', () => {
    const { doc, url } = page('hpfanficarchive-efiction/story-mercenary-of-hogwarts.html', `${HP}viewstory.php?sid=471`);
    const s = efiction.extract(doc, url)!;
    expect(s.title).toBe('The Mercenary of Hogwarts');
    expect(s.authors.map((a) => a.name)).toEqual(['DanteTheRaven']);
    expect(s.rating).toEqual({ raw: 'R', level: 'mature', reason: 'Restricted' });
    expect(s.categories).toEqual(['Drama', 'Dark or Evil > Dark Fic/Character', 'Hogwarts House > Main character at Ravenclaw']);
    expect(s.characters).toEqual(['Daphne Greengrass', 'Harry James Potter', 'Nymphadora Tonks']);
    expect(s.relationships).toEqual(['Harry/Tonks']);
    expect(s.warnings).toEqual(['Adult Themes', 'Strong Violence']);
    expect(s.tags).toEqual(['Adventure/Action', 'AU', 'Dark', 'Drama', 'Suspense']);
    expect(s.status).toBe('in-progress');
    expect(s.words).toBe(12184);
    expect(s.chapterCount).toEqual({ posted: 3 });
    expect(s.series).toBeUndefined();
    expect(s.notes).toEqual([]);
    expect(s.summary).toBe(
      'A young Harry is taken in by a street gang and trained in their art. Now a new highly sought after contractor is spreading throughout both the wizarding and muggle world.',
    );
    expect(s.chapters.map((c) => c.title)).toEqual(['Prologue: Rescue from the Infection', 'Abysmal Beginnings to the Year', 'Of Poisoning and Hogwarts']);
    expect(s.chapters[0]!.notes?.[0]?.text).toMatch(/^Based on the concept by Tellemicus Sundance/);
    expect(s.disclaimer).toMatch(/^I don't own Harry Potter\. If I said I did would you believe me\?/);
  });

  it('gives null for the missing-story front page', () => {
    const { doc, url } = page('hpfanficarchive-efiction/error-missing-story.html', `${HP}viewstory.php?sid=99999`);
    expect(efiction.extract(doc, url)).toBeNull();
    expect(classifyPage(doc, url).kind).toBe('none');
  });
});

describe('efiction seed pages', () => {
  const body = (text: string) => {
    expect(text.startsWith('It felt strange, holding it in her hands.')).toBe(true);
    expect(text.endsWith("at least it wasn't littering up her closet anymore.")).toBe(true);
    for (const chrome of ['You must login', 'Table of Contents', 'Report This', 'Reviews', "Author's Chapter Notes", 'Disclaimer']) expect(text).not.toContain(chrome);
  };

  it.each([
    ['pages/efiction-spuffy-default-chapter.html', `${SPUFFY}viewstory.php?sid=1187&chapter=1`],
    ['pages/efiction-spuffy-oldskin-chapter.html', 'http://www.bloodyawfulpoetry.org/efiction/viewstory.php?sid=1187&chapter=1'],
    ['pages/efiction-spuffy-printable.html', `${SPUFFY}viewstory.php?action=printable&sid=1187&textsize=0&chapter=all`],
  ])('reads %s', (name, address) => {
    const { doc, url } = page(name, address);
    const s = efiction.extract(doc, url)!;
    expect(s.title).toBe('Mojo in a Box');
    expect(s.authors.map((a) => a.name)).toEqual(['tallyho_spuffy']);
    expect(s.url).toBe(`${url.origin}${url.pathname}?sid=1187`);
    expect(s.chapters).toHaveLength(1);
    const [chapter] = s.chapters;
    body(chapter!.text);
    expect(chapter!.html).not.toMatch(/<(form|select|script)/i);
    expect(chapter!.words).toBeGreaterThan(1400);
    expect(chapter!.notes).toHaveLength(1);
    expect(chapter!.notes![0]!.text).toMatch(/^Disclaimer: If I owned Buffy.*\nA\/N: Did you ever wonder/s);
    expect(s.notes).toEqual([]);
    expect(s.disclaimer).toBe('If I owned Buffy, I would have given her and Spike this moment. Well... Maybe I do own Buffy and the scene was merely cut...');
  });

  it('reads the story information of the old table skin', () => {
    const { doc, url } = page('pages/efiction-spuffy-oldskin-chapter.html', 'http://www.bloodyawfulpoetry.org/efiction/viewstory.php?sid=1187&chapter=1');
    const s = efiction.extract(doc, url)!;
    expect(s.rating).toEqual({ raw: 'PG-13', level: 'teen' });
    expect(s.characters).toEqual(['Buffy', 'Spike', 'Xander']);
    expect(s.warnings).toEqual(['Discussion of Attempted Rape']);
    expect(s.status).toBe('complete');
    expect(s.words).toBe(1690);
  });

  it('keeps the archive copyright out of the printable disclaimer and titles the chapter', () => {
    const { doc, url } = page('pages/efiction-spuffy-printable.html', `${SPUFFY}viewstory.php?action=printable&sid=1187&chapter=all`);
    const s = efiction.extract(doc, url)!;
    expect(s.chapters[0]!.title).toBe('Mojo in a Box');
    expect(s.chapters[0]!.text).not.toContain('publicly recognizable');
    expect(s.tags).toEqual(['Angst', 'Missing Scene', 'Season 7']);
    expect(s.series).toEqual([{ name: 'Deleted Scenes', url: `${SPUFFY}viewseries.php?seriesid=44` }]);
  });
});

describe('efiction chapter pages with a jump menu', () => {
  const html = (chapter: number) => `<html><head><title>T</title></head><body>
    <div id="pagetitle"><a href="viewstory.php?sid=7">Long Night</a> by <a href="viewuser.php?uid=2">Ann</a></div>
    <div class="jumpmenu"><form name="jump" action=""><select class="textbox" name="chapter">
      <option value="1"${chapter === 1 ? ' selected' : ''}>1. Chapter 1: Dusk</option>
      <option value="2"${chapter === 2 ? ' selected' : ''}>2. Midnight</option>
      <option value="3"${chapter === 3 ? ' selected' : ''}>3. Chapter 3</option></select></form></div>
    <div class='notes'><div class='title'><span class='label'>Author's Chapter Notes:</span></div><div class='noteinfo'>Thanks to my beta.</div></div>
    <div id="story"><p>The sun went down over Sunnydale and nobody noticed.</p></div>
    <div class='notes'><div class='title'><span class='label'>Chapter End Notes:</span></div><div class='noteinfo'>More soon.</div></div>
    <div id="prev"><a href="viewstory.php?sid=7&amp;chapter=1" class="prev">Previous</a></div>
    <div id="next"><a href="viewstory.php?sid=7&amp;chapter=3" class="next">Next</a></div></body></html>`;

  it('lists every chapter and fills the one shown', () => {
    const address = 'https://fic.example.net/viewstory.php?sid=7&chapter=2';
    const s = efiction.extract(htmlDocument(html(2), address), new URL(address))!;
    expect(s.chapters.map((c) => c.title)).toEqual(['Dusk', 'Midnight', 'Chapter 3']);
    expect(s.chapters.map((c) => c.text)).toEqual(['', 'The sun went down over Sunnydale and nobody noticed.', '']);
    expect(s.chapters[1]!.notes!.map((n) => [n.position, n.text])).toEqual([
      ['before', 'Thanks to my beta.'],
      ['after', 'More soon.'],
    ]);
    expect(s.chapters[2]!.url).toBe('https://fic.example.net/viewstory.php?sid=7&chapter=3');
    expect(s.chapterCount.posted).toBe(3);
  });

  it('gives null for an access-denied page', () => {
    const address = 'https://fic.example.net/viewstory.php?sid=7';
    const doc = htmlDocument(`<body><div id='pagetitle'>Long Night</div><div class='errortext'>Access denied.</div>
      <a href="browse.php?type=recent">Most Recent</a></body>`, address);
    expect(efiction.detect(doc, new URL(address))).toBe(true);
    expect(efiction.extract(doc, new URL(address))).toBeNull();
  });

  it('never throws on a broken page', () => {
    const address = 'https://fic.example.net/viewstory.php?sid=7&chapter=9';
    const doc = htmlDocument('<div id="pagetitle"><a href="viewstory.php?sid=7"></a></div><select name="chapter"><option>', address);
    expect(() => efiction.extract(doc, new URL(address))).not.toThrow();
    expect(() => efiction.listing!(doc, new URL(address))).not.toThrow();
  });
});

describe('efiction printable view of a long story', () => {
  it('puts each chapter note on its own chapter', () => {
    const address = 'https://fic.example.net/archive/viewstory.php?action=printable&sid=9&chapter=all';
    const doc = htmlDocument(`<body><div id="pagetitle"><a href="viewstory.php?sid=9">Two Parts</a> by <a href="viewuser.php?uid=4">Bee</a></div>
      <p><b>1.</b> <a href='#1'>Before</a> by Bee</p><p><b>2.</b> <a href='#2'>After</a> by Bee</p>
      <div class='chaptertitle'><a name='1'></a>Before by Bee</div>
      <div class='notes'><div class='title'><span class='label'>Author's Notes:</div><div class='noteinfo'>First note.</div></div>
      <div class='chapter'><p>One one one.</p></div>
      <div class='notes'><div class='title'><span class='label'>End Notes:</div><div class='noteinfo'>First end.</div></div>
      <div class='toplink'><a href='#1'>Back to index</a></div>
      <div class='chaptertitle'><a name='2'></a>Chapter 2: After by Bee</div>
      <div class='chapter'><p>Two two.</p></div>
      <div id="archivedat">Archived at <a href="https://fic.example.net/archive/viewstory.php?sid=9">here</a></div></body>`, address);
    const s = efiction.extract(doc, new URL(address))!;
    expect(s.url).toBe('https://fic.example.net/archive/viewstory.php?sid=9');
    expect(s.chapters.map((c) => [c.index, c.title, c.text, c.words])).toEqual([
      [1, 'Before', 'One one one.', 3],
      [2, 'After', 'Two two.', 2],
    ]);
    expect(s.chapters[0]!.notes!.map((n) => [n.position, n.text])).toEqual([
      ['before', 'First note.'],
      ['after', 'First end.'],
    ]);
    expect(s.chapters[1]!.notes).toBeUndefined();
    expect(s.words).toBe(5);
  });
});

describe('efiction listings', () => {
  it('reads the default-skin browse page', () => {
    const { doc, url } = page('pages/efiction-browse-default.html', `${SPUFFY}browse.php?type=categories&catid=2`);
    expect(efiction.extract(doc, url)).toBeNull();
    const items = efiction.listing!(doc, url)!;
    expect(items.map((b) => b.title)).toEqual(['Mojo in a Box', 'Grave Matters', 'Sunlight, Eventually']);
    expect(items[1]).toMatchObject({
      id: 'efiction:www.spuffysanctuary.net:905',
      url: `${SPUFFY}viewstory.php?sid=905`,
      authors: [{ name: 'Nocturne', url: `${SPUFFY}viewuser.php?uid=77` }],
      rating: { raw: 'NC-17', level: 'explicit', reason: 'Adults Only' },
      categories: ['Season 6'],
      characters: ['Buffy Summers', 'Spike', 'Tara Maclay'],
      relationships: ['Spike/Buffy'],
      tags: ['Romance', 'Humor'],
      warnings: ['Explicit Sex', 'Language'],
      status: 'in-progress',
      words: 52310,
      chapterCount: { posted: 14 },
      published: '2003-11-02',
      updated: '2005-02-27',
    });
    expect(items[2]!.warnings).toEqual([]);
    expect('chapters' in items[0]!).toBe(false);
  });

  it('reads bold-label listings on an author page', () => {
    const address = 'http://www.bloodyawfulpoetry.org/efiction/viewuser.php?uid=77';
    const { doc, url } = page('pages/efiction-browse-boldlabels.html', address);
    expect(efiction.detect(doc, url)).toBe(true);
    const result = classifyPage(doc, url);
    expect(result.kind).toBe('listing');
    const items = result.listing!.items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      title: 'Grave Matters',
      rating: { raw: 'R', level: 'mature' },
      summary: 'Spike has a crypt, a telly and a Slayer who keeps turning up after patrol.',
      categories: ['Buffy the Vampire Slayer > Season 6'],
      status: 'complete',
      words: 52310,
      chapterCount: { posted: 14, planned: 14 },
    });
    expect(items[0]!.rating.reason).toBeUndefined();
    expect(items[1]).toMatchObject({ title: 'Rules of the Crypt', words: 412, rating: { raw: 'PG', level: 'general' } });
  });
});
