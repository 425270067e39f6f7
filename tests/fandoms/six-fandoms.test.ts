// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FandomData } from '../../utils/fandoms/types';
import { episodeAt, episodeLabel, episodesIn, fandomData, findEpisode, lastEpisode, seasonCount, titleKey } from '../../utils/fandoms/episodes';
import { canonicalFandom } from '../../utils/metadata/fandom-names';
import { textHints } from '../../utils/metadata/spoilers';
import { expandPairing } from '../../utils/metadata/pairing';

const guide = (name: string): FandomData => {
  const f = fandomData(name);
  if (!f) throw new Error(`no guide for ${name}`);
  return f;
};

/** Episodes per season, as the networks aired them. */
const SEASON_COUNTS: Record<string, number[]> = {
  Supernatural: [22, 22, 16, 22, 22, 22, 23, 23, 23, 23, 23, 23, 23, 20, 20],
  'Teen Wolf': [12, 12, 24, 12, 20, 20],
  'Sherlock (TV)': [3, 3, 4, 3], // series 3 holds the 2016 special as episode 4
  'Merlin (TV)': [13, 13, 13, 13, 13],
  'Good Omens (TV)': [6, 6],
  'Hannibal (TV)': [13, 13, 13],
};
const TOTALS: Record<string, number> = {
  Supernatural: 327,
  'Teen Wolf': 100,
  'Sherlock (TV)': 13,
  'Merlin (TV)': 65,
  'Good Omens (TV)': 12,
  'Hannibal (TV)': 39,
};

describe.each(Object.keys(SEASON_COUNTS))('%s episode guide', (name) => {
  const f = guide(name);

  it('has every season with the aired number of episodes, numbered 1..n', () => {
    expect(seasonCount(f)).toBe(SEASON_COUNTS[name]!.length);
    SEASON_COUNTS[name]!.forEach((count, i) => {
      const eps = episodesIn(f, i + 1);
      expect(eps.length, `season ${i + 1}`).toBe(count);
      expect(eps.map((e) => e.episode)).toEqual(Array.from({ length: count }, (_, k) => k + 1));
    });
    expect(f.episodes!.length).toBe(TOTALS[name]);
  });

  it('keeps air order and gives every episode a distinct title', () => {
    const keys = f.episodes!.map((e) => titleKey(e.title));
    expect(new Set(keys).size).toBe(keys.length);
    const order = f.episodes!.map((e) => e.season * 1000 + e.episode);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has a short name, season words and at least ten canon hints that compile as the spoiler reader compiles them', () => {
    expect(f.short).toBeTruthy();
    expect(f.seasonWords!.length).toBeGreaterThan(0);
    expect(f.hints!.length).toBeGreaterThanOrEqual(10);
    for (const h of f.hints!) {
      expect(() => new RegExp(`(?<![\\p{L}\\p{N}])(?:${h.pattern})(?![\\p{L}\\p{N}])`, 'iu'), h.what).not.toThrow();
      expect(episodeAt(f, h.season, h.episode), `${h.what} points at a real episode`).toBeDefined();
    }
  });
});

