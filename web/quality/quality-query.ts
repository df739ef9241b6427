import { useQuery } from "@tanstack/react-query";
import type { QualityAnswer } from "../../src/http/schemas/quality.ts";
import { apiRequest, toQuery } from "../api/api-client.ts";

/** Under "entitlements", so a saved status refreshes the queue: a fixed item leaves it at once. */
export const qualityKey = (query: Record<string, string>) => ["entitlements", "quality", query] as const;

/** The data-quality queue (`GET /api/quality`) for these filters. */
export function useQuality(query: Record<string, string>, enabled = true) {
  return useQuery({
    queryKey: qualityKey(query),
    queryFn: ({ signal }) => apiRequest<QualityAnswer>(`/quality${toQuery(query)}`, { signal }),
    enabled,
  });
}
