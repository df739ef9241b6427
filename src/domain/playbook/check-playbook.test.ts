import { beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { playbookProblemText } from "../i18n/server-texts.ts";
import { checkPlaybook, formatPlaybookPath } from "./check-playbook.ts";

// A small valid playbook (same as test/fixtures/playbooks/valid-small.yaml, inlined because
// the domain reads no files); each test breaks one thing in a fresh copy.
const smallPlaybook = `
id: small
title: Small test playbook
version: 0.1.0
refreshSummary:
  - { date: 2024-01-02, who: Tests, what: Created }
roles:
  - { id: assignment_fm, name: Assignment FM, description: Sets the first status. }
  - { id: delivery_fm, name: Delivery FM, description: Keeps the status current. }
serviceFamilies:
  - id: office
    name: Office
    services:
      - { id: exchange, name: Exchange, code: EXO }
      - { id: teams, name: Teams, code: TEAMS }
serviceStatuses:
  - { id: initiate, name: Initiate, description: Getting started. }
engagementScenarios:
  - { id: customer_led, name: Customer-Led, description: The customer deploys alone. }
l1s:
  - id: status_unknown
    name: Status Unknown
    color: "#868e96"
    definition: Intent not known.
    l2: required
    targetDate: none
    owner: optional
    l2s:
      - id: customer_unresponsive
        name: Customer Unresponsive
        definition: No answer.
        resolver: { group: Manager, nextAction: Call again }
        l3: none
  - id: blocked
    name: Blocked
    color: "#fa5252"
    definition: Intent, but stuck.
    l2: required
    targetDate: optional
    owner: required
    l2s:
      - id: billing
        name: Billing
        definition: Licences need fixing.
        resolver: { group: Seller, nextAction: Fix the licences }
        invalidExamples:
          - { scenario: Nobody answers, useInstead: { l1: status_unknown, l2: customer_unresponsive } }
        workloadQuestions:
          - { service: teams, questions: [Calling licence bought?] }
        l3: optional
        l3s:
          - { id: incorrect_sku, name: Incorrect SKU }
          - { id: no_free_trial, name: No free trial, services: [teams] }
scenarios:
  - id: unknown_assignment
    table: status_unknown
    l1: status_unknown
    stage: assignment
    title: Assignment
    description: Not reached.
    updatedBy: [assignment_fm]
    fields: &unknown_fields
      l2: { rule: required }
      l3: { rule: forbidden }
      serviceStatus: { rule: forbidden }
      engagementScenario: { rule: optional }
      targetDate: { rule: forbidden }
      owner: { rule: optional }
      note: { rule: required }
      nextActionDate: { rule: optional }
      nextAction: { rule: optional }
  - id: unknown_delivery
    table: status_unknown
    l1: status_unknown
    stage: delivery
    title: Delivery
    description: Went quiet.
    updatedBy: [delivery_fm]
    fields: *unknown_fields
  - id: blocked_assignment
    table: blocked
    l1: blocked
    stage: assignment
    title: Assignment
    description: Stuck at the start.
    updatedBy: [assignment_fm]
    fields: &blocked_fields
      l2: { rule: required }
      l3: { rule: optional }
      serviceStatus: { rule: forbidden }
      engagementScenario: { rule: required, allowed: [customer_led], default: customer_led }
      targetDate: { rule: optional, notPast: true }
      owner: { rule: required }
      note: { rule: required }
      nextActionDate: { rule: optional }
      nextAction: { rule: required, default: "@l2" }
  - id: blocked_delivery
    table: blocked
    l1: blocked
    stage: delivery
    title: Delivery
    description: Stuck later.
    updatedBy: [delivery_fm]
    fields: *blocked_fields
`;
// biome-ignore lint/suspicious/noExplicitAny: tests edit the raw document freely
let doc: any;
beforeEach(() => {
  doc = parse(smallPlaybook);
});

/** The problems as the CLI prints them: path, code and the English sentence. */
const problemsOf = (input: unknown) =>
  checkPlaybook(input).problems.map(({ said: _, ...problem }) => problem);

describe(checkPlaybook.name, () => {
  it("accepts the small valid playbook and applies defaults", () => {
    const { playbook, problems } = checkPlaybook(doc);
    expect(problems).toEqual([]);
    expect(playbook?.l1s[1]?.l2s[0]?.l3s[0]?.services).toEqual([]);
  });

  it("reports a missing required field at its path and returns no playbook", () => {
    delete doc.l1s[1].l2s[0].definition;
    expect(checkPlaybook(doc).playbook).toBeNull();
    expect(problemsOf(doc)).toEqual([
      {
        path: ["l1s", 1, "l2s", 0, "definition"],
        code: "invalid_type",
        message: "required field is missing",
      },
    ]);
  });

  it("refuses an L3 under an L2 that takes none, naming both", () => {
    doc.l1s[0].l2s[0].l3s = [{ id: "incorrect_sku", name: "Incorrect SKU" }];
    expect(problemsOf(doc)).toEqual([
      {
        path: ["l1s", 0, "l2s", 0, "l3s", 0],
        code: "l3_not_allowed",
        message: 'L3 "Incorrect SKU" is listed under L2 "Customer Unresponsive", which takes no L3',
      },
    ]);
  });

  it("refuses L2s on an L1 that takes none", () => {
    doc.l1s[0].l2 = "none";
    const problems = problemsOf(doc);
    expect(problems.map((p) => formatPlaybookPath(p.path))).toContain("l1s[0].l2s");
    // The scenario rows still require an L2 for that L1: a contradiction too.
    expect(problems.find((p) => p.code === "contradicts_l1")?.path).toEqual([
      "scenarios",
      0,
      "fields",
      "l2",
      "rule",
    ]);
  });

  it("refuses duplicate ids of L2s within an L1 and L3s within an L2", () => {
    doc.l1s[1].l2s[0].l3s[1].id = "incorrect_sku";
    doc.l1s[1].l2s.push({ ...doc.l1s[1].l2s[0], invalidExamples: [], l3s: [] });
    const problems = problemsOf(doc);
    expect(problems.filter((p) => p.code === "duplicate_id").map((p) => p.path)).toEqual([
      ["l1s", 1, "l2s", 1, "id"],
      ["l1s", 1, "l2s", 0, "l3s", 1, "id"],
    ]);
  });

  it("refuses duplicate role, L1 and scenario row ids and duplicate service codes", () => {
    doc.roles.push({ ...doc.roles[0] });
    doc.scenarios.push({ ...doc.scenarios[0] });
    doc.serviceFamilies[0].services[1].code = "EXO";
    const codes = problemsOf(doc).map((p) => `${p.code} ${formatPlaybookPath(p.path)}`);
    expect(codes).toContain("duplicate_id roles[2].id");
    expect(codes).toContain("duplicate_id scenarios[4].id");
    expect(codes).toContain("duplicate_code serviceFamilies[0].services[1].code");
  });

  it("refuses a service alias that already names another service, since lookups would be ambiguous", () => {
    doc.serviceFamilies[0].services[1].aliases = ["Exchange"];
    expect(problemsOf(doc)).toEqual([
      {
        path: ["serviceFamilies", 0, "services", 1, "aliases"],
        code: "ambiguous_service_name",
        message: 'Service "Teams" shares a name or alias with "exchange"',
      },
    ]);
  });

  it("refuses unknown services in L3s and workload questions", () => {
    doc.l1s[1].l2s[0].l3s[1].services = ["teams", "lotus_notes"];
    doc.l1s[1].l2s[0].workloadQuestions[0].service = "fax";
    expect(problemsOf(doc).map((p) => [p.code, formatPlaybookPath(p.path)])).toEqual([
      ["unknown_service", "l1s[1].l2s[0].l3s[1].services[1]"],
      ["unknown_service", "l1s[1].l2s[0].workloadQuestions[0].service"],
    ]);
  });

  it("refuses a counter-example pointing at a taxonomy path that does not exist", () => {
    doc.l1s[1].l2s[0].invalidExamples[0].useInstead = { l1: "blocked", l2: "billing", l3: "wrong_tenant" };
    const [problem] = problemsOf(doc);
    expect(problem?.path).toEqual(["l1s", 1, "l2s", 0, "invalidExamples", 0, "useInstead", "l3"]);
    expect(problem?.message).toContain("wrong_tenant");
    doc.l1s[1].l2s[0].invalidExamples[0].useInstead = { l1: "no_intent" };
    expect(problemsOf(doc)[0]?.code).toBe("unknown_reference");
  });

  it("names the unknown role a scenario row lists", () => {
    doc.scenarios[3].updatedBy = ["delivery_fm", "regional_wizard"];
    const [problem] = problemsOf(doc);
    expect(problem?.path).toEqual(["scenarios", 3, "updatedBy", 1]);
    expect(problem?.message).toContain('"regional_wizard"');
  });

  it("refuses scenario rows naming unknown L1s, statuses or engagement scenarios", () => {
    doc.scenarios[0].table = "maybe";
    doc.scenarios[2].fields = structuredClone(doc.scenarios[2].fields);
    doc.scenarios[2].fields.engagementScenario.allowed = ["customer_led", "wizard_led"];
    doc.scenarios[2].fields.serviceStatus = { rule: "forbidden", default: "dreaming" };
    const codes = problemsOf(doc).map((p) => `${p.code} ${formatPlaybookPath(p.path)}`);
    expect(codes).toEqual([
      "unknown_l1 scenarios[0].table",
      "unknown_value scenarios[2].fields.serviceStatus.default",
      "unknown_value scenarios[2].fields.engagementScenario.allowed[1]",
    ]);
  });

  it("checks the usage section: thresholds in order, known service statuses and L1s", () => {
    doc.serviceStatuses.push({ id: "adoption", name: "Adoption", description: "Some use." });
    const usage = {
      phases: {
        adoption: { serviceStatus: "adoption", fromPercent: 1 },
        operate: { serviceStatus: "operate", abovePercent: 10 },
      },
      contradictions: {
        activeWhileHalted: { l1s: ["blocked"] },
        idleInProgress: { l1s: ["status_unknown"], days: 90 },
        growingWhileUnknown: { l1s: ["status_unknown", "growing"], points: 3 },
      },
    };
    doc.usage = usage;
    const codes = problemsOf(doc).map((p) => `${p.code} ${formatPlaybookPath(p.path)}`);
    expect(codes).toEqual([
      "unknown_reference usage.phases.operate.serviceStatus",
      "unknown_reference usage.contradictions.growingWhileUnknown.l1s[1]",
    ]);
    doc.usage = structuredClone(usage);
    doc.usage.phases.adoption.fromPercent = 20;
    doc.usage.contradictions.growingWhileUnknown.points = 13;
    expect(problemsOf(doc).map((p) => `${formatPlaybookPath(p.path)}: ${p.message}`)).toEqual([
      "usage.contradictions.growingWhileUnknown.points: must be at most 12 (the trend)",
      "usage.phases.adoption.fromPercent: must not be above the Operate threshold",
    ]);
  });

  it('allows "@l2" as a default only for the next action', () => {
    doc.scenarios[0].fields = structuredClone(doc.scenarios[0].fields);
    doc.scenarios[0].fields.note.default = "@l2";
    expect(problemsOf(doc).map((p) => p.code)).toEqual(["l2_default_misplaced"]);
  });

  it("refuses a row that gives an owner to an L1 without owners", () => {
    doc.l1s[0].owner = "none";
    const [problem] = problemsOf(doc);
    expect(problem?.code).toBe("contradicts_l1");
    expect(problem?.path).toEqual(["scenarios", 0, "fields", "owner", "rule"]);
  });

  it("requires a scenario row for every L1 in both stages", () => {
    doc.scenarios = doc.scenarios.filter((row: { id: string }) => row.id !== "blocked_delivery");
    expect(problemsOf(doc)).toEqual([
      {
        path: ["l1s", 1],
        code: "missing_scenario_row",
        message: 'L1 "Blocked" has no scenario row for the delivery stage',
      },
    ]);
  });
});

describe("a playbook's problems in the reader's language", () => {
  it("says each kind from the catalogue: German for a German reader, the CLI's English for an English one", () => {
    delete doc.l1s[1].l2s[0].definition;
    doc.l1s[0].id = "Status-Unknown";
    doc.l1s[0].l2s[0].l3s = [{ id: "incorrect_sku", name: "Incorrect SKU" }];
    doc.l1s[0].color = "grey";
    doc.l1s[1].l2s[0].l3 = "sometimes";
    doc.l1s[1].l2s[0].l3 = "sometimes";
    const problems = checkPlaybook(doc).problems;
    const said = (language: "de" | "en") =>
      problems.map((problem) => playbookProblemText.say(language, problem.said.key, problem.said.values));
    expect(said("en")).toEqual(problems.map((problem) => problem.message));
    expect(said("de")).toEqual([
      "muss in Kleinbuchstaben mit Unterstrichen geschrieben sein (a–z, 0–9, _)",
      "muss eine Farbe im Format #rrggbb sein",
      "Pflichtfeld fehlt",
      'muss einer der Werte "none", "optional" sein',
    ]);
    // The schema passed, then a cross-reference: said with the file's own names.
    const fresh = parse(smallPlaybook);
    fresh.l1s[0].l2s[0].l3s = [{ id: "incorrect_sku", name: "Incorrect SKU" }];
    const [crossReference] = checkPlaybook(fresh).problems;
    expect(playbookProblemText.say("de", crossReference!.said.key, crossReference!.said.values)).toBe(
      "Die L3 „Incorrect SKU“ steht unter der L2 „Customer Unresponsive“, die keine L3 nimmt",
    );
  });
});

describe(formatPlaybookPath.name, () => {
  it("writes indexes in brackets and keys with dots", () => {
    expect(formatPlaybookPath(["l1s", 3, "l2s", 6, "l3s", 0])).toBe("l1s[3].l2s[6].l3s[0]");
    expect(formatPlaybookPath([])).toBe("(document)");
  });
});