describe('titles readers type', () => {
  const cases: Array<[string, string, number, number]> = [
    ['SPN', 'Lazarus Rising', 4, 1],
    ['Supernatural', 'swan song', 5, 22],
    ['Supernatural', '"Are You There, God? It\'s Me, Dean Winchester"', 4, 2],
    ['Supernatural', 'All Hell Breaks Loose (2)', 2, 22],
    ['Supernatural', 'All Hell Breaks Loose Part One', 2, 21],
    ['Supernatural', 'Despair', 15, 18],
    ['Supernatural', 'Carry On', 15, 20],
    ['Supernatural', 'Exile on Main Street', 6, 1],
    ['Supernatural', 'Reichenbach', 10, 2],
    ['Teen Wolf (TV)', 'The Divine Move', 3, 24],
    ['Teen Wolf', 'Insatiable', 3, 23],
    ['Teen Wolf', 'Maid of Gevaudan', 5, 18],
    ['Teen Wolf', 'IED', 4, 5],
    ['Teen Wolf', 'The Wolves of War', 6, 20],
    ['Sherlock BBC', 'The Reichenbach Fall', 2, 3],
    ['Sherlock (TV)', 'Abominable Bride', 3, 4],
    ['Sherlock', 'His Last Vow', 3, 3],
    ['Sherlock', 'the final problem', 4, 3],
    ['BBC Merlin', "Le Morte d'Arthur", 1, 13],
    ['Merlin (TV)', 'The Diamond of the Day (2)', 5, 13],
    ['Merlin', 'The Coming of Arthur, Part One', 3, 12],
    ['Merlin', 'The Tears of Uther Pendragon', 3, 2],
    ['Good Omens (TV)', 'The Very Last Day of the Rest of Their Lives', 1, 6],
    ['Good Omens', 'Chapter 6: Every Day', 2, 6],
    ['Good Omens', 'in the beginning', 1, 1],
    ['Hannibal (TV)', 'Mizumono', 2, 13],
    ['Hannibal', 'Oeuf', 1, 4],
    ['NBC Hannibal', 'The Wrath of the Lamb', 3, 13],
    ['Hannibal', 'And the Woman Clothed in Sun', 3, 10],
    ['Hannibal', 'Ko No Mono', 2, 11],
  ];
  it.each(cases)('%s: %s → S%iE%i', (fandom, title, season, episode) => {
    const e = findEpisode(guide(fandom), title);
    expect(e && { season: e.season, episode: e.episode }).toEqual({ season, episode });
  });

  it('knows each finale and labels episodes in the fandom\'s own words', () => {
    expect(lastEpisode(guide('Supernatural')).title).toBe('Carry On');
    expect(lastEpisode(guide('Teen Wolf')).title).toBe('The Wolves of War');
    expect(lastEpisode(guide('Sherlock')).title).toBe('The Final Problem');
    expect(lastEpisode(guide('Merlin')).title).toBe('The Diamond of the Day: Part 2');
    expect(lastEpisode(guide('Good Omens')).title).toBe('Every Day');
    expect(lastEpisode(guide('Hannibal')).title).toBe('The Wrath of the Lamb');
    expect(episodeLabel(guide('Sherlock'), { season: 2 })).toBe('Series 2');
    expect(episodeLabel(guide('Merlin'), { season: 4 })).toBe('Series 4');
    expect(episodeLabel(guide('Supernatural'), { season: 4, episode: 1 })).toBe('S4E1 Lazarus Rising');
    expect(episodeLabel(guide('Hannibal'), { season: 2, episode: 4 })).toBe('S2E4 Takiawase');
  });
});

describe('names that mean these fandoms', () => {
  const aliases: Array<[string, string]> = [
    ['SPN', 'Supernatural'],
    ['Supernatural (TV 2005)', 'Supernatural'],
    ['Teen Wolf (TV)', 'Teen Wolf'],
    ['Sherlock BBC', 'Sherlock (TV)'],
    ['BBC Sherlock', 'Sherlock (TV)'],
    ['BBC Merlin', 'Merlin (TV)'],
    ['Merlin', 'Merlin (TV)'],
    ['merlin (tv)', 'Merlin (TV)'],
    ['Good Omens', 'Good Omens (TV)'],
    ['Good Omens - Neil Gaiman & Terry Pratchett', 'Good Omens (TV)'],
    ['NBC Hannibal', 'Hannibal (TV)'],
    ['Hannibal', 'Hannibal (TV)'],
  ];
  it.each(aliases)('%s → %s', (alias, name) => {
    expect(canonicalFandom(alias)).toBe(name);
  });

  it('spells out the ship names fans use', () => {
    expect(expandPairing('Destiel', ['Supernatural'])).toBe('Dean/Castiel');
    expect(expandPairing('Sterek', ['Teen Wolf'])).toBe('Stiles/Derek');
    expect(expandPairing('Johnlock', ['Sherlock (TV)'])).toBe('John/Sherlock');
    expect(expandPairing('Merthur', ['Merlin (TV)'])).toBe('Merlin/Arthur');
    expect(expandPairing('Ineffable Husbands', ['Good Omens (TV)'])).toBe('Aziraphale/Crowley');
    expect(expandPairing('Hannigram', ['Hannibal (TV)'])).toBe('Hannibal/Will');
  });
});

