import pg from "pg";

/**
 * LISTEN on a connection of its own (a pooled one is handed to other queries
 * between two notifications). When that connection drops, every handler is
 * called once, since what was notified meanwhile is lost, and it connects
 * again a second later, until closed.
 */
export interface ChannelListener {
  listen(channel: string, handler: () => void): Promise<void>;
  close(): Promise<void>;
}

const retryMs = 1000;

export function channelListener(url: string): ChannelListener {
  const handlers = new Map<string, Set<() => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const call = (channels: Iterable<string>) => {
    for (const channel of channels) for (const handler of handlers.get(channel) ?? []) handler();
  };
  const listenOn = (target: pg.Client, channel: string) =>
    target.query(`listen "${channel.replaceAll('"', '""')}"`);
  const retryLater = () => {
    if (!closed) retry = setTimeout(() => void connect().catch(retryLater), retryMs);
  };

  const connect = (): Promise<void> => {
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on("notification", (message) => call([message.channel]));
      // A broken connection also ends: "end" below handles both.
      next.on("error", () => undefined);
      next.on("end", () => {
        if (client !== next) return;
        client = null;
        if (closed) return;
        call(handlers.keys());
        retryLater();
      });
      await next.connect();
      try {
        for (const channel of handlers.keys()) await listenOn(next, channel);
      } catch (error) {
        await next.end().catch(() => undefined);
        throw error;
      }
      if (closed) {
        await next.end();
        return;
      }
      client = next;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    async listen(channel, handler) {
      const known = handlers.get(channel);
      if (known) {
        known.add(handler);
        return;
      }
      handlers.set(channel, new Set([handler]));
      if (!client) await connect();
      // Also after connecting: a connection that was already past its LISTENs when this channel
      // came would otherwise never hear it. Listening twice on one channel is harmless.
      if (client) await listenOn(client, channel);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await connecting?.catch(() => undefined);
      const last = client;
      client = null;
      await last?.end();
    },
  };
}
