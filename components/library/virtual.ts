/**
 * Which rows of a fixed-height list are on screen, plus a few either side so
 * fast scrolling does not flash blank rows. Pure.
 */
export interface RowWindow {
  first: number;
  /** One past the last row to render. */
  end: number;
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 4): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

/** The scrollTop that brings a row fully into view, or the current one when it already is. */
export function scrollToShow(row: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
