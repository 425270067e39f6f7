import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { visibleRows } from './virtual';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  renderRow(index: number): ComponentChildren;
  rowKey(index: number): string;
  label: string;
  class?: string;
  /** Used before the list has been laid out (and where there is no layout, as in tests). */
  fallbackHeight?: number;
}

/**
 * A scrolling list that renders only the rows in view (and a few more), each
 * absolutely placed at its fixed height, so thousands of stories cost the same
 * as twenty. Rows keep their place in the list for assistive technology
 * through aria-setsize and aria-posinset.
 */
export function VirtualList({ count, rowHeight, renderRow, rowKey, label, fallbackHeight = 640, ...props }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || fallbackHeight);
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  // A shorter list (a search, a filter) must not leave the view scrolled past its end.
  useEffect(() => {
    const el = box.current;
    if (el && el.scrollTop > count * rowHeight) {
      el.scrollTop = 0;
      setScrollTop(0);
    }
  }, [count, rowHeight]);

  const { first, end } = visibleRows(scrollTop, height, rowHeight, count);
  const rows: ComponentChildren[] = [];
  for (let i = first; i < end; i++) {
    rows.push(
      <div
        key={rowKey(i)}
        role="listitem"
        aria-setsize={count}
        aria-posinset={i + 1}
        class="library-row-slot"
        style={{ position: 'absolute', top: `${i * rowHeight}px`, left: 0, right: 0, height: `${rowHeight}px` }}
      >
        {renderRow(i)}
      </div>,
    );
  }

  return (
    <div
      ref={box}
      class={`virtual-list ${props.class ?? ''}`}
      data-rendered={end - first}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
      // Keyboard users scroll it with the arrow keys once it has focus.
      tabIndex={-1}
      // A few stories: the box ends with its last row instead of an empty frame below.
      style={{ maxHeight: `${count * rowHeight}px` }}
    >
      <div role="list" aria-label={label} style={{ position: 'relative', height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
