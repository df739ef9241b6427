/**
 * Rows in PostgreSQL's COPY text format: one line per row, columns separated
 * by tabs, `\N` for null, and backslash, tab, newline and carriage return
 * escaped with a backslash. Arrays are written as array literals (text[]
 * columns), other objects (jsonb columns) as their JSON, dates as ISO
 * timestamps; every other value as its string.
 */
export function copyText(rows: readonly Record<string, unknown>[], keys: readonly string[]): string {
  return textDecoder.decode(copyBytes(rows, keys));
}

const textDecoder = new TextDecoder();

/**
 * The same rows as copyText, UTF-8 encoded for the wire. Each line goes
 * straight into one buffer (no array of cells or lines to join), and the
 * bytes own their ArrayBuffer, so a worker thread can hand them over without
 * copying. An object that is the value of consecutive cells (a history row's
 * `after` is the next row's `before`) is turned into JSON once.
 */
export function copyBytes(
  rows: readonly Record<string, unknown>[],
  keys: readonly string[],
): Uint8Array<ArrayBuffer> {
  const json: JsonMemo = { object: null, text: "" };
  const last = keys.length - 1;
  let out: ByteWriter | null = null;
  // Lines are gathered into chunks of some kilobytes: one write into the buffer per chunk, not per line.
  let chunk = "";
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    let line = "";
    for (let column = 0; column < last; column += 1) line += `${cellOf(row[keys[column]!], json)}\t`;
    line += `${cellOf(row[keys[last]!], json)}\n`;
    // Sized from the first line, so the buffer seldom has to grow.
    out ??= new ByteWriter(Math.ceil(line.length * rows.length * 1.25));
    chunk += line;
    if (chunk.length >= chunkLength) {
      out.write(chunk);
      chunk = "";
    }
  }
  out ??= new ByteWriter(0);
  if (chunk.length > 0) out.write(chunk);
  return out.bytes();
}

const chunkLength = 32_768;

export function copyCell(value: unknown): string {
  return cellOf(value, { object: null, text: "" });
}

interface JsonMemo {
  object: object | null;
  text: string;
}

function cellOf(value: unknown, json: JsonMemo): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escaped(value);
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escaped(arrayLiteral(value));
  if (typeof value === "object") {
    if (json.object !== value) {
      json.object = value;
      const text = JSON.stringify(value);
      // JSON has no raw tab or line break (it writes \t, \n): only its backslashes need escaping.
      json.text = text.includes("\\") ? escaped(text) : text;
    }
    return json.text;
  }
  return String(value);
}

/** Most cells need no escaping; four substring searches are cheaper than a regular expression test. */
function escaped(text: string): string {
  if (!text.includes("\\") && !text.includes("\t") && !text.includes("\n") && !text.includes("\r")) {
    return text;
  }
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

/** Appends UTF-8 text to a buffer that doubles when full. */
class ByteWriter {
  private buffer: Buffer<ArrayBuffer>;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.from(new ArrayBuffer(Math.max(capacity, 1024)));
  }

  write(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const room = text.length * 3;
    if (this.length + room > this.buffer.length) {
      const grown = Buffer.from(new ArrayBuffer(Math.max(this.buffer.length * 2, this.length + room)));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length);
  }

  /** The bytes written, as a plain Uint8Array over this writer's own ArrayBuffer. */
  bytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.buffer.buffer, 0, this.length);
  }
}
