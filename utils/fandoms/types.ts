/**
 * What FicShelf knows about one fandom, as data. Each fandom's names and cast
 * live in its own file; its episode guide and canon hints, when it has them,
 * in `<fandom>-guide.ts`, filled in once registered (guides.ts: a page loads
 * them on demand).
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
  /** Display name in reasons ("Buffy"). */
  short?: string;
  /** Every episode, in air order, numbered as the fandom counts them (from the fandom's guide, see guides.ts). */
  episodes?: Episode[];
  /** Names and events that place a story after a known episode. */
  hints?: CanonHint[];
  /** What the fandom calls a season: ["season"]; Doctor Who and Sherlock ["series"]. */
  seasonWords?: string[];
}

/** One episode as the fandom counts it. */
export interface Episode {
  season: number;
  episode: number;
  title: string;
  /** Other titles readers type: UK/US titles, two-part spellings ("Becoming (2)"), abbreviations ("OMWF"). */
  also?: string[];
}

/**
 * A name or event that first appears in a known episode: a story that mentions
 * it probably assumes the reader has seen that episode. Evidence, not proof.
 */
export interface CanonHint {
  /** Regular-expression source, matched case-insensitively on word boundaries against story text. */
  pattern: string;
  /** The FIRST episode it spoils. */
  season: number;
  episode: number;
  /** strong: only exists after that episode; weak: suggests it. */
  strength: 'strong' | 'weak';
  /** What it is, for reasons ("Glory", "Spike gets his soul back"). */
  what: string;
  /**
   * The literal texts every match begins with (hint-scan's literalStarts), read
   * ahead of time into utils/fandoms/hint-starts.ts: reading them on a page
   * cost each guided story's first read 30–60 ms. Missing: read on first use.
   */
  starts?: readonly string[] | null;
}
