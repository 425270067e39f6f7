/**
 * In a hidden tab nothing is painted and browsers hold frames and timers back
 * (Firefox: a second or more): work waiting for a frame runs at once there,
 * after the current work. Returns a cancel function.
 */
function afterCurrentWork(run: () => void): () => void {
  let cancelled = false;
  void Promise.resolve().then(() => {
    if (!cancelled) run();
  });
  return () => {
    cancelled = true;
  };
}

const isHidden = (win: Window) => win.document?.visibilityState === 'hidden';

/**
 * Runs `run` in the next frame, before it is painted: what it changes is
 * painted with that frame. Without frames (test DOMs) or in a hidden tab,
 * after the current work. Returns a cancel function.
 */
export function inNextFrame(run: () => void, win: Window = window): () => void {
  if (isHidden(win) || typeof win.requestAnimationFrame !== 'function') return afterCurrentWork(run);
  const frame = win.requestAnimationFrame(run);
  return () => win.cancelAnimationFrame(frame);
}

/**
 * Runs `run` after the next frame is painted: frame callbacks run before the
 * paint, and a task queued from one runs after it. Without frames (test
 * DOMs), a task; in a hidden tab, after the current work. Returns a cancel
 * function.
 */
export function afterPaint(run: () => void, win: Window = window): () => void {
  if (isHidden(win)) return afterCurrentWork(run);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const queue = () => {
    timer = setTimeout(run, 0);
  };
  const frame = typeof win.requestAnimationFrame === 'function' ? win.requestAnimationFrame(queue) : undefined;
  if (frame === undefined) queue();
  return () => {
    if (frame !== undefined) win.cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
