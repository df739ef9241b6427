/**
 * The mails a person can switch off by a link in them: the digest, or
 * immediate notices (their inbox keeps those either way).
 */
export const mailLists = ["digest", "notices"] as const;
export type MailList = (typeof mailLists)[number];
