import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { Preferences, PreferencesChange } from "../api/api-types.ts";

export const preferencesKey = ["me", "preferences"] as const;

/** The signed-in person's mail preferences, and a change of some of them. */
export function usePreferences(enabled = true) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: preferencesKey,
    queryFn: ({ signal }) => apiRequest<Preferences>("/me/preferences", { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
  const change = useMutation({
    mutationFn: (body: PreferencesChange) =>
      apiRequest<Preferences>("/me/preferences", { method: "PATCH", body }),
    // Shown at once; the answer (or, on a refusal, the stored value again) replaces it.
    onMutate: (body) => {
      const before = client.getQueryData<Preferences>(preferencesKey);
      if (before && body.timeZone === undefined) client.setQueryData(preferencesKey, { ...before, ...body });
    },
    onError: () => client.invalidateQueries({ queryKey: preferencesKey }),
    onSuccess: (saved) => {
      client.setQueryData(preferencesKey, saved);
      // My work judges today on the person's calendar.
      void client.invalidateQueries({ queryKey: ["entitlements", "my-work"] });
    },
  });
  return { preferences: query.data, change };
}

/** The browser's IANA time zone, or null when it does not say. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/**
 * On the first sign-in (no time zone chosen yet) the browser's zone becomes
 * the person's, so the digest comes at 07:00 their time without a visit to
 * the settings. Once per page load at most; a zone the server refuses leaves UTC.
 */
export function useAdoptBrowserTimeZone(enabled: boolean) {
  const { preferences, change } = usePreferences(enabled);
  const tried = useRef(false);
  useEffect(() => {
    if (!preferences || preferences.timeZoneChosen || tried.current) return;
    const zone = browserTimeZone();
    if (!zone) return;
    tried.current = true;
    change.mutate({ timeZone: zone });
  }, [preferences, change]);
}
