import { describe, expect, it } from "vitest";
import {
  futureDate,
  indexWithL3s,
  pastDate,
  statusChange,
  storedSegment,
  testToday,
  validProposalFor,
} from "../../../test/factories/status-factory.ts";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import type { ScenarioField } from "../playbook/playbook-schema.ts";
import type { ProposedSegment, StatusSegment } from "../status-segment.ts";
import type { Violation } from "../violation.ts";
import { evaluateStatus, type StatusChange, type StatusDecision } from "./evaluate-status.ts";
import { codeStem, effectiveRule } from "./scenario-fields.ts";

const index = defaultIndex();

function refused(decision: StatusDecision): Violation[] {
  if (decision.ok) throw new Error(`expected violations, got ${JSON.stringify(decision.segments)}`);
  return decision.violations;
}

function accepted(decision: StatusDecision): StatusSegment[] {
  if (!decision.ok) throw new Error(`expected success, got ${JSON.stringify(decision.violations, null, 2)}`);
  return decision.segments;
}

function codes(decision: StatusDecision): string[] {
  return refused(decision).map((found) => found.code);
}

/** A Delivery Blocked proposal that passes, for tests that change one thing. */
const deliveryBlocked: ProposedSegment = {
  seats: 1000,
  l1: "blocked",
  l2: "partner_engagement",
  engagementScenario: "customer_led",
  targetDate: futureDate,
  note: "Blocked: the partner's contract covers Teams only; unblocks when the new statement of work is signed.",
};

/** An Assignment Blocked proposal that passes. */
const assignmentBlocked: ProposedSegment = {
  seats: 1000,
  l1: "blocked",
  l2: "adoption_readiness",
  engagementScenario: "customer_led_with_ftp_assist",
  note: "Blocked: no end-user training plan exists, so the rollout waits.",
  nextActionDate: futureDate,
};

function delivery(segment: Partial<ProposedSegment>, overrides: Partial<StatusChange> = {}): StatusDecision {
  return evaluateStatus(statusChange({ proposed: [{ ...deliveryBlocked, ...segment }], ...overrides }));
}

function assignment(
  segment: Partial<ProposedSegment>,
  overrides: Partial<StatusChange> = {},
): StatusDecision {
  return evaluateStatus(
    statusChange({
      stage: "assignment",
      actorRole: "assignment_fm",
      proposed: [{ ...assignmentBlocked, ...segment }],
      ...overrides,
    }),
  );
}

