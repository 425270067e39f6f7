// Placeholder until fandom inference lands: canonical names only pass through.
export interface FandomEvidence {
  disclaimer?: string;
  summary?: string;
  title?: string;
  text?: string;
  characters?: string[];
  relationships?: string[];
}

/** Canonical fandom name for an alias or site tag ("BtVS" → "Buffy the Vampire Slayer"); unknown names pass through. */
export function canonicalFandom(name: string): string {
  return name;
}

/** Fandoms a page implies when it does not name one (disclaimer, character names). */
export function inferFandoms(_evidence: FandomEvidence): string[] {
  return [];
}
