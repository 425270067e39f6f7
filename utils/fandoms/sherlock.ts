import type { CanonHint, FandomData } from './types';
import { numberSeasons } from './season-list';

/**
 * Sherlock (BBC One, 2010–2017): four series of three, plus the 2016 special
 * "The Abominable Bride". The special is numbered series 3 episode 4: it aired
 * between series 3 and 4 and opens straight after "His Last Vow", so a reader
 * who has seen it has seen all of series 3, and S3E4 sorts before S4E1 without
 * an episode 0 that pickers and labels would have to special-case.
 */
const EPISODES = numberSeasons([
  // Series 1
  ['A Study in Pink', 'The Blind Banker', 'The Great Game'],
  // Series 2
  ['A Scandal in Belgravia', 'The Hounds of Baskerville', 'The Reichenbach Fall'],
  // Series 3, with the 2016 special as episode 4
  ['The Empty Hearse', 'The Sign of Three', 'His Last Vow', ['The Abominable Bride', 'TAB', 'Sherlock Christmas Special']],
  // Series 4
  ['The Six Thatchers', 'The Lying Detective', 'The Final Problem'],
]);

/** Names and events that only exist from a known episode on. */
const HINTS: CanonHint[] = [
  { pattern: 'Jim from IT', season: 1, episode: 3, strength: 'strong', what: 'Moriarty as Jim from IT' },
  { pattern: 'Irene Adler', season: 2, episode: 1, strength: 'strong', what: 'Irene Adler' },
  { pattern: 'H\\.?O\\.?U\\.?N\\.?D|Baskerville', season: 2, episode: 2, strength: 'weak', what: 'Baskerville' },
  { pattern: "Reichenbach|Sherlock(?:'s)? (?:fall|faked death|suicide)|Sherlock faked his (?:own )?death|(?:after|since) the Fall", season: 2, episode: 3, strength: 'strong', what: "Sherlock's fall" },
  { pattern: "Sherlock(?:'s)? return|Sherlock (?:came|comes) back from the dead", season: 3, episode: 1, strength: 'weak', what: "Sherlock's return" },
  { pattern: 'Mary Morstan|Mary Watson', season: 3, episode: 1, strength: 'strong', what: 'Mary Morstan' },
  { pattern: "best man(?:'s)? speech|John(?: and Mary)?(?:'s)? wedding", season: 3, episode: 2, strength: 'weak', what: "John and Mary's wedding" },
  { pattern: 'Magnussen|Appledore|A\\.G\\.R\\.A|Mary shot Sherlock', season: 3, episode: 3, strength: 'strong', what: 'Magnussen and Mary shooting Sherlock' },
  { pattern: 'Redbeard', season: 3, episode: 3, strength: 'weak', what: 'Redbeard' },
  { pattern: 'Ricoletti', season: 3, episode: 4, strength: 'strong', what: 'the Abominable Bride' },
  { pattern: "Rosie Watson|Rosamund|Mary(?:'s)? death|Mary (?:died|dies|is dead)|death of Mary|(?:after|since) Mary died", season: 4, episode: 1, strength: 'strong', what: "Rosie's birth and Mary's death" },
  { pattern: 'Culverton Smith|Eurus', season: 4, episode: 2, strength: 'strong', what: 'Eurus and Culverton Smith' },
  { pattern: 'Sherrinford|Victor Trevor', season: 4, episode: 3, strength: 'strong', what: 'Sherrinford' },
];

export const sherlock: FandomData = {
  name: 'Sherlock (TV)',
  aliases: ['Sherlock (TV)', 'Sherlock (BBC)', 'BBC Sherlock', 'Sherlock BBC', 'Sherlock (BBC TV)', 'Sherlock'],
  owners: ['Steven Moffat', 'Mark Gatiss', 'Hartswood Films', 'Arthur Conan Doyle', 'Conan Doyle', '221B Baker Street'],
  short: 'Sherlock',
  seasonWords: ['series', 'season'],
  characters: [
    { name: 'Sherlock Holmes', common: 'Sherlock', short: ['S', 'SH'] },
    { name: 'John Watson', common: 'John', short: ['J', 'JW'], also: ['Watson'] },
    { name: 'Mycroft Holmes', common: 'Mycroft', short: ['M'] },
    { name: 'Greg Lestrade', common: 'Lestrade', short: ['L'] },
    { name: 'Jim Moriarty', common: 'Moriarty' },
    { name: 'Molly Hooper', common: 'Molly' },
    { name: 'Mrs. Hudson', common: 'Mrs Hudson', also: ['Mrs. Hudson'] },
    { name: 'Irene Adler', common: 'Irene' },
    { name: 'Mary Morstan', common: 'Mary', also: ['Mary Watson'] },
    { name: 'Sally Donovan', common: 'Donovan' },
    { name: 'Charles Augustus Magnussen', common: 'Magnussen' },
    { name: 'Eurus Holmes', common: 'Eurus' },
  ],
  portmanteaus: {
    Johnlock: 'John/Sherlock',
    Mystrade: 'Mycroft/Lestrade',
    Sheriarty: 'Sherlock/Moriarty',
    Sherlolly: 'Sherlock/Molly',
    Adlock: 'Sherlock/Irene',
    Mormor: 'Moriarty/Moran',
  },
  episodes: EPISODES,
  hints: HINTS,
};
