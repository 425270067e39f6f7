import { positionKey } from '@/utils/reader/reading-time';

/**
 * Reading position per chapter: the fraction of the chapter text scrolled
 * past, so it survives a new font size or window width. Kept in
 * storage.local (it is per device, and sync's write quota is small).
 */

/** Where the chapter text sits in the scrolling reader, in px. */
export interface ScrollMetrics {
  scrollTop: number;
  clientHeight: number;
  /** Offset of the text's top from the top of the scrolled content. */
  textTop: number;
  textHeight: number;
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** 0 with the text's start at the top of the view, 1 with its end at the bottom. */
export function fractionRead(m: ScrollMetrics): number {
  const span = m.textHeight - m.clientHeight;
  if (span <= 0) return m.scrollTop + m.clientHeight >= m.textTop + m.textHeight ? 1 : 0;
  return clamp01((m.scrollTop - m.textTop) / span);
}

/** The scrollTop that shows the given fraction again; 0 keeps the story header in view. */
export function scrollTopFor(fraction: number, m: Omit<ScrollMetrics, 'scrollTop'>): number {
  const f = clamp01(fraction);
  if (f === 0) return 0;
  return Math.max(0, Math.round(m.textTop + f * Math.max(0, m.textHeight - m.clientHeight)));
}

export async function loadPosition(storyId: string, chapterIndex: number): Promise<number | null> {
  const key = positionKey(storyId, chapterIndex);
  try {
    const stored = (await browser.storage.local.get(key)) as Record<string, unknown>;
    const value = stored[key];
    const fraction = typeof value === 'number' ? value : (value as { fraction?: unknown } | undefined)?.fraction;
    return typeof fraction === 'number' && Number.isFinite(fraction) ? clamp01(fraction) : null;
  } catch {
    return null;
  }
}

export async function savePosition(storyId: string, chapterIndex: number, fraction: number): Promise<void> {
  const key = positionKey(storyId, chapterIndex);
  try {
    await browser.storage.local.set({ [key]: { fraction: Math.round(clamp01(fraction) * 10000) / 10000, at: Date.now() } });
  } catch (error) {
    console.warn('[FicShelf] could not remember the reading position', error);
  }
}

/**
 * Calls `run` at most once per `ms` while calls keep coming, and once more
 * with the last arguments when they stop; `flush` runs a pending call now.
 */
export function throttle<A extends unknown[]>(run: (...args: A) => void, ms: number): { call(...args: A): void; flush(): void; cancel(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const fire = () => {
    timer = undefined;
    last = Date.now();
    const args = pending;
    pending = undefined;
    if (args) run(...args);
  };
  return {
    call(...args: A) {
      pending = args;
      const wait = ms - (Date.now() - last);
      if (wait <= 0) {
        if (timer) clearTimeout(timer);
        fire();
      } else if (!timer) timer = setTimeout(fire, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      if (pending) fire();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
