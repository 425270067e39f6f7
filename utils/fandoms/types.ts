/**
 * What FicShelf knows about one fandom, as data. Each fandom lives in its own
 * file so episode guides and canon hints can be added beside the names later.
 */
export interface FandomCharacter {
  /** Full canonical name ("Xander Harris"). */
  name: string;
  /** The name fans write in pairings ("Xander"). */
  common: string;
  /** Shorthand fans use in pairings: initials and nicknames ("X", "Xan"). Matched whole, case-insensitively. */
  short?: string[];
  /** Other names that identify the character in text ("Alexander Harris", "William the Bloody"). */
  also?: string[];
}

export interface FandomData {
  /** Canonical fandom name, as Story.fandoms holds it. */
  name: string;
  /** Other names and site tags that mean this fandom (AO3 tags, FFN categories, abbreviations). */
  aliases: string[];
  /** Words a disclaimer uses to say who owns it: creators, studios, networks, places only it has. */
  owners: string[];
  characters: FandomCharacter[];
  /** Well-known ship names ("Spuffy") → the pairing they stand for ("Spike/Buffy"). */
  portmanteaus?: Record<string, string>;
}
