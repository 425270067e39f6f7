// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FandomData } from '@/utils/fandoms/types';
import { FANDOMS } from '@/utils/fandoms';
import { parseSpoilerLine, spoilerMarks, textHints } from '@/utils/metadata/spoilers';
import { emptyStory, type SpoilerMark } from '@/utils/story';
import { classifyPage } from '@/utils/sites';
import { loadPage } from '../helpers/fixtures';

const BUFFY = 'Buffy the Vampire Slayer';
const ANGEL = 'Angel: the Series';

/** The real guides once they carry episodes; until then a small guide of our own with real numbering. */
const realBuffy = FANDOMS.find((f) => f.name === BUFFY);
const realAngel = FANDOMS.find((f) => /^Angel/.test(f.name));

function miniGuide(base: FandomData | undefined, name: string, aliases: string[], seasons: number[], named: Array<[number, number, string, string[]?]>): FandomData {
  const episodes = seasons.flatMap((count, i) =>
    Array.from({ length: count }, (_, j) => {
      const hit = named.find(([s, e]) => s === i + 1 && e === j + 1);
      return { season: i + 1, episode: j + 1, title: hit?.[2] ?? `Episode ${i + 1}-${j + 1}`, also: hit?.[3] };
    }),
  );
  return { ...(base ?? { owners: [], characters: [] }), name, aliases, episodes } as FandomData;
}

const buffyGuide: FandomData =
  realBuffy?.episodes?.length
    ? realBuffy
    : miniGuide(realBuffy, BUFFY, realBuffy?.aliases ?? ['BtVS', 'Buffy'], [12, 22, 22, 22, 22, 22, 22], [
        [1, 7, 'Angel'],
        [2, 21, 'Becoming, Part 1', ['Becoming (1)']],
        [2, 22, 'Becoming, Part 2', ['Becoming (2)']],
        [3, 9, 'The Wish'],
        [4, 9, 'Something Blue'],
        [4, 10, 'Hush'],
        [4, 22, 'Restless'],
        [5, 7, 'Fool for Love'],
        [5, 14, 'Crush'],
        [5, 15, 'I Was Made to Love You'],
        [5, 22, 'The Gift'],
        [6, 7, 'Once More, with Feeling'],
        [6, 8, 'Tabula Rasa'],
        [6, 16, "Hell's Bells"],
        [6, 19, 'Seeing Red'],
        [6, 22, 'Grave'],
        [7, 6, 'Him'],
        [7, 17, 'Lies My Parents Told Me'],
        [7, 22, 'Chosen'],
      ]);
const angelGuide: FandomData =
  realAngel?.episodes?.length
    ? realAngel
    : miniGuide(realAngel, realAngel?.name ?? ANGEL, realAngel?.aliases ?? ['Angel (TV)', 'AtS'], [22, 22, 22, 22, 22], [
        [1, 13, 'She'],
        [2, 15, 'Reprise'],
        [2, 17, 'Disharmony'],
        [5, 15, 'A Hole in the World'],
        [5, 22, 'Not Fade Away'],
      ]);
const ANGEL_NAME = angelGuide.name;
const guides = [buffyGuide, angelGuide];
const opts = { guides };

/** Marks as compact "fandom SxE" strings, sorted, so rows read like the table they are. */
function short(marks: SpoilerMark[]): string[] {
  return marks
    .map((m) => `${m.fandom === BUFFY ? 'B' : m.fandom === ANGEL_NAME ? 'A' : m.fandom} ${m.season}${m.episode !== undefined ? `x${m.episode}` : ''}`)
    .sort();
}

const header = (raw: string, fandoms = [BUFFY]) => short(parseSpoilerLine(raw, fandoms, 'header', opts));
const tag = (raw: string, fandoms = [BUFFY]) => short(parseSpoilerLine(raw, fandoms, 'tag', opts));

