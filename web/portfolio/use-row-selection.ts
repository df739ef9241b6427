import { useCallback, useMemo, useRef, useState } from "react";
import type { EntitlementView } from "../api/api-types.ts";

/**
 * The portfolio rows the user has ticked. Shift-click selects the range from
 * the last clicked row, like a file list.
 */
export function useRowSelection(rows: readonly EntitlementView[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);

  const onToggle = useCallback(
    (id: string, position: number, extend: boolean) => {
      // Read the anchor now: the updater runs later, after it has moved to this row.
      const start = anchor.current;
      setSelected((current) => {
        const next = new Set(current);
        if (extend && start !== null) {
          const [from, to] = [Math.min(start, position), Math.max(start, position)];
          for (const row of rows.slice(from, to + 1)) next.add(row.id);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = position;
    },
    [rows],
  );
  const onToggleAll = (select: boolean) =>
    setSelected(select ? new Set(rows.map((row) => row.id)) : new Set());
  const selectedRows = useMemo(() => rows.filter((row) => selected.has(row.id)), [rows, selected]);
  const clear = () => setSelected(new Set());

  return { selected, selectedRows, onToggle, onToggleAll, clear };
}
