import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Violation } from "../../src/domain/violation.ts";
import { ApiError, apiRequest } from "../api/api-client.ts";
import type { EntitlementView, SetStatusBody } from "../api/api-types.ts";
import { queryKeys } from "../api/queries.ts";

export interface SaveStatusHandlers {
  onSaved: (saved: EntitlementView) => void;
  /** Someone else saved first; `current` is their version when the server sent it. */
  onConflict: (current: EntitlementView | undefined) => void;
  /** Refused: the violations the server found (maybe none) and its message. */
  onRefused: (errors: Violation[], message: string) => void;
}

/**
 * `PUT /api/entitlements/:id/status`, keeping the cached entitlement, its
 * history, the lists and the reports in step with what was saved.
 */
export function useSaveStatus(entitlementId: string, handlers: SaveStatusHandlers) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetStatusBody) =>
      apiRequest<EntitlementView>(`/entitlements/${entitlementId}/status`, { method: "PUT", body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.entitlement(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.entitlementsAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(saved.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
      handlers.onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = error.problem.current as EntitlementView | undefined;
        const fresh = current?.id === entitlementId ? current : undefined;
        if (fresh) queryClient.setQueryData(queryKeys.entitlement(entitlementId), fresh);
        else void queryClient.invalidateQueries({ queryKey: queryKeys.entitlement(entitlementId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.history(entitlementId) });
        handlers.onConflict(fresh);
        return;
      }
      handlers.onRefused(error instanceof ApiError ? error.errors : [], error.message);
    },
  });
}
