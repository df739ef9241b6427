import type { EntitlementPage, EntitlementView, HistoryEntry } from "../../web/api/api-types.ts";
import { api } from "./browser.ts";

const taken = new Set<string>();

/**
 * An entitlement no other test has used yet, with a single segment, found
 * through the API with the given filters, among those the user `as` may see
 * (its assigned tenants, on a server with sign-in). Tests share one server,
 * so each takes its own row.
 */
export async function freshEntitlement(
  filters: Record<string, string>,
  as?: string,
): Promise<EntitlementView> {
  const query = new URLSearchParams({ ...filters, limit: "200" });
  const page = await api<EntitlementPage>(`/entitlements?${query}`, { as });
  const found = page.items.find(
    (item) => item.segments.length === 1 && item.availableSeats > 1 && !taken.has(item.id),
  );
  if (!found) throw new Error(`No single-segment entitlement for ${query}`);
  taken.add(found.id);
  return found;
}

export async function entitlement(id: string): Promise<EntitlementView> {
  return api<EntitlementView>(`/entitlements/${id}`);
}

export async function historyCount(id: string): Promise<number> {
  return (await api<{ items: HistoryEntry[] }>(`/entitlements/${id}/history`)).items.length;
}

/** A calendar date `days` from today, YYYY-MM-DD (UTC, the server's calendar). */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A stored segment as the API takes it back in a status write (without server-only fields). */
export function segmentForWrite(segment: EntitlementView["segments"][number]) {
  // What the view adds to a segment (since when, the owner as resolved) is not part of a write.
  const { l1Since: _since, ownerResolved: _resolved, ...rest } = segment;
  return rest;
}
