import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ShippedReport, ShipResult, WorkItem, WorkItemList } from "../../src/http/schemas/work-items.ts";
import { ApiError, apiRequest } from "../api/api-client.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatDate } from "../shared/format.ts";
import { bodyOf, draftOf, type WorkItemDraft } from "./work-item-draft.ts";

export const workItemsKey = ["work-items"] as const;

/** The Roadmap page's reads: the work items and the 90-day report of shipped ones. */
export function useRoadmap() {
  const list = useQuery({
    queryKey: [...workItemsKey, "list"],
    queryFn: ({ signal }) => apiRequest<WorkItemList>("/work-items", { signal }),
  });
  const report = useQuery({
    queryKey: [...workItemsKey, "shipped-report"],
    queryFn: ({ signal }) => apiRequest<ShippedReport>("/work-items/shipped-report", { signal }),
  });
  return { list, report };
}

/**
 * The add/edit dialog: the draft, saving it (create, or an edit on the
 * version it was opened at), and a 409's current item to start again from.
 */
export function useWorkItemForm(item: WorkItem | null, onDone: () => void) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<WorkItemDraft>(() => draftOf(item));
  const [base, setBase] = useState<WorkItem | null>(item);
  const save = useMutation({
    mutationFn: () =>
      base
        ? apiRequest<WorkItem>(`/work-items/${base.id}`, {
            method: "PATCH",
            body: { ...bodyOf(draft, base.state === "shipped"), version: base.version },
          })
        : apiRequest<WorkItem>("/work-items", { method: "POST", body: bodyOf(draft) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: workItemsKey });
      onDone();
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const current = error?.status === 409 ? (error.problem.current as WorkItem | undefined) : undefined;
  const fieldError = (field: string) =>
    error?.errors.find((found) => found.field === field || found.field.startsWith(`${field}.`))?.message;
  const reload = () => {
    if (!current) return;
    setBase(current);
    setDraft(draftOf(current));
    save.reset();
  };
  const change = (fields: Partial<WorkItemDraft>) => setDraft((was) => ({ ...was, ...fields }));
  return { draft, change, save, error, current, fieldError, reload, editing: base };
}

/** Marking an item shipped, and what it did (or that it was shipped already). */
export function useShipWorkItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: WorkItem) =>
      apiRequest<ShipResult>(`/work-items/${item.id}/ship`, { method: "POST", body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: workItemsKey }),
  });
}

/** The line shown after a ship: what it did, in words. */
export function shipOutcome(result: ShipResult): string {
  const title = result.workItem.title;
  if (!result.shipped) return i18n.t("roadmap.shippedAlready", { title });
  const unowned = result.unowned > 0 ? i18n.t("roadmap.unowned", { count: result.unowned }) : "";
  return `${i18n.t("roadmap.shipOutcome", {
    title,
    date: formatDate(result.workItem.shippedDate),
    entitlements: result.entitlements,
    rechecks: result.rechecks,
    people: result.people,
  })}${unowned}`;
}
