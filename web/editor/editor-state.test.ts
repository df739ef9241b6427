import { describe, expect, it } from "vitest";
import { evaluateStatus } from "../../src/domain/rules/evaluate-status.ts";
import { storedSegment } from "../../test/factories/status-factory.ts";
import { defaultIndex } from "../../test/support/default-playbook.ts";
import {
  applyL2,
  applyRow,
  draftFromSegments,
  type EditorContext,
  fieldStatesFor,
  newSegment,
  rowFor,
  type SegmentDraft,
  toProposed,
  toRequestSegments,
} from "./editor-state.ts";

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

/** The segment as the editor leaves it after the user picks an L1 from nothing. */
function pickL1(at: EditorContext, l1: string, from: SegmentDraft = segment({})): SegmentDraft {
  const moved = { ...from, l1, scenarioId: "" };
  return applyRow(
    at,
    moved,
    rowFor(index, from, at.stage, at.previous),
    rowFor(index, moved, at.stage, at.previous),
  );
}

describe(applyL2.name, () => {
  const delivery = context("delivery");
  const blocked = pickL1(delivery, "blocked");

  it("fills the next action the chosen L2 prescribes when none is given", () => {
    expect(blocked.nextAction).toBe("");
    const next = applyL2(delivery, blocked, remediation);
    expect(next).toMatchObject({ l2: remediation, nextAction: remediationAction });
  });

  it("replaces the old L2's next action with the new L2's, and drops the old L2's L3", () => {
    const first = { ...applyL2(delivery, blocked, remediation), l3: "network" };
    const next = applyL2(delivery, first, itChange);
    expect(next).toMatchObject({ l2: itChange, l3: "", nextAction: itChangeAction });
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
});

describe(`${applyRow.name} when the L1 changes`, () => {
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

  it("a new L1 starts the status again but keeps the engagement scenario", () => {
    const at = context("assignment");
    const inProgress = segment({
      l1: "in_progress",
      scenarioId: "in_progress_assignment",
      engagementScenario: "customer_led",
      targetDate: "2030-01-31",
      note: "Rolling out in waves.",
    });
    const blocked = pickL1(at, "blocked", inProgress);
    expect(blocked).toMatchObject({
      l1: "blocked",
      scenarioId: "blocked_assignment",
      engagementScenario: "customer_led",
      targetDate: "",
      note: "",
      owner: "Delivery FM",
    });
  });
});

describe(toProposed.name, () => {
  it("turns a single segment's text into the API's values: numbers, nulls for empty, no split reason", () => {
    const draft = {
      stage: "delivery" as const,
      segments: [
        segment({
          seats: "250",
          l1: "blocked",
          scenarioId: "blocked_delivery",
          l2: remediation,
          owner: "  Account Team  ",
          note: "VPN blocks media.",
          splitReason: "geography",
        }),
      ],
    };
    expect(toProposed(draft)).toEqual([
      {
        seats: 250,
        l1: "blocked",
        scenarioId: "blocked_delivery",
        splitReason: null,
        l2: remediation,
        l3: null,
        serviceStatus: null,
        engagementScenario: null,
        targetDate: null,
        owner: "Account Team",
        note: "VPN blocks media.",
        nextActionDate: null,
        nextAction: null,
      },
    ]);
  });

  it("keeps each split segment's reason, and an empty seat count is not a number the rules accept", () => {
    const draft = {
      stage: "assignment" as const,
      segments: [
        segment({ seats: "600", l1: "blocked", splitReason: "geography" }),
        segment({ seats: "", l1: "no_intent", splitReason: "" }),
      ],
    };
    const [first, second] = toProposed(draft);
    expect(first).toMatchObject({ seats: 600, scenarioId: null, splitReason: "geography" });
    expect(second).toMatchObject({ seats: Number.NaN, splitReason: null });
    expect(toRequestSegments(draft)[1]!.seats).toBe(0);
  });

  it("a stored status opened in the editor and left alone is proposed as it was, and the rules accept it", () => {
    const stored = storedSegment({
      seats: 1000,
      l1: "blocked",
      scenarioId: "blocked_delivery",
      l2: remediation,
      engagementScenario: "customer_led",
      targetDate: "2099-06-30",
      owner: "Account Team",
      note: "The VPN sends Teams media through the datacentre; customer IT plans split tunnelling.",
      nextAction: remediationAction,
    });
    const draft = draftFromSegments("delivery", 1000, [stored]);
    const proposed = toProposed(draft);
    expect(proposed).toEqual([stored]);
    const decision = evaluateStatus({
      index,
      serviceId: "teams",
      stage: "delivery",
      actorRole: "delivery_fm",
      availableSeats: 1000,
      previous: [stored],
      proposed,
      today: "2026-01-01",
    });
    expect(decision.ok).toBe(true);
  });
});
