import type { z } from "zod";
import type { StatusSegment } from "../../src/domain/status-segment.ts";
import type {
  entitlementPageSchema,
  entitlementViewSchema,
  historyEntrySchema,
  setStatusBodySchema,
  statusSegmentSchema,
} from "../../src/http/schemas/status-schemas.ts";

/**
 * Response and request shapes, read from the server's own zod schemas as types
 * only: nothing of zod reaches the browser bundle, and a schema change breaks
 * the web build instead of the running app.
 */
type RawEntitlementView = z.infer<typeof entitlementViewSchema>;
/** A stored segment: the domain's StatusSegment (the server only stores valid split reasons). */
export type StoredSegment = StatusSegment & Partial<Pick<z.infer<typeof statusSegmentSchema>, "l1Since">>;
export type EntitlementView = Omit<RawEntitlementView, "segments"> & { segments: StoredSegment[] };
export type EntitlementPage = Omit<z.infer<typeof entitlementPageSchema>, "items"> & {
  items: EntitlementView[];
};
type RawHistoryEntry = z.infer<typeof historyEntrySchema>;
export type HistoryEntry = Omit<RawHistoryEntry, "before" | "after"> & {
  before: StatusSnapshot;
  after: StatusSnapshot;
};
export type SetStatusBody = z.input<typeof setStatusBodySchema>;
export type ProposedSegmentBody = SetStatusBody["segments"][number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** What a history row keeps of an entitlement before and after a change. */
export interface StatusSnapshot {
  stage: "assignment" | "delivery";
  availableSeats: number;
  segments: StoredSegment[];
}