describe(evaluateStatus.name, () => {
  describe("every scenario row of the default playbook", () => {
    for (const row of index.playbook.scenarios) {
      const fields = Object.keys(row.fields) as ScenarioField[];

      it(`accepts a complete ${row.id} status from ${row.updatedBy.join(", ")}`, () => {
        const { proposed, previous } = validProposalFor(index, row);
        const segments = accepted(
          evaluateStatus(
            statusChange({ stage: row.stage, actorRole: row.updatedBy[0]!, previous, proposed: [proposed] }),
          ),
        );
        expect(segments).toHaveLength(1);
        expect(segments[0]).toMatchObject({ l1: row.l1, scenarioId: row.id, seats: 1000 });
      });

      it(`refuses ${row.id} from a role outside "Who updates"`, () => {
        const { proposed, previous } = validProposalFor(index, row);
        const outsider = index.playbook.roles.find(
          (role) => role.id !== "admin" && !row.updatedBy.includes(role.id),
        );
        const decision = evaluateStatus(
          statusChange({ stage: row.stage, actorRole: outsider!.id, previous, proposed: [proposed] }),
        );
        expect(codes(decision)).toEqual(["role_not_allowed"]);
      });

      for (const field of fields.filter((f) => effectiveRule(index, row, f) === "forbidden")) {
        it(`refuses any ${field} on ${row.id}`, () => {
          const { proposed, previous } = validProposalFor(index, row);
          const value = field.endsWith("Date") ? futureDate : "Something";
          const decision = evaluateStatus(
            statusChange({
              stage: row.stage,
              actorRole: row.updatedBy[0]!,
              previous,
              proposed: [{ ...proposed, [field]: value }],
            }),
          );
          expect(refused(decision)).toContainEqual(
            expect.objectContaining({ field: `segments.0.${field}`, code: `${codeStem(field)}_forbidden` }),
          );
        });
      }

      const requiredWithoutDefault = fields.filter(
        (f) => effectiveRule(index, row, f) === "required" && row.fields[f].default === undefined,
      );
      for (const field of requiredWithoutDefault) {
        it(`refuses ${row.id} without its ${field}`, () => {
          const { proposed, previous } = validProposalFor(index, row);
          const decision = evaluateStatus(
            statusChange({
              stage: row.stage,
              actorRole: row.updatedBy[0]!,
              previous,
              proposed: [{ ...proposed, [field]: "" }],
            }),
          );
          expect(codes(decision)).toEqual([`${codeStem(field)}_required`]);
        });
      }

      for (const field of fields.filter((f) => row.fields[f].notPast)) {
        it(`refuses a past ${field} on ${row.id}`, () => {
          const { proposed, previous } = validProposalFor(index, row);
          const decision = evaluateStatus(
            statusChange({
              stage: row.stage,
              actorRole: row.updatedBy[0]!,
              previous,
              proposed: [{ ...proposed, [field]: pastDate }],
            }),
          );
          expect(codes(decision)).toEqual([`${codeStem(field)}_past`]);
        });
      }
    }
  });

  describe("Blocked in the Delivery stage", () => {
    it("accepts a target date of today", () => {
      expect(accepted(delivery({ targetDate: testToday }))[0]!.targetDate).toBe(testToday);
    });

    it("refuses a past target date in Delivery", () => {
      const [found] = refused(delivery({ targetDate: "2024-12-31" }));
      expect(found).toEqual({
        field: "segments.0.targetDate",
        code: "target_date_past",
        message: expect.stringContaining("2024-12-31 is in the past"),
      });
    });

    it("refuses Blocked without a target date in Delivery", () => {
      expect(refused(delivery({ targetDate: null }))).toEqual([
        {
          field: "segments.0.targetDate",
          code: "target_date_required",
          message: "Blocked in the Delivery stage needs the projected unblock date.",
        },
      ]);
    });

    it("counts TBD and N/A as no target date", () => {
      expect(codes(delivery({ targetDate: "TBD" }))).toEqual(["target_date_required"]);
      expect(codes(delivery({ targetDate: " n/a " }))).toEqual(["target_date_required"]);
    });

    it("refuses a date that is not on the calendar", () => {
      expect(codes(delivery({ targetDate: "2025-02-30" }))).toEqual(["target_date_invalid_date"]);
      expect(codes(delivery({ targetDate: "30/09/2025" }))).toEqual(["target_date_invalid_date"]);
    });

    it("fills the owner with the Account Team in Delivery", () => {
      expect(accepted(delivery({}))[0]!.owner).toBe("Account Team");
    });

    it("keeps an owner the Delivery FM names", () => {
      expect(accepted(delivery({ owner: "  Priya Raman (ATS) " }))[0]!.owner).toBe("Priya Raman (ATS)");
    });

    it("derives the next action from the L2 in Delivery", () => {
      const partner = accepted(delivery({ l2: "partner_engagement" }))[0]!;
      const billing = accepted(delivery({ l2: "billing_licensing_subscription" }))[0]!;
      expect(partner.nextAction).toBe("Escalate to the partner manager");
      expect(billing.nextAction).toBe("Ask the seller and licensing specialist to correct the subscription");
    });

    it("keeps a next action the Delivery FM writes", () => {
      expect(accepted(delivery({ nextAction: "Chase the SOW" }))[0]!.nextAction).toBe("Chase the SOW");
    });

    it("lets the next action date stay open", () => {
      expect(accepted(delivery({ nextActionDate: "TBD" }))[0]!.nextActionDate).toBeNull();
    });

    it("refuses a service status", () => {
      expect(codes(delivery({ serviceStatus: "Assess" }))).toEqual(["service_status_forbidden"]);
    });

    it("keeps the engagement scenario from the previous value in Delivery", () => {
      const previous = [
        storedSegment({
          l1: "status_unknown",
          scenarioId: "status_unknown_delivery",
          engagementScenario: "fasttrack_partner",
        }),
      ];
      const [segment] = accepted(delivery({ engagementScenario: undefined }, { previous }));
      expect(segment!.engagementScenario).toBe("fasttrack_partner");
    });

    it("prefers the previous segment with the same L1 as the source of the kept engagement scenario", () => {
      const previous = [
        storedSegment({
          l1: "in_progress",
          scenarioId: "in_progress_delivery",
          seats: 600,
          engagementScenario: "customer_led",
        }),
        storedSegment({
          l1: "blocked",
          scenarioId: "blocked_delivery",
          seats: 400,
          engagementScenario: "fasttrack_delivered",
        }),
      ];
      const [segment] = accepted(delivery({ engagementScenario: null }, { previous }));
      expect(segment!.engagementScenario).toBe("fasttrack_delivered");
    });

    it("refuses a changed engagement scenario in Delivery", () => {
      const previous = [
        storedSegment({ l1: "blocked", scenarioId: "blocked_delivery", engagementScenario: "customer_led" }),
      ];
      const [found] = refused(delivery({ engagementScenario: "FastTrack Partner-Led" }, { previous }));
      expect(found).toMatchObject({
        field: "segments.0.engagementScenario",
        code: "engagement_scenario_changed",
      });
      expect(found!.message).toContain('"Customer-Led"');
    });

    it("accepts the kept engagement scenario given by name", () => {
      const previous = [
        storedSegment({ l1: "blocked", scenarioId: "blocked_delivery", engagementScenario: "customer_led" }),
      ];
      expect(
        accepted(delivery({ engagementScenario: "Customer-Led" }, { previous }))[0]!.engagementScenario,
      ).toBe("customer_led");
    });

    it("requires an engagement scenario when there is no previous value to keep", () => {
      expect(codes(delivery({ engagementScenario: null }))).toEqual(["engagement_scenario_required"]);
    });

    it("refuses the Account Team recording Blocked", () => {
      expect(refused(delivery({}, { actorRole: "account_team" }))).toEqual([
        {
          field: "segments.0.scenarioId",
          code: "role_not_allowed",
          message: "In the Delivery stage, Blocked is recorded by the Delivery FM.",
        },
      ]);
    });

    it("refuses the Assignment FM recording Blocked in Delivery", () => {
      expect(codes(delivery({}, { actorRole: "assignment_fm" }))).toEqual(["role_not_allowed"]);
    });

    it("lets an admin record any row", () => {
      expect(accepted(delivery({}, { actorRole: "admin" }))[0]!.scenarioId).toBe("blocked_delivery");
    });

    it("refuses an empty note", () => {
      for (const note of ["", "   ", "N/A", null]) {
        expect(refused(delivery({ note }))).toEqual([
          {
            field: "segments.0.note",
            code: "note_required",
            message: "Blocked in the Delivery stage needs the explanation of the blocking issue.",
          },
        ]);
      }
    });

    it("refuses a note longer than 2,000 characters", () => {
      expect(accepted(delivery({ note: "x".repeat(2000) }))[0]!.note).toHaveLength(2000);
      expect(codes(delivery({ note: "x".repeat(2001) }))).toEqual(["note_too_long"]);
    });

    it("refuses a next action longer than 500 characters", () => {
      expect(accepted(delivery({ nextAction: "y".repeat(500) }))[0]!.nextAction).toHaveLength(500);
      expect(codes(delivery({ nextAction: "y".repeat(501) }))).toEqual(["next_action_too_long"]);
    });

    it("returns every violation at once", () => {
      const decision = delivery(
        { l2: "Security", targetDate: pastDate, note: "", serviceStatus: "enable" },
        { actorRole: "account_team", availableSeats: 1200 },
      );
      expect(codes(decision).sort()).toEqual(
        [
          "role_not_allowed",
          "l2_unknown",
          "service_status_forbidden",
          "target_date_past",
          "note_required",
          "seats_total_mismatch",
        ].sort(),
      );
    });
  });

  describe("Blocked in the Assignment stage", () => {
    it("fills the owner with the Delivery FM and the next action with the kickoff meeting", () => {
      const [segment] = accepted(assignment({}));
      expect(segment).toMatchObject({
        scenarioId: "blocked_assignment",
        owner: "Delivery FM",
        nextAction: "Kickoff Meeting",
        targetDate: null,
      });
    });

    it("refuses a target date in the Assignment stage", () => {
      expect(refused(assignment({ targetDate: futureDate }))).toEqual([
        {
          field: "segments.0.targetDate",
          code: "target_date_forbidden",
          message: "Blocked in the Assignment stage takes no target date: leave it empty.",
        },
      ]);
    });

    it("requires the date of the initiate discussion", () => {
      const [found] = refused(assignment({ nextActionDate: null }));
      expect(found).toMatchObject({ code: "next_action_date_required", field: "segments.0.nextActionDate" });
      expect(found!.message).toContain("date of the initiate discussion");
    });

    it("requires an engagement scenario to be chosen", () => {
      expect(codes(assignment({ engagementScenario: "" }))).toEqual(["engagement_scenario_required"]);
    });

    it("refuses an engagement scenario the playbook does not know", () => {
      expect(codes(assignment({ engagementScenario: "Partner-ish" }))).toEqual([
        "engagement_scenario_unknown",
      ]);
    });

    it("refuses the Delivery FM recording Blocked in Assignment", () => {
      const [found] = refused(assignment({}, { actorRole: "delivery_fm" }));
      expect(found!.message).toBe("In the Assignment stage, Blocked is recorded by the Assignment FM.");
    });
  });

  describe("L2 and L3 reasons", () => {
    it("accepts an L2 given by name or alias and stores its id", () => {
      expect(accepted(delivery({ l2: " Billing, Licensing, Subscription " }))[0]!.l2).toBe(
        "billing_licensing_subscription",
      );
      expect(accepted(delivery({ l2: "Product / Feature Capability" }))[0]!.l2).toBe(
        "product_feature_capability",
      );
    });

    it("refuses an L2 from another L1", () => {
      const [found] = refused(delivery({ l2: "Executive Sponsorship" }));
      expect(found).toMatchObject({ field: "segments.0.l2", code: "l2_unknown" });
      expect(found!.message).toContain("is not an L2 reason of Blocked");
      expect(found!.message).toContain("It is an L2 of No Intent");
    });

    it("requires an L2 for Blocked and does not also ask for the next action it would give", () => {
      expect(codes(delivery({ l2: null }))).toEqual(["l2_required"]);
    });

    it("accepts an L3 that applies to every service", () => {
      const decision = delivery(
        { l2: "customer_it_infrastructure_remediation", l3: "Desktop / Devices" },
        { index: indexWithL3s() },
      );
      expect(accepted(decision)[0]!.l3).toBe("desktop_devices");
    });

    it("accepts an L3 that is specific to the service", () => {
      const decision = delivery(
        { l2: "customer_it_infrastructure_remediation", l3: "VDI" },
        { index: indexWithL3s(), serviceId: "teams" },
      );
      expect(accepted(decision)[0]!.l3).toBe("vdi");
    });

    it("refuses a Teams-only L3 on Exchange", () => {
      const [found] = refused(
        delivery(
          { l2: "customer_it_infrastructure_remediation", l3: "exchange_online_dependency" },
          { index: indexWithL3s() },
        ),
      );
      expect(found).toMatchObject({ field: "segments.0.l3", code: "l3_wrong_service" });
      expect(found!.message).toBe(
        '"Exchange Online dependency" is an L3 reason for Teams only, not for Exchange.',
      );
    });

    it("refuses an L3 that is not under the chosen L2", () => {
      const decision = delivery(
        { l2: "partner_engagement", l3: "VDI" },
        { index: indexWithL3s(), serviceId: "teams" },
      );
      expect(codes(decision)).toEqual(["l3_unknown"]);
    });

    it("refuses an L3 without an L2", () => {
      expect(codes(delivery({ l2: null, l3: "VDI" }, { index: indexWithL3s() }))).toEqual([
        "l2_required",
        "l3_without_l2",
      ]);
    });

    it("refuses an L3 under an L2 that takes none", () => {
      const decision = evaluateStatus(
        statusChange({
          proposed: [
            {
              seats: 1000,
              l1: "In Progress",
              l2: "Migration",
              l3: "Other",
              serviceStatus: "Migrate",
              engagementScenario: "FastTrack-Delivered",
              targetDate: futureDate,
              note: "Mailboxes move in three waves.",
            },
          ],
        }),
      );
      expect(codes(decision)).toEqual(["l3_forbidden"]);
    });
  });
});
