// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadPage } from '../helpers/fixtures';
import { isBeyond, progressLabel, verdict } from '@/utils/filters/verdict';
import { classifyPage } from '@/utils/sites';
import { fandomData } from '@/utils/fandoms/episodes';
import { DEFAULT_SETTINGS, type Settings, type WatchProgress } from '@/utils/settings';
import { emptyStory, type Blurb, type SpoilerMark, type Story } from '@/utils/story';
import { parseRating } from '@/utils/metadata/rating';
import { spoilerMarks } from '@/utils/metadata/spoilers';

const BUFFY = 'Buffy the Vampire Slayer';
/** A fandom FicShelf has no episode guide for: labels come from the marks alone. */
const FIREFLY = 'Firefly';

type SettingsPatch = {
  progress?: Record<string, WatchProgress>;
  sensitivity?: Settings['spoilers']['sensitivity'];
  allowStories?: string[];
  ratings?: Partial<Settings['ratings']>;
  blocklist?: Partial<Settings['blocklist']>;
};

function settings(patch: SettingsPatch = {}): Settings {
  const s = structuredClone(DEFAULT_SETTINGS);
  if (patch.progress) s.spoilers.progress = patch.progress;
  if (patch.sensitivity) s.spoilers.sensitivity = patch.sensitivity;
  if (patch.allowStories) s.spoilers.allowStories = patch.allowStories;
  Object.assign(s.ratings, patch.ratings);
  Object.assign(s.blocklist, patch.blocklist);
  return s;
}

function blurb(parts: Partial<Blurb> = {}): Blurb {
  const { chapters: _chapters, ...story } = emptyStory('otw', 'https://archiveofourown.org/works/42');
  return { ...story, id: 'ao3:42', title: 'A Story', rating: parseRating('Teen And Up Audiences'), ...parts };
}

function story(parts: Partial<Story> = {}): Story {
  return { ...emptyStory('ffnet', 'https://www.fanfiction.net/s/7'), id: 'ffnet:7', rating: parseRating('T'), ...parts };
}

const mark = (fandom: string, season: number, episode?: number, extra: Partial<SpoilerMark> = {}): SpoilerMark => ({
  fandom,
  season,
  ...(episode === undefined ? {} : { episode }),
  source: 'header',
  raw: `S${season}${episode === undefined ? '' : `E${episode}`}`,
  ...extra,
});

const hint = (fandom: string, season: number, episode: number, raw: string, strength: 'strong' | 'weak'): SpoilerMark =>
  mark(fandom, season, episode, { source: 'text', raw, strength });

describe('verdict: nothing to hide', () => {
  it('shows a Teen story with default settings', () => {
    expect(verdict(blurb(), settings())).toEqual({ hide: false, reasons: [], spoils: [] });
  });

  it('shows a story whose marks name no fandom the reader tracks', () => {
    const item = blurb({ spoilers: [mark(FIREFLY, 1, 14)] });
    expect(verdict(item, settings({ progress: { [BUFFY]: { season: 4, episode: 9 } } })).hide).toBe(false);
  });
});

