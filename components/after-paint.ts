/**
 * Runs `run` after the next frame is painted: frame callbacks run before the
 * paint, and a task queued from one runs after it. Returns a cancel function.
 * Without frames (test DOMs), a task. In a hidden tab nothing is painted and
 * browsers hold frames and timers back (Firefox: a second or more), so it
 * runs at once, after the current work.
 */
export function afterPaint(run: () => void, win: Window = window): () => void {
  if (win.document?.visibilityState === 'hidden') {
    let cancelled = false;
    void Promise.resolve().then(() => {
      if (!cancelled) run();
    });
    return () => {
      cancelled = true;
    };
  }
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
