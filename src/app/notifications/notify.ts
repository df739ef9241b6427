import type { Db } from "../../db/client.ts";
import { enqueueJob } from "../../db/repositories/job-repository.ts";
import { insertNotifications } from "../../db/repositories/notification-repository.ts";
import { chosenLanguagesOf } from "../../db/repositories/preference-repository.ts";
import { defaultLanguage, type Language } from "../../domain/i18n/languages.ts";
import type { AppDeps } from "../app-deps.ts";

export interface NoticeInput {
  userIds: readonly string[];
  /** What it is about (no_intent_handover, ...): the inbox and the mail's subject go by it. */
  kind: string;
  entitlementId: string | null;
  /**
   * The notice in a language: each person's is written in the language they
   * chose (English without one). A plain string is the same in every language.
   */
  text: string | ((language: Language) => string);
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
 * The row keeps the text as written, in the recipient's language then.
 */
export async function notifyInTransaction(tx: Db, now: Date, input: NoticeInput): Promise<string[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const chosen = await chosenLanguagesOf(tx, userIds);
  const texts = new Map<Language, string>();
  const textIn = (language: Language) => {
    const { text } = input;
    const known = texts.get(language) ?? (typeof text === "string" ? text : text(language));
    texts.set(language, known);
    return known;
  };
  const ids = await insertNotifications(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: input.kind,
      entitlementId: input.entitlementId,
      text: textIn(chosen.get(userId) ?? defaultLanguage),
      at: now,
    })),
  );
  for (const id of ids) {
    await enqueueJob(tx, { kind: "mail.send", payload: { notificationId: id }, key: `mail.send:${id}` }, now);
  }
  return ids;
}
