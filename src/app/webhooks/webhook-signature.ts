import { createHmac, randomBytes } from "node:crypto";

/** A new subscription's signing secret, as Standard Webhooks writes it: whsec_ and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The webhook-signature header of one delivery (Standard Webhooks): "v1,"
 * and the base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`, keyed with the
 * secret's bytes (the base64 after whsec_).
 */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const mac = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}
