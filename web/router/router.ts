import { useCallback, useSyncExternalStore } from "react";

/**
 * A small history-API router: the app has five routes and no nested layouts,
 * so a dependency would add weight without adding anything we need. Filters
 * live in the query string so a view can be shared and survives a reload.
 */

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== "undefined") window.addEventListener("popstate", notify);

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

export interface NavigateOptions {
  /** Replace the current history entry (filter edits) instead of adding one (page changes). */
  replace?: boolean;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  notify();
}

export interface Location {
  pathname: string;
  search: string;
}

export function useLocation(): Location {
  const current = useSyncExternalStore(subscribe, snapshot);
  const queryAt = current.indexOf("?");
  return queryAt < 0
    ? { pathname: current, search: "" }
    : { pathname: current.slice(0, queryAt), search: current.slice(queryAt) };
}

/** The query string as URLSearchParams, and a setter that keeps the path. */
export function useSearchParams(): [
  URLSearchParams,
  (next: URLSearchParams, options?: NavigateOptions) => void,
] {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const setParams = useCallback(
    (next: URLSearchParams, options: NavigateOptions = { replace: true }) => {
      const query = next.toString();
      navigate(query ? `${pathname}?${query}` : pathname, options);
    },
    [pathname],
  );
  return [params, setParams];
}

/** Matches "/tenants/:id" against a path; returns the decoded parameters or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = pathname.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const value = have[i]!;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}
