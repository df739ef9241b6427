import { z } from "zod";
import { languages } from "../../domain/i18n/languages.ts";
import { digestFrequencies } from "../../domain/notifications/digest-schedule.ts";
import { mailLists } from "../../domain/notifications/mail-lists.ts";

/** The signed-in person's mail preferences (docs/DIGESTS.md). */

export const preferencesSchema = z.object({
  timeZone: z
    .string()
    .describe("IANA time zone: the digest comes at 07:00 on this clock and its dates are this calendar's"),
  timeZoneChosen: z
    .boolean()
    .describe("false until the person (or their browser, on first sign-in) chose one; UTC meanwhile"),
  digest: z.enum(digestFrequencies).describe("daily at 07:00, weekly on Mondays at 07:00, or off"),
  noticeMail: z.boolean().describe("Immediate notices by mail; the inbox has them either way"),
  language: z
    .enum(languages)
    .nullable()
    .describe("The language of the app and of the API's texts; null follows the browser's (Accept-Language)"),
});

export const preferencesChangeSchema = z
  .object({
    timeZone: z.string().max(64).optional().describe("An IANA name such as Europe/Rome; 422 when unknown"),
    digest: z.enum(digestFrequencies).optional(),
    noticeMail: z.boolean().optional(),
    language: z.enum(languages).nullable().optional().describe("en or de; null to follow the browser's"),
  })
  .strict();

/** What an unsubscribe link does, before and after it is used. */
export const unsubscribeAnswerSchema = z.object({
  list: z.enum(mailLists).describe("digest: the digest; notices: immediate notices by mail"),
  email: z.string().describe("Whose, partly hidden"),
  unsubscribed: z.boolean().describe("Whether that mail is off now"),
});

export type Preferences = z.infer<typeof preferencesSchema>;
export type PreferencesChange = z.infer<typeof preferencesChangeSchema>;
export type UnsubscribeAnswer = z.infer<typeof unsubscribeAnswerSchema>;
