import type { MessageParams } from "../i18n/rule-text.ts";
import { isCalendarDate } from "../rules/field-values.ts";
import type { FeedFileName } from "./feed-files.ts";
import { type FeedRowError, feedRowError } from "./feed-row-error.ts";

/**
 * Reads the cells of one feed row, collecting one error per bad cell so a
 * row reports everything wrong with it at once.
 */
export class FeedCells {
  readonly errors: FeedRowError[] = [];

  constructor(
    readonly file: FeedFileName,
    readonly row: number,
    private readonly cells: Readonly<Record<string, string>>,
  ) {}

  /** The trimmed cell, or null when empty or absent. */
  optional(column: string): string | null {
    const value = this.cells[column]?.trim() ?? "";
    return value === "" ? null : value;
  }

  required(column: string): string | null {
    const value = this.optional(column);
    if (value === null) this.fail(column, "value_required", `${column} is required.`, { column });
    return value;
  }

  /** Text up to `max` characters. */
  text(column: string, required: boolean, max = 200): string | null {
    const value = required ? this.required(column) : this.optional(column);
    if (value !== null && value.length > max) {
      this.fail(column, "value_too_long", `${column} is longer than ${max} characters.`, { column, max });
      return null;
    }
    return value;
  }

  /** A whole number, 0 or more. */
  count(column: string, required: boolean): number | null {
    const value = required ? this.required(column) : this.optional(column);
    if (value === null) return null;
    if (!/^\d{1,9}$/.test(value)) {
      this.fail(column, "count_invalid", `${column} must be a whole number, 0 or more (not "${value}").`, {
        column,
        value,
      });
      return null;
    }
    return Number(value);
  }

  /** A calendar date written YYYY-MM-DD. */
  date(column: string, required: boolean): string | null {
    const value = required ? this.required(column) : this.optional(column);
    if (value === null) return null;
    if (!isCalendarDate(value)) {
      this.fail(column, "date_invalid", `${column} must be a date written YYYY-MM-DD (not "${value}").`, {
        column,
        value,
      });
      return null;
    }
    return value;
  }

  fail(column: string | null, code: string, message: string, params?: MessageParams): void {
    this.errors.push(feedRowError(this.file, this.row, column, code, message, params));
  }
}
