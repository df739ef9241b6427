import { grantOf } from "./role-grants.ts";

/**
 * A report cell drawn from fewer tenants than this is withheld from
 * aggregate-only readers: with two or three tenants in a cell, a product group
 * could tell which customers are blocked by what.
 */
export const smallCellTenants = 5;

/**
 * The report rows a role may see: everything for roles that read tenants
 * anyway, and for aggregate-only roles only cells covering at least
 * `smallCellTenants` tenants. Says how many cells were withheld, so a report can
 * tell its reader that its totals are partial.
 */
export function withoutSmallCells<Row extends { tenants: number }>(
  role: string,
  rows: readonly Row[],
): { rows: Row[]; suppressed: number } {
  if (grantOf(role).reach !== "aggregate") return { rows: [...rows], suppressed: 0 };
  const kept = rows.filter((row) => row.tenants >= smallCellTenants);
  return { rows: kept, suppressed: rows.length - kept.length };
}