describe('verdict: ratings on the one scale', () => {
  it.each([
    ['Explicit', 'teen', 'Rated Explicit — your limit is Teen'],
    ['Mature', 'teen', 'Rated Mature — your limit is Teen'],
    ['MA', 'mature', 'Rated Explicit — your limit is Mature'],
    ['NC-17', 'general', 'Rated Explicit — your limit is General'],
    ['R', 'general', 'Rated Mature — your limit is General'],
    ['PG-13', 'general', 'Rated Teen — your limit is General'],
    ['M', 'teen', 'Rated Mature — your limit is Teen'],
  ] as const)('%s above a %s limit', (raw, max, reason) => {
    const v = verdict(blurb({ rating: parseRating(raw) }), settings({ ratings: { max } }));
    expect(v).toEqual({ hide: true, reasons: [reason], spoils: [] });
  });

  it.each([
    ['Teen And Up Audiences', 'teen'],
    ['K+', 'teen'],
    ['General Audiences', 'general'],
    ['Explicit', 'explicit'],
    ['FR15', 'mature'],
  ] as const)('%s within a %s limit', (raw, max) => {
    expect(verdict(blurb({ rating: parseRating(raw) }), settings({ ratings: { max } })).hide).toBe(false);
  });

  it('shows unrated stories when the reader shows them, at any limit', () => {
    expect(verdict(blurb({ rating: parseRating('Not Rated') }), settings({ ratings: { max: 'general', unrated: 'show' } })).hide).toBe(false);
    expect(verdict(blurb({ rating: parseRating('') }), settings({ ratings: { max: 'general' } })).hide).toBe(false);
  });

  it('hides unrated stories when the reader hides them', () => {
    for (const raw of ['Not Rated', '', 'Some rating nobody knows']) {
      expect(verdict(blurb({ rating: parseRating(raw) }), settings({ ratings: { unrated: 'hide' } }))).toEqual({
        hide: true,
        reasons: ['Not rated — you hide unrated stories'],
        spoils: [],
      });
    }
  });
});

describe('verdict: archive warnings', () => {
  const item = blurb({ warnings: ['Graphic Depictions Of Violence', 'Major Character Death'] });

  it('hides a warning the reader hides, matched whole and ignoring case', () => {
    expect(verdict(item, settings({ ratings: { hideWarnings: ['major character death'] } })).reasons).toEqual([
      'Warning: Major Character Death',
    ]);
  });

  it('names every hidden warning in one reason', () => {
    const v = verdict(item, settings({ ratings: { hideWarnings: ['Major Character Death', 'Graphic Depictions Of Violence'] } }));
    expect(v.reasons).toEqual(['Warnings: Graphic Depictions Of Violence, Major Character Death']);
  });

  it('does not hide on part of a warning', () => {
    expect(verdict(item, settings({ ratings: { hideWarnings: ['Character Death'] } })).hide).toBe(false);
  });

  it('is not lifted by the tag allowlist', () => {
    const s = settings({ ratings: { hideWarnings: ['Major Character Death'] }, blocklist: { allowTags: ['Major Character Death'] } });
    expect(verdict(item, s).hide).toBe(true);
  });
});

describe('verdict: blocklists', () => {
  const item = blurb({
    authors: [{ name: 'Quill (quill_and_ember)' }],
    relationships: ['Harry Potter/Draco Malfoy'],
    tags: ['Angst', 'Character Death', 'Fix-It'],
  });

  it('names the blocked tag', () => {
    expect(verdict(item, settings({ blocklist: { tags: ['character death'] } })).reasons).toEqual(['Tag blocked: Character Death']);
  });

  it('names several blocked tags in one reason', () => {
    expect(verdict(item, settings({ blocklist: { tags: ['Harry Potter/*', 'Angst'] } })).reasons).toEqual([
      'Tags blocked: Harry Potter/Draco Malfoy, Angst',
    ]);
  });

  it('names the blocked author', () => {
    expect(verdict(item, settings({ blocklist: { authors: ['quill_and_ember'] } })).reasons).toEqual([
      'Author blocked: Quill (quill_and_ember)',
    ]);
  });

  it('puts the author before tags', () => {
    expect(verdict(item, settings({ blocklist: { authors: ['Quill'], tags: ['Angst'] } })).reasons).toEqual([
      'Author blocked: Quill (quill_and_ember)',
      'Tag blocked: Angst',
    ]);
  });

  it('an allowed tag on the story lifts the tag block', () => {
    expect(verdict(item, settings({ blocklist: { tags: ['*Death*'], allowTags: ['Fix-It'] } })).hide).toBe(false);
  });

  it('an allowed author lifts tag blocks but not the rating limit', () => {
    const s = settings({ blocklist: { tags: ['Angst'], allowAuthors: ['quill_and_ember'] }, ratings: { max: 'general' } });
    expect(verdict(item, s).reasons).toEqual(['Rated Teen — your limit is General']);
  });
});

