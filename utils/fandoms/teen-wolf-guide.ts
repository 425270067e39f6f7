import type { CanonHint } from './types';
import { numberSeasons } from './season-list';
import type { FandomGuide } from './guides';

/**
 * Teen Wolf (MTV, 2011–2017): 6 seasons, 100 episodes. Seasons 3, 5 and 6 aired
 * in two halves ("3A"/"3B"); the guide numbers episodes straight through each
 * season, as MTV and AO3 tags do (3x13 "Anchors" opens 3B).
 */
const EPISODES = numberSeasons([
  // Season 1
  ['Wolf Moon', 'Second Chance at First Line', 'Pack Mentality', 'Magic Bullet', 'The Tell', 'Heart Monitor',
    'Night School', 'Lunatic', "Wolf's Bane", 'Co-Captain', 'Formality', 'Code Breaker'],
  // Season 2
  ['Omega', 'Shape Shifted', 'Ice Pick', 'Abomination', 'Venomous', 'Frenemy', 'Restraint', 'Raving', 'Party Guessed',
    'Fury', 'Battlefield', 'Master Plan'],
  // Season 3 (3A: 1–12, 3B: 13–24)
  ['Tattoo', 'Chaos Rising', 'Fireflies', 'Unleashed', 'Frayed', 'Motel California', 'Currents', 'Visionary',
    'The Girl Who Knew Too Much', 'The Overlooked', 'Alpha Pact', 'Lunar Ellipse', 'Anchors', 'More Bad Than Good',
    'Galvanize', 'Illuminated', 'Silverfinger', 'Riddled', 'Letharia Vulpina', 'Echo House', 'The Fox and the Wolf',
    'De-Void', 'Insatiable', 'The Divine Move'],
  // Season 4
  ['The Dark Moon', '117', 'Muted', 'The Benefactor', ['I.E.D.', 'IED'], 'Orphaned', 'Weaponized', 'Time of Death',
    'Perishable', 'Monstrous', 'A Promise to the Dead', 'Smoke and Mirrors'],
  // Season 5 (5A: 1–10, 5B: 11–20)
  ['Creatures of the Night', 'Parasomnia', 'Dreamcatchers', 'Condition Terminal', 'A Novel Approach', 'Required Reading',
    'Strange Frequencies', 'Ouroboros', 'Lies of Omission', 'Status Asthmaticus', 'The Last Chimera',
    'Damnatio Memoriae', 'Codominance', 'The Sword and the Spirit', 'Amplification', 'Lie Ability', 'A Credible Threat',
    ['Maid of Gévaudan', 'The Maid of Gevaudan'], 'The Beast of Beacon Hills', 'Apotheosis'],
  // Season 6 (6A: 1–10, 6B: 11–20)
  ['Memory Lost', 'Superposition', 'Sundowning', 'Relics', 'Ghosted', 'Radio Silence', 'Heartless', 'Blitzkrieg',
    'Memory Found', 'Riders on the Storm', 'Said the Spider to the Fly', 'Raw Talent', 'After Images',
    'Face-to-Faceless', 'Pressure Test', 'Triggers', 'Werewolves of London', 'Genotype', 'Broken Glass',
    'The Wolves of War'],
]);

/** Names and events that only exist from a known episode on. */
const HINTS: CanonHint[] = [
  { pattern: 'Gerard Argent', season: 2, episode: 1, strength: 'strong', what: 'Gerard Argent' },
  { pattern: 'kanimas?', season: 2, episode: 4, strength: 'strong', what: 'the kanima' },
  { pattern: 'Alpha pack', season: 3, episode: 1, strength: 'strong', what: 'the Alpha Pack' },
  { pattern: "Scott(?:'s)? red eyes|true alpha", season: 3, episode: 12, strength: 'weak', what: 'Scott becomes a True Alpha' },
  { pattern: 'Kira Yukimura', season: 3, episode: 13, strength: 'strong', what: 'Kira Yukimura' },
  { pattern: 'Malia(?: Tate)?', season: 3, episode: 14, strength: 'strong', what: 'Malia Tate' },
  { pattern: 'nogitsune|Void Stiles|Void!Stiles', season: 3, episode: 17, strength: 'strong', what: 'the Nogitsune' },
  { pattern: "Allison(?:'s)? (?:death|funeral|grave)|Allison (?:died|dies|is dead|was dead)|death of Allison|(?:after|since) Allison died", season: 3, episode: 23, strength: 'strong', what: "Allison's death" },
  { pattern: "Kate(?: Argent)? (?:is )?(?:alive|back)|Kate(?:'s)? return|were-?jaguar", season: 3, episode: 24, strength: 'weak', what: 'Kate Argent alive' },
  { pattern: 'Liam Dunbar', season: 4, episode: 1, strength: 'strong', what: 'Liam Dunbar' },
  { pattern: 'Dread Doctors?|Theo Raeken', season: 5, episode: 1, strength: 'strong', what: 'the Dread Doctors and Theo' },
  { pattern: "Parrish(?: is|'s| was)? (?:a |the )?hell-?hound|hell-?hound Parrish", season: 5, episode: 10, strength: 'strong', what: 'Parrish is a hellhound' },
  { pattern: 'Mason (?:is|was) the Beast|Sebastien Valet', season: 5, episode: 18, strength: 'strong', what: 'the Beast of Gévaudan is Mason' },
  { pattern: 'Ghost Riders?|Wild Hunt', season: 6, episode: 1, strength: 'strong', what: 'the Ghost Riders' },
];

/** Teen Wolf: the episode guide and canon hints (loaded on demand in pages; see guides.ts). */
export const teenWolfGuide: FandomGuide = { fandom: 'Teen Wolf', episodes: EPISODES, hints: HINTS };
