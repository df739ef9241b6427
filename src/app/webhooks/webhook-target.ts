import { lookup } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { type AppError, type SaidParams, saidError, saidViolation } from "../../domain/app-error.ts";
import type { ErrorMessageKey } from "../../domain/i18n/error-messages-en.ts";

/**
 * Where webhooks may go. A receiver must be http(s) on a public address:
 * loopback, private, link-local, shared and reserved ranges are refused, so
 * an Admin's subscription cannot make the server call into its own network,
 * unless UNBLOCK_WEBHOOK_ALLOW_PRIVATE=1 (a receiver inside the network; the
 * tests). The check runs on the addresses the name resolves to when the
 * request connects (guardedLookup), not on the text of the URL, so a public
 * name pointing at 127.0.0.1 is refused too.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

export function privateTargetsAllowed(): boolean {
  return process.env.UNBLOCK_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** Whether an IP address is one webhooks may not reach (IPv4-mapped IPv6 judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Checks a subscription's URL as text: http(s), a host, no credentials, a literal address not private. */
export function checkWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refusal("url", "invalid_url", "webhook_url_not_absolute");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refusal("url", "invalid_url", "webhook_url_not_http");
  }
  if (url.username || url.password) {
    throw refusal("url", "invalid_url", "webhook_url_credentials");
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!privateTargetsAllowed() && (host === "localhost" || (isIP(host) !== 0 && isPrivateAddress(host)))) {
    throw refusal("url", "private_address", "webhook_url_private", { host });
  }
  return url;
}

/**
 * dns.lookup for the delivery's request: resolves the name, and fails the
 * connection when an address it would use is private (unless allowed).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as { address: string; family: number }[];
    const refused = privateTargetsAllowed()
      ? undefined
      : list.find((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(new Error(privateMessage(`${hostname} (${refused.address})`)), "", 0);
    if (options.all) return callback(null, list as never);
    const first = list[0];
    if (!first) return callback(new Error(`${hostname} has no address`), "", 0);
    return callback(null, first.address, first.family);
  });
};

function privateMessage(host: string): string {
  return `${host} is a loopback or private address; webhooks go to public addresses only (UNBLOCK_WEBHOOK_ALLOW_PRIVATE=1 allows them).`;
}

function refusal(field: string, code: string, said: ErrorMessageKey, values: SaidParams = {}): AppError {
  return saidError(
    "validation_failed",
    "webhook_not_saved",
    {},
    { violations: [saidViolation(field, code, said, values)] },
  );
}
