import type { CanonHint } from './types';
import { numberSeasons } from './season-list';
import type { FandomGuide } from './guides';

/**
 * Hannibal (NBC, 2013–2015): three seasons of 13, 39 episodes. Titles are
 * courses of a meal (French, Japanese, Italian); `also` holds the spellings
 * readers type without accents or macrons.
 */
const EPISODES = numberSeasons([
  // Season 1: French courses
  [['Apéritif', 'Aperitif'], 'Amuse-Bouche', 'Potage', ['Œuf', 'Oeuf'], 'Coquilles', ['Entrée', 'Entree'], 'Sorbet',
    'Fromage', 'Trou Normand', 'Buffet Froid', ['Rôti', 'Roti'], ['Relevés', 'Releves'], 'Savoureux'],
  // Season 2: kaiseki courses
  ['Kaiseki', 'Sakizuke', 'Hassun', 'Takiawase', ['Mukōzuke', 'Mukozuke'], 'Futamono', 'Yakimono',
    ['Su-zakana', 'Suzakana'], 'Shiizakana', ['Naka-Choko', 'Nakachoko'], ['Kō No Mono', 'Ko No Mono'], 'Tome-wan',
    'Mizumono'],
  // Season 3: Italian courses, then the Red Dragon arc
  ['Antipasto', 'Primavera', 'Secondo', 'Aperitivo', 'Contorno', 'Dolce', 'Digestivo', 'The Great Red Dragon',
    ['...And the Woman Clothed with the Sun', 'And the Woman Clothed with the Sun'],
    ['...And the Woman Clothed in Sun', 'And the Woman Clothed in Sun'],
    ['...And the Beast from the Sea', 'And the Beast from the Sea'],
    ['The Number of the Beast Is 666...', 'The Number of the Beast Is 666'], 'The Wrath of the Lamb'],
]);

/** Names and events that only exist from a known episode on. */
const HINTS: CanonHint[] = [
  { pattern: 'Abel Gideon|Dr\\.? Gideon', season: 1, episode: 6, strength: 'strong', what: 'Abel Gideon' },
  { pattern: "Will(?:'s)? (?:arrest|incarceration|trial)|Will (?:was|is) (?:arrested|incarcerated|imprisoned|in prison)|Will in (?:prison|his cell)", season: 1, episode: 13, strength: 'strong', what: "Will's arrest" },
  { pattern: "Beverly(?:'s)? (?:death|murder|body)|Beverly(?: Katz)? (?:died|dies|was killed|is dead)|death of Beverly", season: 2, episode: 4, strength: 'strong', what: "Beverly Katz's death" },
  { pattern: 'Randall Tier', season: 2, episode: 9, strength: 'strong', what: 'Randall Tier' },
  { pattern: "Abigail (?:is |was )?(?:alive|survived)|Abigail(?:'s)? (?:survival|return)", season: 2, episode: 13, strength: 'strong', what: 'Abigail is alive' },
  { pattern: 'Dr\\.? Fell|Doctor Fell|Roman Fell|Lydia Fell', season: 3, episode: 1, strength: 'strong', what: 'Hannibal and Bedelia in Florence' },
  { pattern: 'Chiyoh', season: 3, episode: 2, strength: 'strong', what: 'Chiyoh' },
  { pattern: "Hannibal(?:'s)? surrender|Hannibal (?:surrendered|surrenders|turned himself in|turns himself in)", season: 3, episode: 7, strength: 'strong', what: "Hannibal's surrender" },
  { pattern: 'Dolarhyde|Great Red Dragon', season: 3, episode: 8, strength: 'strong', what: 'Francis Dolarhyde, the Red Dragon' },
  { pattern: 'Tooth Fairy', season: 3, episode: 8, strength: 'weak', what: 'the Tooth Fairy killer' },
  { pattern: 'Molly Graham|Molly Foster|Walter Foster|Will(?:\'s)? (?:wife|stepson)', season: 3, episode: 8, strength: 'strong', what: "Will's family" },
  { pattern: 'Reba McClane', season: 3, episode: 9, strength: 'strong', what: 'Reba McClane' },
  { pattern: '(?:off|over|from) the cliff|the cliff ?(?:side|top|edge)|fall from the cliff', season: 3, episode: 13, strength: 'weak', what: 'the fall from the cliff' },
];

/** Hannibal (TV): the episode guide and canon hints (loaded on demand in pages; see guides.ts). */
export const hannibalGuide: FandomGuide = { fandom: 'Hannibal (TV)', episodes: EPISODES, hints: HINTS };
