/**
 * Whether this page's story is covered right now. Reader mode asks before it
 * opens, so the shield cannot be bypassed by opening the story another way.
 * Kept on the isolated world's global: the shield and the reader run from
 * separately built scripts (see parts/registry.ts), each with its own modules.
 */
const SHIELDED = Symbol.for('ficshelf.shielded');
const holder = globalThis as unknown as Record<symbol, boolean | undefined>;

export function isShielded(): boolean {
  return holder[SHIELDED] === true;
}

export function setShielded(value: boolean): void {
  holder[SHIELDED] = value;
}
