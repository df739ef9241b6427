import type { DigestFrequency } from "../../domain/notifications/digest-schedule.ts";
import type { DigestSection } from "./digest-content.ts";
import { escapeHtml, type Mail } from "./mailer.ts";
import { publicUrl, unsubscribeHeaders } from "./unsubscribe-token.ts";

export interface DigestMailInput {
  name: string;
  email: string;
  /** The person's local date the digest is of. */
  date: string;
  timeZone: string;
  frequency: Exclude<DigestFrequency, "off">;
  sections: readonly DigestSection[];
  unsubscribeUrl: string;
}

/** The subject's words for each section: "2 overdue, 1 due this week". */
const shortLabels: Record<DigestSection["id"], string> = {
  overdue: "overdue",
  due_this_week: "due this week",
  blocked_past_target: "Blocked past target",
  recheck: "to re-check",
  quality: "to tidy up",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * One person's digest as a mail: a plain-text and an HTML part listing each
 * section's items with a link to the editor, a link to My work, and the
 * one-click unsubscribe link, also in the List-Unsubscribe headers.
 */
export function digestMail(input: DigestMailInput): Mail {
  const items = input.sections.reduce((sum, section) => sum + section.count, 0);
  const what =
    input.frequency === "weekly" ? `Your week in Unblock from ${input.date}` : `Unblock digest ${input.date}`;
  const counts = input.sections.map((section) => `${section.count} ${shortLabels[section.id]}`).join(", ");
  const myWork = `${publicUrl()}/my-work`;
  const when = `${input.frequency === "weekly" ? "Mondays" : "every day"} at 07:00 ${input.timeZone}`;
  return {
    to: `${input.name} <${input.email}>`,
    subject: `${what}: ${counts}`,
    text: digestText(input, myWork, when, items),
    html: digestHtml(input, myWork, when, items),
    headers: unsubscribeHeaders(input.unsubscribeUrl),
  };
}

function span(input: DigestMailInput): string {
  return input.frequency === "weekly" ? "this week" : "today";
}

function more(section: DigestSection): number {
  return section.count - section.items.length;
}

function digestText(input: DigestMailInput, myWork: string, when: string, items: number): string {
  const lines = [
    `Good morning ${input.name},`,
    "",
    `${plural(items, "thing")} of yours to look at ${span(input)}:`,
  ];
  for (const section of input.sections) {
    lines.push("", `${section.label} (${section.count})`);
    for (const item of section.items) lines.push(`- ${item.title}: ${item.reason}`, `  ${item.link}`);
    if (more(section) > 0)
      lines.push(`- and ${more(section)} more${section.more ? `: ${section.more}` : ""}`);
  }
  lines.push(
    "",
    `All of your work: ${myWork}`,
    "",
    `You get this digest ${when}; change it under your name in Unblock (Notifications).`,
    `Stop these digests: ${input.unsubscribeUrl}`,
  );
  return `${lines.join("\n")}\n`;
}

function digestHtml(input: DigestMailInput, myWork: string, when: string, items: number): string {
  const parts = [
    `<p>Good morning ${escapeHtml(input.name)},</p>`,
    `<p>${plural(items, "thing")} of yours to look at ${span(input)}:</p>`,
  ];
  for (const section of input.sections) {
    parts.push(`<h3>${escapeHtml(section.label)} (${section.count})</h3><ul>`);
    for (const item of section.items) {
      parts.push(
        `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.title)}</a>: ${escapeHtml(item.reason)}</li>`,
      );
    }
    if (more(section) > 0) {
      const text = `and ${more(section)} more`;
      parts.push(`<li>${section.more ? `<a href="${escapeHtml(section.more)}">${text}</a>` : text}</li>`);
    }
    parts.push("</ul>");
  }
  parts.push(
    `<p><a href="${escapeHtml(myWork)}">All of your work</a></p>`,
    `<p style="color:#666">You get this digest ${escapeHtml(when)}; change it under your name in Unblock (Notifications). <a href="${escapeHtml(input.unsubscribeUrl)}">Stop these digests</a>.</p>`,
  );
  return parts.join("\n");
}