describe('verdict: spoilers stated by headers and tags', () => {
  const through = (season: number, episode: number) => settings({ progress: { [BUFFY]: { season, episode } } });

  it('hides a story marked after the reader’s progress and says which episode', () => {
    const v = verdict(blurb({ spoilers: [mark(BUFFY, 6, 19, { title: 'Seeing Red', source: 'tag' })] }), through(4, 9));
    expect(v).toEqual({
      hide: true,
      reasons: ["Spoils Buffy S6E19 Seeing Red — you've watched through S4E9"],
      spoils: [{ fandom: BUFFY, season: 6, episode: 19 }],
    });
  });

  it('shows a story marked at or before the reader’s progress', () => {
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 4, 10)] }), through(4, 10)).hide).toBe(false);
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 4, 9)] }), through(4, 10)).hide).toBe(false);
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 3)] }), through(4, 1)).hide).toBe(false);
  });

  it('hides the next episode of the same season', () => {
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 4, 10)] }), through(4, 9)).reasons).toEqual([
      "Spoils Buffy S4E10 Hush — you've watched through S4E9",
    ]);
  });

  it('treats a whole-season mark as that season’s finale', () => {
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 4)] }), through(4, 9)).reasons).toEqual([
      "Spoils Buffy Season 4 — you've watched through S4E9",
    ]);
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 4)] }), through(4, 22)).hide).toBe(false);
  });

  it('reports the latest spoiled episode once per fandom', () => {
    const v = verdict(blurb({ spoilers: [mark(BUFFY, 5, 15), mark(BUFFY, 6, 19), mark(BUFFY, 6), mark(BUFFY, 5)] }), through(4, 9));
    expect(v.reasons).toEqual(["Spoils Buffy Season 6 — you've watched through S4E9"]);
    expect(v.spoils).toEqual([{ fandom: BUFFY, season: 6 }]);
  });

  it('reads progress under the canonical name when a mark names the fandom by an alias', () => {
    const v = verdict(blurb({ spoilers: [mark('BtVS', 5, 15)] }), through(4, 9));
    expect(v.spoils).toEqual([{ fandom: BUFFY, season: 5, episode: 15 }]);
  });

  it('reads progress the reader stored under an alias', () => {
    const s = settings({ progress: { 'Buffy the Vampire Slayer (TV)': { season: 4, episode: 9 } } });
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 4, 10)] }), s).reasons).toEqual([
      "Spoils Buffy S4E10 Hush — you've watched through S4E9",
    ]);
  });

  it('ignores a mark without a season number', () => {
    expect(verdict(blurb({ spoilers: [mark(BUFFY, Number.NaN)] }), through(4, 9)).hide).toBe(false);
  });

  it('lists a stated spoiler before a hint about another fandom', () => {
    const s = settings({ progress: { [BUFFY]: { season: 4, episode: 9 }, [FIREFLY]: { season: 1, episode: 3 } }, sensitivity: 'cautious' });
    const v = verdict(blurb({ spoilers: [hint(BUFFY, 5, 1, 'Dawn', 'weak'), mark(FIREFLY, 1, 11)] }), s);
    expect(v.reasons).toEqual([
      "Spoils Firefly S1E11 — you've watched through S1E3",
      "May spoil Buffy S5 (mentions Dawn) — you've watched through S4E9",
    ]);
    expect(v.spoils).toEqual([
      { fandom: FIREFLY, season: 1, episode: 11 },
      { fandom: BUFFY, season: 5, episode: 1 },
    ]);
  });

  it('gives one reason per spoiled fandom, in the order the marks name them', () => {
    const s = settings({ progress: { [BUFFY]: { season: 4, episode: 9 }, [FIREFLY]: { season: 1, episode: 3 } } });
    const v = verdict(blurb({ spoilers: [mark(FIREFLY, 1, 8, { title: 'Out of Gas' }), mark(BUFFY, 7, 22)] }), s);
    expect(v.reasons).toEqual([
      "Spoils Firefly S1E8 Out of Gas — you've watched through S1E3",
      "Spoils Buffy S7E22 Chosen — you've watched through S4E9",
    ]);
  });

  it('without an episode guide, labels the mark by its own title, or by number', () => {
    const s = settings({ progress: { [FIREFLY]: { season: 1, episode: 3 } } });
    expect(verdict(blurb({ spoilers: [mark(FIREFLY, 1, 11)] }), s).reasons).toEqual([
      "Spoils Firefly S1E11 — you've watched through S1E3",
    ]);
    expect(verdict(blurb({ spoilers: [mark(FIREFLY, 1)] }), s).reasons).toEqual([
      "Spoils Firefly Season 1 — you've watched through S1E3",
    ]);
  });

  it('does not filter a fandom the reader finished, is not watching, or never set', () => {
    const item = blurb({ spoilers: [mark(BUFFY, 7, 22)] });
    expect(verdict(item, settings({ progress: { [BUFFY]: 'all' } })).hide).toBe(false);
    expect(verdict(item, settings({ progress: { [BUFFY]: 'none' } })).hide).toBe(false);
    expect(verdict(item, settings({ progress: {} })).hide).toBe(false);
  });

  it('counts episode 0 of a season as the end of the season before', () => {
    const s = settings({ progress: { [BUFFY]: { season: 5, episode: 0 } } });
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 4)] }), s).hide).toBe(false);
    expect(verdict(blurb({ spoilers: [mark(BUFFY, 5, 1)] }), s).reasons).toEqual([
      "Spoils Buffy S5E1 Buffy vs. Dracula — you've watched through Season 4",
    ]);
  });

  it('uses the fandom’s own word for a season', () => {
    const s = settings({ progress: { 'Sherlock (TV)': { season: 1, episode: 3 } } });
    expect(verdict(blurb({ spoilers: [mark('Sherlock (TV)', 2)] }), s).reasons).toEqual([
      "Spoils Sherlock Series 2 — you've watched through S1E3",
    ]);
  });
});

