import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings-store';

/** Long enough to turn a slider drag into a few writes, short enough that open tabs follow at once. */
export const SAVE_DELAY_MS = 150;

type Part = keyof Settings;

export interface SettingsHandle {
  /** Null until the stored settings have been read. */
  settings: Settings | null;
  /** Changes one part of the settings on screen now and in storage shortly after. */
  update<K extends Part>(part: K, change: (current: Settings[K]) => Settings[K]): void;
  /** Counts finished saves, so the page can say "Saved". */
  savedCount: number;
  /** Why the last save failed, until one succeeds. */
  saveError: string | null;
}

/**
 * The options page's view of the stored settings. Edits show at once and are
 * written debounced; only the parts edited here are written over what storage
 * holds, so another page editing another part is not undone. Changes from
 * elsewhere (another options tab, the in-page reader) replace the form unless
 * the reader is in the middle of an edit here.
 */
export function useSettings(delay = SAVE_DELAY_MS): SettingsHandle {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [savedCount, setSavedCount] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const latest = useRef<Settings | null>(null);
  const dirty = useRef(new Set<Part>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef(0);
  const alive = useRef(true);

  const busy = () => dirty.current.size > 0 || saving.current > 0;

  const show = useCallback((next: Settings) => {
    latest.current = next;
    if (alive.current) setSettings(next);
  }, []);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const parts = [...dirty.current];
    const edited = latest.current;
    dirty.current.clear();
    if (parts.length === 0 || !edited) return;
    saving.current++;
    try {
      await updateSettings((stored) => {
        const merged = { ...stored };
        for (const part of parts) (merged as Record<Part, unknown>)[part] = edited[part];
        return merged;
      });
      if (alive.current) {
        setSavedCount((n) => n + 1);
        setSaveError(null);
      }
    } catch (error) {
      if (alive.current) setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      saving.current--;
    }
    // Changes from elsewhere that arrived while this save ran were skipped: catch up once it is done.
    if (!busy()) show(await loadSettings());
  }, [show]);

  useEffect(() => {
    alive.current = true;
    void loadSettings().then((stored) => {
      if (!busy()) show(stored);
    });
    const stop = watchSettings((stored) => {
      if (!busy()) show(stored);
    });
    const onHide = () => void flush();
    addEventListener('pagehide', onHide);
    return () => {
      stop();
      removeEventListener('pagehide', onHide);
      void flush();
      alive.current = false;
    };
  }, [flush, show]);

  const update = useCallback(
    <K extends Part>(part: K, change: (current: Settings[K]) => Settings[K]) => {
      const current = latest.current;
      if (!current) return;
      show({ ...current, [part]: change(current[part]) });
      dirty.current.add(part);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush, show],
  );

  return { settings, update, savedCount, saveError };
}
