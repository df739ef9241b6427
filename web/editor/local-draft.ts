import type { ScenarioField } from "../../src/domain/playbook/playbook-schema.ts";
import { scenarioFields } from "../../src/domain/rules/scenario-fields.ts";
import {
  type ClearedValue,
  type EditorDraft,
  newSegment,
  type SegmentDraft,
  toProposed,
} from "./editor-state.ts";

/**
 * Unsaved edits kept in the browser (localStorage), one draft per
 * entitlement, so a reload, a closed tab or a crash does not lose them; the
 * editor offers them back when it opens. Saving or discarding removes them.
 * What is read back is checked field by field: storage is anyone's to change.
 */

export interface LocalDraft {
  /** The entitlement version the edits started from. */
  version: number;
  /** ISO time of the last edit. */
  savedAt: string;
  draft: EditorDraft;
}

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const keyOf = (entitlementId: string) => `unblock.editor-draft.${entitlementId}`;

/** Drafts written since this page loaded: reopening the editor takes them back without asking. */
const writtenThisPage = new Set<string>();

export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

export function readLocalDraft(storage: DraftStorage | null, entitlementId: string): LocalDraft | null {
  const text = storage?.getItem(keyOf(entitlementId));
  if (!text) return null;
  try {
    return parseLocalDraft(JSON.parse(text));
  } catch {
    return null;
  }
}

export function writeLocalDraft(
  storage: DraftStorage | null,
  entitlementId: string,
  record: LocalDraft,
): void {
  try {
    storage?.setItem(keyOf(entitlementId), JSON.stringify(record));
    writtenThisPage.add(entitlementId);
  } catch {
    // Full or refused storage: the edits stay in the open form, as before drafts were kept.
  }
}

export function removeLocalDraft(storage: DraftStorage | null, entitlementId: string): void {
  writtenThisPage.delete(entitlementId);
  try {
    storage?.removeItem(keyOf(entitlementId));
  } catch {
    // Nothing kept, nothing to remove.
  }
}

/** Whether this page wrote the entitlement's draft (the editor was closed or its tab left meanwhile). */
export function writtenByThisPage(entitlementId: string): boolean {
  return writtenThisPage.has(entitlementId);
}

/** The same status would be saved: the same stage and segments, whatever the editor's bookkeeping. */
export function sameEdits(a: EditorDraft, b: EditorDraft): boolean {
  return a.stage === b.stage && JSON.stringify(toProposed(a)) === JSON.stringify(toProposed(b));
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function parseLocalDraft(value: unknown): LocalDraft | null {
  if (!isRecord(value) || !isRecord(value.draft)) return null;
  const { version, savedAt, draft } = value;
  const stage = draft.stage;
  if (typeof version !== "number" || (stage !== "assignment" && stage !== "delivery")) return null;
  if (!Array.isArray(draft.segments) || draft.segments.length === 0) return null;
  const segments = draft.segments.map(parseSegment);
  if (segments.some((segment) => segment === null)) return null;
  return { version, savedAt: text(savedAt), draft: { stage, segments: segments as SegmentDraft[] } };
}

function parseSegment(value: unknown): SegmentDraft | null {
  if (!isRecord(value)) return null;
  const segment: SegmentDraft = {
    ...newSegment(0),
    seats: text(value.seats),
    l1: text(value.l1),
    scenarioId: text(value.scenarioId),
    splitReason: text(value.splitReason),
  };
  for (const field of scenarioFields) segment[field] = text(value[field]);
  const fields = new Set<string>(scenarioFields);
  if (Array.isArray(value.typed)) {
    segment.typed = value.typed.filter((field): field is ScenarioField => fields.has(field));
  }
  if (isRecord(value.cleared)) {
    const cleared: Partial<Record<ScenarioField, ClearedValue>> = {};
    for (const [field, notice] of Object.entries(value.cleared)) {
      if (!fields.has(field) || !isRecord(notice)) continue;
      cleared[field as ScenarioField] = {
        value: text(notice.value),
        reason: text(notice.reason),
        typed: notice.typed === true,
        l1: text(notice.l1),
        scenarioId: text(notice.scenarioId),
      };
    }
    segment.cleared = cleared;
  }
  return segment;
}
