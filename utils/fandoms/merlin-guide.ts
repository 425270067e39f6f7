import type { CanonHint } from './types';
import { numberSeasons } from './season-list';
import type { FandomGuide } from './guides';

/** Merlin (BBC One, 2008–2012): five series of 13, 65 episodes. Two-part stories carry "Part 1"/"Part 2". */
const EPISODES = numberSeasons([
  // Series 1
  ["The Dragon's Call", 'Valiant', 'The Mark of Nimueh', 'The Poisoned Chalice', 'Lancelot', 'A Remedy to Cure All Ills',
    'The Gates of Avalon', 'The Beginning of the End', 'Excalibur', 'The Moment of Truth', 'The Labyrinth of Gedref',
    'To Kill the King', ["Le Morte d'Arthur", 'Le Morte dArthur']],
  // Series 2
  ['The Curse of Cornelius Sigan', 'The Once and Future Queen', 'The Nightmare Begins', 'Lancelot and Guinevere',
    'Beauty and the Beast: Part 1', 'Beauty and the Beast: Part 2', 'The Witchfinder', 'The Sins of the Father',
    'The Lady of the Lake', 'Sweet Dreams', "The Witch's Quickening", 'The Fires of Idirsholas', 'The Last Dragonlord'],
  // Series 3
  ['The Tears of Uther Pendragon: Part 1', 'The Tears of Uther Pendragon: Part 2', "Goblin's Gold", 'Gwaine',
    'The Crystal Cave', 'The Changeling', 'The Castle of Fyrien', 'The Eye of the Phoenix',
    'Love in the Time of Dragons', 'Queen of Hearts', "The Sorcerer's Shadow", 'The Coming of Arthur: Part 1',
    'The Coming of Arthur: Part 2'],
  // Series 4
  ['The Darkest Hour: Part 1', 'The Darkest Hour: Part 2', 'The Wicked Day', 'Aithusa', "His Father's Son",
    'A Servant of Two Masters', 'The Secret Sharer', 'Lancelot du Lac', 'Lamia', 'A Herald of the New Age',
    "The Hunter's Heart", 'The Sword in the Stone: Part 1', 'The Sword in the Stone: Part 2'],
  // Series 5
  ["Arthur's Bane: Part 1", "Arthur's Bane: Part 2", 'The Death Song of Uther Pendragon', "Another's Sorrow",
    'The Disir', 'The Dark Tower', 'A Lesson in Vengeance', 'The Hollow Queen', 'With All My Heart',
    'The Kindness of Strangers', 'The Drawing of the Dark', 'The Diamond of the Day: Part 1',
    'The Diamond of the Day: Part 2'],
]);

/** Names and events that only exist from a known episode on. */
const HINTS: CanonHint[] = [
  { pattern: "Morgana(?:'s)? (?:magic|powers)|Morgana (?:has|had) magic", season: 2, episode: 3, strength: 'weak', what: "Morgana's magic" },
  { pattern: 'Freya', season: 2, episode: 9, strength: 'strong', what: 'Freya' },
  { pattern: 'Balinor|dragon ?lord', season: 2, episode: 13, strength: 'strong', what: "Balinor, Merlin's father" },
  { pattern: 'Gwaine', season: 3, episode: 4, strength: 'strong', what: 'Gwaine' },
  { pattern: 'Elyan', season: 3, episode: 7, strength: 'strong', what: 'Elyan' },
  { pattern: 'Knights of the Round Table|the Round Table', season: 3, episode: 13, strength: 'weak', what: 'the Round Table' },
  { pattern: 'Agravaine', season: 4, episode: 1, strength: 'strong', what: 'Agravaine' },
  { pattern: "Lancelot(?:'s)? (?:death|sacrifice)|Lancelot (?:died|dies|sacrificed himself)|death of Lancelot", season: 4, episode: 2, strength: 'strong', what: "Lancelot's sacrifice" },
  { pattern: "Uther(?:'s)? (?:death|funeral|grave)|Uther (?:died|dies|is dead|was dead)|death of Uther", season: 4, episode: 3, strength: 'strong', what: "Uther's death" },
  { pattern: 'King Arthur', season: 4, episode: 3, strength: 'weak', what: 'Arthur as king' },
  { pattern: 'Aithusa', season: 4, episode: 4, strength: 'strong', what: 'Aithusa' },
  { pattern: 'Queen Guinevere|Queen Gwen', season: 4, episode: 13, strength: 'strong', what: 'Gwen becomes queen' },
  { pattern: 'Sir Mordred|adult Mordred|Camlann', season: 5, episode: 1, strength: 'strong', what: 'Mordred returns, Camlann foretold' },
  { pattern: "Arthur(?:'s)? death|Arthur (?:died|dies|is dead)|death of Arthur|Arthur (?:finds out|found out|learns|learned|discovers|discovered) (?:about )?(?:Merlin's )?magic", season: 5, episode: 13, strength: 'strong', what: "Arthur learns of Merlin's magic, and dies" },
];

/** Merlin (TV): the episode guide and canon hints (loaded on demand in pages; see guides.ts). */
export const merlinGuide: FandomGuide = { fandom: 'Merlin (TV)', episodes: EPISODES, hints: HINTS };