describe('verdict: canon hints in the text and the sensitivity setting', () => {
  const soul = hint(BUFFY, 6, 22, "Spike's soul", 'strong');
  const dawn = hint(BUFFY, 5, 1, 'Dawn', 'weak');
  const at = (sensitivity: Settings['spoilers']['sensitivity']) =>
    settings({ progress: { [BUFFY]: { season: 4, episode: 9 } }, sensitivity });

  it('off: hints never count', () => {
    expect(verdict(story({ spoilers: [soul, dawn] }), at('off')).hide).toBe(false);
  });

  it('balanced: strong hints count, weak ones do not', () => {
    expect(verdict(story({ spoilers: [dawn] }), at('balanced')).hide).toBe(false);
    const v = verdict(story({ spoilers: [soul, dawn] }), at('balanced'));
    expect(v.reasons).toEqual(["May spoil Buffy S6 (mentions Spike's soul) — you've watched through S4E9"]);
    expect(v.spoils).toEqual([{ fandom: BUFFY, season: 6, episode: 22 }]);
  });

  it('cautious: weak hints count too', () => {
    expect(verdict(story({ spoilers: [dawn] }), at('cautious')).reasons).toEqual([
      "May spoil Buffy S5 (mentions Dawn) — you've watched through S4E9",
    ]);
  });

  it('a hint without a strength counts only when cautious', () => {
    const bare = mark(BUFFY, 5, 1, { source: 'text', raw: 'Dawn' });
    expect(verdict(story({ spoilers: [bare] }), at('balanced')).hide).toBe(false);
    expect(verdict(story({ spoilers: [bare] }), at('cautious')).hide).toBe(true);
  });

  it('a stated spoiler wins over a hint for the same fandom', () => {
    const v = verdict(story({ spoilers: [soul, mark(BUFFY, 5, 15)] }), at('cautious'));
    expect(v.reasons).toEqual(["Spoils Buffy S5E15 I Was Made to Love You — you've watched through S4E9"]);
    expect(v.spoils).toEqual([{ fandom: BUFFY, season: 5, episode: 15 }]);
  });

  it('hints that lie within the reader’s progress do not count', () => {
    const s = settings({ progress: { [BUFFY]: { season: 6, episode: 22 } }, sensitivity: 'cautious' });
    expect(verdict(story({ spoilers: [soul, dawn] }), s).hide).toBe(false);
  });
});

