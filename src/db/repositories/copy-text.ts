/**
 * Rows in PostgreSQL's COPY text format: one line per row, columns separated
 * by tabs, `\N` for null, and backslash, tab, newline and carriage return
 * escaped with a backslash. Arrays are written as array literals (text[]
 * columns), other objects (jsonb columns) as their JSON, dates as ISO
 * timestamps; every other value as its string.
 */
export function copyText(rows: readonly Record<string, unknown>[], keys: readonly string[]): string {
  const lines: string[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    const cells: string[] = new Array(keys.length);
    for (let column = 0; column < keys.length; column += 1) cells[column] = copyCell(row[keys[column]!]);
    lines[index] = cells.join("\t");
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

const special = /[\\\t\n\r]/;

export function copyCell(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  let text: string;
  if (typeof value === "string") text = value;
  else if (value instanceof Date) return value.toISOString();
  else if (Array.isArray(value)) text = arrayLiteral(value);
  else if (typeof value === "object") text = JSON.stringify(value);
  else return String(value);
  if (!special.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (char) =>
    char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r",
  );
}

/** A PostgreSQL array literal of text elements, each quoted: {"a","b \"c\""}. */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((value) =>
    value === null || value === undefined
      ? "NULL"
      : `"${String(value).replace(/[\\"]/g, (char) => `\\${char}`)}"`,
  );
  return `{${items.join(",")}}`;
}