describe('parseSpoilerLine: header phrasings', () => {
  it.each<[string, string[], string[]]>([
    ["Spoilers: through 5x15 'A Hole in the World'", [ANGEL], ['A 5x15']],
    ["through 5x15 'A Hole in the World'", [BUFFY, ANGEL], ['A 5x15']],
    ['This takes place within Season IV right after Hush.', [BUFFY], ['B 4x10']],
    ['Spoiler warning: This takes place within Season IV right after Hush.', [BUFFY], ['B 4x10']],
    ['post-Chosen', [BUFFY], ['B 7x22']],
    ["set after 'Becoming'", [BUFFY], ['B 2x22']],
    ['set after Becoming, Part 1', [BUFFY], ['B 2x21']],
    ['Becoming (1)', [BUFFY], ['B 2x21']],
    ['up to the end of season six', [BUFFY], ['B 6']],
    ['S4', [BUFFY], ['B 4']],
    ['season four', [BUFFY], ['B 4']],
    ['Season IV', [BUFFY], ['B 4']],
    ['the fourth season', [BUFFY], ['B 4']],
    ['4th season', [BUFFY], ['B 4']],
    ['4x10', [BUFFY], ['B 4x10']],
    ['4.10', [BUFFY], ['B 4x10']],
    ['s04e10', [BUFFY], ['B 4x10']],
    ['S4E10', [BUFFY], ['B 4x10']],
    ['S4 Ep 10', [BUFFY], ['B 4x10']],
    ['ep 4.10', [BUFFY], ['B 4x10']],
    ['season 4, episode 10', [BUFFY], ['B 4x10']],
    ['through Seeing Red', [BUFFY], ['B 6x19']],
    ['through seeing red', [BUFFY], ['B 6x19']],
    ['spoilers for all seven seasons', [BUFFY], ['B 7']],
    ['everything up to Tabula Rasa', [BUFFY], ['B 6x8']],
    ['AU after Season 3', [BUFFY], ['B 3']],
    ['none', [BUFFY], []],
    ['No spoilers', [BUFFY], []],
    ['None, really.', [BUFFY], []],
    ['Buffy S5, Angel S2', [BUFFY, ANGEL], ['A 2', 'B 5']],
    ['Spoilers: Buffy S5, Angel S2', [BUFFY], ['A 2', 'B 5']],
    ['BtVS through The Gift; AtS through Disharmony', [BUFFY, ANGEL], ['A 2x17', 'B 5x22']],
    ["minor spoilers for 'Fool for Love'", [BUFFY], ['B 5x7']],
    ['Once More, with Feeling', [BUFFY], ['B 6x7']],
    ['once more with feeling', [BUFFY], ['B 6x7']],
    ['Hells Bells', [BUFFY], ['B 6x16']],
    ['"Lies My Parents Told Me"', [BUFFY], ['B 7x17']],
    ['Season 9', [BUFFY], ['B 9']],
    ['seasons 1-5', [BUFFY], ['B 5']],
    ['S1-S3', [BUFFY], ['B 3']],
    ['Through season 6, especially Seeing Red', [BUFFY], ['B 6', 'B 6x19']],
    ['Pre-Season 5', [BUFFY], ['B 4']],
    ['before Hush', [BUFFY], ['B 4x9']],
    ['set after the series finale', [BUFFY], ['B 7x22']],
    ['Post-Not Fade Away', [ANGEL], ['A 5x22']],
    ['Everything, the whole series', [ANGEL], ['A 5x22']],
    ['Restless, Hush', [BUFFY], ['B 4x10', 'B 4x22']],
    ["Angel's return in season 3", [BUFFY, ANGEL], ['A 3', 'B 3']],
    ["Angel's return in season 3", [BUFFY], ['B 3']],
    ['season 2 of Angel', [BUFFY, ANGEL], ['A 2']],
    ['AtS: season 4', [BUFFY], ['A 4']],
  ])('%s (%j) → %j', (raw, fandoms, expected) => {
    expect(header(raw, fandoms)).toEqual(expected);
  });

  it('gives the fandom canonical name, the source, the raw text and the episode title', () => {
    const [mark] = parseSpoilerLine("Spoilers: through 5x15 'A Hole in the World'", ['Angel (TV)'], 'header', opts);
    expect(mark).toEqual({
      fandom: ANGEL_NAME,
      season: 5,
      episode: 15,
      title: 'A Hole in the World',
      source: 'header',
      raw: "Spoilers: through 5x15 'A Hole in the World'",
    });
  });

  it('trusts a title over the code beside it when they disagree', () => {
    expect(header('Post-Episode: s06e18 Seeing Red')).toEqual(['B 6x19']);
  });

  it('reads one-word titles only where a title is meant', () => {
    expect(header('Spoilers: a crush on him, nothing major')).toEqual([]);
    expect(header('Spoilers: up to Him')).toEqual(['B 7x6']);
    expect(header('right after Crush')).toEqual(['B 5x14']);
  });

  it('needs a guide: a fandom without one gives no marks', () => {
    expect(header('Spoilers: season 4', ['Merlin (TV)'])).toEqual([]);
    expect(header('Spoilers: Harry Potter book 7, Buffy S2', [BUFFY])).toEqual(['B 2']);
  });

  it('gives every story fandom a numeric mark when the line does not say which', () => {
    expect(header('Spoilers: through season 2', [BUFFY, ANGEL])).toEqual(['A 2', 'B 2']);
  });
});

