import { describe, expect, it } from "vitest";
import { defaultIndex, defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { checkPlaybook } from "../playbook/check-playbook.ts";
import { defaultSuggester } from "../suggest/default-model.ts";
import { judgeNotes } from "./judge-notes.ts";
import { describeFinding } from "./quality-detail.ts";
import { type QualityEntitlementFacts, qualityFindings, qualityRulesOf } from "./quality-rules.ts";
import { defaultQualityRules } from "./quality-rules-schema.ts";

const playbook = defaultPlaybook();
const today = "2025-03-12";
const facts = (over: Partial<QualityEntitlementFacts>): QualityEntitlementFacts => ({
  availableSeats: 100,
  updatedOn: "2025-03-11",
  resplitNeeded: false,
  segments: [],
  contradictions: [],
  ...over,
});
const segment = (over: Partial<QualityEntitlementFacts["segments"][number]>) => ({
  position: 0,
  seats: 100,
  l1: "in_progress",
  l2: "deploying",
  targetDate: null,
  nextActionDate: null,
  owner: { kind: "none" as const },
  ...over,
});
const rulesOf = (found: { rule: string }[]) => found.map((f) => f.rule);

describe("qualityFindings", () => {
  it("finds a next action date before today, not today's", () => {
    const passed = qualityFindings(
      playbook,
      facts({ segments: [segment({ nextActionDate: "2025-03-11" })] }),
      today,
    );
    expect(passed).toEqual([{ rule: "next_action_passed", position: 0, date: "2025-03-11", data: {} }]);
    const due = qualityFindings(playbook, facts({ segments: [segment({ nextActionDate: today })] }), today);
    expect(due).toEqual([]);
  });

  it("finds a Blocked target date passed, and only for Blocked", () => {
    const blocked = segment({ l1: "blocked", targetDate: "2025-03-01" });
    expect(rulesOf(qualityFindings(playbook, facts({ segments: [blocked] }), today))).toEqual([
      "blocked_target_passed",
    ]);
    const other = segment({ l1: "in_progress", targetDate: "2025-03-01" });
    expect(qualityFindings(playbook, facts({ segments: [other] }), today)).toEqual([]);
  });

  it("finds Status Unknown unchanged for 30 days, from the 30th day", () => {
    const unknown = [segment({ l1: "status_unknown", l2: "customer_unresponsive" })];
    expect(
      rulesOf(qualityFindings(playbook, facts({ segments: unknown, updatedOn: "2025-02-10" }), today)),
    ).toEqual(["unknown_unchanged"]);
    expect(qualityFindings(playbook, facts({ segments: unknown, updatedOn: "2025-02-11" }), today)).toEqual(
      [],
    );
  });

  it("finds owners that resolve to nobody: text, and a team with nobody here", () => {
    const owners = [
      segment({ position: 0, owner: { kind: "text", text: "Bob?" } }),
      segment({ position: 1, owner: { kind: "team", people: 0 } }),
      segment({ position: 2, owner: { kind: "team", people: 2 } }),
      segment({ position: 3, owner: { kind: "person" } }),
    ];
    const found = qualityFindings(playbook, facts({ segments: owners }), today);
    expect(found.map((f) => [f.rule, f.position])).toEqual([
      ["owner_unresolved", 0],
      ["owner_unresolved", 1],
    ]);
  });

  it("finds a split to do again, and usage contradictions on the first segment they concern", () => {
    const split = [
      segment({ position: 0, seats: 40 }),
      segment({ position: 1, seats: 50, l1: "no_intent", l2: "using_competitive_solution" }),
    ];
    const found = qualityFindings(
      playbook,
      facts({ segments: split, resplitNeeded: true, contradictions: ["active_while_halted"] }),
      today,
    );
    expect(found).toEqual([
      { rule: "resplit_needed", position: 0, date: null, data: { availableSeats: 100, segmentSeats: 90 } },
      { rule: "usage_contradicts", position: 1, date: null, data: { kind: "active_while_halted" } },
    ]);
  });

  it("leaves out a rule the playbook switches off", () => {
    const off = {
      ...playbook,
      quality: { ...defaultQualityRules, nextActionPassed: { enabled: false, graceDays: 0 } },
    };
    expect(
      qualityFindings(off, facts({ segments: [segment({ nextActionDate: "2025-01-01" })] }), today),
    ).toEqual([]);
  });
});

describe("judgeNotes", () => {
  const suggester = defaultSuggester(defaultIndex());
  const rules = qualityRulesOf(playbook);

  it("grades Blocked and No Intent notes, and not others", () => {
    const found = judgeNotes(
      rules,
      [
        { position: 0, l1: "blocked", l2: "app_compatibility", note: "Blocked." },
        { position: 1, l1: "in_progress", l2: "deploying", note: "Blocked." },
      ],
      "exchange",
      suggester,
    );
    expect(found.filter((f) => f.rule === "note_grade")).toEqual([
      {
        rule: "note_grade",
        position: 0,
        date: null,
        data: { grade: "poor", hint: "status_only", advice: expect.any(String) },
      },
    ]);
  });

  it("flags an L2 Suggest reads otherwise at 0.9 or more, and says so in words", () => {
    const note =
      "Blocked: the legacy CRM add-in is not compatible with the new Outlook, so the customer cannot move mailboxes until the vendor ships a fix.";
    const found = judgeNotes(
      rules,
      [{ position: 0, l1: "blocked", l2: "customer_it_infrastructure_remediation", note }],
      "exchange",
      suggester,
    );
    const disagree = found.find((f) => f.rule === "suggest_disagrees")!;
    expect(disagree.data).toMatchObject({ l1: "blocked", l2: "app_compatibility" });
    expect(describeFinding(defaultIndex(), disagree, today)).toMatch(
      /^Suggest reads Blocked › App Compatibility/,
    );
    const agreed = judgeNotes(
      rules,
      [{ position: 0, l1: "blocked", l2: "app_compatibility", note }],
      "exchange",
      suggester,
    );
    expect(agreed).toEqual([]);
  });
});

describe("the playbook's quality section", () => {
  it("has defaults for a playbook without it", () => {
    const { quality: _quality, ...without } = playbook;
    const checked = checkPlaybook(without);
    expect(checked.problems).toEqual([]);
    expect(qualityRulesOf(checked.playbook!)).toEqual(defaultQualityRules);
    expect(defaultQualityRules.unknownUnchanged.days).toBe(30);
    expect(defaultQualityRules.suggestDisagrees.minConfidence).toBe(0.9);
  });

  it("refuses an L1 the playbook does not define, and a threshold out of range", () => {
    const bad = checkPlaybook({ ...playbook, quality: { noteGrade: { l1s: ["stalled"] } } });
    expect(bad.problems).toEqual([
      {
        path: ["quality", "noteGrade", "l1s", 0],
        code: "unknown_reference",
        message: 'Unknown L1 "stalled"',
        said: { key: "unknown_l1", values: { id: "stalled" } },
      },
    ]);
    const low = checkPlaybook({ ...playbook, quality: { suggestDisagrees: { minConfidence: 0.2 } } });
    expect(low.problems.map((p) => p.path.join("."))).toEqual(["quality.suggestDisagrees.minConfidence"]);
  });
});
