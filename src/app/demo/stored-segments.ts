import { normalizeName, type PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import type { ScenarioField } from "../../domain/playbook/playbook-schema.ts";
import { storedSegmentOf } from "../../domain/rules/check-segment.ts";
import { cleanText } from "../../domain/rules/field-values.ts";
import {
  carriedValue,
  effectiveRule,
  fieldDefault,
  ruleWithoutCarry,
  scenarioFields,
} from "../../domain/rules/scenario-fields.ts";
import { splitReasonOf } from "../../domain/rules/split-seats.ts";
import type { ProposedSegment, StatusSegment } from "../../domain/status-segment.ts";
import { onePer } from "../../one-per.ts";

/**
 * The segments evaluateStatus would store for a demo proposal, without judging
 * it: the seed generates millions of statuses, and judging each (rules and
 * note linter) was a third of its time. The generator proposes only what the
 * rules accept (ids from the playbook, dates not before the day of the change,
 * notes that carry the why where the L1 needs it, seats that add up), so what
 * is left is what evaluateStatus adds on success: carried values, defaults,
 * and the split reason dropped from a lone segment. Returns null for anything
 * this does not mirror exactly (a proposal that may restate a stored segment,
 * a default that is not a plain value), and the caller judges those in full.
 * seed-demo.test.ts checks every generated step against evaluateStatus.
 */
export function storedSegments(
  index: PlaybookIndex,
  previous: readonly StatusSegment[],
  proposed: readonly ProposedSegment[],
): StatusSegment[] | null {
  const single = proposed.length === 1;
  const segments: StatusSegment[] = [];
  for (let position = 0; position < proposed.length; position += 1) {
    const segment = storedSegment(index, previous, proposed[position]!, position);
    if (!segment) return null;
    if (!single) segment.splitReason = splitReasonOf(proposed[position]!);
    segments.push(segment);
  }
  return segments;
}

function storedSegment(
  index: PlaybookIndex,
  previous: readonly StatusSegment[],
  proposed: ProposedSegment,
  position: number,
): StatusSegment | null {
  const row = proposed.scenarioId ? index.scenario(proposed.scenarioId) : undefined;
  if (!row || row.l1 !== proposed.l1) return null;
  // evaluateStatus keeps a stored segment that a proposal repeats; leave any possible repeat to it.
  if (previous.some((stored) => mayRestate(proposed, stored))) return null;
  const values = {} as Record<ScenarioField, string | null>;
  for (const field of scenarioFields) {
    let rule = effectiveRule(index, row, field);
    const given = clean(proposed[field]);
    if (rule === "forbidden") {
      if (given !== null) return null;
      values[field] = null;
      continue;
    }
    if (rule === "carry") {
      const kept = carriedValue(previous, row.l1, position, field);
      if (kept !== undefined) {
        if (given !== null) return null;
        values[field] = kept;
        continue;
      }
      rule = ruleWithoutCarry(field);
    }
    if (given !== null) {
      const value = listFields.has(field) ? storedId(index, row.l1, values.l2, field, given) : given;
      if (value === null) return null;
      values[field] = value;
      continue;
    }
    const fallback = fieldDefault(index, row, field, values.l2);
    if (fallback !== null && !isStoredForm(index, field, fallback)) return null;
    // A required field left empty is a generator bug: the rules will say which.
    if (fallback === null && rule === "required") return null;
    values[field] = fallback;
  }
  return storedSegmentOf(proposed.seats, row.l1, row, values);
}

/**
 * Whether evaluateStatus might take the proposal as a repeat of a stored
 * segment. A list field given as an id different from the stored one could
 * still name it, so that counts as a possible repeat.
 */
function mayRestate(proposed: ProposedSegment, stored: StatusSegment): boolean {
  if (proposed.seats !== stored.seats || proposed.l1 !== stored.l1) return false;
  if (proposed.scenarioId !== stored.scenarioId) return false;
  return scenarioFields.every((field) => {
    const given = clean(proposed[field]);
    const kept = stored[field] || null;
    if (given === null || kept === null) return given === kept;
    return given === kept || listFields.has(field);
  });
}

/**
 * cleanText, without lower-casing every value to compare it with the "nothing
 * here" tokens, none of which is longer than three characters.
 */
function clean(value: string | null | undefined): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed.length > 3) return trimmed;
  }
  return cleanText(value);
}

const listFields: ReadonlySet<ScenarioField> = new Set(["l2", "l3", "serviceStatus", "engagementScenario"]);

/**
 * The id the rules store for a list value: the entry with that id, else the
 * first whose id or name matches it loosely (the playbook index's lookups).
 * Cached per playbook: the seed asks for the same few hundred values millions
 * of times. The cache is nested by field, L1, L2 and value rather than keyed by
 * one joined string, which would be built and hashed anew on every call.
 */
function storedId(
  index: PlaybookIndex,
  l1: string,
  l2: string | null,
  field: ScenarioField,
  given: string,
): string | null {
  const byValue = branch(branch(branch(storedIdsOf(index), field), l1), l2 ?? "");
  // The innermost maps hold ids (or null for no match), the others maps.
  let id = byValue.get(given) as string | null | undefined;
  if (id === undefined) {
    id = lookUp(index, l1, l2, field, given)?.id ?? null;
    byValue.set(given, id);
  }
  return id;
}

type IdCache = Map<string, IdCache | string | null>;

function branch(cache: IdCache, key: string): IdCache {
  let next = cache.get(key) as IdCache | undefined;
  if (!next) {
    next = new Map();
    cache.set(key, next);
  }
  return next;
}

const storedIdsOf = onePer((_index: PlaybookIndex): IdCache => new Map());

function lookUp(index: PlaybookIndex, l1: string, l2: string | null, field: ScenarioField, given: string) {
  const wanted = normalizeName(given);
  const matches = (item: { id: string; name: string }) =>
    normalizeName(item.id) === wanted || normalizeName(item.name) === wanted;
  switch (field) {
    case "l2":
      return index.findL2(l1, given);
    case "l3":
      return l2 === null ? undefined : index.findL3(l1, l2, given);
    case "serviceStatus":
      return index.playbook.serviceStatuses.find(matches);
    case "engagementScenario":
      return index.playbook.engagementScenarios.find(matches);
    default:
      return undefined;
  }
}

/** A default the rules would store unchanged: free text, or a list field's id. Dates and L2/L3 defaults are left to the rules. */
function isStoredForm(index: PlaybookIndex, field: ScenarioField, value: string): boolean {
  switch (field) {
    case "serviceStatus":
      return index.playbook.serviceStatuses.some((status) => status.id === value);
    case "engagementScenario":
      return index.playbook.engagementScenarios.some((scenario) => scenario.id === value);
    case "l2":
    case "l3":
    case "targetDate":
    case "nextActionDate":
      return false;
    default:
      return true;
  }
}
