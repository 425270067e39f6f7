/** What a key does in the reader. */
export type ReaderKeyAction = 'prev' | 'next' | 'menu' | 'close';

const KEYS: Record<string, ReaderKeyAction> = {
  ArrowLeft: 'prev',
  '[': 'prev',
  ArrowRight: 'next',
  ']': 'next',
  c: 'menu',
  C: 'menu',
  Escape: 'close',
};

/** Typing somewhere: letters and arrows belong to that field, not to the reader. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null | undefined;
  if (!el || typeof el !== 'object' || !('tagName' in el)) return false;
  const tag = el.tagName.toUpperCase();
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el.isContentEditable === true;
}

/**
 * The reader's action for a key press, or null to leave the key alone.
 * Shortcuts with Ctrl/Alt/Meta stay the browser's; keys typed into a field
 * stay the field's, except Esc, which a select hands back once it is closed.
 */
export function readerKeyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>, target: EventTarget | null): ReaderKeyAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const action = KEYS[event.key];
  if (!action) return null;
  if (isTypingTarget(target)) return action === 'close' && !isTextField(target) ? 'close' : null;
  return action;
}

function isTextField(target: EventTarget | null): boolean {
  const el = target as Element | null;
  const tag = el?.tagName?.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return (el as { isContentEditable?: boolean } | null)?.isContentEditable === true;
  const type = (el!.getAttribute('type') ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** What Tab can reach inside the reader. */
export const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), input:not(:disabled), summary, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Reader mode is a modal dialog over a page the reader cannot see, so Tab
 * wraps round its own controls instead of walking into that page. Returns
 * the control to focus when Tab would leave the reader (from its last
 * control forwards, its first backwards, or from outside it), else null
 * and the browser moves focus as usual.
 */
export function wrappedFocus<T>(controls: readonly T[], current: T | null, backwards: boolean): T | null {
  if (controls.length === 0) return null;
  const at = current === null ? -1 : controls.indexOf(current);
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  if (at === -1) return current === null ? (backwards ? last : first) : null;
  if (backwards && at === 0) return last;
  if (!backwards && at === controls.length - 1) return first;
  return null;
}
