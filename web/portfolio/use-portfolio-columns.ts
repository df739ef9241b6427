import { useMemo } from "react";
import { type ColumnId, columnsParam, columnsText, parseColumns } from "./columns.ts";

const preferenceKey = "unblock.portfolio-columns";

function readPreference(): string | null {
  try {
    return window.localStorage.getItem(preferenceKey);
  } catch {
    return null;
  }
}

function writePreference(value: string | null): void {
  try {
    if (value) window.localStorage.setItem(preferenceKey, value);
    else window.localStorage.removeItem(preferenceKey);
  } catch {
    // Storage refused: the choice still holds in the URL.
  }
}

/**
 * The portfolio's columns: the URL's (a shared link or saved view), else the
 * choice this browser last made, else the default. A new choice goes to both.
 */
export function usePortfolioColumns(
  params: URLSearchParams,
  setParams: (next: URLSearchParams) => void,
): { columns: ColumnId[]; setColumns: (next: ColumnId[]) => void } {
  const text = params.get(columnsParam) ?? readPreference();
  const columns = useMemo(() => parseColumns(text), [text]);
  const setColumns = (next: ColumnId[]) => {
    const value = columnsText(next);
    writePreference(value);
    const updated = new URLSearchParams(params);
    if (value) updated.set(columnsParam, value);
    else updated.delete(columnsParam);
    setParams(updated);
  };
  return { columns, setColumns };
}
