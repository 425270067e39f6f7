/**
 * Runs `run` after the next frame is painted: frame callbacks run before the
 * paint, and a task queued from one runs after it. Returns a cancel function.
 * Without frames (test DOMs), a task.
 */
export function afterPaint(run: () => void, win: Window = window): () => void {
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
