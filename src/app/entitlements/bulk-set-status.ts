import { isAppError } from "../../domain/app-error.ts";
import type { Violation } from "../../domain/violation.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";
import { type SetStatusInput, setStatus } from "./set-status.ts";

export interface BulkStatusItem {
  entitlementId: string;
  version: number;
  stage?: SetStatusInput["stage"];
  segments: SetStatusInput["segments"];
}

export type BulkStatusResult =
  | { entitlementId: string; ok: true; version: number }
  | { entitlementId: string; ok: false; code: string; message: string; errors: Violation[] };

/**
 * Applies many status changes from the portfolio's bulk update. Each item is
 * its own all-or-nothing change, judged by the same rules as a single edit:
 * a refused row is reported with its violations and leaves the others alone,
 * which is what a manager selecting 40 tenants expects to see summarised.
 */
export async function bulkSetStatus(
  deps: AppDeps,
  input: { items: BulkStatusItem[]; actor: Actor; source: SetStatusInput["source"]; requestId?: string },
): Promise<{ results: BulkStatusResult[]; changed: number; refused: number }> {
  // Refused as a whole: an unknown actor is not a per-item refusal.
  requireActor(deps, input.actor);
  const results: BulkStatusResult[] = [];
  for (const item of input.items) {
    try {
      const { entitlement } = await setStatus(deps, {
        ...item,
        actor: input.actor,
        source: input.source,
        requestId: input.requestId,
      });
      results.push({ entitlementId: item.entitlementId, ok: true, version: entitlement.version });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({
        entitlementId: item.entitlementId,
        ok: false,
        code: error.code,
        message: error.message,
        errors: error.violations,
      });
    }
  }
  const changed = results.filter((result) => result.ok).length;
  return { results, changed, refused: results.length - changed };
}
