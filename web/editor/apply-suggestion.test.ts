import { describe, expect, it } from "vitest";
import { storedSegment } from "../../test/factories/status-factory.ts";
import { defaultIndex } from "../../test/support/default-playbook.ts";
import { applySuggestion } from "./apply-suggestion.ts";
import { type EditorContext, newSegment, type SegmentDraft } from "./editor-state.ts";

const index = defaultIndex();
const teams: EditorContext = { index, stage: "delivery", previous: [], serviceId: "teams" };
const note = "Blocked: Teams has no dial-out to phone numbers, which the call centre needs.";

function draft(fields: Partial<SegmentDraft>): SegmentDraft {
  return { ...newSegment(1000), ...fields };
}

describe(applySuggestion.name, () => {
  it("fills L1, L2 and L3 the row offers, with the row's defaults, and keeps the note", () => {
    const applied = applySuggestion(teams, draft({ note }), {
      l1: "blocked",
      l2: "product_feature_capability",
      l3: "phone_dialing_dial_out_pstn",
    });
    expect(applied.filled).toEqual(["l1", "l2", "l3"]);
    expect(applied.notOffered).toEqual([]);
    expect(applied.segment).toMatchObject({
      l1: "blocked",
      scenarioId: "blocked_delivery",
      l2: "product_feature_capability",
      l3: "phone_dialing_dial_out_pstn",
      owner: "Account Team",
      note,
    });
    expect(applied.segment.nextAction).not.toBe("");
  });

  it("leaves every field alone when the model abstains", () => {
    const segment = draft({ l1: "blocked", l2: "app_compatibility", note: "hmm" });
    const applied = applySuggestion(teams, segment, { l1: null, l2: null, l3: null });
    expect(applied).toEqual({ segment, filled: [], notOffered: [] });
  });

  it("keeps the user's L2 when only the L1 is proposed", () => {
    const segment = applySuggestion(teams, draft({ note }), {
      l1: "blocked",
      l2: "app_compatibility",
      l3: null,
    }).segment;
    const applied = applySuggestion(teams, segment, { l1: "blocked", l2: null, l3: null });
    expect(applied.filled).toEqual(["l1"]);
    expect(applied.segment).toEqual(segment);
  });

  it("does not set an L3 the service does not offer", () => {
    const exchange = { ...teams, serviceId: "exchange" };
    const applied = applySuggestion(exchange, draft({ note }), {
      l1: "blocked",
      l2: "product_feature_capability",
      l3: "phone_dialing_dial_out_pstn",
    });
    expect(applied.filled).toEqual(["l1", "l2"]);
    expect(applied.notOffered).toEqual(["l3"]);
    expect(applied.segment.l3).toBe("");
  });

  it("does not change an L2 the scenario row carries from the previous status", () => {
    const previous = [
      storedSegment({
        l1: "no_intent",
        scenarioId: "no_intent_withdrawn",
        l2: "executive_sponsorship",
        note: "No intent: no sponsor will own it.",
      }),
    ];
    const context = { ...teams, previous };
    const segment = draft({ l1: "no_intent", scenarioId: "no_intent_new_subscriptions", note: "x" });
    const applied = applySuggestion(context, segment, {
      l1: "no_intent",
      l2: "using_competitive_solution",
      l3: null,
    });
    expect(applied.filled).toEqual(["l1"]);
    expect(applied.notOffered).toEqual(["l2"]);
    expect(applied.segment.l2).toBe("");
  });
});
