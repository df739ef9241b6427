import { type FeedMessageKey, feedMessagesEn } from "../i18n/feed-messages-en.ts";
import { defaultLanguage, type Language } from "../i18n/languages.ts";
import type { MessageParams } from "../i18n/rule-text.ts";
import { feedText } from "../i18n/server-texts.ts";
import type { FeedFileName } from "./feed-files.ts";

/**
 * A feed row refused, located as a spreadsheet shows it (CSV: the header is
 * row 1; JSON Lines: the line number). `column` is null when the whole row is
 * at fault.
 */
export interface FeedRowError {
  file: FeedFileName;
  row: number;
  column: string | null;
  code: string;
  message: string;
  /** The values of the message, to say it in another language (kept in the stored report, never answered). */
  params?: MessageParams;
}

export function feedRowError(
  file: FeedFileName,
  row: number,
  column: string | null,
  code: string,
  message: string,
  params?: MessageParams,
): FeedRowError {
  return params ? { file, row, column, code, message, params } : { file, row, column, code, message };
}

/**
 * A row error as a reader of `language` reads it: its code's sentence with
 * its values where the catalogue has one (an error stored without values, or
 * of a check the catalogue lacks, keeps its English message); no params.
 */
export function feedRowErrorIn(error: FeedRowError, language: Language): FeedRowError {
  const { params, ...rest } = error;
  if (!params || !(error.code in feedMessagesEn)) return rest;
  return { ...rest, message: feedText.say(language, error.code as FeedMessageKey, params) };
}

/** "tenants.csv row 7, customer_key: customer_unknown: ..." as people read it in a terminal. */
export function formatFeedRowError(error: FeedRowError): string {
  const where = error.column ? `row ${error.row}, ${error.column}` : `row ${error.row}`;
  return `${error.file} ${where}: ${error.code}: ${error.message}`;
}

/**
 * A portfolio sync as a reader of `language` reads it: its refused rows'
 * messages in that language. The stored report keeps the English message and
 * the values; the values are not answered.
 */
export function syncInLanguage<Sync extends { report?: { rejected: readonly object[] } | null | undefined }>(
  sync: Sync,
  language: Language | null | undefined,
): Sync {
  if (!sync.report) return sync;
  const reader = language ?? defaultLanguage;
  const rejected = sync.report.rejected.map((error) => feedRowErrorIn(error as FeedRowError, reader));
  return { ...sync, report: { ...sync.report, rejected } };
}
