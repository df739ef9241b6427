import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";

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
 * Windowed rows (@tanstack/react-virtual): only the rows in view (plus a
 * margin) are in the DOM, placed absolutely inside a body as tall as all
 * rows, so ten thousand rows scroll like fifty. The table keeps its semantics
 * (header row, aria-rowcount) for screen readers.
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
  const height = useFillWindowHeight(scroller, minHeight);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: minWidth, height },
  });
  const visibleEnd = virtualizer.range?.endIndex ?? -1;

  useEffect(() => {
    if (visibleEnd >= 0) onVisibleEnd?.(visibleEnd);
  }, [visibleEnd, onVisibleEnd]);

  return (
    <div
      ref={scroller}
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
        <tbody style={{ display: "block", position: "relative", height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => renderRow(items[row.index]!, row.index, row.start))}
        </tbody>
      </table>
      {footer}
    </div>
  );
}

/** The height that fills the window below the element's top edge; recomputed when the window resizes. */
function useFillWindowHeight(element: RefObject<HTMLElement | null>, minHeight: number): number {
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const measure = () => {
      const top = element.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(minHeight, window.innerHeight - top - 16));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [element, minHeight]);
  return height;
}
