import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { createSuggester } from "./create-suggester.ts";
import { defaultSuggestModel } from "./default-model.ts";

const index = defaultIndex();
const suggester = createSuggester(defaultSuggestModel, index);

describe(createSuggester.name, () => {
  describe("negations", () => {
    it("reads 'not a licensing problem' as ruling licensing out, and follows the real cause", () => {
      const suggestion = suggester.suggest("Not a licensing problem: the firewall drops the traffic.");
      expect(suggestion.l1).toBe("blocked");
      expect(suggestion.l2).toBe("customer_it_infrastructure_remediation");
      expect(suggestion.alternatives.map((alternative) => alternative.l2)).not.toContain(
        "billing_licensing_subscription",
      );
      expect(suggestion.evidence).toContain("firewall");
    });

    it("follows the cause the other way round too", () => {
      const suggestion = suggester.suggest(
        "Not a network issue: the customer bought E1 and needs E3 licences first.",
      );
      expect(suggestion.l2).toBe("billing_licensing_subscription");
    });

    it("tells 'no intent' apart from an intent that is blocked", () => {
      expect(
        suggester.suggest("No intent for Teams: the whole company is on Slack and happy with it.").l1,
      ).toBe("no_intent");
      expect(suggester.suggest("The customer wants Teams but the proxy breaks every call; blocked.").l1).toBe(
        "blocked",
      );
    });
  });

  describe("the L1 said in a phrase", () => {
    it("reads the status a note states without naming its L1", () => {
      const l1Of = (note: string) => suggester.suggest(note).l1;
      expect(l1Of("Three emails and two calls since March, nobody has answered.")).toBe("status_unknown");
      expect(l1Of("This tenant is counted twice; the E5 row carries the status.")).toBe("duplicate_invalid");
      expect(l1Of("Pilot running with 80 users, wider rollout next month.")).toBe("in_progress");
      expect(l1Of("Not blocked any more: the proxy fix went in, pilot resumed.")).toBe("in_progress");
    });

    it("tells a silent partner after confirmed intent from a silent customer", () => {
      const suggestion = suggester.suggest(
        "Partner silent for six weeks although the customer confirmed intent in May.",
      );
      expect(suggestion).toMatchObject({ l1: "blocked", l2: "partner_engagement" });
      expect(suggestion.evidence).toContain("confirmed intent");
    });
  });

  describe("abstaining", () => {
    it("proposes nothing for an empty note or words it has never seen", () => {
      for (const note of ["", "   ", "lorem ipsum dolor", "lorem ipsum dolor sit amet", "asdf qwerty zxcv"]) {
        expect(suggester.suggest(note)).toEqual({
          l1: null,
          l2: null,
          l3: null,
          confidence: 0,
          evidence: [],
          alternatives: [],
        });
      }
    });

    it("proposes nothing for words it has never seen even when the workload is known", () => {
      for (const workload of ["Teams", "EXO", "sharepoint"]) {
        expect(suggester.suggest("zzzz qqq", workload)).toMatchObject({ l1: null, l2: null, confidence: 0 });
      }
      // The workload still counts once the note itself says something.
      expect(suggester.suggest("Blocked: the firewall drops the traffic", "Teams").l1).toBe("blocked");
    });

    it("proposes the L1 of a bare status but no L2, since the note gives no reason", () => {
      const suggestion = suggester.suggest("Blocked.");
      expect(suggestion.l1).toBe("blocked");
      expect(suggestion.l2).toBeNull();
      expect(suggestion.l3).toBeNull();
      expect(suggestion.alternatives.length).toBeGreaterThan(0);
    });
  });

  describe("L3", () => {
    it("never proposes an L3 that does not apply to the given service", () => {
      const notes = [
        "Teams media offload is not supported on the Citrix VDI farm, so calls are unusable.",
        "Blocked: the VDI image has no shared computer activation for the apps.",
        "No intent: Slack is the company standard for chat and meetings.",
        "Legacy Excel macros break in the new version; the finance team must rewrite them.",
      ];
      const services = ["exchange", "teams", "office_proplus", "sharepoint", "yammer", "windows_10"];
      for (const note of notes) {
        for (const service of services) {
          const { l1, l2, l3 } = suggester.suggest(note, service);
          if (l3 !== null) expect(index.l3(l1!, l2!, l3, service), `${l3} for ${service}`).toBeDefined();
        }
      }
    });

    it("proposes a service-specific L3 without a workload only when the note names a matching service", () => {
      const note =
        "Blocked: the Citrix VDI desktops cannot offload Teams media; the VDI farm upgrade is planned.";
      const withService = suggester.suggest(note, "teams");
      const withoutService = suggester.suggest(note.replace("Teams ", ""), null);
      expect(withService.l3).toBe("vdi");
      expect(withoutService.l3).not.toBe("vdi");
    });

    it("proposes an L3 only under the L2 it proposes", () => {
      const suggestion = suggester.suggest(
        "Blocked: the firewall blocks the UDP ports Teams needs.",
        "teams",
      );
      if (suggestion.l3 !== null) {
        expect(index.l3(suggestion.l1!, suggestion.l2!, suggestion.l3)).toBeDefined();
      }
    });
  });

  it("gives a confidence in [0, 1] and alternatives from most to least likely", () => {
    const suggestion = suggester.suggest(
      "Partner has not answered for six weeks; customer still wants the migration.",
    );
    expect(suggestion.confidence).toBeGreaterThanOrEqual(0);
    expect(suggestion.confidence).toBeLessThanOrEqual(1);
    const confidences = suggestion.alternatives.map((alternative) => alternative.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it("ranks every L2 class with probabilities that sum to one", () => {
    const ranked = suggester.rank("Mailboxes are moving to Exchange Online in weekly batches.");
    expect(ranked).toHaveLength(defaultSuggestModel.l2.labels.length);
    expect(ranked.reduce((sum, label) => sum + label.probability, 0)).toBeCloseTo(1);
    expect(ranked[0]).toMatchObject({ l1: "in_progress", l2: "migration" });
  });

  it("works without a playbook index, from the facts stored in the model", () => {
    const standalone = createSuggester(defaultSuggestModel);
    const note = "Blocked: Teams media offload fails on the Citrix VDI desktops.";
    expect(standalone.suggest(note, "teams")).toEqual(suggester.suggest(note, "teams"));
    expect(standalone.suggest(note, "Microsoft Teams").l2).toBe(suggester.suggest(note, "teams").l2);
  });
});
