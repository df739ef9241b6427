import { eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { serverKeys } from "../schema.ts";

/**
 * The key stored under `name`, storing `candidate` first when there is none.
 * Servers starting together each offer their own candidate; the first insert
 * wins and every one of them reads that one back.
 */
export async function keepServerKey(db: Db, name: string, candidate: string): Promise<string> {
  await db.insert(serverKeys).values({ name, key: candidate }).onConflictDoNothing();
  const [row] = await db.select({ key: serverKeys.key }).from(serverKeys).where(eq(serverKeys.name, name));
  if (!row) throw new Error(`server key ${name} vanished as it was stored`);
  return row.key;
}
