import { createTransport } from "nodemailer";

type Transporter = ReturnType<typeof createTransport>;

/** One e-mail: a plain-text and an HTML part of the same message. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, ...). */
  headers?: Record<string, string>;
}

/**
 * Sends mail through the SMTP server of UNBLOCK_SMTP_URL
 * (smtp://user:pass@host:587, smtps://... for TLS from the start), from
 * UNBLOCK_MAIL_FROM. Read when sending, so a server started without them
 * keeps its inbox and sends no mail. One pooled transport per URL.
 */
export function mailConfig(): { url: string; from: string } | null {
  const url = process.env.UNBLOCK_SMTP_URL;
  if (!url) return null;
  return { url, from: process.env.UNBLOCK_MAIL_FROM || "Unblock <unblock@localhost>" };
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/** Sends one mail; throws when the SMTP server refuses it or is unreachable (the mail job retries). */
export async function sendMail(config: { url: string; from: string }, mail: Mail): Promise<void> {
  await transportFor(config.url).sendMail({ from: config.from, ...mail });
}

/** Escapes text for an HTML part. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
