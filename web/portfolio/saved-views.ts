import { useCallback, useSyncExternalStore } from "react";

/**
 * Saved portfolio views. For now they live in this browser's localStorage,
 * keyed by the signed-in user's e-mail, so people sharing a browser each keep
 * their own list; they do not follow a user to another browser. The server
 * has no saved-view store yet; move them there when it does.
 */
export interface SavedView {
  name: string;
  /** The portfolio query string, without "?". */
  query: string;
}

const keyFor = (email: string) => `unblock.savedViews.${email || "default"}`;
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; views: SavedView[] }>();

function read(email: string): SavedView[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(keyFor(email));
  } catch {
    raw = null;
  }
  const cached = cache.get(email);
  if (cached && cached.raw === raw) return cached.views;
  let views: SavedView[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) {
      views = parsed.filter(
        (item): item is SavedView =>
          typeof item === "object" &&
          item !== null &&
          typeof item.name === "string" &&
          typeof item.query === "string",
      );
    }
  } catch {
    views = [];
  }
  cache.set(email, { raw, views });
  return views;
}

function write(email: string, views: SavedView[]): void {
  try {
    window.localStorage.setItem(keyFor(email), JSON.stringify(views));
  } catch {
    // Storage full or refused: the view is simply not kept.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSavedViews(email: string) {
  const views = useSyncExternalStore(subscribe, () => read(email));
  const save = useCallback(
    (name: string, query: string) => {
      const others = read(email).filter((view) => view.name !== name);
      write(
        email,
        [...others, { name, query }].sort((a, b) => a.name.localeCompare(b.name)),
      );
    },
    [email],
  );
  const remove = useCallback(
    (name: string) =>
      write(
        email,
        read(email).filter((view) => view.name !== name),
      ),
    [email],
  );
  return { views, save, remove };
}
