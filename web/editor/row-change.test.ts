import { describe, expect, it } from "vitest";
import { storedSegment } from "../../test/factories/status-factory.ts";
import { defaultIndex } from "../../test/support/default-playbook.ts";
import { type EditorContext, fieldStatesFor, newSegment, rowFor, type SegmentDraft } from "./editor-state.ts";
import { applyL2, applyRow, setField, undoClear, undoKind } from "./row-change.ts";

const index = defaultIndex();
const remediation = "customer_it_infrastructure_remediation";
const remediationAction = "Agree a remediation plan with customer IT and an engineer";
const itChange = "it_change_management_resourcing";
const itChangeAction = "Review IT resourcing and process changes with IT leadership";

function context(stage: EditorContext["stage"], previous: EditorContext["previous"] = []): EditorContext {
  return { index, stage, previous, serviceId: "teams" };
}

function segment(fields: Partial<SegmentDraft>): SegmentDraft {
  return { ...newSegment(1000), ...fields };
}

/** The segment as the editor leaves it after the user picks an L1 (from nothing by default). */
function pickL1(at: EditorContext, l1: string, from: SegmentDraft = segment({})): SegmentDraft {
  const moved = { ...from, l1, scenarioId: "" };
  return applyRow(
    at,
    moved,
    rowFor(index, from, at.stage, at.previous),
    rowFor(index, moved, at.stage, at.previous),
  );
}

/** The user types into fields, one after another, as the form's setField does. */
function type(at: EditorContext, from: SegmentDraft, values: Partial<Record<keyof SegmentDraft, string>>) {
  let next = from;
  for (const [field, value] of Object.entries(values)) next = setField(at, next, field as never, value);
  return next;
}

describe(applyL2.name, () => {
  const delivery = context("delivery");
  const blocked = pickL1(delivery, "blocked");

  it("fills the next action the chosen L2 prescribes when none is given", () => {
    expect(blocked.nextAction).toBe("");
    const next = applyL2(delivery, blocked, remediation);
    expect(next).toMatchObject({ l2: remediation, nextAction: remediationAction });
  });

  it("replaces the old L2's next action with the new L2's, and says the old L2's L3 was cleared", () => {
    const first = { ...applyL2(delivery, blocked, remediation), l3: "network" };
    const next = applyL2(delivery, first, itChange);
    expect(next).toMatchObject({ l2: itChange, l3: "", nextAction: itChangeAction });
    expect(next.cleared?.l3).toMatchObject({ value: "network", reason: expect.stringMatching(/^not an L3/) });
    // Back to the first L2: its L3 returns.
    expect(applyL2(delivery, next, remediation)).toMatchObject({ l3: "network", cleared: {} });
  });

  it("keeps a next action the user wrote", () => {
    const written = { ...applyL2(delivery, blocked, remediation), nextAction: "Call Jane on Monday" };
    expect(applyL2(delivery, written, itChange).nextAction).toBe("Call Jane on Monday");
  });

  it("keeps the owner and the note", () => {
    const filled = { ...blocked, owner: "Sam", note: "VPN blocks media traffic." };
    expect(applyL2(delivery, filled, remediation)).toMatchObject({
      owner: "Sam",
      note: "VPN blocks media traffic.",
    });
  });
});

describe(applyRow.name, () => {
  it("picking an L1 takes its row for the stage and the row's defaults", () => {
    const assignment = pickL1(context("assignment"), "blocked");
    expect(assignment).toMatchObject({
      scenarioId: "blocked_assignment",
      owner: "Delivery FM",
      nextAction: "Kickoff Meeting",
      serviceStatus: "",
      targetDate: "",
      cleared: {},
    });
  });

  it("moving to the other stage's row swaps the old row's defaults for the new row's, keeping what the user typed", () => {
    const assignment = {
      ...pickL1(context("assignment"), "blocked"),
      l2: remediation,
      note: "VPN blocks media.",
    };
    const delivery = applyRow(
      context("delivery"),
      assignment,
      index.scenario("blocked_assignment"),
      index.scenario("blocked_delivery"),
    );
    expect(delivery).toMatchObject({
      scenarioId: "blocked_delivery",
      l2: remediation,
      note: "VPN blocks media.",
      owner: "Account Team",
      nextAction: remediationAction,
    });

    const ownOwner = { ...assignment, owner: "Sam" };
    const moved = applyRow(
      context("delivery"),
      ownOwner,
      index.scenario("blocked_assignment"),
      index.scenario("blocked_delivery"),
    );
    expect(moved.owner).toBe("Sam");
  });

  it("a field the other stage's row does not use is cleared with the reason, and comes back on the way back", () => {
    const delivery = type(context("delivery"), pickL1(context("delivery"), "blocked"), {
      targetDate: "2030-01-31",
    });
    const assignment = applyRow(
      context("assignment"),
      delivery,
      index.scenario("blocked_delivery"),
      index.scenario("blocked_assignment"),
    );
    expect(assignment.targetDate).toBe("");
    expect(assignment.cleared?.targetDate).toMatchObject({
      value: "2030-01-31",
      reason: "not used for Blocked in Assignment",
    });
    const back = applyRow(
      context("delivery"),
      assignment,
      index.scenario("blocked_assignment"),
      index.scenario("blocked_delivery"),
    );
    expect(back.targetDate).toBe("2030-01-31");
    expect(back.cleared?.targetDate).toBeUndefined();
  });
});

