import { nextAfterLogin } from "../../domain/return-path.ts";

const origin = "http://unblock.invalid";

/**
 * The page to send a browser to after sign-in, from a `next` parameter: a path
 * on this site by the rule the web app follows too (src/domain/return-path.ts),
 * percent-encoded for the Location header. Anything else is "/".
 */
export function safeNextPath(raw: string | undefined): string {
  if (!raw) return "/";
  const next = nextAfterLogin(`?${new URLSearchParams({ next: raw })}`);
  const url = new URL(next, origin);
  if (url.origin !== origin) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page with a refusal to explain, keeping where the person was going. */
export function loginWithError(error: string, next: string): string {
  const params = new URLSearchParams({ error });
  if (next !== "/") params.set("next", next);
  return `/login?${params}`;
}
