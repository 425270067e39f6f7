import type { CanonHint } from './types';
import { numberSeasons } from './season-list';
import type { FandomGuide } from './guides';

/**
 * Good Omens (Amazon Prime Video / BBC, 2019–): two seasons of six. The book is
 * a separate AO3 fandom, but readers follow one Good Omens: its tags count here,
 * and everything in it is season 1.
 */
const EPISODES = numberSeasons([
  // Season 1
  ['In the Beginning', 'The Book', 'Hard Times', 'Saturday Morning Funtime', 'The Doomsday Option',
    'The Very Last Day of the Rest of Their Lives'],
  // Season 2: each title is also "Chapter N: <title>"
  [['The Arrival', 'Chapter 1: The Arrival'], ['The Clue', 'Chapter 2: The Clue'],
    ["I Know Where I'm Going", "Chapter 3: I Know Where I'm Going"], ['The Hitchhiker', 'Chapter 4: The Hitchhiker'],
    ['The Ball', 'Chapter 5: The Ball'], ['Every Day', 'Chapter 6: Every Day']],
]);

/** Names and events that only exist from a known episode on. */
const HINTS: CanonHint[] = [
  { pattern: 'holy water', season: 1, episode: 3, strength: 'weak', what: 'the holy water' },
  { pattern: 'discorporat(?:ed|es|e|ion)', season: 1, episode: 4, strength: 'weak', what: 'Aziraphale discorporated' },
  { pattern: 'bookshop (?:fire|burn(?:ed|ing|s)?|burnt)|burning bookshop|(?:fire|burning) (?:at|in) the bookshop', season: 1, episode: 4, strength: 'strong', what: 'the bookshop fire' },
  { pattern: 'body ?swap(?:ped)?|swapped bodies|(?:switched|swapped) faces', season: 1, episode: 6, strength: 'strong', what: 'the body swap' },
  { pattern: "amnesiac Gabriel|Gabriel(?:'s)? (?:amnesia|memory loss|lost memories)|Gabriel (?:as|called) Jim", season: 2, episode: 1, strength: 'strong', what: "Gabriel's amnesia" },
  { pattern: 'Maggie and Nina|Nina and Maggie|Maggie/Nina|Nina/Maggie', season: 2, episode: 1, strength: 'strong', what: 'Maggie and Nina' },
  { pattern: 'Shax', season: 2, episode: 1, strength: 'strong', what: 'Shax' },
  { pattern: 'Elspeth', season: 2, episode: 3, strength: 'strong', what: 'Elspeth and the Edinburgh resurrectionists' },
  { pattern: 'Furfur|Nazi zombies?', season: 2, episode: 4, strength: 'strong', what: 'Furfur and the Nazi zombies' },
  { pattern: "Aziraphale(?:'s)? ball|the (?:bookshop|regency) ball", season: 2, episode: 5, strength: 'weak', what: "Aziraphale's ball" },
  { pattern: 'Supreme Archangel|final fifteen|the last fifteen|the bookshop kiss', season: 2, episode: 6, strength: 'strong', what: 'the final fifteen minutes' },
  { pattern: 'Beelzebub and Gabriel|Gabriel and Beelzebub|Beelzebub/Gabriel|Gabriel/Beelzebub', season: 2, episode: 6, strength: 'strong', what: 'Gabriel and Beelzebub' },
];

/** Good Omens (TV): the episode guide and canon hints (loaded on demand in pages; see guides.ts). */
export const goodOmensGuide: FandomGuide = { fandom: 'Good Omens (TV)', episodes: EPISODES, hints: HINTS };
