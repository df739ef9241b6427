/**
 * GET requests the first screen needs, started by the small entry script
 * before the app's code has downloaded. apiRequest takes each response once,
 * for the same path; later requests for it go to the network as usual.
 */
const pending = new Map<string, Promise<Response>>();

/** Starts `GET /api{path}` now, with the headers apiRequest would send. */
export function fetchEarly(path: string): void {
  if (pending.has(path)) return;
  const request = fetch(`/api${path}`, {
    headers: { accept: "application/json" },
    credentials: "same-origin",
  });
  // Unused or failed early requests must not surface as unhandled rejections; apiRequest reports its own.
  request.catch(() => undefined);
  pending.set(path, request);
}

/** The early response for `path`, if one was started and not yet taken. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const request = pending.get(path);
  pending.delete(path);
  return request;
}
