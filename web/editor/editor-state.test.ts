import { describe, expect, it } from "vitest";
import { evaluateStatus } from "../../src/domain/rules/evaluate-status.ts";
import { storedSegment } from "../../test/factories/status-factory.ts";
import { defaultIndex } from "../../test/support/default-playbook.ts";
import {
  draftFromSegments,
  newSegment,
  type SegmentDraft,
  toProposed,
  toRequestSegments,
} from "./editor-state.ts";

const index = defaultIndex();
const remediation = "customer_it_infrastructure_remediation";
const remediationAction = "Agree a remediation plan with customer IT and an engineer";

function segment(fields: Partial<SegmentDraft>): SegmentDraft {
  return { ...newSegment(1000), ...fields };
}

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
