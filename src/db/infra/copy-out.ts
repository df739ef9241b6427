import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/** One connection in one read-only snapshot, on a PostgreSQL server. */
export interface SnapshotSession {
  execute(sqlText: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs `COPY (...) TO STDOUT` and hands its output to `each` as it arrives,
   * waiting for each call before reading on: a slow reader leaves the rest in
   * the socket and the server, never in this process. Chunks are raw bytes,
   * cut anywhere (a UTF-8 character may span two). Resolves to the rows copied.
   */
  copyOut(copySql: string, each: (chunk: Buffer) => void | Promise<void>): Promise<number>;
}

/**
 * Runs `work` on one pooled connection in a repeatable-read, read-only
 * transaction: every statement sees one snapshot (an export's rows and its
 * counts agree, even while others write), and it runs on a hot standby too.
 * A connection given up in the middle of a COPY (the reader went away) still
 * has the rest of the output coming, so it is closed rather than pooled again.
 */
export async function readSnapshot<T>(
  pool: pg.Pool,
  work: (session: SnapshotSession) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let abandoned: Error | undefined;
  try {
    // COPY takes no parameters: its query carries literals (inline-sql.ts), read as standard strings.
    await client.query("begin isolation level repeatable read, read only");
    await client.query("set local standard_conforming_strings = on");
    const result = await work({
      execute: async (sqlText, params = []) => ({ rows: (await client.query(sqlText, params)).rows }),
      copyOut: async (copySql, each) => {
        const stream = client.query(copyTo(copySql));
        try {
          for await (const chunk of stream) await each(chunk as Buffer);
        } catch (error) {
          abandoned = error instanceof Error ? error : new Error(String(error));
          throw error;
        }
        // The row count comes with the command's completion, which may follow the last chunk:
        // a round trip on the same connection makes sure it has been read.
        await client.query("select 1");
        return stream.rowCount;
      },
    });
    await client.query("commit");
    return result;
  } catch (error) {
    if (!abandoned) await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release(abandoned);
  }
}