/** For every hint (by its `what`), a sentence a story might contain that should set it off. */
const HINT_SENTENCES: Record<string, Record<string, string>> = {
  Supernatural: {
    Castiel: 'Castiel stood in the doorway of the barn.',
    'the Trickster is Gabriel': 'Sam still could not believe the Trickster was really Gabriel.',
    "Sam's soul left in the Cage": 'Dean hated remembering soulless Sam.',
    'the Leviathans': 'The Leviathans had taken over the company.',
    "Bobby's death": "Nobody talked about Bobby's death.",
    'Charlie Bradbury': 'Charlie Bradbury hacked the server in minutes.',
    'Kevin Tran, the prophet': 'Kevin Tran translated the tablet.',
    'Dean and Castiel in Purgatory': 'A year after he came back from Purgatory, Dean still slept with a knife.',
    'the Men of Letters': 'The Men of Letters kept meticulous files.',
    'the Men of Letters bunker': 'They drove home to the bunker.',
    Metatron: 'Metatron smiled over his typewriter.',
    'the Mark of Cain': 'The Mark of Cain burned on his arm.',
    'Dean as a demon': 'Sam tracked demon Dean across three states.',
    'Amara, the Darkness': 'Amara wanted her brother back.',
    'Chuck is God': 'The worst part was that Chuck was God all along.',
    'Mary Winchester brought back': 'Mary is alive, and Dean did not know what to say to her.',
    'Jack Kline': 'Jack Kline ate his nougat in silence.',
    "Castiel's confession": "Dean kept replaying Cas's confession.",
  },
  'Teen Wolf': {
    'Gerard Argent': 'Gerard Argent smiled like a shark.',
    'the kanima': 'The kanima venom left him paralysed.',
    'the Alpha Pack': 'The Alpha Pack came to town that winter.',
    'Scott becomes a True Alpha': 'Scott was a true alpha now.',
    'Kira Yukimura': 'Kira Yukimura transferred into their history class.',
    'Malia Tate': 'Malia had lived as a coyote for eight years.',
    'the Nogitsune': 'Stiles still had nightmares about the nogitsune.',
    "Allison's death": 'Nobody had laughed like that since Allison died.',
    'Kate Argent alive': 'Kate Argent is alive, Peter told them.',
    'Liam Dunbar': 'Liam Dunbar could not control his temper.',
    'the Dread Doctors and Theo': 'The Dread Doctors walked the halls of the school.',
    'Parrish is a hellhound': 'Parrish is a hellhound, Lydia realised.',
    'the Beast of Gévaudan is Mason': 'Liam refused to believe Mason was the Beast.',
    'the Ghost Riders': 'The Ghost Riders took him in the night.',
  },
  'Sherlock (TV)': {
    'Moriarty as Jim from IT': 'Molly introduced Jim from IT.',
    'Irene Adler': 'Irene Adler had texted again.',
    Baskerville: 'The lab at Baskerville was on the moor.',
    "Sherlock's fall": "Two years after Sherlock's fall, John still could not go back to Baker Street.",
    "Sherlock's return": "Sherlock's return did not go as planned.",
    'Mary Morstan': 'Mary Morstan laughed at his moustache.',
    "John and Mary's wedding": 'Sherlock rehearsed the best man speech all week.',
    'Magnussen and Mary shooting Sherlock': 'Magnussen flicked his finger against John\'s face.',
    Redbeard: 'Mycroft mentioned Redbeard.',
    'the Abominable Bride': 'The case of Emelia Ricoletti haunted him.',
    "Rosie's birth and Mary's death": 'Rosie Watson slept in her cot.',
    'Eurus and Culverton Smith': 'Culverton Smith smiled at the cameras.',
    Sherrinford: 'The helicopter landed at Sherrinford.',
  },
  'Merlin (TV)': {
    "Morgana's magic": "Morgana's magic frightened her.",
    Freya: 'Merlin thought of Freya every time he saw the lake.',
    "Balinor, Merlin's father": 'Balinor taught him nothing, and everything.',
    Gwaine: 'Gwaine ordered another round.',
    Elyan: "Elyan was Gwen's brother.",
    'the Round Table': 'The knights sat at the Round Table.',
    Agravaine: 'Agravaine whispered in the king\'s ear.',
    "Lancelot's sacrifice": "Gwen never spoke of Lancelot's sacrifice.",
    "Uther's death": "After Uther's death, the castle was quiet.",
    'Arthur as king': 'King Arthur rode out at dawn.',
    Aithusa: 'Aithusa hatched from a white egg.',
    'Gwen becomes queen': 'Queen Guinevere held court that morning.',
    'Mordred returns, Camlann foretold': 'Sir Mordred bowed to the king.',
    "Arthur learns of Merlin's magic, and dies": 'When Arthur found out about Merlin\'s magic, he did not speak for an hour.',
  },
  'Good Omens (TV)': {
    'the holy water': 'Crowley kept the flask of holy water in the Bentley.',
    'Aziraphale discorporated': 'Being discorporated was a terrible bother.',
    'the bookshop fire': 'Crowley never forgot the bookshop fire.',
    'the body swap': 'The body swap had worked perfectly.',
    "Gabriel's amnesia": "Gabriel's amnesia made him almost pleasant.",
    'Maggie and Nina': 'Maggie and Nina were arguing about coffee again.',
    Shax: 'Shax stood outside the shop.',
    'Elspeth and the Edinburgh resurrectionists': 'Elspeth needed the money.',
    'Furfur and the Nazi zombies': 'Furfur kept his notes in a ledger.',
    "Aziraphale's ball": "Everyone came to Aziraphale's ball.",
    'the final fifteen minutes': 'He still thought about the final fifteen.',
    'Gabriel and Beelzebub': 'Beelzebub and Gabriel had run off together.',
  },
  'Hannibal (TV)': {
    'Abel Gideon': 'Abel Gideon was moved to another hospital.',
    "Will's arrest": "After Will's arrest, Hannibal visited every week.",
    "Beverly Katz's death": "Jack blamed himself for Beverly's death.",
    'Randall Tier': 'Randall Tier wore the bones of a bear.',
    'Abigail is alive': 'Abigail was alive, and she was in the kitchen.',
    'Hannibal and Bedelia in Florence': 'In Florence he lectured as Dr. Fell.',
    Chiyoh: 'Chiyoh kept the prisoner in the tower.',
    "Hannibal's surrender": "Alana never understood Hannibal's surrender.",
    'Francis Dolarhyde, the Red Dragon': 'Dolarhyde stared at the painting.',
    'the Tooth Fairy killer': 'The press called him the Tooth Fairy.',
    "Will's family": "Molly Graham walked the dogs before breakfast.",
    'Reba McClane': 'Reba McClane touched the tiger.',
    'the fall from the cliff': 'They went over the cliff together.',
  },
};

