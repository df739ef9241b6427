import { isUuid } from "../db/infra/raw-rows.ts";
import { type SaidViolation, saidError, saidViolation } from "../domain/app-error.ts";
import type { PlaybookIndex } from "../domain/playbook/playbook-index.ts";
import { isCalendarDate } from "../domain/rules/field-values.ts";
import type { Violation } from "../domain/violation.ts";

/**
 * Checks shared by the list use-cases. HTTP and CLI validate shapes first, but
 * the core checks again: a malformed id or date must become a violation, not a
 * database error.
 */
export class FilterChecks {
  /** English sentences, or catalogue ones said in the asker's language. */
  readonly violations: (Violation | SaidViolation)[] = [];

  limit(value: number | undefined, fallback = 50, max = 500): number {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      this.violations.push(
        saidViolation("limit", "limit_out_of_range", "filter_limit_out_of_range", { max }),
      );
      return fallback;
    }
    return value;
  }

  id(field: string, value: string | undefined | null): string | null {
    if (value === undefined || value === null || value === "") return null;
    if (!isUuid(value)) {
      this.violations.push(saidViolation(field, "id_invalid", "filter_id_invalid", { value }));
      return null;
    }
    return value;
  }

  /** A service by id, name, code or alias, as its id; unknown ones are a violation. */
  service(field: string, value: string | undefined | null, index: PlaybookIndex): string | null {
    const text = value?.trim();
    if (!text) return null;
    const found = index.service(text);
    if (!found) {
      this.violations.push(saidViolation(field, "service_unknown", "value_not_a_service", { value: text }));
      return null;
    }
    return found.id;
  }

  date(field: string, value: string | undefined | null): string | null {
    if (value === undefined || value === null || value === "") return null;
    if (!isCalendarDate(value)) {
      this.violations.push(saidViolation(field, "date_invalid", "value_not_a_date", { value }));
      return null;
    }
    return value;
  }

  /** A percentage filter: a number, 0 or more (a share may pass 100 when more seats are active than available). */
  percent(field: string, value: number | undefined | null): number | null {
    if (value === undefined || value === null) return null;
    if (!Number.isFinite(value) || value < 0 || value > 1_000_000) {
      // The value as typed, not as a number the reader's locale would reformat.
      this.violations.push(
        saidViolation(field, "percent_invalid", "filter_percent_invalid", { value: String(value) }),
      );
      return null;
    }
    return value;
  }

  oneOf<T extends string>(field: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.violations.push(
        saidViolation(field, `${field}_invalid`, "filter_not_one_of", { value, allowed: allowed.join(", ") }),
      );
      return fallback;
    }
    return value as T;
  }

  /** Throws validation_failed with every problem found, if any. */
  done(): void {
    if (this.violations.length > 0) {
      throw saidError("validation_failed", "filter_invalid", {}, { violations: this.violations });
    }
  }
}

/** A filter value that may be one value or several; empty strings are dropped. */
export function listOf(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return (typeof value === "string" ? [value] : [...value]).map((v) => v.trim()).filter((v) => v !== "");
}

/** Free text trimmed; blank means no text filter. */
export function textOf(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
