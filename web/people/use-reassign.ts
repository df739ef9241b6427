import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import type { ReassignBody, ReassignPlan, User } from "../api/api-types.ts";
import { queryKeys } from "../api/queries.ts";

/** The people of Unblock (Admins and those who assign see them). */
export function usePeople() {
  return useQuery({
    queryKey: ["users"],
    queryFn: ({ signal }) => apiRequest<{ items: User[] }>("/users", { signal }),
  });
}

const planOf = (fromId: string, body: ReassignBody) =>
  apiRequest<ReassignPlan>(`/users/${fromId}/reassign`, { method: "POST", body });

/** Which assignments to move: all of them, or the ones left checked (by assignment id). */
function selectionBody(plan: ReassignPlan | undefined, unchecked: ReadonlySet<string>) {
  if (!plan || unchecked.size === 0) return {};
  const kept = plan.assignments.filter((assignment) => !unchecked.has(assignment.id));
  return {
    customerIds: kept.flatMap((assignment) => (assignment.customer ? [assignment.customer.id] : [])),
    tenantIds: kept.flatMap((assignment) => (assignment.tenant ? [assignment.tenant.id] : [])),
  };
}

/**
 * The reassign dialog's state: whom to move to, which assignments, the
 * preview (a dry run of exactly that) and Apply.
 */
export function useReassign(from: User, onDone: () => void) {
  const client = useQueryClient();
  const [to, setTo] = useState<string | null>(null);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const everything = useQuery({
    queryKey: ["reassign", from.id, to, "all"],
    queryFn: () => planOf(from.id, { to: to ?? "", dryRun: true }),
    enabled: to !== null,
  });
  const body: ReassignBody = { to: to ?? "", ...selectionBody(everything.data, unchecked) };
  const preview = useQuery({
    queryKey: ["reassign", from.id, to, [...unchecked].sort()],
    queryFn: () => planOf(from.id, { ...body, dryRun: true }),
    enabled: to !== null && everything.isSuccess,
  });
  const apply = useMutation({
    mutationFn: () => planOf(from.id, { ...body, dryRun: false }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.entitlementsAll });
      await client.invalidateQueries({ queryKey: ["reassign"] });
      onDone();
    },
  });
  const toggle = (id: string) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const choose = (id: string | null) => {
    setTo(id);
    setUnchecked(new Set());
  };
  return {
    to,
    choose,
    everything,
    preview,
    unchecked,
    toggle,
    apply,
    nothing: unchecked.size === (everything.data?.assignments.length ?? -1),
  };
}

export type ReassignState = ReturnType<typeof useReassign>;
