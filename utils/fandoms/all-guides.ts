import { registerGuides, type FandomGuide } from './guides';
import { fillGuides } from './index';
import { buffyGuide } from './buffy-guide';
import { angelGuide } from './angel-guide';
import { supernaturalGuide } from './supernatural-guide';
import { merlinGuide } from './merlin-guide';
import { teenWolfGuide } from './teen-wolf-guide';
import { sherlockGuide } from './sherlock-guide';
import { hannibalGuide } from './hannibal-guide';
import { goodOmensGuide } from './good-omens-guide';

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
];

/** For code that has every guide at hand (extension pages, the CLI, tests, the bench): registers them all. */
export function registerAllGuides(): void {
  registerGuides(ALL_GUIDES);
  fillGuides();
}
