import { useQuery } from "@tanstack/react-query";
import { apiRequest, apiUpload } from "../api/api-client.ts";
import type { PortfolioSync, PortfolioSyncList, SyncOptions } from "../api/api-types.ts";

export const feedKeys = {
  syncs: ["portfolio-syncs"] as const,
  sync: (id: number) => ["portfolio-syncs", id] as const,
};

/** Uploads the files and options: the server answers the queued sync (202). */
export function uploadFeed(files: readonly File[], options: SyncOptions): Promise<PortfolioSync> {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  for (const [name, value] of Object.entries(options)) form.append(name, String(value));
  return apiUpload<PortfolioSync>("/portfolio/sync", form);
}

export const syncEnded = (sync: PortfolioSync | undefined) =>
  sync !== undefined && (sync.state === "done" || sync.state === "failed");

/** One sync, polled every half second until it ends. */
export function useSync(id: number | null) {
  return useQuery({
    queryKey: feedKeys.sync(id ?? 0),
    queryFn: ({ signal }) => apiRequest<PortfolioSync>(`/portfolio/syncs/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (syncEnded(query.state.data) ? false : 500),
  });
}

/** The latest syncs, newest first. */
export function useSyncHistory() {
  return useQuery({
    queryKey: feedKeys.syncs,
    queryFn: ({ signal }) => apiRequest<PortfolioSyncList>("/portfolio/syncs?limit=10", { signal }),
  });
}

/** The example files the server offers as downloads. */
export const exampleFiles = ["customers", "tenants", "entitlements", "people", "usage"].map((name) => ({
  name: `${name}.csv`,
  href: `/api/portfolio/feed-examples/${name}.csv`,
}));
