import { normalizeSettings, type Settings } from './settings';

/**
 * Settings live in storage.sync (so they follow the reader between browsers
 * that sync), one item per top-level key to stay under sync's per-item quota.
 * When sync refuses (quota, or no sync in this browser) they go to local.
 */
const KEYS = ['reader', 'spoilers', 'ratings', 'blocklist'] as const;
const itemKey = (key: string) => `settings.${key}`;

export async function loadSettings(): Promise<Settings> {
  const names = KEYS.map(itemKey);
  const [synced, local] = await Promise.all([
    browser.storage.sync?.get(names).catch(() => ({})) ?? {},
    browser.storage.local.get(names).catch(() => ({})),
  ]);
  const merged: Record<string, unknown> = {};
  for (const key of KEYS) merged[key] = (local as any)[itemKey(key)] ?? (synced as any)[itemKey(key)];
  return normalizeSettings(merged);
}

export async function saveSettings(settings: Settings): Promise<void> {
  const clean = normalizeSettings(settings);
  for (const key of KEYS) {
    const item = { [itemKey(key)]: clean[key] };
    try {
      await browser.storage.sync.set(item);
      await browser.storage.local.remove(itemKey(key));
    } catch {
      await browser.storage.local.set(item);
    }
  }
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await loadSettings()));
  await saveSettings(next);
  return next;
}

/** Calls back with the new settings whenever any part changes, in any extension context. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((k) => k.startsWith('settings.'))) void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
