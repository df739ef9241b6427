import { useSyncExternalStore } from "react";

/**
 * The user the app acts as, until sign-in lands: picked in the header's user
 * switcher, kept in localStorage, sent as `x-unblock-user` on every API call.
 * Empty means "whoever the server defaults to".
 */
const storageKey = "unblock.userEmail";
const listeners = new Set<() => void>();

export function currentUserEmail(): string {
  try {
    return window.localStorage.getItem(storageKey) ?? "";
  } catch {
    return "";
  }
}

export function setCurrentUserEmail(email: string): void {
  try {
    if (email) window.localStorage.setItem(storageKey, email);
    else window.localStorage.removeItem(storageKey);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === storageKey) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCurrentUserEmail(): string {
  return useSyncExternalStore(subscribe, currentUserEmail);
}
