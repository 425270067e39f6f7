import type { FandomData } from './types';
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
