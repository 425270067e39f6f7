import { registerGuides, type FandomGuide } from './guides';
import { HINT_STARTS } from './hint-starts';
import { hashString } from '../metadata/text';
import { fillGuides } from './index';
import { buffyGuide } from './buffy-guide';
import { angelGuide } from './angel-guide';
import { supernaturalGuide } from './supernatural-guide';
import { merlinGuide } from './merlin-guide';
import { teenWolfGuide } from './teen-wolf-guide';
import { sherlockGuide } from './sherlock-guide';
import { hannibalGuide } from './hannibal-guide';
import { goodOmensGuide } from './good-omens-guide';

/**
 * The guide with each hint's literal starts from the table read ahead of time,
 * found by a hash of the pattern: a hint changed since the table was written
 * is not found there and reads its own on first use.
 */
function withKnownStarts(guide: FandomGuide): FandomGuide {
  if (!guide.hints) return guide;
  return {
    ...guide,
    hints: guide.hints.map((hint) => {
      const starts = HINT_STARTS[hashString(hint.pattern)];
      return starts === undefined ? hint : { ...hint, starts };
    }),
  };
}

/** Every episode guide FicShelf has (the `guides` part's content). */
export const ALL_GUIDES: readonly FandomGuide[] = [
  buffyGuide,
  angelGuide,
  supernaturalGuide,
  merlinGuide,
  teenWolfGuide,
  sherlockGuide,
  hannibalGuide,
  goodOmensGuide,
].map(withKnownStarts);

/** For code that has every guide at hand (extension pages, the CLI, tests, the bench): registers them all. */
export function registerAllGuides(): void {
  registerGuides(ALL_GUIDES);
  fillGuides();
}
