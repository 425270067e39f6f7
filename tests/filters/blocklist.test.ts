// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { authorNames, blockedBy, matchesEntry, matchingEntry, storyTags } from '@/utils/filters/blocklist';
import { emptyStory, type Blurb } from '@/utils/story';
import type { Blocklist } from '@/utils/settings';

function blurb(parts: Partial<Blurb>): Blurb {
  const { chapters: _chapters, ...story } = emptyStory('otw', 'https://archiveofourown.org/works/1');
  return { ...story, id: 'ao3:1', ...parts };
}

const list = (parts: Partial<Blocklist>): Blocklist => ({ tags: [], authors: [], allowTags: [], allowAuthors: [], ...parts });

describe('matchesEntry: whole-tag wildcard matching', () => {
  it.each([
    ['Character Death', 'Character Death', true],
    ['character death', 'Character Death', true],
    ['CHARACTER DEATH', 'character death', true],
    ['  Character Death  ', 'Character Death', true],
    ['Character  Death', 'Character Death', true],
    ['Character Death', 'Major Character Death', false],
    ['Character Death', 'Character Death Fix-It', false],
    ['*Character Death', 'Major Character Death', true],
    ['*Character Death', 'Character Death', true],
    ['*Character Death', 'Character Death Fix-It', false],
    ['Character Death*', 'Character Death Fix-It', true],
    ['*Character Death*', 'Major Character Death', true],
    ['*Character Death*', 'Future Character Death', true],
    ['*Character Death*', 'Character death (not remus or sirius but still pretty heavy and sad)', true],
    ['*Character Death*', 'Death of a Character', false],
    ['Harry Potter/*', 'Harry Potter/Draco Malfoy', true],
    ['Harry Potter/*', 'Draco Malfoy/Harry Potter', false],
    ['Harry Potter/*', 'Harry Potter', false],
    ['*/Harry Potter', 'Draco Malfoy/Harry Potter', true],
    ['*Harry Potter*', 'Draco Malfoy/Harry Potter', true],
    ['Sirius*Remus*', 'Sirius Black/Remus Lupin', true],
    ['Sirius*Remus*', 'Remus Lupin/Sirius Black', false],
    ['*', 'Anything At All', true],
    ['**Death**', 'Death', true],
    ['Fluff', 'Fluff and Angst', false],
    ['Fluff*', 'Fluff and Angst', true],
    // Regular-expression characters in an entry are literal.
    ['Rape/Non-Con', 'Rape/Non-Con', true],
    ['M/M', 'M/M', true],
    ['F/M', 'M/M', false],
    ['Alternate Universe - Coffee Shops & Cafés', 'alternate universe - coffee shops & cafés', true],
    ['Fix-It (Sort Of)', 'Fix-It (Sort Of)', true],
    ['Fix-It (Sort Of)', 'Fix-It Sort Of', false],
    ['.*', 'Anything', false],
    ['a+b', 'aab', false],
    ['a+b', 'a+b', true],
    ['What?', 'What?', true],
    ['What?', 'Wha', false],
    ['[redacted]', '[Redacted]', true],
    ['ÉLAN', 'élan', true],
    ['', 'Anything', false],
    ['   ', 'Anything', false],
    ['*', '', false],
  ])('%j matches %j: %s', (entry, value, expected) => {
    expect(matchesEntry(entry, value)).toBe(expected);
  });

  it('tells which entry matched first', () => {
    expect(matchingEntry(['Angst', '*Death*', 'Death*'], 'Death of a Salesman')).toBe('*Death*');
    expect(matchingEntry(['Angst'], 'Fluff')).toBeUndefined();
  });
});

describe('authorNames: a pseud and its username both name the author', () => {
  it('splits AO3 "Pseud (username)"', () => {
    expect(authorNames({ name: 'Quill (quill_and_ember)' })).toEqual(['Quill (quill_and_ember)', 'Quill', 'quill_and_ember']);
  });
  it('keeps a plain name whole', () => {
    expect(authorNames({ name: 'small hours' })).toEqual(['small hours']);
  });
});

