import { Pool } from "undici";

/** Keep-alive HTTP/1.1 connections to the server under test, one per concurrent worker. */
export interface HttpClient {
  get(path: string, token: string): Promise<string>;
  put(path: string, token: string, body: unknown): Promise<string>;
  /** Streams a response through, counting its lines, never holding it whole. */
  getLines(path: string, token: string): Promise<{ lines: number; bytes: number }>;
  close(): Promise<void>;
}

export function httpClient(origin: string, connections: number): HttpClient {
  const pool = new Pool(origin, { connections, pipelining: 1, bodyTimeout: 0, headersTimeout: 600_000 });
  const send = async (method: "GET" | "PUT", path: string, token: string, body?: unknown) => {
    const response = await pool.request({
      method,
      path,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.body.text();
    if (response.statusCode >= 400)
      throw new Error(`${method} ${path}: ${response.statusCode} ${text.slice(0, 300)}`);
    return text;
  };
  return {
    get: (path, token) => send("GET", path, token),
    put: (path, token, body) => send("PUT", path, token, body),
    getLines: async (path, token) => {
      const response = await pool.request({
        method: "GET",
        path,
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.statusCode >= 400) {
        throw new Error(`GET ${path}: ${response.statusCode} ${(await response.body.text()).slice(0, 300)}`);
      }
      let lines = 0;
      let bytes = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
      }
      return { lines, bytes };
    },
    close: () => pool.close(),
  };
}