describe('parseSpoilerLine: titles whose only other word is no longer than "The"', () => {
  // The title expression makes a leading "The" optional; the quick test before it must not require it.
  const supernatural = FANDOMS.find((f) => f.name === 'Supernatural')!;
  const marks = (raw: string) => parseSpoilerLine(raw, [supernatural.name], 'header').map((m) => `${m.season}x${m.episode} ${m.title}`);
  it('finds "The End" written with or without its "The"', () => {
    expect(supernatural.episodes?.find((e) => e.title === 'The End')).toMatchObject({ season: 5, episode: 4 });
    expect(marks('Post-The End')).toEqual(['5x4 The End']);
    expect(marks('Spoilers through End')).toEqual(['5x4 The End']);
  });
});

describe('parseSpoilerLine: tags', () => {
  it.each<[string, string[]]>([
    ['Post-Episode: s06e19 Seeing Red', ['B 6x19']],
    ['Episode: Once More, with Feeling', ['B 6x7']],
    ['Episode: s04e10 Hush', ['B 4x10']],
    ['Season/Series 06', ['B 6']],
    ['Post-Season/Series 04', ['B 4']],
    ['Pre-Season/Series 04', ['B 3']],
    ['Post-Canon', ['B 7x22']],
    ['Pre-Canon', []],
    ['Canon Compliant', []],
    ['Not Canon Compliant', []],
    ['Series Finale', ['B 7x22']],
    ['Episode Related', []],
    ['Episode Tag', []],
    ['Coda', []],
    ['Missing Scene', []],
    ['Missing Scene from Seeing Red', ['B 6x19']],
    ['Coda to Fool for Love', ['B 5x7']],
    ['Season 4 AU', ['B 4']],
    ['Pre-Episode: s04e10 Hush', ['B 4x9']],
    ['Post-Episode: Hush (Buffy the Vampire Slayer)', ['B 4x10']],
    ['Post-Episode: s01e06 The Cottage (Heated Rivalry)', []],
    ['Post-Episode: s04e10 Hush (Mostly)', ['B 4x10']],
    ['Season 2 (Harry Potter)', []],
    ['Angst', []],
    ['Crush', []],
    ['Family', []],
    ['Fluff', []],
    ['Once More With Feeling', ['B 6x7']],
  ])('%s → %j', (raw, expected) => {
    expect(tag(raw)).toEqual(expected);
  });

  it('marks tags with source "tag"', () => {
    expect(parseSpoilerLine('Season/Series 06', [BUFFY], 'tag', opts)[0]).toMatchObject({ source: 'tag', raw: 'Season/Series 06', season: 6 });
  });
});

