import type { FandomCharacter, FandomData } from '../fandoms';
import { fandomData } from './fandom-names';

/** Characters of the given fandoms, the known ones only. */
function castOf(fandoms: readonly string[]): { fandom: FandomData; character: FandomCharacter }[] {
  return fandoms.flatMap((name) => {
    const fandom = fandomData(name);
    return fandom ? fandom.characters.map((character) => ({ fandom, character })) : [];
  });
}

/** Common names a shorthand may stand for ("S" → Spike); more than one name means it is ambiguous. */
function namesForShorthand(part: string, fandoms: readonly string[]): Set<string> {
  const wanted = part.toLowerCase();
  const names = new Set<string>();
  for (const { character } of castOf(fandoms)) {
    if ((character.short ?? []).some((s) => s.toLowerCase() === wanted)) names.add(character.common);
  }
  return names;
}

/** A part written as a name we know ("Xander", "Spike"), or as a full name. */
function isKnownName(part: string, fandoms: readonly string[]): boolean {
  const wanted = part.toLowerCase();
  return castOf(fandoms).some(({ character }) =>
    [character.name, character.common, ...(character.also ?? [])].some((n) => n.toLowerCase() === wanted),
  );
}

/** "X", "W", "RK": a part shaped like initials, which we must not leave half-expanded. */
const looksLikeInitials = (part: string) => /^[A-Z][A-Za-z]?$/.test(part);

function expandPortmanteau(raw: string, fandoms: readonly string[]): string | null {
  const wanted = raw.toLowerCase();
  for (const name of fandoms) {
    const fandom = fandomData(name);
    for (const [ship, pairing] of Object.entries(fandom?.portmanteaus ?? {}))
      if (ship.toLowerCase() === wanted) return pairing;
  }
  return null;
}

/**
 * Expands pairing shorthand ("X/S" in Buffy → "Xander/Spike", "Spuffy" →
 * "Spike/Buffy") when the fandoms make it unambiguous. Names already written
 * out stay as written. Anything unknown or ambiguous (two characters share the
 * letter, or no fandom is known) is returned exactly as written.
 */
export function expandPairing(raw: string, fandoms: readonly string[]): string {
  const text = raw.trim();
  if (!text || fandoms.length === 0) return raw;
  const ship = expandPortmanteau(text, fandoms);
  if (ship) return ship;
  if (!text.includes('/')) return raw;
  const parts = text.split('/').map((p) => p.trim());
  if (parts.some((p) => !p)) return raw;
  const expanded: string[] = [];
  for (const part of parts) {
    if (isKnownName(part, fandoms)) {
      expanded.push(part);
      continue;
    }
    const names = namesForShorthand(part, fandoms);
    if (names.size === 1) expanded.push([...names][0]!);
    else if (names.size > 1 || looksLikeInitials(part)) return raw;
    else expanded.push(part);
  }
  return expanded.join('/');
}
