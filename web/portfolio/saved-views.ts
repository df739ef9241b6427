import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../api/api-client.ts";
import type { SavedView as SavedViewRecord } from "../api/api-types.ts";

/**
 * Saved portfolio views, kept on the server per user (`/api/saved-views`), so
 * they follow their owner to any browser. Saving a name again (in any case)
 * replaces that view. The browser reads neither of its times (ISO strings
 * once sent).
 */
export type SavedView = Pick<SavedViewRecord, "id" | "name" | "query">;

const savedViewsKey = ["saved-views"] as const;

export function useSavedViews() {
  const queryClient = useQueryClient();
  const views = useQuery({
    queryKey: savedViewsKey,
    queryFn: ({ signal }) => apiRequest<{ items: SavedView[] }>("/saved-views", { signal }),
    staleTime: 5 * 60_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: savedViewsKey });
  const save = useMutation({
    mutationFn: (view: { name: string; query: string }) =>
      apiRequest<SavedView>("/saved-views", { method: "POST", body: view }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiRequest<null>(`/saved-views/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return { views: views.data?.items ?? [], loading: views.isPending, save, remove };
}
