import {
  entitlementNames,
  loadNotificationMail,
  markEmailed,
  type NotificationMail,
  usersAssignedWithRole,
} from "../../db/repositories/notification-repository.ts";
import { readPreferences } from "../../db/repositories/preference-repository.ts";
import { roleIds } from "../../domain/policy/role-grants.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import { escapeHtml, type Mail, mailConfig, sendMail } from "./mailer.ts";
import { notify } from "./notify.ts";
import { unsubscribeHeaders, unsubscribeUrl } from "./unsubscribe-token.ts";

const handoverTexts: Record<string, { kind: string; text: (service: string, tenant: string) => string }> = {
  no_intent: {
    kind: "no_intent_handover",
    text: (service, tenant) =>
      `No Intent recorded for ${service} at ${tenant} in the Delivery stage: the account team takes it from here (value selling to the decision-makers).`,
  },
  blocked: {
    kind: "blocked_handover",
    text: (service, tenant) =>
      `Blocked recorded for ${service} at ${tenant} in the Delivery stage: the account team owns it until the projected unblock date.`,
  },
};

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
      const handover = handoverTexts[String(job.payload.l1 ?? "no_intent")];
      const names = await entitlementNames(deps.database.db, entitlementId);
      if (!names || !handover) return undefined;
      const userIds = await usersAssignedWithRole(deps.database.db, names, roleIds.accountTeam);
      await notify(deps, {
        userIds,
        kind: handover.kind,
        entitlementId,
        text: handover.text(names.serviceName, names.tenantName),
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
    await sendMail(config, notificationMail(notification, unsubscribe));
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

const subjects: Record<string, string> = {
  no_intent_handover: "No Intent handed to the account team",
  blocked_handover: "Blocked handed to the account team",
  fix_shipped: "A fix shipped: re-check your Blocked statuses",
  escalation_opened: "Escalated to your resolver group",
  escalation_resolved: "Your escalation was resolved",
  escalation_declined: "Your escalation was declined",
};

/**
 * The mail of one notification; the link opens the entitlement in its
 * tenant's editor. With `unsubscribe` (a signed link switching off immediate
 * notices by mail) it says so at the end and in the List-Unsubscribe headers.
 */
export function notificationMail(notification: NotificationMail, unsubscribe?: string): Mail {
  const base = (process.env.UNBLOCK_PUBLIC_URL || "http://localhost:3000").replace(/\/+$/, "");
  const link = linkOf(base, notification);
  const about = notification.tenantName ? ` - ${notification.serviceName} at ${notification.tenantName}` : "";
  const subject = `${subjects[notification.kind] ?? "Unblock notice"}${about}`;
  const stop = unsubscribe ? `\nStop notices by mail (the inbox keeps them): ${unsubscribe}\n` : "";
  const stopHtml = unsubscribe
    ? ` <a href="${escapeHtml(unsubscribe)}">Stop notices by mail</a> (the inbox keeps them).`
    : "";
  return {
    to: `${notification.name} <${notification.email}>`,
    subject,
    text: `${notification.text}\n\nOpen it: ${link}\n\nYou see this notice in Unblock's inbox too.\n${stop}`,
    html: `<p>${escapeHtml(notification.text)}</p><p><a href="${escapeHtml(link)}">Open it in Unblock</a></p><p style="color:#666">You see this notice in Unblock's inbox too.${stopHtml}</p>`,
    ...(unsubscribe ? { headers: unsubscribeHeaders(unsubscribe) } : {}),
  };
}
