import { nextAfterLogin } from "../../../web/users/login-path.ts";

const origin = "http://unblock.invalid";

/**
 * The page to send a browser to after sign-in, from a `next` parameter: a path
 * on this site by the web app's own rule (no "//host", no scheme, never the
 * sign-in page), and, since it goes into a Location header, no backslash or
 * control character (browsers drop or rewrite those, turning "/\t/host" into
 * "//host") and percent-encoded. Anything else is "/".
 */
export function safeNextPath(raw: string | undefined): string {
  if (!raw) return "/";
  const next = nextAfterLogin(`?${new URLSearchParams({ next: raw })}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
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