describe(`${applyRow.name} when the L1 changes`, () => {
  const assignment = context("assignment");

  it("keeps the note typed before the L1 was picked", () => {
    const typed = type(assignment, segment({}), { note: "Their proxy blocks Teams media." });
    const blocked = pickL1(assignment, "blocked", typed);
    expect(blocked).toMatchObject({
      scenarioId: "blocked_assignment",
      note: "Their proxy blocks Teams media.",
    });
    expect(blocked.cleared).toEqual({});
  });

  it("keeps every typed value the new row has, and clears the rest, saying why", () => {
    const at = context("delivery");
    const blocked = type(at, pickL1(at, "blocked"), {
      l2: remediation,
      note: "VPN blocks media.",
      nextActionDate: "2030-02-01",
      owner: "Sam",
      targetDate: "2030-03-01",
    });
    const noIntent = pickL1(at, "no_intent", blocked);
    expect(noIntent).toMatchObject({
      l1: "no_intent",
      note: "VPN blocks media.",
      nextActionDate: "2030-02-01",
      owner: "Sam",
      targetDate: "",
      l2: "",
      nextAction: "Notify account team of No Intent",
    });
    expect(noIntent.cleared?.targetDate).toMatchObject({ reason: "not used for No Intent", typed: true });
    expect(noIntent.cleared?.l2).toMatchObject({ value: remediation, reason: "not a choice for No Intent" });

    // Switching back brings the typed values back.
    const again = pickL1(at, "blocked", noIntent);
    expect(again).toMatchObject({ l2: remediation, targetDate: "2030-03-01", note: "VPN blocks media." });
    expect(again.cleared).toEqual({});
  });

  it("leaves a carried field empty so the previous status's value is carried on save", () => {
    const previous = [
      storedSegment({
        l1: "in_progress",
        scenarioId: "in_progress_delivery",
        engagementScenario: "customer_led",
      }),
    ];
    const at = context("delivery", previous);
    const before = segment({
      l1: "in_progress",
      scenarioId: "in_progress_delivery",
      engagementScenario: "customer_led",
    });
    const blocked = pickL1(at, "blocked", before);
    expect(blocked.scenarioId).toBe("blocked_delivery");
    expect(blocked.engagementScenario).toBe("");
    const states = fieldStatesFor(at, blocked)!.fields;
    expect(states.engagementScenario).toMatchObject({ state: "carried", carriedValue: "customer_led" });
  });
});

describe(`${applyRow.name} when the L1 changes from the saved status`, () => {
  const assignment = context("assignment");

  it("values of the saved status start again under a new L1, each cleared with Undo; the engagement scenario stays", () => {
    const saved = segment({
      l1: "in_progress",
      scenarioId: "in_progress_assignment",
      engagementScenario: "customer_led",
      targetDate: "2030-01-31",
      note: "Rolling out in waves.",
    });
    const blocked = pickL1(assignment, "blocked", saved);
    expect(blocked).toMatchObject({
      l1: "blocked",
      scenarioId: "blocked_assignment",
      engagementScenario: "customer_led",
      targetDate: "",
      note: "",
      owner: "Delivery FM",
    });
    expect(blocked.cleared?.note).toMatchObject({
      value: "Rolling out in waves.",
      reason: "from the saved In Progress status; Blocked starts afresh",
      typed: false,
    });
    expect(blocked.cleared?.targetDate?.reason).toBe("not used for Blocked");

    // Undo of the note puts it back in its field; the target date needs the old L1 back.
    expect(undoKind(assignment, blocked, "note")).toBe("field");
    const noteBack = undoClear(assignment, blocked, "note");
    expect(noteBack).toMatchObject({ note: "Rolling out in waves.", l1: "blocked" });
    expect(noteBack.cleared?.note).toBeUndefined();

    expect(undoKind(assignment, blocked, "targetDate")).toBe("row");
    const rowBack = undoClear(assignment, blocked, "targetDate");
    expect(rowBack).toMatchObject({
      l1: "in_progress",
      scenarioId: "in_progress_assignment",
      targetDate: "2030-01-31",
      note: "Rolling out in waves.",
    });
    expect(rowBack.cleared).toEqual({});
  });

  it("typing into a cleared field drops its notice", () => {
    const saved = segment({ l1: "in_progress", scenarioId: "in_progress_assignment", note: "Waves." });
    const blocked = pickL1(assignment, "blocked", saved);
    expect(blocked.cleared?.note).toBeDefined();
    const written = setField(assignment, blocked, "note", "Proxy blocks media.");
    expect(written.cleared?.note).toBeUndefined();
    expect(written.typed).toContain("note");
  });
});
