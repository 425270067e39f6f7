import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryOverview } from '@/utils/messages';

const RUNNING = new Set(['fetching', 'storing']);

/**
 * The popup's library part, asked of the background: once on open, then
 * every half second while a save runs in the tab (progress), and once more
 * after it ends so the page state shows the stored result.
 */
export function useLibraryOverview(tabId: number | undefined) {
  const [overview, setOverview] = useState<LibraryOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const watching = useRef(false);

  const load = useCallback(async () => {
    try {
      const next = (await browser.runtime.sendMessage({ type: 'ficshelf:library-overview', tabId })) as
        | LibraryOverview
        | { ok: false; error?: string }
        | undefined;
      if (next && 'stats' in next) {
        setOverview(next);
        setError(null);
        return next;
      }
      setError((next && 'error' in next && next.error) || 'The library did not answer.');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    return null;
  }, [tabId]);

  /** Polls while the tab's save runs; `expectStart` keeps polling until the save shows up (the click just sent it). */
  const watch = useCallback(
    async (expectStart = false) => {
      if (watching.current) return;
      watching.current = true;
      let waitsForStart = expectStart ? 10 : 0;
      const tick = async () => {
        const next = await load();
        const running = !!next?.progress && RUNNING.has(next.progress.phase);
        if (running) waitsForStart = 0;
        if (running || waitsForStart-- > 0) timer.current = setTimeout(() => void tick(), 500);
        else watching.current = false;
      };
      await tick();
    },
    [load],
  );

  useEffect(() => {
    void watch();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [watch]);

  return { overview, error, reload: load, watch };
}
