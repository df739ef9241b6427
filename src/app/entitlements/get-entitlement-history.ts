import { findEntitlementView } from "../../db/repositories/entitlement-repository.ts";
import { type HistoryEntry, historyOf } from "../../db/repositories/history-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";

export type { HistoryEntry, StatusSnapshot } from "../../db/repositories/history-repository.ts";

/** Every status change of an entitlement, newest first, with who made it; not_found when absent. */
export async function getEntitlementHistory(deps: AppDeps, entitlementId: string): Promise<HistoryEntry[]> {
  const db = deps.database.db;
  if (!(await findEntitlementView(db, entitlementId))) {
    throw new AppError("not_found", `There is no entitlement ${entitlementId}.`, {
      detail: { entitlementId },
    });
  }
  return historyOf(db, entitlementId);
}
