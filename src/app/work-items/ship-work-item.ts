import type { Db } from "../../db/client.ts";
import { insertRechecks } from "../../db/repositories/recheck-repository.ts";
import { raiseWebhookEvent } from "../../db/repositories/webhook-event-repository.ts";
import { findWorkItem, markShipped, type WorkItemRow } from "../../db/repositories/work-item-repository.ts";
import { type LinkedOwner, linkedOwners } from "../../db/repositories/work-item-seats-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import { noticeText } from "../../domain/i18n/server-texts.ts";
import { fixShippedText } from "../../domain/work-items/work-item-fields.ts";
import type { ShipResult, ShipWorkItemBody } from "../../http/schemas/work-items.ts";
import { type AppDeps, todayOf } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { notifyInTransaction } from "../notifications/notify.ts";
import { workItemConflict, workItemNotFound, workItemWithSeats } from "./work-item-view.ts";

/** The notice kind owners get when a fix for their Blocked seats ships (docs/NOTIFICATIONS.md). */
export const fixShippedKind = "fix_shipped";

type Shipped =
  | { outcome: "shipped"; row: WorkItemRow; counts: Omit<ShipResult, "workItem" | "shipped"> }
  | { outcome: "already"; row: WorkItemRow }
  | { outcome: "stale"; row: WorkItemRow };

/**
 * Marks a work item shipped (web, API, or a tracker calling the same route
 * with an API token; docs/ROADMAP.md). In one transaction: the item is marked
 * (only if it was not shipped yet), every Blocked entitlement linked to it
 * gets a "re-check: the fix shipped" item for each person owning its linked
 * seats, those people are told (inbox and mail, fix_shipped), the
 * work_item.shipped webhook event is raised and the audit row written. A
 * second ship finds it shipped and does nothing: `shipped` false.
 */
export async function shipWorkItem(
  deps: AppDeps,
  context: WriteContext,
  id: string,
  input: ShipWorkItemBody = {},
): Promise<ShipResult> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "work_items.manage" });
  const today = todayOf(deps.now());
  const checks = new FilterChecks();
  const shippedDate = checks.date("shippedDate", input.shippedDate) ?? today;
  if (shippedDate > today) {
    checks.violations.push({
      field: "shippedDate",
      code: "date_in_future",
      message: `A work item ships today (${today}) or earlier, not on ${shippedDate}.`,
    });
  }
  if (checks.violations.length > 0) {
    throw saidError(
      "validation_failed",
      "work_item_not_shipped",
      {},
      {
        violations: checks.violations,
      },
    );
  }
  const db = deps.database.db;
  if (!(await findWorkItem(db, id))) throw workItemNotFound(id);
  const result = await db.transaction((transaction) =>
    shipInTransaction(deps, context, transaction as unknown as Db, id, { ...input, shippedDate }),
  );
  if (result.outcome === "stale") {
    throw await workItemConflict(deps, context.actor, result.row, input.version ?? result.row.version);
  }
  const counts = result.outcome === "shipped" ? result.counts : noneDone;
  const view = await workItemWithSeats(deps, context.actor, result.row);
  return { workItem: view, shipped: result.outcome === "shipped", ...counts };
}

const noneDone = { entitlements: 0, rechecks: 0, people: 0, unowned: 0 };

async function shipInTransaction(
  deps: AppDeps,
  context: WriteContext,
  tx: Db,
  id: string,
  input: { shippedDate: string; version?: number | undefined },
): Promise<Shipped> {
  const now = deps.now();
  const row = await markShipped(tx, id, input, context.actor.id || null, now);
  if (!row) {
    const current = await findWorkItem(tx, id);
    if (!current) throw workItemNotFound(id);
    return current.shippedAt ? { outcome: "already", row: current } : { outcome: "stale", row: current };
  }
  const owners = await linkedOwners(tx, id);
  const rechecks = await insertRechecks(
    tx,
    owners.flatMap((owner) =>
      owner.userId
        ? [
            {
              workItemId: id,
              entitlementId: owner.entitlementId,
              userId: owner.userId,
              entitlementVersion: owner.version,
              seats: owner.seats,
            },
          ]
        : [],
    ),
    now,
  );
  const people = await tellOwners(tx, now, row, owners);
  const entitlements = new Map(owners.map((owner) => [owner.entitlementId, owner]));
  const unowned = owners.filter((owner) => owner.userId === null).length;
  const blocked = {
    seats: [...entitlements.values()].reduce((sum, owner) => sum + owner.seats, 0),
    tenants: new Set(owners.map((owner) => owner.tenantId)).size,
    entitlements: entitlements.size,
  };
  await raiseWebhookEvent(
    tx,
    { type: "work_item.shipped", entitlementId: null, data: eventData(row, blocked) },
    now,
  );
  await recordAudit(tx, deps, context, {
    action: "work_item.ship",
    targetType: "work_item",
    targetId: id,
    before: null,
    after: { ...row, ...blocked, rechecks, people, unowned },
  });
  return { outcome: "shipped", row, counts: { entitlements: entitlements.size, rechecks, people, unowned } };
}

/** One fix_shipped notice per person, naming the entitlements of theirs it touches; returns how many people. */
async function tellOwners(tx: Db, now: Date, item: WorkItemRow, owners: LinkedOwner[]): Promise<number> {
  const byPerson = new Map<string, LinkedOwner[]>();
  for (const owner of owners) {
    if (!owner.userId) continue;
    byPerson.set(owner.userId, [...(byPerson.get(owner.userId) ?? []), owner]);
  }
  for (const [userId, theirs] of byPerson) {
    await notifyInTransaction(tx, now, {
      userIds: [userId],
      kind: fixShippedKind,
      // One entitlement: the notice links to its editor; several: My work lists them.
      entitlementId: theirs.length === 1 ? theirs[0]!.entitlementId : null,
      text: (language) =>
        fixShippedText(
          item.title,
          theirs.map((owner) =>
            noticeText.say(language, "about", { service: owner.serviceName, tenant: owner.tenantName }),
          ),
          language,
        ),
    });
  }
  return byPerson.size;
}

/** The work_item.shipped event's data: the item and the Blocked seats it touched, no tenant names. */
function eventData(row: WorkItemRow, blocked: { seats: number; tenants: number; entitlements: number }) {
  return {
    workItemId: row.id,
    title: row.title,
    externalUrl: row.externalUrl,
    l2: row.l2,
    l3: row.l3,
    serviceIds: row.serviceIds,
    shippedDate: row.shippedDate,
    blockedSeats: blocked.seats,
    tenants: blocked.tenants,
    entitlements: blocked.entitlements,
  };
}
