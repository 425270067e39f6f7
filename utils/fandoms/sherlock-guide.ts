import type { CanonHint } from './types';
import { numberSeasons } from './season-list';
import type { FandomGuide } from './guides';

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

/** Sherlock (TV): the episode guide and canon hints (loaded on demand in pages; see guides.ts). */
export const sherlockGuide: FandomGuide = { fandom: 'Sherlock (TV)', episodes: EPISODES, hints: HINTS };
