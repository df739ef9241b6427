import {
  entitlementNames,
  loadNotificationMail,
  markEmailed,
  type NotificationMail,
  usersAssignedWithRole,
} from "../../db/repositories/notification-repository.ts";
import { readPreferences } from "../../db/repositories/preference-repository.ts";
import { defaultLanguage, type Language } from "../../domain/i18n/languages.ts";
import type { NoticeMessageKey } from "../../domain/i18n/notice-messages-en.ts";
import type { MessageParams } from "../../domain/i18n/rule-text.ts";
import { noticeText } from "../../domain/i18n/server-texts.ts";
import { roleIds } from "../../domain/policy/role-grants.ts";
import type { AppDeps } from "../app-deps.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import { localizedIndex } from "../playbook/playbook-translations.ts";
import { escapeHtml, type Mail, mailConfig, sendMail } from "./mailer.ts";
import { notify } from "./notify.ts";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-token.ts";

/** The notice kind of each L1 handed to the account team. */
const handoverKinds: Record<string, { kind: "no_intent_handover" | "blocked_handover"; l1: string }> = {
  no_intent: { kind: "no_intent_handover", l1: "no_intent" },
  blocked: { kind: "blocked_handover", l1: "blocked" },
};

/** The handover notice in a language, with the L1's name from the playbook in that language. */
function handoverText(deps: AppDeps, l1: string, names: { serviceName: string; tenantName: string }) {
  return (language: Language) => {
    const about = noticeText.say(language, "about", { service: names.serviceName, tenant: names.tenantName });
    const name = localizedIndex(deps.playbook, language).l1(l1)?.name ?? l1;
    const key = l1 === "blocked" ? "handover_blocked" : "handover_no_intent";
    return noticeText.say(language, key, { l1: name, about });
  };
}

/**
 * notify.handover, queued by the status write statement when a Delivery-stage
 * status records No Intent or Blocked seats (accountTeamHandovers): the
 * account team assigned to the tenant or its customer is told, in the inbox
 * and by mail. Its key (entitlement, version, L1) makes it once per change.
 * notify.no_intent is the name jobs queued before Blocked was handed over too.
 */
function handoverJob(kind: string): JobHandler {
  return {
    kind,
    run: async (deps, job) => {
      const entitlementId = String(job.payload.entitlementId);
      const handover = handoverKinds[String(job.payload.l1 ?? "no_intent")];
      const names = await entitlementNames(deps.database.db, entitlementId);
      if (!names || !handover) return undefined;
      const userIds = await usersAssignedWithRole(deps.database.db, names, roleIds.accountTeam);
      await notify(deps, {
        userIds,
        kind: handover.kind,
        entitlementId,
        text: handoverText(deps, handover.l1, names),
      });
      return undefined;
    },
  };
}

export const handoverNoticeJob = handoverJob("notify.handover");
export const legacyNoIntentNoticeJob = handoverJob("notify.no_intent");

/**
 * mail.send: e-mails one notification to its user, plain text and HTML with
 * a link to the entitlement. Without UNBLOCK_SMTP_URL nothing is sent (the
 * inbox has it). A refusal or an unreachable server is retried with backoff.
 */
export const mailNotificationJob: JobHandler = {
  kind: "mail.send",
  run: async (deps, job) => {
    const config = mailConfig();
    if (!config) return undefined;
    const notification = await loadNotificationMail(deps.database.db, String(job.payload.notificationId));
    if (!notification || notification.emailedAt) return undefined;
    // Switched off by the person (preferences, or the unsubscribe link of an earlier notice): inbox only.
    if (!(await readPreferences(deps.database.db, notification.userId)).noticeMail) return undefined;
    const unsubscribe = await unsubscribeUrl(deps, notification.userId, "notices");
    const { language } = await readPreferences(deps.database.db, notification.userId);
    const l1Name = (l1: string) =>
      localizedIndex(deps.playbook, language ?? defaultLanguage).l1(l1)?.name ?? l1;
    await sendMail(config, notificationMail(notification, { unsubscribe, language, l1Name }));
    await markEmailed(deps.database.db, notification.id, deps.now());
    return undefined;
  },
};

/** The entitlement's editor; for a fix shipped for several entitlements, My work's re-check group. */
function linkOf(base: string, notification: NotificationMail): string {
  if (notification.tenantId && notification.entitlementId) {
    return `${base}/tenants/${notification.tenantId}?edit=${notification.entitlementId}`;
  }
  return notification.kind === "fix_shipped" ? `${base}/my-work` : base;
}

/** The subject of each kind of notice; the handovers name their L1. */
const subjects: Record<string, { key: NoticeMessageKey; l1?: string }> = {
  no_intent_handover: { key: "subject_no_intent_handover", l1: "no_intent" },
  blocked_handover: { key: "subject_blocked_handover", l1: "blocked" },
  fix_shipped: { key: "subject_fix_shipped" },
  escalation_opened: { key: "subject_escalation_opened" },
  escalation_resolved: { key: "subject_escalation_resolved" },
  escalation_declined: { key: "subject_escalation_declined" },
};

export interface NoticeMailOptions {
  /** A signed link switching off immediate notices by mail. */
  unsubscribe?: string | undefined;
  /** The recipient's chosen language (English when none): the notice's text was written in it. */
  language?: Language | null;
  /** An L1's name in that language, for the handovers' subjects. */
  l1Name?: (l1: string) => string;
}

/**
 * The mail of one notification, in the recipient's language; the link opens
 * the entitlement in its tenant's editor. With `unsubscribe` it says so at
 * the end and in the List-Unsubscribe headers.
 */
export function notificationMail(notification: NotificationMail, options: NoticeMailOptions = {}): Mail {
  const { unsubscribe } = options;
  const language = options.language ?? defaultLanguage;
  const say = (key: NoticeMessageKey, params: MessageParams = {}) => noticeText.say(language, key, params);
  const base = (process.env.UNBLOCK_PUBLIC_URL || "http://localhost:3000").replace(/\/+$/, "");
  const link = linkOf(base, notification);
  const kind = subjects[notification.kind];
  const l1 = kind?.l1 ? (options.l1Name?.(kind.l1) ?? kind.l1) : "";
  const subject = say(kind?.key ?? "subject_other", { l1 });
  const about = notification.tenantName
    ? say("about", { service: notification.serviceName ?? "", tenant: notification.tenantName })
    : null;
  const stop = unsubscribe ? `\n${say("mail_stop_text", { link: unsubscribe })}\n` : "";
  const stopHtml = unsubscribe
    ? ` <a href="${escapeHtml(unsubscribe)}">${escapeHtml(say("mail_stop_link"))}</a> ${escapeHtml(say("mail_stop_after"))}`
    : "";
  const inboxToo = say("mail_inbox_too");
  return {
    to: `${notification.name} <${notification.email}>`,
    subject: about ? say("subject_about", { subject, about }) : subject,
    text: `${notification.text}\n\n${say("mail_open_text", { link })}\n\n${inboxToo}\n${stop}`,
    html: `<p>${escapeHtml(notification.text)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(say("mail_open_html"))}</a></p><p style="color:#666">${escapeHtml(inboxToo)}${stopHtml}</p>`,
    ...(unsubscribe ? { headers: unsubscribeHeaders(unsubscribe) } : {}),
  };
}
