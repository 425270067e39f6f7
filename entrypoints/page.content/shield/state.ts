/**
 * Whether this page's story is covered right now. Reader mode asks before it
 * opens, so the shield cannot be bypassed by opening the story another way.
 */
let shielded = false;

export function isShielded(): boolean {
  return shielded;
}

export function setShielded(value: boolean): void {
  shielded = value;
}
