import type { Db } from "../../db/client.ts";
import {
  appendEscalationEvent,
  type EscalationRow,
  findEscalationRow,
  changeEscalationState as storeStateChange,
} from "../../db/repositories/escalation-repository.ts";
import { raiseWebhookEvent } from "../../db/repositories/webhook-event-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import { type EscalationAction, transitions } from "../../domain/escalations/escalation-policy.ts";
import { type ErrorMessageKey, errorMessagesEn } from "../../domain/i18n/error-messages-en.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { errorText, escalationText, noticeText } from "../../domain/i18n/server-texts.ts";
import { violation } from "../../domain/violation.ts";
import type { EscalationChangeBody, EscalationDetail } from "../../http/schemas/escalations.ts";
import type { AppDeps } from "../app-deps.ts";
import type { WriteContext } from "../audit/record-audit.ts";
import { notifyInTransaction } from "../notifications/notify.ts";
import { escalationView, requireHandler, visibleEscalation } from "./escalation-access.ts";
import { getEscalation } from "./get-escalation.ts";

/**
 * Acknowledges, resolves or declines an escalation: its group's members and
 * Admins only. Compare-and-set on `version`: a stale version, or a state the
 * action cannot start from, is a 409 carrying the escalation as it is now.
 * Declining needs a reason (422 naming it). The change, its event, the
 * escalation.resolved webhook event (resolved or declined) and the opener's
 * notice commit together.
 */
export async function changeEscalationState(
  deps: AppDeps,
  context: WriteContext,
  input: EscalationChangeBody & { id: string; action: EscalationAction },
): Promise<EscalationDetail> {
  const db = deps.database.db;
  const { actor } = context;
  const { row, reader, isMember } = await visibleEscalation(deps, db, actor, input.id);
  requireHandler(actor, isMember, row.group);
  const reason = input.reason?.trim() || null;
  if (input.action === "decline" && !reason) {
    const textIn = (language: Language) => escalationText.say(language, "decline_reason_required");
    throw new AppError("validation_failed", textIn("en"), {
      textIn,
      violationsIn: (language) => [violation("reason", "required", textIn(language))],
    });
  }
  const transition = transitions[input.action];
  const now = deps.now();
  const actorId = actor.id || null;
  const changed = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const stored = await storeStateChange(tx, { ...input, ...transition, actorId, at: now, reason });
    if (!stored) return false;
    const text = [reason, input.note?.trim()].filter(Boolean).join("\n\n");
    await appendEscalationEvent(tx, {
      escalationId: row.id,
      entitlementId: row.entitlementId,
      at: now,
      actorId,
      kind: transition.to as "acknowledged" | "resolved" | "declined",
      text,
    });
    if (transition.to !== "acknowledged") await announceClosing(tx, now, row, transition.to, context, reason);
    return true;
  });
  if (!changed) throw await staleChange(deps, db, input, reader);
  return getEscalation(deps, actor, row.id);
}

/** The webhook event and the opener's notice of a resolved or declined escalation. */
async function announceClosing(
  tx: Db,
  now: Date,
  row: EscalationRow,
  state: string,
  context: WriteContext,
  reason: string | null,
): Promise<void> {
  const { actor } = context;
  await raiseWebhookEvent(
    tx,
    {
      type: "escalation.resolved",
      entitlementId: row.entitlementId,
      data: {
        escalationId: row.id,
        entitlementId: row.entitlementId,
        serviceId: row.service.id,
        group: row.group,
        l1: row.l1,
        l2: row.l2,
        state,
        reason,
        closedBy: { name: actor.name, email: actor.email },
      },
    },
    now,
  );
  const opener = row.openedBy?.id;
  if (!opener || opener === actor.id) return;
  const key =
    `escalation_${state === "declined" ? "declined" : "resolved"}${reason ? "_reason" : ""}` as const;
  await notifyInTransaction(tx, now, {
    userIds: [opener],
    kind: `escalation_${state}`,
    entitlementId: row.entitlementId,
    text: (language) =>
      noticeText.say(language, key, {
        group: row.group,
        about: noticeText.say(language, "about", { service: row.service.name, tenant: row.tenant.name }),
        reason: reason ?? "",
      }),
  });
}

/** The 409 of a change that lost: the escalation as it is now, and why. */
async function staleChange(
  deps: AppDeps,
  db: Db,
  input: { id: string; version: number; action: EscalationAction },
  reader: Parameters<typeof escalationView>[2],
): Promise<AppError> {
  const current = await findEscalationRow(db, input.id);
  const view = current ? escalationView(deps, current, reader) : null;
  const state = `escalation_${current?.state}` as ErrorMessageKey;
  const stateIn = (language: Language) =>
    !current
      ? escalationText.say(language, "state_closed")
      : state in errorMessagesEn
        ? errorText.say(language, state)
        : current.state;
  if (current && current.version !== input.version) {
    const textIn = (language: Language) =>
      errorText.say(language, "escalation_changed", {
        edited: String(input.version),
        current: String(current.version),
        state: stateIn(language),
      });
    return new AppError("version_conflict", textIn("en"), { textIn, detail: { current: view } });
  }
  const textIn = (language: Language) =>
    escalationText.say(language, `cannot_${input.action}`, { state: stateIn(language) });
  return new AppError("conflict", textIn("en"), { textIn, detail: { current: view } });
}
