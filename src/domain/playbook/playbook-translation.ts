import { z } from "zod";
import { languages } from "../i18n/languages.ts";
import type { Playbook, ScenarioField } from "./playbook-schema.ts";

/**
 * A playbook's texts in another language, kept in a side file beside it
 * (playbooks/default.de.yaml beside default.yaml). Entries are keyed by the
 * ids of the playbook, so the playbook's own schema, ids and rules stay as
 * they are and a playbook without side files loads as before. Whatever the
 * side file leaves out stays in the source language (docs/I18N.md).
 */

const text = z.string().trim().min(1, "must not be empty");
const texts = z.array(text);
const idKey = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "must be an id of the playbook");

const namedSchema = z.object({ name: text, description: text }).partial().strict();

const l3Schema = z.object({ name: text, definition: text }).partial().strict();

const guidanceSchema = {
  validExamples: texts,
  /** The counter-examples' scenarios, in the playbook's order (where they belong does not change). */
  invalidExamples: texts,
  questions: texts,
};

const l2Schema = z
  .object({
    name: text,
    /** Other names shown beside the name (any number); a name the source lists still finds the L2. */
    aliases: texts,
    definition: text,
    notThis: text,
    // Not the group, which names the resolver group people belong to and escalations go to, nor the next
    // action, the value a Delivery Blocked status stores: both stay the same in every language.
    resolver: z.object({ detail: text }).partial().strict(),
    ...guidanceSchema,
    /** Questions per service id, in the playbook's order. */
    workloadQuestions: z.record(idKey, texts),
    l3s: z.record(idKey, l3Schema),
  })
  .partial()
  .strict();

const l1Schema = z
  .object({ name: text, definition: text, ...guidanceSchema, l2s: z.record(idKey, l2Schema) })
  .partial()
  .strict();

const fieldSchema = z.object({ label: text, hint: text, cell: z.string() }).partial().strict();

const scenarioSchema = z
  .object({ title: text, description: text, fields: z.record(idKey.or(z.string()), fieldSchema) })
  .partial()
  .strict();

/** A change log entry, by position (the date stays). */
const refreshSchema = z.object({ who: text, what: text, notes: text }).partial().strict();

export const playbookTranslationSchema = z
  .object({
    /** The language of the texts; the file name says it too (default.de.yaml). */
    language: z.enum(languages),
    title: text.optional(),
    /** The refresh summary's entries, in the playbook's order: as many as it has. */
    refreshSummary: z.array(refreshSchema).optional(),
    /** The scenario tables' printed cells, by their text ("N/A": ...); a row's own `cell` wins. */
    cells: z.record(z.string().min(1), text).optional(),
    roles: z.record(idKey, namedSchema).optional(),
    serviceStatuses: z.record(idKey, namedSchema).optional(),
    engagementScenarios: z.record(idKey, namedSchema).optional(),
    l1s: z.record(idKey, l1Schema).optional(),
    scenarios: z.record(idKey, scenarioSchema).optional(),
  })
  .strict();

export type PlaybookTranslation = z.infer<typeof playbookTranslationSchema>;

/** An entry of a side file that does not fit the playbook: an id it lacks, a list of another length. */
export interface TranslationProblem {
  path: string;
  message: string;
}

export interface TranslatedPlaybook {
  playbook: Playbook;
  problems: TranslationProblem[];
}

type Named = { id: string; name: string; description: string };

/**
 * The playbook with the side file's texts put in: the same ids, rules and
 * order, other words. Entries that do not fit are left out and reported.
 */
export function translatePlaybook(source: Playbook, translation: PlaybookTranslation): TranslatedPlaybook {
  const problems: TranslationProblem[] = [];
  const context = { problems };
  const playbook: Playbook = {
    ...source,
    title: translation.title ?? source.title,
    refreshSummary: translateRefresh(context, source.refreshSummary, translation.refreshSummary),
    roles: named(context, "roles", source.roles, translation.roles),
    serviceStatuses: named(context, "serviceStatuses", source.serviceStatuses, translation.serviceStatuses),
    engagementScenarios: named(
      context,
      "engagementScenarios",
      source.engagementScenarios,
      translation.engagementScenarios,
    ),
    l1s: source.l1s.map((l1) => translateL1(context, l1, translation.l1s?.[l1.id])),
    scenarios: source.scenarios.map((row) =>
      translateRow(row, translation.scenarios?.[row.id], translation.cells ?? {}),
    ),
  };
  const printed = new Set(
    source.scenarios.flatMap((row) => Object.values(row.fields).map((rule) => rule.cell)),
  );
  for (const cell of Object.keys(translation.cells ?? {})) {
    if (!printed.has(cell)) problem(context, `cells.${cell}`, "is no cell of the playbook's scenario tables");
  }
  unknownIds(context, "l1s", source.l1s, translation.l1s);
  unknownIds(context, "scenarios", source.scenarios, translation.scenarios);
  for (const row of source.scenarios) {
    const fields = translation.scenarios?.[row.id]?.fields ?? {};
    for (const field of Object.keys(fields)) {
      if (!(field in row.fields))
        problem(context, `scenarios.${row.id}.fields.${field}`, "is not a field of the row");
    }
  }
  return { playbook, problems };
}

interface Context {
  problems: TranslationProblem[];
}

function problem(context: Context, path: string, message: string): void {
  context.problems.push({ path, message });
}

