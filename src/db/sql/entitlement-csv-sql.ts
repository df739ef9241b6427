import { type SQL, sql } from "drizzle-orm";
import { type CsvColumnName, exportColumnNames } from "../../domain/csv/csv-columns.ts";
import { formulaStartCharacters } from "../../domain/csv/spreadsheet-cells.ts";

/**
 * The status CSV (docs/CSV.md) formatted by PostgreSQL: the same cells, in
 * the same order, as entitlementCsvRows and csv-stringify write them, so the
 * server never parses or re-serialises a row. Over an entitlement `e`, its
 * tenant `et`, customer `ec` and one of its segments `s` (null for an
 * entitlement without a status: every status cell then stays empty).
 */
const cellOf: Record<CsvColumnName, string> = {
  customer: "ec.name",
  tenant: "et.name",
  tenant_domain: "et.domain",
  tenant_id: "et.external_id",
  service: "e.service_id",
  entitlement_id: "e.id::text",
  version: "e.version::text",
  stage: "e.stage",
  available_seats: "e.available_seats::text",
  seats: "s.seats::text",
  l1: "s.l1",
  l2: "s.l2",
  l3: "s.l3",
  scenario: "s.scenario_id",
  service_status: "s.service_status",
  engagement_scenario: "s.engagement_scenario",
  // to_char, not ::text: a date's text follows the session's DateStyle, the JSON it replaced did not.
  target_date: "to_char(s.target_date, 'YYYY-MM-DD')",
  owner: "s.owner",
  note: "s.note",
  next_action_date: "to_char(s.next_action_date, 'YYYY-MM-DD')",
  next_action: "s.next_action",
  split_reason: "s.split_reason",
};

/** The formula characters' codes: ascii() of a cell is its first character's, with no text copied. */
const formulaCodes = formulaStartCharacters.map((char) => char.charCodeAt(0));
const formulaStarts = formulaCodes.join(", ");
/** Past every formula character's code: one comparison clears a cell starting with a letter. */
const pastFormulaCodes = Math.max(...formulaCodes) + 1;

/**
 * Cells that cannot start with a formula character: a uuid, whole numbers the
 * table's checks keep at 0 or more, the stage (checked to two words) and dates
 * written YYYY-MM-DD. escapeFormula leaves them as they are, so the SQL skips
 * the test, and they are never empty (NULL alone is written as nothing): on a
 * full export the guard cost about a fifth of PostgreSQL's time before the sort.
 */
const formulaFree: ReadonlySet<CsvColumnName> = new Set<CsvColumnName>([
  "entitlement_id",
  "version",
  "stage",
  "available_seats",
  "seats",
  "target_date",
  "next_action_date",
]);

/**
 * escapeFormula in SQL: a single quote in front of a cell a spreadsheet would
 * run as a formula. The first test (below '@' + 1) spares most cells the list.
 */
function guarded(column: CsvColumnName, cell: string): string {
  if (formulaFree.has(column)) return cell;
  const first = `ascii(${cell})`;
  return `case when ${first} < ${pastFormulaCodes} and ${first} in (${formulaStarts}) then '''' || ${cell} else ${cell} end`;
}

/**
 * The select list of COPY ... (FORMAT csv, HEADER): one column per CSV column,
 * named as the header names it. Empty cells are NULL, which COPY writes as
 * nothing, where it would write an empty string as "" (csv-stringify writes
 * nothing for both). COPY quotes a cell holding a comma, a double quote, a
 * carriage return or a line feed and doubles its quotes: csv-stringify's rule.
 */
export const csvCopyColumns: SQL = copyColumnsOf(cellOf);

function copyColumnsOf(cells: Record<CsvColumnName, string>): SQL {
  return sql.raw(
    exportColumnNames
      .map((column) =>
        formulaFree.has(column)
          ? `${cells[column]} as "${column}"`
          : `nullif(${guarded(column, cells[column])}, '') as "${column}"`,
      )
      .join(",\n  "),
  );
}

/** One cell as COPY writes it, for the embedded database, which cannot stream a COPY. */
function quoted(column: CsvColumnName, cell: string): string {
  const value = guarded(column, cell);
  return `case when ${value} ~ '[",\\r\\n]' then '"' || replace(${value}, '"', '""') || '"' else coalesce(${value}, '') end`;
}

/** A segment's CSV line (no line end), built cell by cell as COPY would write it. */
export const csvLine: SQL = lineOf(cellOf);

function lineOf(cells: Record<CsvColumnName, string>): SQL {
  return sql.raw(exportColumnNames.map((column) => quoted(column, cells[column])).join(" || ',' || "));
}

/**
 * The cells of an export as of a day (as-of-export-repository.ts): the
 * entitlement's version, stage and seats are those of its history row `page`
 * (version_after, after), the segment `s` is rebuilt from that row's JSON
 * under status_segments' names; names and domains stay today's.
 */
const asOfCellOf: Record<CsvColumnName, string> = {
  ...cellOf,
  version: "page.version_after::text",
  stage: "(page.after->>'stage')",
  available_seats: "(page.after->>'availableSeats')",
};

export const csvCopyColumnsAsOf: SQL = copyColumnsOf(asOfCellOf);

/**
 * The cells of an export that walks the tenants (entitlement-export-repository.ts):
 * the walk's `et` carries its customer's name, so no customer is joined per row.
 */
const walkCellOf: Record<CsvColumnName, string> = { ...cellOf, customer: "et.customer_name" };

export const csvCopyColumnsWalk: SQL = copyColumnsOf(walkCellOf);
export const csvLineWalk: SQL = lineOf(walkCellOf);
export const csvLineAsOf: SQL = lineOf(asOfCellOf);

/** The header line (no line end): every name is a plain word, which neither writer quotes. */
export const csvHeaderLine = exportColumnNames.join(",");
