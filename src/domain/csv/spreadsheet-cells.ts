/**
 * Exported files are meant to be opened in spreadsheets, which run a cell
 * starting with "=", "+", "-", "@" (or a tab or carriage return) as a formula.
 * A note is free text typed by many people, so export puts a single quote in
 * front of such cells (spreadsheets show the text as it is) and import takes
 * that one quote off again, keeping the round trip exact.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}
