import { connect, type Socket } from "node:net";

/**
 * The status writes' load generator in few instructions a request: keep-alive
 * HTTP/1.1 over plain sockets, the request written as one string, the answer
 * read by its Content-Length. The benchmark client shares the machine's cores
 * with the server and PostgreSQL; undici's request cost about 0.5 ms of CPU per
 * write at c=32 (bench/write-profile.ts), a third of the whole budget of a
 * 1,500/s target on 2 cores, and this costs a fraction of it. Reads keep
 * undici (http-client.ts): their figures are compared across runs.
 */
export interface RawHttp {
  /** Sends one request with a JSON body (already serialised) and answers status and body. */
  send(method: string, path: string, token: string, json: string): Promise<{ status: number; body: string }>;
  close(): void;
}

export function rawHttp(origin: string): RawHttp {
  const { hostname, port } = new URL(origin);
  const idle: Connection[] = [];
  const all = new Set<Connection>();
  return {
    send: async (method, path, token, json) => {
      const connection = idle.pop() ?? new Connection(hostname, Number(port));
      all.add(connection);
      const head =
        `${method} ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\nauthorization: Bearer ${token}\r\n` +
        `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\n\r\n`;
      const answer = await connection.exchange(head + json);
      idle.push(connection);
      return answer;
    },
    close: () => {
      for (const connection of all) connection.close();
    },
  };
}

/** One keep-alive connection, one request at a time. */
class Connection {
  private readonly socket: Socket;
  private received: Buffer[] = [];
  private length = 0;
  private waiting: {
    resolve: (answer: { status: number; body: string }) => void;
    reject: (error: Error) => void;
  } | null = null;

  constructor(host: string, port: number) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on("data", (chunk: Buffer) => {
      this.received.push(chunk);
      this.length += chunk.length;
      this.settle();
    });
    const fail = (error: Error) => {
      this.waiting?.reject(error);
      this.waiting = null;
    };
    this.socket.on("error", fail);
    this.socket.on("close", () => fail(new Error("the server closed the connection")));
  }

  exchange(request: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  /** Answers the waiting request once its whole response is in. */
  private settle(): void {
    const data = this.received.length === 1 ? this.received[0]! : Buffer.concat(this.received, this.length);
    this.received = [data];
    const headEnd = data.indexOf("\r\n\r\n");
    if (headEnd === -1 || !this.waiting) return;
    const head = data.toString("latin1", 0, headEnd);
    const sized = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!sized) {
      this.waiting.reject(new Error(`an answer without content-length: ${head.slice(0, 200)}`));
      this.waiting = null;
      return;
    }
    const end = headEnd + 4 + Number(sized[1]);
    if (data.length < end) return;
    const status = Number(head.slice(9, 12));
    const body = data.toString("utf8", headEnd + 4, end);
    this.received = data.length > end ? [data.subarray(end)] : [];
    this.length = data.length - end;
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve({ status, body });
  }
}
