import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { performance } from "node:perf_hooks";
import { guardedLookup, isPrivateAddress, privateTargetsAllowed } from "./webhook-target.ts";

export interface PostOutcome {
  /** The receiver's HTTP status; null when none came (refused, timed out, private address). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** Waits this long for the receiver's answer. */
const timeoutMs = 10_000;

/**
 * POSTs one delivery and reports what happened; never throws. Connects only
 * to the addresses guardedLookup allows, follows no redirect, and reads no
 * more of the answer than its status.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // A literal address is connected to without a lookup, so guardedLookup would not see it.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && isPrivateAddress(host) && !privateTargetsAllowed()) {
    const error = `${host} is a loopback or private address; webhooks go to public addresses only.`;
    return Promise.resolve({ statusCode: null, durationMs: 0, error });
  }
  return new Promise((resolve) => {
    const send = url.startsWith("https:") ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: "POST",
        lookup: guardedLookup,
        timeout: timeoutMs,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Unblock-Webhooks/1",
        },
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ statusCode: response.statusCode ?? null, durationMs: elapsed(), error: null }),
        );
        response.on("error", (error) =>
          resolve({ statusCode: response.statusCode ?? null, durationMs: elapsed(), error: error.message }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on("error", (error) =>
      resolve({ statusCode: null, durationMs: elapsed(), error: error.message }),
    );
    request.end(body);
  });
}
