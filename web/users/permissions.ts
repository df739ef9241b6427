import { useCallback } from "react";
import { useMe } from "../api/queries.ts";

/**
 * What the signed-in user may do, from the permission strings /api/me sends
 * (`tenants.read`, `status.write.delivery`, `reports.aggregate_only`, ...).
 * The server decides every request anyway; this only keeps the app from
 * offering what it would refuse.
 */
export function useCan(): (permission: string) => boolean {
  const me = useMe();
  const permissions = me.data?.permissions;
  return useCallback((permission: string) => permissions?.includes(permission) ?? false, [permissions]);
}
