import type { CreateWorkItemBody, WorkItem } from "../../src/http/schemas/work-items.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatCount } from "../shared/format.ts";

/** The Roadmap form's fields as the inputs hold them (empty strings for nothing). */
export interface WorkItemDraft {
  title: string;
  externalUrl: string;
  state: "proposed" | "planned" | "in_development";
  l2: string;
  l3: string;
  serviceIds: string[];
  expectedDate: string;
}

/** A new item's draft, or an existing one's (a shipped item keeps "shipped" out of the form). */
export function draftOf(item?: WorkItem | null): WorkItemDraft {
  return {
    title: item?.title ?? "",
    externalUrl: item?.externalUrl ?? "",
    state: item && item.state !== "shipped" ? item.state : "proposed",
    l2: item?.l2 ?? "",
    l3: item?.l3 ?? "",
    serviceIds: item?.serviceIds ?? [],
    expectedDate: item?.expectedDate ?? "",
  };
}

/**
 * The body of a create (or, with the version, an edit): empty optional
 * inputs are sent as null so an edit clears them; a shipped item's state is
 * left out (it stays shipped).
 */
export function bodyOf(draft: WorkItemDraft, shipped = false): CreateWorkItemBody {
  return {
    title: draft.title,
    externalUrl: draft.externalUrl.trim() || null,
    ...(shipped ? {} : { state: draft.state }),
    l2: draft.l2,
    l3: draft.l3 || null,
    serviceIds: draft.serviceIds,
    expectedDate: draft.expectedDate || null,
  };
}

/** "Shipping this unblocks 1,200 seats at 8 tenants", or why there is no count. */
export function unblocksText(item: Pick<WorkItem, "state" | "blocked">): string {
  if (item.blocked === null) return i18n.t("roadmap.withheld");
  const { seats, tenants } = item.blocked;
  const count = i18n.t("roadmap.seatsAt", { seats: formatCount(seats), count: tenants });
  return i18n.t(item.state === "shipped" ? "roadmap.stillBlocked" : "roadmap.unblocks", { count });
}
