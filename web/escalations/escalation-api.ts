import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  EscalationDetail,
  EscalationList,
  EscalationReport,
  ResolverGroup,
} from "../../src/http/schemas/escalations.ts";
import { apiRequest, toQuery } from "../api/api-client.ts";
import { queryKeys } from "../api/queries.ts";

/** The escalations API (docs/ESCALATIONS.md) as queries and mutations of the web app. */

export const escalationKeys = {
  all: ["escalations"] as const,
  list: (filter: Record<string, string>) => ["escalations", "list", filter] as const,
  report: (group: string) => ["escalations", "report", group] as const,
  groups: ["escalations", "resolver-groups"] as const,
};

export function useEscalations(filter: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: escalationKeys.list(filter),
    queryFn: ({ signal }) => apiRequest<EscalationList>(`/escalations${toQuery(filter)}`, { signal }),
    enabled,
  });
}

export function useEscalationReport(group: string) {
  return useQuery({
    queryKey: escalationKeys.report(group),
    queryFn: ({ signal }) =>
      apiRequest<EscalationReport>(`/escalations/report${toQuery({ group })}`, { signal }),
  });
}

export function useResolverGroups() {
  return useQuery({
    queryKey: escalationKeys.groups,
    queryFn: ({ signal }) => apiRequest<{ items: ResolverGroup[] }>("/resolver-groups", { signal }),
    staleTime: 60_000,
  });
}

/** After any escalation write: the queues, the report and the entitlement's history. */
function useRefresh() {
  const client = useQueryClient();
  return async (entitlementId: string) => {
    await Promise.all([
      client.invalidateQueries({ queryKey: escalationKeys.all }),
      client.invalidateQueries({ queryKey: queryKeys.history(entitlementId) }),
    ]);
  };
}

export function useOpenEscalation(entitlementId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { message: string; l2?: string }) =>
      apiRequest<EscalationDetail>(`/entitlements/${entitlementId}/escalations`, { method: "POST", body }),
    onSuccess: () => refresh(entitlementId),
  });
}

export type EscalationChange = {
  action: "acknowledge" | "resolve" | "decline";
  version: number;
  reason?: string;
  note?: string;
};

export function useChangeEscalation(id: string, entitlementId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ action, ...body }: EscalationChange) =>
      apiRequest<EscalationDetail>(`/escalations/${id}/${action}`, { method: "POST", body }),
    onSettled: () => refresh(entitlementId),
  });
}

export function useCommentOnEscalation(id: string, entitlementId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (text: string) =>
      apiRequest<EscalationDetail>(`/escalations/${id}/comments`, { method: "POST", body: { text } }),
    onSuccess: () => refresh(entitlementId),
  });
}

export function useResolverMembers() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: escalationKeys.groups });
  const add = useMutation({
    mutationFn: ({ group, user }: { group: string; user: string }) =>
      apiRequest<ResolverGroup>(`/resolver-groups/${encodeURIComponent(group)}/members`, {
        method: "POST",
        body: { user },
      }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: ({ group, user }: { group: string; user: string }) =>
      apiRequest<ResolverGroup>(
        `/resolver-groups/${encodeURIComponent(group)}/members/${encodeURIComponent(user)}`,
        { method: "DELETE" },
      ),
    onSuccess,
  });
  return { add, remove };
}

/** Where an escalation's entitlement opens: its tenant's editor, on the Escalations tab. */
export function escalationEditorHref(escalation: { tenant: { id: string }; entitlementId: string }): string {
  return `/tenants/${escalation.tenant.id}?edit=${escalation.entitlementId}&tab=escalations`;
}
