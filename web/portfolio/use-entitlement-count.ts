import { useQuery } from "@tanstack/react-query";
import { apiRequest, toQuery } from "../api/api-client.ts";
import type { EntitlementCount } from "../api/api-types.ts";

/**
 * How many entitlements match the portfolio's filters (`GET
 * /api/entitlements/count`), asked beside the first page so the rows never
 * wait for it. Under the "entitlements" key, so a save recounts.
 */
export function useEntitlementCount(query: Record<string, string>) {
  const { sort: _sort, order: _order, ...filters } = query;
  return useQuery({
    queryKey: ["entitlements", "count", filters],
    queryFn: ({ signal }) =>
      apiRequest<EntitlementCount>(`/entitlements/count${toQuery(filters)}`, { signal }),
  });
}
