import type { Db } from "../client.ts";
import { writeStatuses } from "../sql/status-write-statement.ts";
import type { StatusWrite } from "./entitlement-repository.ts";

/** Entitlements written per statement: big enough to be fast, small enough for one JSON parameter. */
const perRound = 1000;

/**
 * applyStatus for many entitlements at once (the importer): the same rows,
 * one statement per thousand entitlements (writeStatuses). Call inside the
 * transaction that locked the entitlements; it checks no rules.
 */
export async function applyStatuses(
  tx: Db,
  writes: readonly StatusWrite[],
  onProgress?: (written: number) => void,
): Promise<void> {
  for (let start = 0; start < writes.length; start += perRound) {
    const round = writes.slice(start, start + perRound);
    const written = await writeStatuses(tx, round);
    // Cannot happen under the row locks; refuse loudly rather than report changes that were not made.
    if (written.size !== round.length) {
      throw new Error(`${round.length - written.size} entitlements changed while locked`);
    }
    onProgress?.(start + round.length);
  }
}
