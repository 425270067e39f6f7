/**
 * "Keep reading on the next page": when the reader follows the site's own
 * chapter link, the next page opens reader mode again. sessionStorage is per
 * tab and per site, which is exactly the scope wanted.
 */
const KEY = 'ficshelf.reader.continue';

/** Remembers that the next page of this story should open in reader mode. */
export function markContinue(storyId: string, storage: Storage | null = safeSessionStorage()): void {
  try {
    storage?.setItem(KEY, storyId);
  } catch {
    // Storage off (privacy settings): the reader presses the key again on the next page.
  }
}

/** True once if the previous page of this story asked to continue; the flag is used up either way. */
export function takeContinue(storyId: string, storage: Storage | null = safeSessionStorage()): boolean {
  try {
    const value = storage?.getItem(KEY);
    if (value !== null && value !== undefined) storage!.removeItem(KEY);
    return value === storyId;
  } catch {
    return false;
  }
}

/** Whether the previous page of this story asked to continue, leaving the flag for takeContinue. */
export function peekContinue(storyId: string, storage: Storage | null = safeSessionStorage()): boolean {
  try {
    return storage?.getItem(KEY) === storyId;
  } catch {
    return false;
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
