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
