import type { FandomData } from './types';
import { guidesVersion, registeredGuide } from './guides';
import { buffy } from './buffy';
import { angel } from './angel';
import { harryPotter } from './harry-potter';
import { stargateSg1 } from './stargate-sg1';
import { supernatural } from './supernatural';
import { starTrekTos } from './star-trek-tos';
import { sherlock } from './sherlock';
import { doctorWho } from './doctor-who';
import { xFiles } from './x-files';
import { dueSouth } from './due-south';
import { smallville } from './smallville';
import { naruto } from './naruto';
import { teenWolf } from './teen-wolf';
import { merlin } from './merlin';
import { goodOmens } from './good-omens';
import { hannibal } from './hannibal';

export type { FandomData, FandomCharacter } from './types';

/** Every fandom FicShelf knows by name; order only breaks ties in inference. */
export const FANDOMS: readonly FandomData[] = [
  buffy,
  angel,
  harryPotter,
  stargateSg1,
  supernatural,
  starTrekTos,
  sherlock,
  doctorWho,
  xFiles,
  dueSouth,
  smallville,
  naruto,
  teenWolf,
  merlin,
  goodOmens,
  hannibal,
];

let filledVersion = -1;

/**
 * Fills each fandom's episodes and hints from the guides registered so far
 * (guides.ts). Code that reads `episodes` or `hints` calls this first; it is
 * cheap when nothing new arrived. A fandom's guide, once there, never changes.
 */
export function fillGuides(): void {
  const version = guidesVersion();
  if (version === filledVersion) return;
  filledVersion = version;
  for (const fandom of FANDOMS) {
    const guide = fandom.episodes ? undefined : registeredGuide(fandom.name);
    if (!guide) continue;
    fandom.episodes = guide.episodes;
    if (guide.hints) fandom.hints = guide.hints;
  }
}
