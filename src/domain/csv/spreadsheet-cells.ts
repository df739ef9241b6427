/**
 * Exported files are meant to be opened in spreadsheets, which run a cell
 * starting with "=", "+", "-", "@" (or a tab or carriage return) as a formula.
 * A note is free text typed by many people, so export puts a single quote in
 * front of such cells (spreadsheets show the text as it is) and import takes
 * that one quote off again, keeping the round trip exact.
 */
export const formulaStartCharacters = ["=", "+", "-", "@", "\t", "\r"] as const;

// One list for this test and the export's SQL (db/sql/entitlement-csv-sql.ts), so the two cannot drift.
const formulaStart = new RegExp(
  `^[${formulaStartCharacters.map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`,
);

export function escapeFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}
