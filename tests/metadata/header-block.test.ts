import { describe, expect, it } from 'vitest';
import { findHeaderBlock, headerStory, isStoryHeader, parseKeyLine, type HeaderBlock } from '@/utils/metadata/header-block';

/** Splits a text into lines the way the adapter hands them over: '' for a blank line. */
const linesOf = (text: string) => text.replace(/^\n/, '').split('\n').map((l) => l.trim());

function parse(text: string): HeaderBlock {
  const block = findHeaderBlock(linesOf(text));
  if (!block) throw new Error('no header found');
  return block;
}

const fieldMap = (block: HeaderBlock) => Object.fromEntries(block.fields.map((f) => [f.label, f.value]));
const bodyStart = (text: string) => {
  const lines = linesOf(text);
  const block = parse(text);
  return lines.slice(block.end).find((l) => l !== '');
};

const SEED_HEADER = `
Title: Lost Soul

Author: Michael

Distribution: Please ask permission

Characters: X/S

Spoiler warning: This takes place within Season IV right after Hush.

Rating: R for language and slash kissing

Summary: POV of Spike. after weeks of captivity with Buffy and the group, Spike's breaking point has been reached.

Disclaimer: BTVS and its characters are the loving creations of Joss Whedon in association with Mutant Enemy and the WB. I only wish to play in Joss's universe and mean no infringement of copyrights.

These precious things, let them bleed

let them wash away.`;

describe('parseKeyLine', () => {
  it.each([
    ['Title: Lost Soul', 'Title', 'title', 'Lost Soul'],
    ['TITLE: Lost Soul', 'TITLE', 'title', 'Lost Soul'],
    ['title:Lost Soul', 'title', 'title', 'Lost Soul'],
    ['**Rating:** R', 'Rating', 'rating', 'R'],
    ['Spoiler warning: Season IV', 'Spoiler warning', 'spoilers', 'Season IV'],
    ['A/N: Written for the ficathon.', 'A/N', 'notes', 'Written for the ficathon.'],
    ["Author's Note: Thanks to my beta.", "Author's Note", 'notes', 'Thanks to my beta.'],
    ['Author’s Notes: Thanks.', 'Author’s Notes', 'notes', 'Thanks.'],
    ['Word count: 2,500', 'Word count', 'words', '2,500'],
    ['Archive: Ask first', 'Archive', 'distribution', 'Ask first'],
    ['Beta: Jane', 'Beta', 'beta', 'Jane'],
    ['Summary:', 'Summary', 'summary', ''],
    ['Favourite Color: blue', 'Favourite Color', 'other', 'blue'],
    ['Title - Lost Soul', 'Title', 'title', 'Lost Soul'],
    ['Rating -- PG-13', 'Rating', 'rating', 'PG-13'],
  ])('%s', (line, label, key, value) => {
    expect(parseKeyLine(line)).toEqual({ label, key, value });
  });

  it.each([
    ['A night had passed since Buffy had vanquished the Gentlemen.'],
    ['Buffy: "Hi."'],
    ['Xander - who never learned - walked in.'],
    ['See http://example.org/fic for more'],
    ['This is a very long label with many words: value'],
    ['10:30 in the morning'],
    ['Sunnydale, 1999: the Hellmouth stirs'],
  ])('%s is not a key', (line) => {
    expect(parseKeyLine(line)).toBeNull();
  });
});