describe('verdict: several causes', () => {
  const item = blurb({
    rating: parseRating('Explicit'),
    warnings: ['Major Character Death'],
    authors: [{ name: 'Tidewater' }],
    tags: ['Angst'],
    spoilers: [mark(BUFFY, 6, 19, { title: 'Seeing Red' })],
  });
  const strict = settings({
    progress: { [BUFFY]: { season: 4, episode: 9 } },
    ratings: { max: 'teen', hideWarnings: ['Major Character Death'] },
    blocklist: { tags: ['Angst'], authors: ['Tidewater'] },
  });

  it('lists the rating, warnings, author, tags, then spoilers', () => {
    expect(verdict(item, strict).reasons).toEqual([
      'Rated Explicit — your limit is Teen',
      'Warning: Major Character Death',
      'Author blocked: Tidewater',
      'Tag blocked: Angst',
      "Spoils Buffy S6E19 Seeing Red — you've watched through S4E9",
    ]);
  });

  it('hides nothing in a story the reader chose to always show', () => {
    const allowed = { ...strict, spoilers: { ...strict.spoilers, allowStories: ['ao3:42'] } };
    expect(verdict(item, allowed)).toEqual({ hide: false, reasons: [], spoils: [] });
  });

  it('another story’s allowance does not apply', () => {
    const allowed = { ...strict, spoilers: { ...strict.spoilers, allowStories: ['ao3:43'] } };
    expect(verdict(item, allowed).hide).toBe(true);
  });
});

describe('isBeyond', () => {
  const buffy = fandomData(BUFFY);

  it.each([
    [{ season: 5 }, { season: 4, episode: 22 }, true],
    [{ season: 4 }, { season: 4, episode: 22 }, false],
    [{ season: 4 }, { season: 4, episode: 21 }, true],
    [{ season: 4, episode: 22 }, { season: 5, episode: 0 }, false],
    [{ season: 3, episode: 22 }, { season: 4, episode: 1 }, false],
    [{ season: 4, episode: 2 }, { season: 4, episode: 1 }, true],
  ])('%j beyond %j: %s', (m, seen, expected) => {
    expect(isBeyond(buffy, m, seen)).toBe(expected);
  });

  it('without a guide a whole season counts as beyond any episode of it', () => {
    expect(isBeyond(undefined, { season: 1 }, { season: 1, episode: 99 })).toBe(true);
  });
});

describe('progressLabel', () => {
  const buffy = fandomData(BUFFY);
  it.each([
    [{ season: 4, episode: 9 }, 'S4E9'],
    ['all', 'all of it'],
    ['none', 'not watching'],
    [{ season: 5, episode: 0 }, 'Season 4'],
    [{ season: 1, episode: 0 }, 'nothing yet'],
  ] as const)('%j → %s', (p, label) => {
    expect(progressLabel(buffy, p)).toBe(label);
  });

  it('says "Series" for a fandom that counts series', () => {
    expect(progressLabel(fandomData('Sherlock (TV)'), { season: 3, episode: 0 })).toBe('Series 2');
  });

  it('works without fandom data', () => {
    expect(progressLabel(undefined, { season: 2, episode: 3 })).toBe('S2E3');
    expect(progressLabel(undefined, { season: 2, episode: 0 })).toBe('Season 1');
  });
});