/** Text from early in each show: it names the cast and places, and must set off no hint. */
const INNOCENT: Record<string, string> = {
  Supernatural:
    'Dean drove the Impala through the night while Sam read about a wendigo. Dad had left coordinates in his journal. They stopped at a motel, salted the windows and argued about Jessica, about hunting, about the yellow-eyed demon. Bobby called to say the woman in white had been sighted again.',
  'Teen Wolf':
    'Scott got bitten in the woods on the night before school started. Stiles dragged him to lacrosse practice, where Jackson sneered and Allison smiled at him. Derek Hale lurked near the burned-out house, and the sheriff wanted to know why his son was out after curfew.',
  'Sherlock (TV)':
    'John limped up the stairs of 221B Baker Street. Mrs Hudson fussed, Sherlock played the violin at three in the morning, and Lestrade turned up with another serial suicide. The cabbie waited downstairs with two bottles of pills.',
  'Merlin (TV)':
    'Merlin arrived in Camelot with a letter for Gaius. Prince Arthur was a prat, Gwen was kind, and Morgana had bad dreams. The Great Dragon spoke from beneath the castle about destiny while Uther burned another sorcerer in the square.',
  'Good Omens (TV)':
    'Crowley slithered up the wall of Eden and watched the angel give away his flaming sword. Six thousand years later the baby was delivered to the wrong family in Tadfield, and Aziraphale ran his bookshop in Soho, refusing to sell a single book.',
  'Hannibal (TV)':
    'Jack Crawford asked Will Graham to look at the Minnesota Shrike case. Hannibal Lecter cooked dinner for his guests and met Will over breakfast. Abigail Hobbs woke in the hospital, and Freddie Lounds wrote about all of it on Tattlecrime.',
};

describe.each(Object.keys(HINT_SENTENCES))('%s canon hints', (name) => {
  const f = guide(name);

  it('has a test sentence for every hint', () => {
    expect(Object.keys(HINT_SENTENCES[name]!).sort()).toEqual(f.hints!.map((h) => h.what).sort());
  });

  it.each(f.hints!.map((h) => [h.what, h] as const))('fires on a sentence about %s, at the episode it first spoils', (what, hint) => {
    const sentence = HINT_SENTENCES[name]![what]!;
    const marks = textHints(sentence, [name]);
    expect(marks).toContainEqual(
      expect.objectContaining({ fandom: name, season: hint.season, episode: hint.episode, source: 'text', strength: hint.strength }),
    );
  });

  it('stays quiet on early-canon text that names the cast', () => {
    expect(textHints(INNOCENT[name]!, [name])).toEqual([]);
  });
});