describe('findHeaderBlock: where the header is and where it ends', () => {
  it('reads the seed header, one key per paragraph, and ends before the epigraph', () => {
    const block = parse(SEED_HEADER);
    expect(block.fields.map((f) => f.label)).toEqual([
      'Title', 'Author', 'Distribution', 'Characters', 'Spoiler warning', 'Rating', 'Summary', 'Disclaimer',
    ]);
    expect(fieldMap(block)['Spoiler warning']).toBe('This takes place within Season IV right after Hush.');
    expect(bodyStart(SEED_HEADER)).toBe('These precious things, let them bleed');
  });

  it('reads keys on consecutive lines with no blank lines between', () => {
    const text = `Title: Stakeout\nAuthor: Jo\nRating: PG\n\nThe night was cold.`;
    expect(fieldMap(parse(text))).toEqual({ Title: 'Stakeout', Author: 'Jo', Rating: 'PG' });
    expect(bodyStart(text)).toBe('The night was cold.');
  });

  it('joins a summary that wraps over following lines', () => {
    const text = `Title: Stakeout
Summary: Buffy and Faith
spend a long night on patrol
and talk about everything.
Rating: PG

The night was cold.`;
    expect(fieldMap(parse(text)).Summary).toBe('Buffy and Faith spend a long night on patrol and talk about everything.');
    expect(fieldMap(parse(text)).Rating).toBe('PG');
  });

  it('ends a wrapped value at a blank line: the next paragraph is the body', () => {
    const text = `Title: Stakeout
Rating: PG
Summary: Buffy and Faith
on patrol.

It was cold that night, colder than Sunnydale had any right to be.`;
    expect(fieldMap(parse(text)).Summary).toBe('Buffy and Faith on patrol.');
    expect(bodyStart(text)).toMatch(/^It was cold that night/);
  });

  it('takes the value of a bare "Summary:" from the next paragraph', () => {
    const text = `Title: Stakeout\n\nRating: PG\n\nSummary:\n\nBuffy and Faith on patrol.\n\nDisclaimer: Not mine.\n\nIt was cold.`;
    const block = parse(text);
    expect(fieldMap(block).Summary).toBe('Buffy and Faith on patrol.');
    expect(fieldMap(block).Disclaimer).toBe('Not mine.');
    expect(bodyStart(text)).toBe('It was cold.');
  });

  it('keeps keys it does not know as raw fields', () => {
    const block = parse(`Title: Stakeout\nFavourite Color: blue\nRating: PG\n\nText.`);
    expect(block.fields.find((f) => f.label === 'Favourite Color')).toMatchObject({ key: 'other', value: 'blue' });
  });

  it('reads keys in any case', () => {
    const block = parse(`TITLE: Stakeout\nauthor: Jo\nRaTiNg: PG\n\nText.`);
    expect(block.fields.map((f) => f.key)).toEqual(['title', 'author', 'rating']);
  });

  it('steps over a centered title and by-line above the header', () => {
    const text = `Lost Soul\nby Michael\n\nTitle: Lost Soul\nRating: R\n\nBody text here.`;
    const block = parse(text);
    expect(block.lead).toEqual(['Lost Soul', 'by Michael']);
    expect(block.start).toBe(3);
  });

  it('finds no header when the text starts with prose', () => {
    const text = `A night had passed since Buffy had vanquished the Grimm's fairy tale monsters known as the Gentlemen and all was well.\nTitle: Lost Soul\nRating: R`;
    expect(findHeaderBlock(linesOf(text))).toBeNull();
  });

  it('needs at least two keys', () => {
    expect(findHeaderBlock(linesOf(`Title: Lost Soul\n\nA night had passed.`))).toBeNull();
  });

  it('does not take a line of dialogue after the header as a key', () => {
    const text = `Title: Stakeout\nRating: PG\nPairing: B/F\n\nBuffy: Hi.\nFaith: Hey, B.`;
    const block = parse(text);
    expect(block.fields.map((f) => f.label)).toEqual(['Title', 'Rating', 'Pairing']);
    expect(bodyStart(text)).toBe('Buffy: Hi.');
  });

  it('does not take a quoted line after the header as a key', () => {
    const text = `Title: Stakeout\nRating: PG\n\nGiles: "Buffy, the prophecy is quite clear."`;
    expect(bodyStart(text)).toBe('Giles: "Buffy, the prophecy is quite clear."');
  });

  it('stops at the first paragraph that is not a key: an epigraph belongs to the body', () => {
    const text = `Title: Lost Soul\nRating: R\n\nThese precious things, let them bleed\nlet them wash away.\n\nTori Amos, "Precious things."`;
    expect(bodyStart(text)).toBe('These precious things, let them bleed');
  });

  it('does not read keys past the start of the body', () => {
    const block = parse(`Title: Stakeout\nRating: PG\n\nIt was cold.\n\nNotes: the end.`);
    expect(block.fields.map((f) => f.label)).toEqual(['Title', 'Rating']);
  });

  it('reads A/N and Author\'s Note as notes', () => {
    const block = parse(`Title: Stakeout\nA/N: For Kim.\nAuthor's Note: Unbeta'd.\n\nIt was cold.`);
    expect(block.fields.map((f) => f.key)).toEqual(['title', 'notes', 'notes']);
  });

  it('reads a header without a title', () => {
    const block = parse(`Author: Jo\nRating: PG-13\nPairing: W/T\n\nWillow smiled.`);
    expect(block.fields.map((f) => f.key)).toEqual(['author', 'rating', 'pairing']);
    expect(isStoryHeader(block)).toBe(true);
  });

  it('reads dashed keys ("Title - Lost Soul") for keys it knows', () => {
    const block = parse(`Title - Lost Soul\nAuthor - Michael\nRating - R\n\nA night had passed.`);
    expect(fieldMap(block)).toEqual({ Title: 'Lost Soul', Author: 'Michael', Rating: 'R' });
  });

  it('reads several keys on one line, with or without a separator', () => {
    const block = parse(`Title: Lost Soul  Author: Michael\nRating: PG-13 | Pairing: Buffy/Spike | Spoilers: through Hush\nWord Count: 1,200; Disclaimer: Not mine.\n\nA night had passed.`);
    expect(block.fields.map((f) => [f.key, f.value])).toEqual([
      ['title', 'Lost Soul'],
      ['author', 'Michael'],
      ['rating', 'PG-13'],
      ['pairing', 'Buffy/Spike'],
      ['spoilers', 'through Hush'],
      ['words', '1,200'],
      ['disclaimer', 'Not mine.'],
    ]);
    expect(block.fields.map((f) => f.line)).toEqual([0, 0, 1, 1, 1, 2, 2]);
    expect(bodyStart(`Rating: R | Pairing: X/S\n\nA night had passed.`)).toBe('A night had passed.');
  });

  it('keeps one key where the words after it are a title or prose, not a second key', () => {
    const one = (line: string) => parse(`${line}\nAuthor: Jo\n\nText.`).fields[0]!;
    // Lower case, a word that is not a core header label, or a label with nothing before it.
    expect(one('Summary: Buffy reads the rating: PG, and sighs.').value).toBe('Buffy reads the rating: PG, and sighs.');
    expect(one('Title: The Story: Part Two').value).toBe('The Story: Part Two');
    expect(one('Title: Rating: Explicit').value).toBe('Rating: Explicit');
    expect(one('Current mood: tired Rating: none').value).toBe('tired Rating: none');
    // One key's line alone never becomes a header by splitting a sentence.
    expect(findHeaderBlock(linesOf('She said: the Rating thing was silly.\n\nText.'))).toBeNull();
  });
});

