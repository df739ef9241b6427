import { createServer } from "node:net";

/** A port nobody listens on right now, so an address is known before the server that will take it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A port held by this process until `release()`: for a server whose address
 * must be known before it is built (an OpenID Connect redirect URL). Holding
 * it shuts out another test run on this machine meanwhile; release it right
 * before the real server listens, so the window for a race is a few microseconds.
 */
export async function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  const { port } = holder.address() as { port: number };
  return { port, release: () => new Promise<void>((resolve) => holder.close(() => resolve())) };
}
