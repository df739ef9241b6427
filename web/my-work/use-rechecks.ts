import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RecheckList } from "../../src/http/schemas/work-items.ts";
import { apiRequest } from "../api/api-client.ts";

/** Under "entitlements": a saved status closes its re-check item, and refreshes this list with the rest. */
export const rechecksKey = ["entitlements", "my-work", "rechecks"] as const;

/** My work's "Re-check: the fix shipped" group (GET /api/my-work/rechecks) and dismissing one. */
export function useRechecks(limit = 200) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: [...rechecksKey, limit],
    queryFn: ({ signal }) => apiRequest<RecheckList>(`/my-work/rechecks?limit=${limit}`, { signal }),
  });
  const dismiss = useMutation({
    mutationFn: (id: string) => apiRequest<null>(`/my-work/rechecks/${id}/dismiss`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: rechecksKey }),
  });
  return { list, dismiss };
}