describe('verdict over real pages', () => {
  const teen = settings({ ratings: { max: 'teen' } });

  it('covers an Explicit AO3 work under a Teen limit', () => {
    const url = 'https://archiveofourown.org/works/21586099?view_full_work=true';
    const page = classifyPage(loadPage('ao3/fullwork-empire-to-conquer-naruto-wip.html', url), url);
    expect(page.kind).toBe('story');
    expect(verdict(page.story!, teen)).toEqual({ hide: true, reasons: ['Rated Explicit — your limit is Teen'], spoils: [] });
    expect(verdict(page.story!, settings({ ratings: { max: 'explicit' } })).hide).toBe(false);
  });

  it('covers an FFN M story under a Teen limit and shows it under a Mature one', () => {
    const url = 'https://www.fanfiction.net/s/4195819/1/Harry-Potter-and-the-Unicorn-s-Curse';
    const page = classifyPage(loadPage('ffn/oneshot-2020-unicorns-curse.html', url), url);
    expect(verdict(page.story!, teen).reasons).toEqual(['Rated Mature — your limit is Teen']);
    expect(verdict(page.story!, settings({ ratings: { max: 'mature' } })).hide).toBe(false);
  });

  it('collapses the FFN MA and M entries of a story list under a Teen limit', () => {
    const url = 'https://www.fanfiction.net/search/?keywords=lantern&ready=1&type=story';
    const page = classifyPage(loadPage('pages/ffn-hand-made-story-list.html', url), url);
    const hidden = page.listing!.items.map((b) => [b.title, verdict(b, teen).reasons]);
    expect(hidden).toEqual([
      ['The Lantern Keeper', []],
      ['Ninety-Nine Lanterns', ['Rated Mature — your limit is Teen']],
      ['Paper Lantern', []],
      ['Lanterns at Low Tide', ['Rated Explicit — your limit is Teen']],
    ]);
  });

  describe('the AO3 tag listing with a tag blocklist', () => {
    const url = 'https://archiveofourown.org/tags/James%20Potter*s*Lily%20Evans%20Potter/works';
    const items = () => classifyPage(loadPage('ao3/EDITED-tag-works-jily-listing.html', url), url).listing!.items;
    const hiddenTitles = (s: Settings) => items().filter((b) => verdict(b, s).hide).map((b) => b.title);

    it('hides every work with a character-death tag or warning', () => {
      expect(hiddenTitles(settings({ blocklist: { tags: ['*Character Death*'] } }))).toEqual([
        'Harry Potter And The Mystery Of Magic',
        'He is stable, You are deep.',
        'Sometimes all you need is someone for to be',
        'Loves Such an Old Fashioned Word',
        "The Apple Doesn't Fall Far",
        'Not This Time Old Man',
        'You missed my heart',
        'Sing Loud in the Long Night',
      ]);
    });

    it('matches the whole tag without wildcards', () => {
      const s = settings({ blocklist: { tags: ['character death'] } });
      expect(hiddenTitles(s)).toEqual(["The Apple Doesn't Fall Far"]);
      const apple = items().find((b) => b.title === "The Apple Doesn't Fall Far")!;
      expect(verdict(apple, s).reasons).toEqual(['Tag blocked: Character Death']);
    });

    it('lets an allowed tag through', () => {
      const s = settings({ blocklist: { tags: ['*Character Death*'], allowTags: ['Fluff*'] } });
      expect(hiddenTitles(s)).toEqual(['Harry Potter And The Mystery Of Magic', "The Apple Doesn't Fall Far", 'Not This Time Old Man', 'You missed my heart']);
    });

    it('combines a warning filter, a rating limit and unrated handling', () => {
      const s = settings({ ratings: { max: 'mature', unrated: 'hide', hideWarnings: ['Underage Sex'] } });
      const reasons = Object.fromEntries(items().filter((b) => verdict(b, s).hide).map((b) => [b.title, verdict(b, s).reasons]));
      expect(reasons['A Dream of Drowning']).toEqual(['Rated Explicit — your limit is Mature', 'Warning: Underage Sex']);
      expect(reasons['Sometimes all you need is someone for to be']).toEqual(['Warning: Underage Sex']);
      expect(reasons['He is stable, You are deep.']).toEqual(['Not rated — you hide unrated stories']);
      expect(Object.keys(reasons)).toHaveLength(7);
    });
  });

  /** A page's story with its spoiler marks (read here until the registry fills them itself). */
  function pageStory(fixture: string, url: string): Story {
    const page = classifyPage(loadPage(fixture, url), url);
    expect(page.kind).toBe('story');
    const s = page.story!;
    return s.spoilers.length > 0 ? s : { ...s, spoilers: spoilerMarks(s) };
  }
  const through = (season: number, episode: number, more: SettingsPatch = {}) =>
    settings({ progress: { [BUFFY]: { season, episode } }, ...more });

  describe('the Lost Soul seed ("Spoiler warning: … within Season IV right after Hush")', () => {
    const lostSoul = () => pageStory('pages/header-table.html', 'https://example.org/header-table.html');

    it('is covered for a reader who has watched through S4E9', () => {
      expect(verdict(lostSoul(), through(4, 9))).toEqual({
        hide: true,
        reasons: ["Spoils Buffy S4E10 Hush — you've watched through S4E9"],
        spoils: [{ fandom: BUFFY, season: 4, episode: 10 }],
      });
    });

    it('is shown to a reader who has seen Hush, even when cautious', () => {
      expect(verdict(lostSoul(), through(4, 10, { sensitivity: 'cautious' })).hide).toBe(false);
    });

    it('gives its R rating first under a Teen limit', () => {
      expect(verdict(lostSoul(), through(4, 9, { ratings: { max: 'teen' } })).reasons).toEqual([
        'Rated Mature — your limit is Teen',
        "Spoils Buffy S4E10 Hush — you've watched through S4E9",
      ]);
    });
  });

  describe('the duster seed (no spoiler line, assumes late season 6)', () => {
    const duster = () =>
      pageStory('pages/efiction-spuffy-default-chapter.html', 'https://www.spuffysanctuary.net/fiction/viewstory.php?sid=1187&chapter=1');

    it('is flagged at cautious sensitivity for a reader in season 6', () => {
      const v = verdict(duster(), through(6, 18, { sensitivity: 'cautious' }));
      expect(v.hide).toBe(true);
      expect(v.reasons).toHaveLength(1);
      expect(v.reasons[0]).toMatch(/^May spoil Buffy S[67] \(mentions .+\) — you've watched through S6E18$/);
      expect(v.spoils[0]!.season).toBeGreaterThanOrEqual(6);
    });

    it('is not flagged by weak hints alone at balanced, nor at off', () => {
      expect(verdict(duster(), through(6, 18, { sensitivity: 'balanced' })).hide).toBe(false);
      expect(verdict(duster(), through(4, 9, { sensitivity: 'off' })).hide).toBe(false);
    });

    it('is flagged at balanced for a reader still in season 4', () => {
      const v = verdict(duster(), through(4, 9, { sensitivity: 'balanced' }));
      expect(v.reasons).toHaveLength(1);
      expect(v.reasons[0]).toMatch(/^May spoil Buffy S5 \(mentions .+\) — you've watched through S4E9$/);
    });

    it('is hidden as unrated when the reader hides unrated stories, and shown once allowed', () => {
      const s = through(4, 9, { ratings: { unrated: 'hide' }, sensitivity: 'off' });
      expect(verdict(duster(), s).reasons).toEqual(['Not rated — you hide unrated stories']);
      s.spoilers.allowStories = ['efiction:www.spuffysanctuary.net:1187'];
      expect(verdict(duster(), s).hide).toBe(false);
    });
  });

  it('collapses the NC-17 entry and an eFiction warning on an eFiction browse list', () => {
    const url = 'https://www.spuffysanctuary.net/fiction/browse.php?type=categories&catid=2';
    const page = classifyPage(loadPage('pages/efiction-browse-default.html', url), url);
    expect(page.kind).toBe('listing');
    const s = settings({ ratings: { max: 'teen', hideWarnings: ['Non-Con*'] } });
    expect(page.listing!.items.map((b) => [b.title, verdict(b, s).reasons])).toEqual([
      ['Mojo in a Box', ['Warning: Non-Con References']],
      ['Grave Matters', ['Rated Explicit — your limit is Teen']],
      ['Sunlight, Eventually', []],
    ]);
  });
});
