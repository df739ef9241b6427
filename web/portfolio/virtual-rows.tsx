import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

export interface VirtualRowsProps<T> {
  items: readonly T[];
  /** Every row has this height in px; that is what lets a row be placed by its index alone. */
  rowHeight: number;
  /** The header row (a <tr>), kept in view while the rows scroll. */
  header: ReactNode;
  /**
   * One <tr> at `top` px (position it absolutely, `rowHeight` tall). A number,
   * not a style object, so a memoised row that stays in view skips re-rendering.
   */
  renderRow: (item: T, index: number, top: number) => ReactNode;
  /** Told the last index on screen, so the caller can load the next page before it is needed. */
  onVisibleEnd?: (lastIndex: number) => void;
  /** Rows drawn beyond the visible ones, so fast scrolling does not flash blank space. */
  overscan?: number;
  /** Smallest height of the scroll area in px; otherwise it fills the window below its top. */
  minHeight?: number;
  /** Narrowest the table gets, px: the scroll area scrolls sideways below it. */
  minWidth?: number;
  label: string;
  rowCount?: number;
  footer?: ReactNode;
}

/**
 * Windowed rows: only the rows in view (plus a margin) are in the DOM, placed
 * absolutely inside a spacer as tall as all rows, so ten thousand rows scroll
 * like fifty. Written here rather than pulled in: fixed row heights make it
 * a few dozen lines.
 */
export function VirtualRows<T>({
  items,
  rowHeight,
  header,
  renderRow,
  onVisibleEnd,
  overscan = 12,
  minHeight = 320,
  minWidth = 1100,
  label,
  rowCount,
  footer,
}: VirtualRowsProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const frame = useRef(0);

  // Fill the window below the table's top edge; recomputed when the window resizes.
  useLayoutEffect(() => {
    const measure = () => {
      const top = scroller.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(minHeight, window.innerHeight - top - 16));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [minHeight]);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setScrollTop(scroller.current?.scrollTop ?? 0);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const visibleEnd = Math.min(items.length - 1, Math.ceil((scrollTop + height) / rowHeight));

  useEffect(() => {
    onVisibleEnd?.(visibleEnd);
  }, [visibleEnd, onVisibleEnd]);

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    rows.push(renderRow(items[index]!, index, index * rowHeight));
  }

  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      style={{
        height,
        overflow: "auto",
        border: "1px solid var(--mantine-color-gray-3)",
        borderRadius: 4,
      }}
    >
      <table
        aria-label={label}
        aria-rowcount={rowCount ?? items.length + 1}
        style={{ display: "block", minWidth, borderCollapse: "collapse" }}
      >
        <thead style={{ display: "block", position: "sticky", top: 0, zIndex: 2 }}>{header}</thead>
        <tbody style={{ display: "block", position: "relative", height: items.length * rowHeight }}>
          {rows}
        </tbody>
      </table>
      {footer}
    </div>
  );
}
