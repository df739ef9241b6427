import type { StatusSegment } from "../../src/domain/status-segment.ts";

/** Today as YYYY-MM-DD in UTC: the calendar the server's rules and the overdue filter use. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2026-03-04" -> "4 Mar 2026"; dates have no time of day, so read them as UTC. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** A segment is overdue when its next action date has passed. */
export function isOverdue(segment: Pick<StatusSegment, "nextActionDate">, today: string): boolean {
  return segment.nextActionDate !== null && segment.nextActionDate < today;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