describe('storyTags: every tag-like field, once', () => {
  it('collects warnings, categories, fandoms, relationships, characters and tags without duplicates', () => {
    const item = blurb({
      warnings: ['Major Character Death'],
      categories: ['F/M'],
      fandoms: ['Buffy the Vampire Slayer (TV)'],
      relationships: ['Spike/Buffy Summers'],
      characters: ['Spike', 'Buffy Summers'],
      tags: ['Angst', 'angst', 'Major Character Death'],
    });
    expect(storyTags(item).map((t) => t.tag)).toEqual([
      'Buffy the Vampire Slayer (TV)',
      'Major Character Death',
      'F/M',
      'Spike/Buffy Summers',
      'Spike',
      'Buffy Summers',
      'Angst',
    ]);
  });
});

describe('blockedBy: blocklists and the allowlists that override them', () => {
  const item = blurb({
    authors: [{ name: 'Quill (quill_and_ember)' }, { name: 'small hours' }],
    warnings: ['Major Character Death'],
    fandoms: ['Buffy the Vampire Slayer (TV)'],
    relationships: ['Spike/Buffy Summers'],
    tags: ['Angst', 'Fluff and Angst', 'Fix-It'],
  });

  it('reports nothing with empty lists', () => {
    expect(blockedBy(item, list({}))).toEqual({ authors: [], tags: [] });
  });

  it('reports each blocked tag as the story shows it', () => {
    expect(blockedBy(item, list({ tags: ['*Angst*'] }))).toEqual({ authors: [], tags: ['Angst', 'Fluff and Angst'] });
    expect(blockedBy(item, list({ tags: ['*character death*'] })).tags).toEqual(['Major Character Death']);
  });

  it('matches tags in every field: relationships, fandoms, warnings', () => {
    expect(blockedBy(item, list({ tags: ['Spike/*'] })).tags).toEqual(['Spike/Buffy Summers']);
    expect(blockedBy(item, list({ tags: ['Buffy the Vampire Slayer (TV)'] })).tags).toEqual(['Buffy the Vampire Slayer (TV)']);
  });

  it('matches the rating as the page writes it, as AO3 Savior users block "Explicit"', () => {
    const explicit = blurb({ rating: { raw: 'Explicit', level: 'explicit' }, tags: ['Fluff'] });
    expect(blockedBy(explicit, list({ tags: ['explicit'] })).tags).toEqual(['Explicit']);
    expect(blockedBy(explicit, list({ tags: ['Mature'] })).tags).toEqual([]);
  });

  it('blocks a fandom by its canonical name and reports the name the page used', () => {
    expect(blockedBy(item, list({ tags: ['Buffy the Vampire Slayer'] })).tags).toEqual(['Buffy the Vampire Slayer (TV)']);
  });

  it('blocks an author by display name, pseud or username, with wildcards', () => {
    expect(blockedBy(item, list({ authors: ['quill_and_ember'] })).authors).toEqual(['Quill (quill_and_ember)']);
    expect(blockedBy(item, list({ authors: ['QUILL'] })).authors).toEqual(['Quill (quill_and_ember)']);
    expect(blockedBy(item, list({ authors: ['small*'] })).authors).toEqual(['small hours']);
    expect(blockedBy(item, list({ authors: ['hours'] })).authors).toEqual([]);
  });

  it('an allowed tag lifts every tag block, as AO3 Savior does', () => {
    expect(blockedBy(item, list({ tags: ['*Angst*', '*Death*'], allowTags: ['fix-it'] })).tags).toEqual([]);
    expect(blockedBy(item, list({ tags: ['*Angst*'], allowTags: ['Fluff*'] })).tags).toEqual([]);
  });

  it('an allowed tag the story does not carry lifts nothing', () => {
    expect(blockedBy(item, list({ tags: ['*Angst*'], allowTags: ['Hurt/Comfort'] })).tags).toEqual(['Angst', 'Fluff and Angst']);
  });

  it('an allowed tag does not lift an author block', () => {
    expect(blockedBy(item, list({ authors: ['small hours'], allowTags: ['Angst'] })).authors).toEqual(['small hours']);
  });

  it('an allowed author lifts author and tag blocks on their stories', () => {
    const blocks = list({ authors: ['*'], tags: ['*Angst*'], allowAuthors: ['small hours'] });
    expect(blockedBy(item, blocks)).toEqual({ authors: [], tags: [] });
    const other = blurb({ authors: [{ name: 'Tidewater' }], tags: ['Angst'] });
    expect(blockedBy(other, blocks)).toEqual({ authors: ['Tidewater'], tags: ['Angst'] });
  });
});
