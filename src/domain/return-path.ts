/**
 * Where the sign-in page sends people afterwards: one rule for the web app's
 * sign-in page and the server's single sign-on redirect. The target travels in the
 * query string (`/login?next=/tenants/42?edit=7`), so a shared link to a
 * tenant still lands on that tenant once its reader has signed in.
 */

export const loginPathname = "/login";

/** The sign-in page's address for someone who asked for `current` (path and query). */
export function loginPath(current: string): string {
  const next = safeNext(current);
  return next === "/" ? loginPathname : `${loginPathname}?${new URLSearchParams({ next })}`;
}

/**
 * The page to open after sign-in, from the `next` parameter of a query string.
 * Only a path on this site is followed: "//evil.example" or "https://..." would
 * turn the sign-in page into an open redirect, so anything else means "/".
 */
export function nextAfterLogin(search: string): string {
  return safeNext(new URLSearchParams(search).get("next") ?? "/");
}

function safeNext(path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  // Browsers drop or rewrite backslashes and control characters in addresses ("/\t/host" becomes "//host").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return "/";
  if (path === loginPathname || path.startsWith(`${loginPathname}?`)) return "/";
  return path;
}
