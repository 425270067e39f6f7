// Placeholder until pairing shorthand lands.
/** Expands pairing shorthand ("X/S" in Buffy → "Xander/Spike") when the fandoms make it unambiguous; otherwise returns it as written. */
export function expandPairing(raw: string, _fandoms: readonly string[]): string {
  return raw;
}