describe('isStoryHeader: fiction, not a recipe, a product or a review', () => {
  const story = (text: string) => isStoryHeader(parse(text));

  it('accepts the seed header', () => expect(story(SEED_HEADER)).toBe(true));
  it('accepts a title and one more story key', () => expect(story(`Title: X\nRating: PG\n\nText.`)).toBe(true));
  it('accepts two story keys without a title', () => expect(story(`Pairing: X/S\nDisclaimer: Not mine.\n\nText.`)).toBe(true));
  it('refuses one story key with an unknown one', () => expect(story(`Rating: PG\nCurrent mood: happy\nCurrent music: Tori Amos\n\nText.`)).toBe(false));
  it('refuses a recipe', () =>
    expect(story(`Title: Apple Pie\nAuthor: Martha\nServings: 8\nPrep time: 30 minutes\nIngredients:\n\nPreheat the oven.`)).toBe(false));
  it('refuses a product page', () =>
    expect(story(`Title: Stake Replica\nPrice: $34.99\nSKU: BTVS-1\nIn stock: yes\n\nHand carved.`)).toBe(false));
  it('refuses a book review', () =>
    expect(story(`Title: The Left Hand of Darkness\nAuthor: Ursula K. Le Guin\nPublisher: Ace\nISBN: 978-0441478125\n\nI first read it in college.`)).toBe(false));
  it('refuses a star rating even without other shop keys', () =>
    expect(story(`Title: The Left Hand of Darkness\nAuthor: Ursula K. Le Guin\nRating: 4/5 stars\n\nI first read it.`)).toBe(false));
  it('refuses "8 out of 10"', () => expect(story(`Title: Dune\nRating: 8 out of 10\nSummary: Sand.\n\nGood.`)).toBe(false));
});

