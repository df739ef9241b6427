import type { DigestMessageKey } from "../../domain/i18n/digest-messages-en.ts";
import { defaultLanguage, type Language } from "../../domain/i18n/languages.ts";
import { formatIsoDate, type MessageParams } from "../../domain/i18n/rule-text.ts";
import { digestText } from "../../domain/i18n/server-texts.ts";
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
  /** The person's chosen language (English when none); the sections are written in it. */
  language?: Language | null;
}

/** The digest's words in the person's language. */
function sayerFor(input: DigestMailInput) {
  const language = input.language ?? defaultLanguage;
  return {
    say: (key: DigestMessageKey, params: MessageParams = {}) => digestText.say(language, key, params),
    intro: (items: number) =>
      digestText.sayCount(language, input.frequency === "weekly" ? "intro_weekly" : "intro_daily", items),
    date: formatIsoDate(language, input.date),
  };
}

type Words = ReturnType<typeof sayerFor>;

/**
 * One person's digest as a mail in their language: a plain-text and an HTML
 * part listing each section's items with a link to the editor, a link to My
 * work, and the one-click unsubscribe link, also in the List-Unsubscribe
 * headers. Dates in the text are written in the language's format; links keep ISO.
 */
export function digestMail(input: DigestMailInput): Mail {
  const words = sayerFor(input);
  const items = input.sections.reduce((sum, section) => sum + section.count, 0);
  const counts = input.sections
    .map((section) => words.say(`count_${section.id}`, { count: section.count }))
    .join(", ");
  const subjectKey = input.frequency === "weekly" ? "subject_weekly" : "subject_daily";
  const myWork = `${publicUrl()}/my-work`;
  const when = words.say(input.frequency === "weekly" ? "when_weekly" : "when_daily", {
    zone: input.timeZone,
  });
  return {
    to: `${input.name} <${input.email}>`,
    subject: words.say(subjectKey, { date: words.date, counts }),
    text: plainText(input, words, myWork, when, items),
    html: digestHtml(input, words, myWork, when, items),
    headers: unsubscribeHeaders(input.unsubscribeUrl),
  };
}

function more(section: DigestSection): number {
  return section.count - section.items.length;
}

function plainText(input: DigestMailInput, words: Words, myWork: string, when: string, items: number) {
  const lines = [words.say("greeting", { name: input.name }), "", words.intro(items)];
  for (const section of input.sections) {
    lines.push("", `${section.label} (${section.count})`);
    for (const item of section.items) lines.push(`- ${item.title}: ${item.reason}`, `  ${item.link}`);
    if (more(section) > 0) {
      const rest = words.say("and_more", { count: more(section) });
      lines.push(`- ${rest}${section.more ? `: ${section.more}` : ""}`);
    }
  }
  lines.push(
    "",
    `${words.say("all_work")}: ${myWork}`,
    "",
    words.say("footer", { when }),
    `${words.say("stop")}: ${input.unsubscribeUrl}`,
  );
  return `${lines.join("\n")}\n`;
}

function digestHtml(input: DigestMailInput, words: Words, myWork: string, when: string, items: number) {
  const parts = [
    `<p>${escapeHtml(words.say("greeting", { name: input.name }))}</p>`,
    `<p>${escapeHtml(words.intro(items))}</p>`,
  ];
  for (const section of input.sections) {
    parts.push(`<h3>${escapeHtml(section.label)} (${section.count})</h3><ul>`);
    for (const item of section.items) {
      parts.push(
        `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.title)}</a>: ${escapeHtml(item.reason)}</li>`,
      );
    }
    if (more(section) > 0) {
      const text = escapeHtml(words.say("and_more", { count: more(section) }));
      parts.push(`<li>${section.more ? `<a href="${escapeHtml(section.more)}">${text}</a>` : text}</li>`);
    }
    parts.push("</ul>");
  }
  parts.push(
    `<p><a href="${escapeHtml(myWork)}">${escapeHtml(words.say("all_work"))}</a></p>`,
    `<p style="color:#666">${escapeHtml(words.say("footer", { when }))} <a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(words.say("stop"))}</a>.</p>`,
  );
  return parts.join("\n");
}
