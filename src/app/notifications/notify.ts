import type { Db } from "../../db/client.ts";
import { enqueueJob } from "../../db/repositories/job-repository.ts";
import { insertNotifications } from "../../db/repositories/notification-repository.ts";
import type { AppDeps } from "../app-deps.ts";

export interface NoticeInput {
  userIds: readonly string[];
  /** What it is about (no_intent_handover, ...): the inbox and the mail's subject go by it. */
  kind: string;
  entitlementId: string | null;
  text: string;
}

/**
 * Tells people something: one inbox row each and a mail.send job each, in one
 * transaction. Called by the jobs the system runs after a change (never by a
 * request: whoever caused the change was authorised then). Returns the ids.
 */
export async function notify(deps: AppDeps, input: NoticeInput): Promise<string[]> {
  if (input.userIds.length === 0) return [];
  const now = deps.now();
  return deps.database.db.transaction((transaction) =>
    notifyInTransaction(transaction as unknown as Db, now, input),
  );
}

/**
 * notify within a transaction the caller holds: for a change whose notices
 * must commit or roll back with it (a work item shipped, docs/ROADMAP.md).
 */
export async function notifyInTransaction(tx: Db, now: Date, input: NoticeInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const ids = await insertNotifications(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: input.kind,
      entitlementId: input.entitlementId,
      text: input.text,
      at: now,
    })),
  );
  for (const id of ids) {
    await enqueueJob(tx, { kind: "mail.send", payload: { notificationId: id }, key: `mail.send:${id}` }, now);
  }
  return ids;
}
