import { describe, expect, it } from "vitest";
import { lintNote } from "./lint-note.ts";

const codes = (note: string, l1: string | null, l2: string | null = null) =>
  lintNote(note, { l1, l2 }).hints.map((hint) => hint.code);
const grade = (note: string, l1: string | null, l2: string | null = null) => lintNote(note, { l1, l2 }).grade;

describe(lintNote.name, () => {
  describe("great notes from the playbook's guidance", () => {
    it("accepts a Blocked note naming the blocker and what clears it", () => {
      const result = lintNote(
        "Blocked: the mover tool cannot read the old SharePoint 2010 farm; budget for the farm upgrade lands next quarter.",
        { l1: "blocked", l2: "customer_it_infrastructure_remediation" },
      );
      expect(result).toEqual({ grade: "great", hints: [] });
    });

    it("accepts a No Intent note with the reason and its specifics", () => {
      expect(
        lintNote(
          "No intent for Yammer: they picked another social platform company-wide and see no value in running two.",
          {
            l1: "no_intent",
            l2: "using_competitive_solution",
          },
        ),
      ).toEqual({ grade: "great", hints: [] });
    });

    it("accepts an unresponsive note with attempts, channels and account type", () => {
      expect(
        lintNote(
          "No answer after 5 attempts (three emails, two calls to the IT manager); unmanaged account.",
          {
            l1: "status_unknown",
            l2: "customer_unresponsive",
          },
        ),
      ).toEqual({ grade: "great", hints: [] });
    });

    it("accepts an In Progress note with the phase and the next step", () => {
      expect(
        lintNote(
          "Onboarding under way: directory sync done, the first pilot group of mailboxes moves next.",
          {
            l1: "in_progress",
            l2: "technical_onboarding_and_deployment",
          },
        ),
      ).toEqual({ grade: "great", hints: [] });
    });
  });

  describe("marginal notes", () => {
    it("calls a Blocked note with only a vague cause too vague", () => {
      expect(grade("Blocked because of network issues.", "blocked")).toBe("marginal");
      expect(codes("Blocked because of network issues.", "blocked")).toContain("too_vague");
    });

    it("flags a No Intent that depends on an event as temporary", () => {
      const result = lintNote("No intent until the restructuring is over.", { l1: "no_intent", l2: null });
      expect(result.grade).toBe("marginal");
      expect(result.hints.map((hint) => hint.code)).toContain("no_intent_temporary");
    });

    it("asks an unresponsive note for the attempt count and the account type", () => {
      const result = lintNote("Customer has ignored a number of emails.", {
        l1: "status_unknown",
        l2: "customer_unresponsive",
      });
      expect(result.grade).toBe("marginal");
      expect(result.hints.map((hint) => hint.code)).toEqual(["attempts_missing", "account_type_missing"]);
    });

    it("flags the hedge in 'for now' and names it in the message", () => {
      const result = lintNote(
        "Unable to deploy for now because the legal department is reviewing the contract terms.",
        {
          l1: "blocked",
          l2: "legal_regulatory",
        },
      );
      expect(result.grade).toBe("marginal");
      const hedge = result.hints.find((hint) => hint.code === "hedge_word");
      expect(hedge?.message).toContain("for now");
    });

    it("flags a long note that buries the blocker in meeting history", () => {
      const note =
        "Had a call with the customer on Monday and another with the partner on Wednesday. The CIO joined the second one. " +
        "We went through the project plan and the timeline again. Their network team explained the proxy setup in detail. " +
        "In the end the proxy breaks Teams media, so the rollout is blocked until it is replaced.";
      const result = lintNote(note, { l1: "blocked", l2: "customer_it_infrastructure_remediation" });
      expect(result.grade).toBe("marginal");
      expect(result.hints.map((hint) => hint.code)).toContain("too_long");
    });

    it("sends meeting scheduling to another note type", () => {
      const result = lintNote(
        "Blocked: the proxy strips the headers Teams sign-in needs. Call with their network lead scheduled for Tuesday.",
        { l1: "blocked", l2: "customer_it_infrastructure_remediation" },
      );
      expect(result.grade).toBe("marginal");
      expect(result.hints.map((hint) => hint.code)).toContain("logistics_mixed");
    });

    it("refuses to treat declined FastTrack help as No Intent", () => {
      const result = lintNote(
        "No intent: customer declined FastTrack assistance and will roll out Teams with their own partner.",
        {
          l1: "no_intent",
          l2: "executive_sponsorship",
        },
      );
      expect(result.hints.map((hint) => hint.code)).toContain("help_declined_is_not_no_intent");
    });

    it("asks a Duplicate/Invalid note why the seats are not real", () => {
      expect(
        codes("Please remove these seats from reporting, confirmed with the seller.", "duplicate_invalid"),
      ).toEqual(["invalid_reason_missing"]);
    });

    it("asks an In Progress note for the phase", () => {
      expect(
        codes("Customer is happy with the engagement and the account team is informed.", "in_progress"),
      ).toContain("phase_missing");
    });
  });

  describe("poor notes", () => {
    it.each([
      ["", "blocked", "note_empty"],
      ["   ", null, "note_empty"],
      ["In Progress.", "in_progress", "status_only"],
      ["No intent.", "no_intent", "status_only"],
      ["Customer unresponsive.", "status_unknown", "status_only"],
      ["Blocked on Teams", "blocked", "status_only"],
      ["Usage 0.0%", "in_progress", "usage_only"],
      ["12% active users", null, "usage_only"],
      ["asdf qwerty", null, "no_meaning"],
      ["asdf qwerty zxcv", "blocked", "no_meaning"],
      ["lorem ipsum dolor sit amet", "no_intent", "no_meaning"],
      ["jfjfjf kkkk 123", "blocked", "no_meaning"],
    ])("grades %j as poor with %s", (note, l1, code) => {
      const result = lintNote(note, { l1 });
      expect(result.grade).toBe("poor");
      expect(result.hints.map((hint) => hint.code)).toEqual([code]);
    });

    it("treats a note that repeats its own L1 and L2 as bare", () => {
      expect(codes("Blocked - licensing/billing", "blocked", "billing_licensing_subscription")).toEqual([
        "status_only",
      ]);
      // The same words add information when the L2 is not chosen yet.
      expect(grade("Blocked - licensing/billing", "blocked")).toBe("marginal");
    });

    it("reads capital acronyms without vowels as words, not keyboard noise", () => {
      expect(
        codes("Blocked: the CSP reseller holds the SKU; DLP rules stop the PSTN port.", "blocked"),
      ).not.toContain("no_meaning");
      expect(codes("csp dlp", "blocked")).toEqual(["no_meaning"]);
    });

    it("grades pure scheduling as poor", () => {
      expect(codes("Kickoff call booked for 14 May, invite sent to the IT lead.", "in_progress")).toEqual([
        "logistics_only",
      ]);
    });
  });

  describe("playbook rules beyond the grade", () => {
    it("forbids the #covid tag on a COVID pause", () => {
      expect(
        codes(
          "Blocked: project paused by the pandemic, IT staff redeployed to remote-work support. #covid",
          "blocked",
        ),
      ).toContain("covid_tag_on_pause");
    });

    it("asks for #covid on a COVID-driven acceleration", () => {
      expect(
        codes(
          "Teams rollout pulled forward to all 3,000 users because of COVID remote work; pilot done.",
          "in_progress",
        ),
      ).toContain("covid_tag_missing");
    });

    it("does not treat 'yet' as a hedge when the status is itself unknown", () => {
      expect(
        codes(
          "Intent not confirmed yet for the 400 new E5 seats bought last week.",
          "status_unknown",
          "new_subscription_or_workload",
        ),
      ).toEqual([]);
    });

    it("advises an unblock condition without lowering a great Blocked note", () => {
      const result = lintNote(
        "Blocked: the national banking regulator forbids storing customer records outside the country.",
        {
          l1: "blocked",
          l2: "legal_regulatory",
        },
      );
      expect(result.grade).toBe("great");
      expect(result.hints.map((hint) => hint.code)).toEqual(["unblock_condition_missing"]);
    });
  });
});