describe('headerStory: header fields in Story terms', () => {
  it('maps the seed header', () => {
    const s = headerStory(parse(SEED_HEADER).fields);
    expect(s.title).toBe('Lost Soul');
    expect(s.authors).toEqual([{ name: 'Michael' }]);
    expect(s.relationships).toEqual(['X/S']);
    expect(s.characters).toEqual([]);
    expect(s.rating).toEqual({ raw: 'R', level: 'mature', reason: 'for language and slash kissing' });
    expect(s.summary).toBe("POV of Spike. after weeks of captivity with Buffy and the group, Spike's breaking point has been reached.");
    expect(s.disclaimer).toMatch(/^BTVS and its characters are the loving creations of Joss Whedon/);
    expect(s.fields['Spoiler warning']).toBe('This takes place within Season IV right after Hush.');
    expect(s.fields.Distribution).toBe('Please ask permission');
  });

  it('splits characters from pairings in a "Characters:" value', () => {
    const s = headerStory(parse(`Title: T\nCharacters: Willow, Tara, X/S\n\nText.`).fields);
    expect(s.characters).toEqual(['Willow', 'Tara']);
    expect(s.relationships).toEqual(['X/S']);
  });

  it('reads fandoms, canonical, and crossovers of known fandoms', () => {
    expect(headerStory(parse(`Title: T\nFandom: BtVS\n\nText.`).fields).fandoms).toEqual(['Buffy the Vampire Slayer']);
    expect(headerStory(parse(`Title: T\nFandom: BtVS/SG-1\n\nText.`).fields).fandoms).toEqual([
      'Buffy the Vampire Slayer',
      'Stargate SG-1',
    ]);
    expect(headerStory(parse(`Title: T\nFandoms: Supernatural, Teen Wolf\n\nText.`).fields).fandoms).toEqual(['Supernatural', 'Teen Wolf']);
  });

  it('takes "Series:" naming a show as the fandom, and any other as a series', () => {
    expect(headerStory(parse(`Title: T\nSeries: Smallville\n\nText.`).fields).fandoms).toEqual(['Smallville']);
    const s = headerStory(parse(`Title: T\nSeries: The Basement Tapes, part 2\n\nText.`).fields);
    expect(s.fandoms).toEqual([]);
    expect(s.series).toEqual([{ name: 'The Basement Tapes', part: 2 }]);
  });

  it('reads the other keys', () => {
    const s = headerStory(
      parse(`Title: T
Author: Jo, Kim
Pairing: Buffy/Faith; W/T
Warnings: character death, violence
Category: Angst
Genre: Romance, Hurt/Comfort
Word count: 2,345
Date: March 3, 2001
Status: WIP
A/N: For Kim.

Text.`).fields,
    );
    expect(s.authors.map((a) => a.name)).toEqual(['Jo', 'Kim']);
    expect(s.relationships).toEqual(['Buffy/Faith', 'W/T']);
    expect(s.warnings).toEqual(['character death', 'violence']);
    expect(s.categories).toEqual(['Angst']);
    expect(s.tags).toEqual(['Romance', 'Hurt/Comfort']);
    expect(s.words).toBe(2345);
    expect(s.published).toBe('2001-03-03');
    expect(s.status).toBe('in-progress');
    expect(s.notes).toEqual([{ position: 'before', text: 'For Kim.', html: '<p>For Kim.</p>' }]);
  });

  it('keeps the rating reason', () => {
    expect(headerStory(parse(`Title: T\nRating: PG-13 (mild violence)\n\nText.`).fields).rating).toEqual({
      raw: 'PG-13',
      level: 'teen',
      reason: 'mild violence',
    });
    expect(headerStory(parse(`Title: T\nRating: NC-17\n\nText.`).fields).rating).toEqual({ raw: 'NC-17', level: 'explicit' });
  });

  it('drops an e-mail address after the author name', () => {
    expect(headerStory(parse(`Title: T\nAuthor: Michael <michael@example.org>\n\nText.`).fields).authors).toEqual([{ name: 'Michael' }]);
  });
});