function unknownIds(
  context: Context,
  path: string,
  list: readonly { id: string }[],
  entries: Record<string, unknown> | undefined,
): void {
  const known = new Set(list.map((item) => item.id));
  for (const id of Object.keys(entries ?? {})) {
    if (!known.has(id)) problem(context, `${path}.${id}`, "names no entry of the playbook");
  }
}

function named<T extends Named>(
  context: Context,
  path: string,
  list: readonly T[],
  entries: Record<string, { name?: string | undefined; description?: string | undefined }> | undefined,
): T[] {
  unknownIds(context, path, list, entries);
  return list.map((item) => {
    const entry = entries?.[item.id];
    return entry
      ? { ...item, name: entry.name ?? item.name, description: entry.description ?? item.description }
      : item;
  });
}

/** A translated list replaces the source list only when it has as many entries. */
function sameLength(context: Context, path: string, source: readonly string[], given: string[] | undefined) {
  if (given === undefined) return source.slice();
  if (given.length === source.length) return given;
  problem(context, path, `has ${given.length} entries; the playbook has ${source.length}`);
  return source.slice();
}

type L1 = Playbook["l1s"][number];
type L2 = L1["l2s"][number];
type Row = Playbook["scenarios"][number];
type L1Entry = NonNullable<PlaybookTranslation["l1s"]>[string];
type L2Entry = NonNullable<L1Entry["l2s"]>[string];

function translateGuidance<T extends Pick<L1, "validExamples" | "invalidExamples" | "questions">>(
  context: Context,
  path: string,
  item: T,
  entry: Pick<L1Entry, "validExamples" | "invalidExamples" | "questions">,
): Pick<T, "validExamples" | "invalidExamples" | "questions"> {
  const scenarios = sameLength(
    context,
    `${path}.invalidExamples`,
    item.invalidExamples.map((example) => example.scenario),
    entry.invalidExamples,
  );
  return {
    validExamples: sameLength(context, `${path}.validExamples`, item.validExamples, entry.validExamples),
    invalidExamples: item.invalidExamples.map((example, at) => ({ ...example, scenario: scenarios[at]! })),
    questions: sameLength(context, `${path}.questions`, item.questions, entry.questions),
  };
}

function translateL1(context: Context, l1: L1, entry: L1Entry | undefined): L1 {
  if (!entry) return l1;
  const path = `l1s.${l1.id}`;
  unknownIds(context, `${path}.l2s`, l1.l2s, entry.l2s);
  return {
    ...l1,
    name: entry.name ?? l1.name,
    definition: entry.definition ?? l1.definition,
    ...translateGuidance(context, path, l1, entry),
    l2s: l1.l2s.map((l2) => translateL2(context, `${path}.l2s.${l2.id}`, l2, entry.l2s?.[l2.id])),
  };
}

function translateL2(context: Context, path: string, l2: L2, entry: L2Entry | undefined): L2 {
  if (!entry) return l2;
  unknownIds(context, `${path}.l3s`, l2.l3s, entry.l3s);
  const workload = entry.workloadQuestions ?? {};
  unknownIds(
    context,
    `${path}.workloadQuestions`,
    l2.workloadQuestions.map((group) => ({ id: group.service })),
    workload,
  );
  return {
    ...l2,
    name: entry.name ?? l2.name,
    aliases: entry.aliases ?? l2.aliases,
    definition: entry.definition ?? l2.definition,
    notThis: entry.notThis ?? l2.notThis,
    resolver: { ...l2.resolver, ...entry.resolver },
    ...translateGuidance(context, path, l2, entry),
    workloadQuestions: l2.workloadQuestions.map((group) => ({
      ...group,
      questions: sameLength(
        context,
        `${path}.workloadQuestions.${group.service}`,
        group.questions,
        workload[group.service],
      ),
    })),
    l3s: l2.l3s.map((l3) => {
      const l3Entry = entry.l3s?.[l3.id];
      if (!l3Entry) return l3;
      return { ...l3, name: l3Entry.name ?? l3.name, definition: l3Entry.definition ?? l3.definition };
    }),
  };
}

function translateRow(
  row: Row,
  entry: NonNullable<PlaybookTranslation["scenarios"]>[string] | undefined,
  cells: Record<string, string>,
): Row {
  const fields = { ...row.fields };
  for (const [field, rule] of Object.entries(fields)) {
    const cell = cells[rule.cell];
    if (cell !== undefined) fields[field as ScenarioField] = { ...rule, cell };
  }
  if (!entry) return { ...row, fields };
  for (const [field, texts] of Object.entries(entry.fields ?? {})) {
    const rule = fields[field as ScenarioField];
    if (rule) fields[field as ScenarioField] = { ...rule, ...texts };
  }
  return {
    ...row,
    title: entry.title ?? row.title,
    description: entry.description ?? row.description,
    fields,
  };
}

type Refresh = Playbook["refreshSummary"][number];

/** The change log's entries translated by position, when the side file has as many. */
function translateRefresh(
  context: Context,
  source: readonly Refresh[],
  given: PlaybookTranslation["refreshSummary"],
): Refresh[] {
  if (given === undefined) return source.slice();
  if (given.length !== source.length) {
    problem(context, "refreshSummary", `has ${given.length} entries; the playbook has ${source.length}`);
    return source.slice();
  }
  return source.map((entry, at) => ({ ...entry, ...given[at] }));
}
