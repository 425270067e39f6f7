// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buffy } from '../../utils/fandoms/buffy';
import { angel } from '../../utils/fandoms/angel';
import { episodesIn, findEpisode, lastEpisode, seasonCount } from '../../utils/fandoms/episodes';
import type { CanonHint, FandomData } from '../../utils/fandoms/types';

/** Compiled the way the contract says hints are read: case-insensitive, on word boundaries. */
const compile = (h: CanonHint) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${h.pattern})(?![\\p{L}\\p{N}])`, 'iu');
const firing = (f: FandomData, text: string) => (f.hints ?? []).filter((h) => compile(h).test(text));
const key = (h: CanonHint) => `${h.strength}:${h.what}`;

const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');

describe('episode guides', () => {
  it.each([
    [buffy, [12, 22, 22, 22, 22, 22, 22]],
    [angel, [22, 22, 22, 22, 22]],
  ] as const)('$name has the right number of episodes per season', (f, counts) => {
    expect(seasonCount(f)).toBe(counts.length);
    counts.forEach((n, i) => {
      const eps = episodesIn(f, i + 1);
      expect(eps).toHaveLength(n);
      expect(eps.map((e) => e.episode)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    });
  });

  it('ends with the finales', () => {
    expect(lastEpisode(buffy)).toMatchObject({ season: 7, episode: 22, title: 'Chosen' });
    expect(lastEpisode(angel)).toMatchObject({ season: 5, episode: 22, title: 'Not Fade Away' });
  });

  it('has no two episodes with the same title in one show', () => {
    for (const f of [buffy, angel]) {
      const titles = f.episodes!.map((e) => e.title.toLowerCase());
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it.each([
    [buffy, 'Hush', 4, 10],
    [buffy, 'hush', 4, 10],
    [buffy, "'Becoming'", 2, 22],
    [buffy, 'Becoming, Part One', 2, 21],
    [buffy, 'Becoming (1)', 2, 21],
    [buffy, 'Becoming pt 2', 2, 22],
    [buffy, 'Once More with Feeling', 6, 7],
    [buffy, 'OMWF', 6, 7],
    [buffy, 'Seeing Red', 6, 19],
    [buffy, 'Freshman', 4, 1],
    [buffy, 'Whats My Line, Part 2', 2, 10],
    [buffy, 'Graduation Day', 3, 22],
    [buffy, 'Faith, Hope and Trick', 3, 3],
    [buffy, 'Doppelgängland', 3, 16],
    [buffy, 'I Robot, You Jane', 1, 8],
    [buffy, 'Buffy vs Dracula', 5, 1],
    [buffy, 'Hells Bells', 6, 16],
    [buffy, '“The Gift”', 5, 22],
    [buffy, 'Chosen', 7, 22],
    [buffy, 'Lies My Parents Told Me', 7, 17],
    [buffy, 'Invisible Girl', 1, 11],
    [angel, 'A Hole in the World', 5, 15],
    [angel, 'Not Fade Away', 5, 22],
    [angel, 'NFA', 5, 22],
    [angel, 'To Shanshu in LA', 1, 22],
    [angel, 'To Shanshu in L.A.', 1, 22],
    [angel, 'Room with a View', 1, 5],
    [angel, 'Judgement', 2, 1],
    [angel, 'Are You Now or Have You Ever Been?', 2, 2],
    [angel, "There's No Place Like Plrtz Glrb", 2, 22],
    [angel, 'Apocalypse Nowish', 4, 7],
    [angel, 'Numero Cinco', 5, 6],
  ] as const)('%#: finds %s', (f, title, season, episode) => {
    expect(findEpisode(f, title)).toMatchObject({ season, episode });
  });

  it('does not confuse the shows', () => {
    expect(findEpisode(buffy, 'Not Fade Away')).toBeUndefined();
    expect(findEpisode(angel, 'Seeing Red')).toBeUndefined();
    expect(findEpisode(buffy, 'Angel')).toMatchObject({ season: 1, episode: 7 });
  });
});

/**
 * For every hint: a sentence that should fire it, and a near miss that should
 * not (an everyday use of the same word, or the thing without its context).
 */
const BUFFY_EXAMPLES: Record<string, [fires: string, quiet: string]> = {
  'strong:Angelus': ['Angelus smiled at her.', 'The angel statue smiled at her.'],
  'strong:Angel loses his soul': ['One moment of true happiness and he was gone.', 'Angel lost his keys again.'],
  'strong:Drusilla': ['Drusilla hummed to her dolls.', 'Dru… no, that was someone else.'],
  'strong:Kendra': ['Kendra kept her stake close.', 'Kendall kept her stake close.'],
  'strong:Oz is a werewolf': ['Oz was a werewolf three nights a month.', 'Oz played guitar.'],
  "strong:Jenny Calendar's death": ["After Jenny's death Giles never used the computer.", 'Jenny taught computer science.'],
  'strong:Acathla': ['The statue of Acathla stood in the mansion.', 'The statue stood in the mansion.'],
  'strong:Faith': ['Faith Lehane cracked her knuckles.', 'She had faith in Buffy.'],
  'strong:Mayor Wilkins': ['Mayor Wilkins offered them milk.', 'The mayor of the town offered them milk.'],
  'strong:Vampire Willow': ['Vamp Willow purred "Bored now."', 'Willow purred happily.'],
  'strong:Anya': ['Anya counted the money twice.', 'Anyone could count the money.'],
  'strong:the First Evil': ['The First Evil wore Jenny’s face.', 'The first evil thing she did was lie.'],
  'strong:Wesley': ['Wesley polished his glasses.', 'Giles polished his glasses.'],
  'strong:Faith kills the deputy mayor': ['Faith killed the deputy mayor in an alley.', 'Faith killed the vampire in an alley.'],
  "strong:D'Hoffryn": ['D’Hoffryn offered her a job.', 'The demon offered her a job.'],
  "strong:Faith's coma": ['Faith lay in the hospital in a coma.', 'Faith lay in the hospital, bored.'],
  'strong:Riley': ['Riley Finn carried her books.', 'Rileigh carried her books.'],
  'strong:Professor Walsh': ['Professor Walsh stared down the lecture hall.', 'The professor stared down the lecture hall.'],
  'weak:Veruca': ['Veruca sang at the Bronze.', 'Someone sang at the Bronze.'],
  'strong:the Initiative': ['The Initiative soldiers dragged him off.', 'She took the initiative and kissed him.'],
  "strong:the chip in Spike's head": ['The chip in his head fired.', 'He ate a potato chip.'],
  'strong:Tara': ['Tara smiled shyly.', 'Tiara in place, she smiled.'],
  'strong:Adam': ['Adam was Walsh’s cyborg.', 'Adam and Eve were in the garden.'],
  'strong:Faith and Buffy swap bodies': ['Faith in Buffy’s body kissed Riley.', 'Faith kissed Riley.'],
  'strong:the First Slayer': ['The First Slayer spoke through Tara.', 'The first slayer she met was Kendra.'],
  "strong:Dawn, Buffy's sister": ['Dawn Summers slammed her door.', 'At dawn the vampires fled.'],
  'weak:Dawn': ['She even left Dawn with him.', 'The vampires fled at dawn.'],
  'strong:Dawn is the Key': ['Dawn is the Key, Giles said.', 'The key is under the mat, Giles said.'],
  'strong:Glory': ['Glorificus wanted her key back.', 'She basked in the glory of the win.'],
  'strong:Ben is Glory': ['Ben was Glory all along.', 'Ben was at the hospital all along.'],
  'weak:Spike is in love with Buffy': ['Spike was hopelessly in love with Buffy.', 'Spike was hopelessly bored.'],
  "strong:Spike's past as William": ['His bloody awful poetry made Cecily wince.', 'His poetry made her wince.'],
  "strong:Joyce's tumour": ['Joyce’s brain tumor was operable.', 'Joyce’s gallery was open.'],
  'strong:Warren': ['Warren Mears built robots.', 'Warren Beatty made films.'],
  "strong:Joyce's death": ['After Joyce died the house was quiet.', 'After Joyce left the house was quiet.'],
  'strong:the Buffybot': ['The Buffybot bounced on its heels.', 'Buffy bounced on her heels.'],
  'strong:Xander and Anya are engaged': ['Xander was engaged to Anya now.', 'Xander was engaged in a fight.'],
  "strong:Buffy's death": ['Buffy’s headstone read that she saved the world.', 'Buffy’s homework read badly.'],
  "weak:Buffy's death": ['Since Buffy died, nobody patrolled.', 'Since Buffy left, nobody patrolled.'],
  "strong:Buffy's resurrection": ['The Urn of Osiris glowed.', 'The urn on the mantel glowed.'],
  'strong:Buffy was in heaven': ['They ripped her out of heaven.', 'They ripped her coat.'],
  'weak:Buffy was in heaven': ['Buffy was in heaven, and they took her.', 'Buffy was in Heathrow, and they took her.'],
  'strong:the Trio': ['Warren, Jonathan and Andrew plotted.', 'The trio went to the Bronze.'],
  'strong:Andrew': ['Andrew Wells summoned flying monkeys.', 'Andrew the teacher summoned a meeting.'],
  'weak:Giles goes back to England': ['Giles went back to England that autumn.', 'Giles went back to the library that autumn.'],
  "strong:the chip doesn't work on Buffy": ['The chip didn’t work on her anymore.', 'The chip was working fine.'],
  'weak:Buffy and Spike sleep together': ['Buffy slept with Spike again.', 'Buffy slept through the alarm again.'],
  'strong:Amy is human again': ['Willow finally de-ratted Amy.', 'Willow finally fed Amy.'],
  "strong:Willow's magic addiction": ['Rack’s place was hidden.', 'The rack held her coats.'],
  'strong:the Doublemeat Palace': ['She flipped burgers at the Doublemeat Palace.', 'She flipped burgers at the diner.'],
  "strong:Riley's wife": ['Sam Finn shook her hand.', 'Sam shook her hand.'],
  "weak:Spike's crypt blown up": ['She blew up his crypt with a grenade.', 'She walked into his crypt.'],
  "strong:Xander and Anya's wedding": ['Xander left Anya at the altar.', 'Xander left Anya at the Bronze.'],
  'weak:the bathroom scene': ['After the bathroom, she could not look at him.', 'The door to the bathroom opened.'],
  'weak:Spike attacks Buffy': ['He had tried to rape her.', 'He had tried to reach her.'],
  "strong:Tara's death": ['Warren shot Tara through the window.', 'Warren shot pool with Tara.'],
  'strong:Warren shoots Buffy': ['Warren’s gun went off.', 'Warren’s car went off the road.'],
  'strong:Dark Willow': ['Dark Willow flayed him.', 'Willow flew to the window.'],
  "weak:Spike's trials in Africa": ['Spike rode his motorbike across Africa.', 'Spike rode his motorbike across town.'],
  'strong:Spike gets his soul back': ['Spike has a soul now, Buffy said.', 'Spike has a sire, Buffy said.'],
  'weak:Spike gets his soul back': ['He had gotten a soul for her.', 'Angelus got his soul back through magic.'],
  'strong:Principal Wood': ['Principal Wood offered her a job.', 'The principal offered her a job.'],
  'weak:the new Sunnydale High': ['He lived in the school basement now.', 'He lived in the basement now.'],
  'weak:the Bringers': ['The Bringers moved without sound.', 'The bringer of bad news moved without sound.'],
  'weak:Potential Slayers': ['Potential Slayers were dying in Europe.', 'Potential buyers were looking at the house.'],
  "strong:Jonathan's death": ['Andrew stabbed Jonathan over the seal.', 'Andrew teased Jonathan over lunch.'],
  'strong:the First in season 7': ['The Turok-Han rose from the seal.', 'The first time she saw him he looked like a boy.'],
  'strong:the Seal of Danzalthar': ['The Seal of Danzalthar opened.', 'The seal on the letter opened.'],
  "strong:the Council's destruction": ['The Council was blown up in London.', 'The Council was angry in London.'],
  'strong:the Potentials': ['The Potentials crowded the living room.', 'Her potential crowded everything else out.'],
  'weak:Kennedy': ['Kennedy flirted with Willow.', 'Kendall flirted with Willow.'],
  'strong:Caleb': ['Caleb quoted scripture.', 'The preacher quoted scripture.'],
  "strong:Xander's eye": ['Xander’s eye patch made him look like a pirate.', 'Xander’s eye for detail made him a builder.'],
  'strong:the Scythe': ['She pulled the Scythe from the stone.', 'She pulled the sword from the stone.'],
  'strong:the Potentials are activated': ['Willow activated all the Potentials at once.', 'Willow activated the computer at once.'],
  'strong:Sunnydale collapses': ['They stood at the edge of the Sunnydale crater.', 'They stood at the edge of Sunnydale.'],
  "strong:Spike's death in Chosen": ['Spike burned in the Hellmouth, wearing the amulet.', 'Spike burned his hand on the stove.'],
  "strong:Anya's death": ['After Anya died, Xander drank.', 'After Anya left, Xander drank.'],
};

const ANGEL_EXAMPLES: Record<string, [fires: string, quiet: string]> = {
  'strong:Angel Investigations': ['Angel Investigations needed clients.', 'Angel investigated the warehouse.'],
  'strong:Wolfram & Hart': ['Wolfram & Hart sent a lawyer.', 'The firm sent a lawyer.'],
  'strong:Lindsey': ['Lindsey McDonald played guitar.', 'Lindsay played guitar.'],
  'strong:Kate Lockley': ['Detective Lockley flashed her badge.', 'The detective flashed her badge.'],
  "strong:Doyle's death": ['After Doyle died, the visions passed to her.', 'After Doyle left, the office was quiet.'],
  'strong:Wesley joins Angel Investigations': ['A rogue demon hunter, he said proudly.', 'A demon, he said proudly.'],
  'strong:Lilah': ['Lilah Morgan crossed her legs.', 'Lila crossed her legs.'],
  'weak:Faith goes to prison': ['Faith turned herself in and went to prison.', 'Faith turned around.'],
  'strong:Gunn': ['Gunn swung his axe.', 'The gun went off.'],
  'strong:the Shanshu prophecy': ['The Shanshu prophecy promised he would live.', 'The prophecy promised nothing.'],
  "strong:Darla's return": ['Darla was human now.', 'Darla was hungry now.'],
  'strong:Lorne': ['Lorne sang at Caritas.', 'The host sang along.'],
  'strong:the Hyperion': ['They moved into the Hyperion.', 'They moved into a hotel.'],
  'strong:Angel fires his team': ['Angel fired everyone that night.', 'Angel fired a crossbow that night.'],
  'weak:Angel sleeps with Darla': ['Angel slept with Darla to lose himself.', 'Angel slept through the day.'],
  'strong:Pylea': ['In Pylea cows were people.', 'In Pisa the tower leaned.'],
  'strong:Fred': ['Winifred Burkle wrote on the walls.', 'Winnie wrote on the walls.'],
  'weak:Fred': ['Fred made tacos.', 'Frederica made tacos.'],
  'strong:the Groosalugg': ['The Groosalugg bowed to Cordelia.', 'The guard bowed to Cordelia.'],
  "strong:Darla's pregnancy": ['Pregnant Darla walked into the hotel.', 'Darla walked into the hotel.'],
  'strong:Holtz': ['Holtz had hunted him for a century.', 'Hunters had hunted him for a century.'],
  'strong:Connor': ['Connor cried all night.', 'The baby cried all night.'],
  "strong:Darla's death": ['Darla staked herself in the rain.', 'Darla stood in the rain.'],
  'strong:Wesley takes Connor': ['Justine slit Wesley’s throat.', 'Justine slit the envelope.'],
  "strong:Quor'toth": ['Quor’toth was the darkest of dimensions.', 'Hell was the darkest of dimensions.'],
  'strong:Connor returns grown': ['Teenage Connor dropped from the ceiling.', 'Connor slept in his crib.'],
  'strong:Angel sunk in the ocean': ['Angel lay at the bottom of the ocean.', 'Angel lay on the couch.'],
  'strong:Cordelia ascends': ['Cordelia became a higher being.', 'Cordelia became a brunette again.'],
  'weak:the Beast': ['The Beast blotted out the sun.', 'The beast ran into the woods.'],
  'strong:Angelus returns': ['They brought Angelus back to find the Beast.', 'They brought Angel back to the hotel.'],
  "strong:Lilah's death": ['Lilah’s death did not void her contract.', 'Lilah’s desk was tidy.'],
  'strong:Faith breaks out of prison': ['Faith broke out of prison to find Angel.', 'Faith broke a nail.'],
  "strong:Cordelia's coma": ['Cordelia lay in a coma upstairs.', 'Cordelia lay on the bed upstairs.'],
  'strong:Jasmine': ['Jasmine’s followers wept.', 'The smell of jasmine drifted in.'],
  'weak:Jasmine': ['Jasmine smiled at the crowd.', 'Jade smiled at the crowd.'],
  'strong:Wolfram & Hart takeover': ['Now they ran Wolfram & Hart.', 'Now they sued Wolfram & Hart.'],
  "strong:Spike's return in LA": ['Spike was a ghost, stuck in the building.', 'Spike was a vampire, stuck in the building.'],
  'strong:Gunn becomes a lawyer': ['Gunn was a lawyer now, thanks to the upgrade.', 'Gunn was a fighter now.'],
  "weak:Harmony as Angel's assistant": ['Harmony was his assistant now.', 'Harmony was his ex now.'],
  'strong:Nina': ['Nina Ash locked herself in the cage.', 'Nina locked the door.'],
  'strong:the Cup of Perpetual Torment': ['They fought for the Cup of Perpetual Torment.', 'They fought for the cup.'],
  "strong:Cordelia's death": ['Cordelia died in that hospital bed.', 'Cordelia sat in that hospital bed.'],
  'strong:Angel becomes a puppet': ['Puppet Angel punched him.', 'Angel punched him.'],
  "strong:Fred's death": ['After Fred died, Wesley broke.', 'After Fred left, Wesley sulked.'],
  'strong:Illyria': ['Illyria tilted her head.', 'Illyana tilted her head.'],
  'strong:the Circle of the Black Thorn': ['The Circle of the Black Thorn met at midnight.', 'The thorn bush met the fence.'],
  "strong:Wesley's death": ['Wesley died in Illyria’s arms.', 'Wesley sat in the office.'],
};

describe.each([
  ['Buffy', buffy, BUFFY_EXAMPLES, 40],
  ['Angel', angel, ANGEL_EXAMPLES, 25],
] as const)('%s canon hints', (_name, f, examples, minimum) => {
  const hints = f.hints ?? [];

  it(`has at least ${minimum}, each a valid pattern with a known episode`, () => {
    expect(hints.length).toBeGreaterThanOrEqual(minimum);
    for (const h of hints) {
      expect(() => compile(h), h.what).not.toThrow();
      expect(f.episodes!.some((e) => e.season === h.season && e.episode === h.episode), h.what).toBe(true);
    }
  });

  it('has an example for every hint', () => {
    expect(hints.map(key).filter((k) => !(k in examples))).toEqual([]);
    expect(Object.keys(examples).filter((k) => !hints.some((h) => key(h) === k))).toEqual([]);
  });

  it.each(Object.entries(examples))('%s fires where it should and not on a near miss', (k, [fires, quiet]) => {
    const own = hints.filter((h) => key(h) === k);
    expect(own.some((h) => compile(h).test(fires)), fires).toBe(true);
    expect(own.some((h) => compile(h).test(quiet)), quiet).toBe(false);
  });
});

/** Everyday words the hints must not mistake for canon. */
const EVERYDAY_PROSE = `At dawn the trio walked home in all their glory. She took the initiative and
kept the faith; the first evil thought of the day was about a poker chip. He had potential, a soul
of kindness, and the key to the front door. The door to the bathroom opened and she hung the seal
over the crater in the garden. It was heaven. The host poured wine, the first slayer of the season
was a mosquito, and the beast of a car would not start.`;

describe('everyday prose', () => {
  it('fires no Buffy hint', () => {
    expect(firing(buffy, EVERYDAY_PROSE).map((h) => h.what)).toEqual([]);
  });

  it('fires no Angel hint', () => {
    expect(firing(angel, EVERYDAY_PROSE).map((h) => h.what)).toEqual([]);
  });
});

describe('the seeds', () => {
  it('004 (late season 6: Spike’s soul, the bathroom, Dawn) shows season 6 hints', () => {
    const found = firing(buffy, seed('004_f0bdf96806cec450.txt'));
    const s6 = found.filter((h) => h.season === 6);
    expect(s6.map((h) => h.what)).toEqual(expect.arrayContaining(['the bathroom scene', 'Spike gets his soul back']));
    expect(found.some((h) => h.what === 'Dawn')).toBe(true);
  });

  it('000 (set after Hush, 4x10) shows nothing beyond season 4', () => {
    const found = firing(buffy, seed('000_1251d9eee5d7d750.txt'));
    expect(found.filter((h) => h.season > 4).map((h) => h.what)).toEqual([]);
    // It does name Angelus and Drusilla, which are older canon.
    expect(found.map((h) => h.what)).toEqual(expect.arrayContaining(['Angelus', 'Drusilla']));
  });
});
