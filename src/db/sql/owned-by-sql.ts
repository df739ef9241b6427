import { type SQL, sql } from "drizzle-orm";

/** The person a segment may be owned by: a user row's id, name and e-mail. */
export interface SegmentOwner {
  id: string;
  name: string;
  email: string;
}

const aliasPattern = /^[a-z_][a-z0-9_]*$/;

/**
 * The boolean condition "the status segment aliased `segment` is owned by
 * `user`": the one place that says what owning a segment means, for My work
 * and any other read that asks "what is mine?". Today an owner is free text,
 * matched to the user's name or e-mail ignoring case (the form the
 * lower(owner) index serves).
 */
export function ownedBySql(segment: string, user: SegmentOwner): SQL {
  if (!aliasPattern.test(segment)) throw new Error(`Not a table alias: ${segment}`);
  const s = sql.raw(segment);
  return sql`lower(${s}.owner) in (${user.name.toLowerCase()}, ${user.email.toLowerCase()})`;
}
