import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { EscalationHistoryEntry } from "../../src/http/schemas/escalations.ts";
import { apiRequest, setCsrfToken, toQuery } from "./api-client.ts";
import type {
  EntitlementPage,
  EntitlementView,
  HistoryEntry,
  Me as MeAnswer,
  MyWork,
  OwnerChoices,
  TenantDetail,
} from "./api-types.ts";
import { entitlementPagePath } from "./entitlement-page-path.ts";

/** Query keys in one place, so a save can invalidate exactly what it changed. */
export const queryKeys = {
  playbook: ["playbook"] as const,
  me: ["me"] as const,
  entitlements: (query: Record<string, string>) => ["entitlements", query] as const,
  entitlementsAll: ["entitlements"] as const,
  entitlement: (id: string) => ["entitlement", id] as const,
  /** Under "entitlements", so a status save refreshes the tenant page too. */
  tenant: (id: string) => ["entitlements", "tenant", id] as const,
  history: (id: string) => ["history", id] as const,
  ownerChoices: (id: string) => ["owner-choices", id] as const,
  /** Under "entitlements", so a status save refreshes My work and its counts too. */
  myWork: (limit: number) => ["entitlements", "my-work", limit] as const,
  reports: ["reports"] as const,
  report: (name: string, query: Record<string, string>) => ["reports", name, query] as const,
};

/**
 * The signed-in user and what its role may do (`GET /api/me`): permission
 * strings (`tenants.read`, `status.write.delivery`, ...) the app switches on.
 * The CSRF token is kept apart, for the writes that must echo it.
 */
export type Me = Omit<MeAnswer, "csrfToken">;

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async ({ signal }) => readMe(await apiRequest<unknown>("/me", { signal })),
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQuery);
}

/** Reads `/api/me` (or the sign-in answer, which has the same shape) and keeps its CSRF token. */
export function readMe(data: unknown): Me {
  const value = data as Partial<MeAnswer> & Pick<MeAnswer, "user">;
  setCsrfToken(value.csrfToken ?? null);
  return { user: value.user, permissions: value.permissions ?? [] };
}

export const entitlementPagesQuery = (query: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: queryKeys.entitlements(query),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<EntitlementPage>(entitlementPagePath(query, pageParam), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: EntitlementPage) => last.nextCursor ?? undefined,
  });

export function useEntitlementPages(query: Record<string, string>) {
  return useInfiniteQuery(entitlementPagesQuery(query));
}

/** One tenant with every service's entitlement (`GET /api/tenants/:id`). */
export function useTenant(tenantId: string) {
  return useQuery({
    queryKey: queryKeys.tenant(tenantId),
    queryFn: ({ signal }) => apiRequest<TenantDetail>(`/tenants/${tenantId}`, { signal }),
  });
}

export function useEntitlement(id: string | null) {
  return useQuery({
    queryKey: queryKeys.entitlement(id ?? ""),
    queryFn: ({ signal }) => apiRequest<EntitlementView>(`/entitlements/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** An entitlement's status changes and its escalations' events, each newest first. */
export type History = { items: HistoryEntry[]; escalations: EscalationHistoryEntry[] };

export function useHistory(id: string | null) {
  return useQuery({
    queryKey: queryKeys.history(id ?? ""),
    queryFn: ({ signal }) => apiRequest<History>(`/entitlements/${id}/history`, { signal }),
    enabled: id !== null,
  });
}

/** Who may own an entitlement's seats: teams, the people assigned, then others (docs/OWNERS.md). */
export function useOwnerChoices(id: string | null) {
  return useQuery({
    queryKey: queryKeys.ownerChoices(id ?? ""),
    queryFn: ({ signal }) => apiRequest<OwnerChoices>(`/entitlements/${id}/owner-choices`, { signal }),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

export function useReport<T>(name: string, query: Record<string, string> = {}, enabled = true) {
  return useQuery({
    queryKey: queryKeys.report(name, query),
    queryFn: ({ signal }) => apiRequest<T>(`/reports/${name}${toQuery(query)}`, { signal }),
    enabled,
  });
}

/**
 * The signed-in person's work (`GET /api/my-work`), at most `limit` items a
 * group. The navigation asks with limit 1 for the counts alone.
 */
export function useMyWork(limit: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.myWork(limit),
    queryFn: ({ signal }) => apiRequest<MyWork>(`/my-work?limit=${limit}`, { signal }),
    // The navigation's badge asks on every page: a status save refreshes it (queryKeys.myWork).
    staleTime: 30_000,
    enabled,
  });
}