describe('spoilerMarks: summaries, notes and fields', () => {
  const story = (over: Partial<ReturnType<typeof emptyStory>>) => ({ ...emptyStory('test', 'https://example.org/s'), fandoms: [BUFFY], ...over });

  it.each<[string, string[]]>([
    ['Buffy faces her past. Spoilers for season 6.', ['B 6']],
    ['Set post-Grave. Willow heals.', ['B 6x22']],
    ["Xander and Spike talk (spoilers through 'Lies My Parents Told Me').", ['B 7x17']],
    ['A Season 3 fic about Faith.', ['B 3']],
    ['A missing scene for 4x10.', ['B 4x10']],
    ['Set right after Hush, Giles tries to talk.', ['B 4x10']],
    ['Post-apocalyptic Sunnydale; no spoilers.', []],
    ['Buffy and Spike post-Chosen.', ['B 7x22']],
    ['Willow has a crush on someone. Set in the first season.', ['B 1']],
    // Cues and codes broken by line breaks and non-breaking spaces read as they do on one line.
    ['Set\n\npost-Grave.', ['B 6x22']],
    ['Willow heals. Post\nGrave.', ['B 6x22']],
    ['It takes\n  place right after Hush.', ['B 4x10']],
    ['A coda\u00a0to 4x10.', ['B 4x10']],
    ['A missing\nscene for Hush.', ['B 4x10']],
    ['AU\nafter season\u00a03.', ['B 3']],
    ['Faith, season\n3.', ['B 3']],
    ['S4\tE10 again.', ['B 4x10']],
    ['A quiet afternoon; the settee is upset.', []],
  ])('summary %j → %j', (summary, expected) => {
    expect(short(spoilerMarks(story({ summary }), opts))).toEqual(expected);
  });

  it('reads header fields by their label and notes', () => {
    const marks = spoilerMarks(
      story({
        fields: { 'Spoiler warning': 'Season IV, right after Hush', Rating: 'PG-13 for season 5 language' },
        notes: [{ position: 'before', text: 'Spoilers: through The Gift.', html: '' }],
      }),
      opts,
    );
    expect(short(marks)).toEqual(['B 4x10', 'B 5x22']);
    expect(marks.find((m) => m.episode === 10)).toMatchObject({ source: 'header', raw: 'Season IV, right after Hush', title: 'Hush' });
  });

  it('reads freeform tags with source "tag" and ignores the rest', () => {
    const marks = spoilerMarks(story({ tags: ['Angst', 'Post-Episode: s06e19 Seeing Red', 'Canon Compliant'] }), opts);
    expect(marks).toEqual([expect.objectContaining({ fandom: BUFFY, season: 6, episode: 19, source: 'tag', raw: 'Post-Episode: s06e19 Seeing Red' })]);
  });

  it('gives each story its own marks: changing one does not change the next answer', () => {
    const first = spoilerMarks(story({ tags: ['Post-Episode: s06e19 Seeing Red'], summary: 'Spoilers for season 6.' }), opts);
    for (const mark of first) mark.season = 99;
    const again = spoilerMarks(story({ tags: ['Post-Episode: s06e19 Seeing Red'], summary: 'Spoilers for season 6.' }), opts);
    expect(short(again)).toEqual(['B 6', 'B 6x19']);
  });

  it('works on a blurb (no chapters)', () => {
    const { chapters: _c, ...blurb } = story({ summary: 'spoilers for season 6' });
    expect(short(spoilerMarks(blurb, opts))).toEqual(['B 6']);
  });
});

describe('textHints', () => {
  const hinted: FandomData = {
    ...buffyGuide,
    hints: [
      { pattern: 'Glory|Glorificus', season: 5, episode: 5, strength: 'strong', what: 'Glory' },
      { pattern: "Spike(?:'s|’s)? soul|(?:got|has|with) (?:his|a) soul", season: 7, episode: 1, strength: 'strong', what: "Spike's soul" },
      { pattern: 'the bathroom', season: 6, episode: 19, strength: 'weak', what: 'the bathroom' },
      { pattern: '(unbalanced', season: 1, episode: 1, strength: 'weak', what: 'broken' },
      // Its starts can be read ("glory x"), but it does not compile: it must match nothing and stop nothing.
      { pattern: 'Glory x[z-a]', season: 1, episode: 2, strength: 'strong', what: 'broken, with starts' },
    ],
  };
  const hintOpts = { guides: [hinted] };

  it('finds each hint once, with its strength, the words that matched and what it is', () => {
    const marks = textHints('Glory was gone. Glory xa. Glorificus, rather. After the bathroom, Spike left.', [BUFFY], hintOpts);
    expect(marks).toEqual([
      { fandom: BUFFY, season: 5, episode: 5, title: buffyGuide.episodes!.find((e) => e.season === 5 && e.episode === 5)!.title, source: 'text', raw: 'Glory', strength: 'strong', what: expect.any(String) },
      { fandom: BUFFY, season: 6, episode: 19, title: 'Seeing Red', source: 'text', raw: 'the bathroom', strength: 'weak', what: expect.stringMatching(/\S/) },
    ]);
  });

  it('matches whole words, any case, and only for the story’s fandoms', () => {
    expect(textHints('A glorious morning.', [BUFFY], hintOpts)).toEqual([]);
    expect(textHints('GLORY fell.', [BUFFY], hintOpts)).toHaveLength(1);
    expect(textHints('Glory fell.', ['Harry Potter'], hintOpts)).toEqual([]);
  });

  it('counts chapter text in spoilerMarks, only the first 60,000 characters', () => {
    const base = { ...emptyStory('test', 'https://example.org/s'), fandoms: [BUFFY] };
    const chapter = (text: string, index: number) => ({ index, html: '', text, words: 0 });
    const early = spoilerMarks({ ...base, chapters: [chapter('He has a soul now.', 1)] }, hintOpts);
    expect(early).toEqual([expect.objectContaining({ source: 'text', season: 7, episode: 1, strength: 'strong' })]);
    const late = spoilerMarks({ ...base, chapters: [chapter('x '.repeat(31_000), 1), chapter('Glory came.', 2)] }, hintOpts);
    expect(late).toEqual([]);
  });
});

describe('spoilerMarks on real pages (through classifyPage)', () => {
  /** The real Buffy hints once they exist; until then two hints of our own, with the episodes canon gives them. */
  const pageGuides: FandomData[] = buffyGuide.hints?.length
    ? guides
    : [
        {
          ...buffyGuide,
          hints: [
            { pattern: 'the bathroom', season: 6, episode: 19, strength: 'weak', what: 'the bathroom' },
            { pattern: 'tried to rape her', season: 6, episode: 19, strength: 'strong', what: 'Seeing Red' },
          ],
        },
        angelGuide,
      ];

  function storyOf(name: string, url: string) {
    const result = classifyPage(loadPage(name, url), url);
    expect(result.kind).toBe('story');
    return result.story!;
  }

  it('header page: "Spoiler warning: … Season IV right after Hush" → Buffy 4x10 from the header', () => {
    const story = storyOf('pages/header-p-per-line.html', 'https://example.org/fic/lost-soul.html');
    const marks = spoilerMarks(story, { guides: pageGuides });
    const header = marks.filter((m) => m.source === 'header');
    expect(header).toEqual([
      { fandom: BUFFY, season: 4, episode: 10, title: 'Hush', source: 'header', raw: 'This takes place within Season IV right after Hush.' },
    ]);
    expect(marks.filter((m) => m.source === 'tag')).toEqual([]);
  });

  it('eFiction seed: no header mark, but the text hints at late season 6', () => {
    const story = storyOf('pages/efiction-spuffy-default-chapter.html', 'https://example.org/viewstory.php?sid=1');
    const marks = spoilerMarks(story, { guides: pageGuides });
    expect(marks.filter((m) => m.source !== 'text')).toEqual([]);
    const text = marks.filter((m) => m.source === 'text');
    // The bathroom (6x19) at least; the story may hint later still (the duster in the school basement).
    const atOrAfterSeeingRed = text.filter((m) => m.fandom === BUFFY && (m.season > 6 || (m.season === 6 && (m.episode ?? 22) >= 19)));
    expect(atOrAfterSeeingRed.length).toBeGreaterThan(0);
    expect(text.every((m) => m.raw.length > 0 && (m.strength === 'strong' || m.strength === 'weak'))).toBe(true);
  });
});

describe('spoilerMarks on AO3 listing blurbs (episode tags)', () => {
  const realMerlin = FANDOMS.find((f) => f.name.startsWith('Merlin'));
  const merlinGuide: FandomData = realMerlin?.episodes?.length
    ? realMerlin
    : miniGuide(realMerlin, realMerlin?.name ?? 'Merlin', realMerlin?.aliases ?? ['Merlin (TV)'], [13, 13, 13, 13, 13], [[2, 3, 'The Nightmare Begins']]);
  const listingOpts = { guides: [buffyGuide, angelGuide, merlinGuide] };

  function blurbs(name: string, url: string) {
    const result = classifyPage(loadPage(name, url), url);
    expect(result.kind).toBe('listing');
    return result.listing!.items;
  }

  it('reads "Episode: s02e03 The Nightmare Begins" and "Season/Series 04" on Merlin works', () => {
    const items = blurbs('ao3/EDITED-marked-for-later-listing.html', 'https://archiveofourown.org/users/x/readings?show=to-read');
    const byId = (id: string) => spoilerMarks(items.find((b) => b.id === id)!, listingOpts);
    expect(byId('ao3:13237155')).toEqual([
      { fandom: merlinGuide.name, season: 2, episode: 3, title: 'The Nightmare Begins', source: 'tag', raw: 'Episode: s02e03 The Nightmare Begins' },
    ]);
    expect(byId('ao3:2025849')).toEqual([expect.objectContaining({ fandom: merlinGuide.name, season: 4, source: 'tag' })]);
    expect(byId('ao3:2025849')[0]!.episode).toBeUndefined();
  });

  it('gives nothing for works whose fandoms have no guide, whatever their tags say', () => {
    const items = blurbs('ao3/series-2817877.html', 'https://archiveofourown.org/series/2817877');
    const tagged = items.filter((b) => b.tags.some((t) => /^Post-(?:Canon|Episode)/.test(t)));
    expect(tagged.length).toBeGreaterThan(0);
    for (const b of tagged) expect(spoilerMarks(b, listingOpts)).toEqual([]);
  });
});
