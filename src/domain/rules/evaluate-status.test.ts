import { describe, expect, it } from "vitest";
import {
  futureDate,
  pastDate,
  statusChange,
  storedSegment,
  testToday,
  validProposalFor,
} from "../../../test/factories/status-factory.ts";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { indexPlaybook } from "../playbook/playbook-index.ts";
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
        // Dates in messages are written as people read them, not as stored.
        message: expect.stringContaining("31 Dec 2024 is in the past"),
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

    it("refuses keyboard or placeholder text as a note too poor to save", () => {
      for (const note of ["asdf qwerty zxcv", "lorem ipsum dolor sit amet"]) {
        expect(codes(delivery({ note }))).toEqual(["note_too_poor"]);
      }
    });

    it("refuses a note longer than 2,000 characters", () => {
      // Words, not "xxxx": a keyboard run is refused as too poor before its length counts.
      const long = "Blocked: the proxy drops Teams media until the new firewall is in. ".repeat(40);
      expect(accepted(delivery({ note: long.slice(0, 2000) }))[0]!.note).toHaveLength(2000);
      expect(codes(delivery({ note: long.slice(0, 2001) }))).toEqual(["note_too_long"]);
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
      const decision = delivery({ l2: "customer_it_infrastructure_remediation", l3: "Desktop / Devices" });
      expect(accepted(decision)[0]!.l3).toBe("desktop_devices");
    });

    it("accepts an L3 that is specific to the service", () => {
      const decision = delivery(
        { l2: "customer_it_infrastructure_remediation", l3: "VDI" },
        { serviceId: "teams" },
      );
      expect(accepted(decision)[0]!.l3).toBe("vdi");
    });

    it("refuses a Teams-only L3 on Exchange", () => {
      const [found] = refused(
        delivery({ l2: "customer_it_infrastructure_remediation", l3: "exchange_online_dependency" }),
      );
      expect(found).toMatchObject({ field: "segments.0.l3", code: "l3_wrong_service" });
      expect(found!.message).toBe(
        '"Exchange Online dependency" is an L3 reason for Teams only, not for Exchange.',
      );
    });

    it("refuses an L3 that is not under the chosen L2", () => {
      const decision = delivery({ l2: "partner_engagement", l3: "VDI" }, { serviceId: "teams" });
      expect(codes(decision)).toEqual(["l3_unknown"]);
    });

    it("refuses an L3 without an L2", () => {
      expect(codes(delivery({ l2: null, l3: "VDI" }))).toEqual(["l2_required", "l3_without_l2"]);
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

  describe("No Intent", () => {
    const noIntent: ProposedSegment = {
      seats: 1000,
      l1: "No Intent",
      l2: "Using Competitive Solution",
      note: "No intent for Exchange: the customer standardised on a rival mail platform and sees no value in moving.",
    };

    it("records No Intent at assignment with the Account Team as owner and the notification as next action", () => {
      const [segment] = accepted(
        evaluateStatus(
          statusChange({ stage: "assignment", actorRole: "assignment_fm", proposed: [noIntent] }),
        ),
      );
      expect(segment).toMatchObject({
        scenarioId: "no_intent_assignment",
        l2: "using_competitive_solution",
        owner: "Account Team",
        nextAction: "Notify account team of No Intent",
        targetDate: null,
      });
    });

    it("uses the first Delivery row (withdrawn intent) when no scenario is named", () => {
      expect(accepted(evaluateStatus(statusChange({ proposed: [noIntent] })))[0]!.scenarioId).toBe(
        "no_intent_withdrawn",
      );
    });

    it("records a declined new workload when that scenario is named", () => {
      const proposed = [{ ...noIntent, scenarioId: "no_intent_declines_new" }];
      expect(accepted(evaluateStatus(statusChange({ proposed })))[0]!.scenarioId).toBe(
        "no_intent_declines_new",
      );
    });

    it("refuses No Intent without the detailed reason", () => {
      const [found] = refused(evaluateStatus(statusChange({ proposed: [{ ...noIntent, note: "TBD" }] })));
      expect(found).toEqual({
        field: "segments.0.note",
        code: "note_required",
        message: "No Intent in the Delivery stage needs the detailed reason for No Intent.",
      });
    });

    it("refuses a target date on No Intent", () => {
      const decision = evaluateStatus(statusChange({ proposed: [{ ...noIntent, targetDate: futureDate }] }));
      expect(codes(decision)).toEqual(["target_date_forbidden"]);
    });

    it("refuses a Blocked L2 on No Intent", () => {
      const decision = evaluateStatus(
        statusChange({ proposed: [{ ...noIntent, l2: "Partner Engagement" }] }),
      );
      expect(refused(decision)[0]!.message).toContain("It is an L2 of Blocked");
    });

    describe("new seats on a service already No Intent", () => {
      const existing = storedSegment({
        l1: "no_intent",
        scenarioId: "no_intent_withdrawn",
        seats: 800,
        l2: "executive_sponsorship",
        l3: "no_bdm_sponsor_identified",
        owner: "Account Team",
        note: "No intent: no business sponsor will own Yammer.",
        nextAction: "Notify account team of No Intent",
      });
      const grown = (segment: Partial<ProposedSegment>) =>
        evaluateStatus(
          statusChange({
            previous: [existing],
            proposed: [{ seats: 1000, l1: "no_intent", ...segment }],
          }),
        );

      it("keeps the existing L2 and L3 when the new seats bring none", () => {
        const [segment] = accepted(grown({}));
        expect(segment).toMatchObject({
          scenarioId: "no_intent_new_subscriptions",
          l2: "executive_sponsorship",
          l3: "no_bdm_sponsor_identified",
          owner: "Account Team",
          nextAction: null,
          note: "",
        });
      });

      it("refuses a different L2 in that scenario", () => {
        const decision = grown({
          scenarioId: "no_intent_new_subscriptions",
          l2: "Using Competitive Solution",
        });
        expect(codes(decision)).toEqual(["l2_changed"]);
      });

      it("accepts the existing L2 restated by name", () => {
        const decision = grown({ scenarioId: "no_intent_new_subscriptions", l2: "Executive Sponsorship" });
        expect(accepted(decision)[0]!.l3).toBe("no_bdm_sponsor_identified");
      });

      it("refuses a next action, which that row does not take", () => {
        expect(codes(grown({ nextAction: "Call the sponsor" }))).toEqual(["next_action_forbidden"]);
      });

      it("uses the general row when the proposal brings its own L2", () => {
        const decision = grown({
          l2: "Using Competitive Solution",
          note: "No intent: rival mail platform stays.",
        });
        expect(accepted(decision)[0]!.scenarioId).toBe("no_intent_withdrawn");
      });

      it("asks for an L2 when there is no No Intent segment to keep it from", () => {
        const decision = evaluateStatus(
          statusChange({
            proposed: [{ seats: 1000, l1: "no_intent", scenarioId: "no_intent_new_subscriptions" }],
          }),
        );
        expect(codes(decision)).toEqual(["l2_required"]);
      });
    });
  });

  describe("In Progress row of the No Intent table (refuses help, will use the service)", () => {
    const refusesHelp: ProposedSegment = {
      seats: 1000,
      l1: "in_progress",
      scenarioId: "no_intent_refuses_help",
      engagementScenario: "Customer-Led",
      targetDate: futureDate,
      nextActionDate: futureDate,
    };
    const atAssignment = (segment: Partial<ProposedSegment>) =>
      evaluateStatus(
        statusChange({
          stage: "assignment",
          actorRole: "assignment_fm",
          proposed: [{ ...refusesHelp, ...segment }],
        }),
      );

    it("sets the service status to Initiate and the next action to the delivery assignment", () => {
      const [segment] = accepted(atAssignment({}));
      expect(segment).toMatchObject({
        l1: "in_progress",
        serviceStatus: "initiate",
        engagementScenario: "customer_led",
        nextAction: "Delivery Assignment",
        owner: null,
      });
    });

    it("refuses any service status but Initiate", () => {
      const [found] = refused(atAssignment({ serviceStatus: "Assess" }));
      expect(found).toMatchObject({ field: "segments.0.serviceStatus", code: "service_status_not_allowed" });
    });

    it("accepts only customer- or partner-led engagement scenarios", () => {
      expect(accepted(atAssignment({ engagementScenario: "non_fasttrack_partner" }))).toHaveLength(1);
      const [found] = refused(atAssignment({ engagementScenario: "FastTrack-Delivered" }));
      expect(found!.code).toBe("engagement_scenario_not_allowed");
      expect(found!.message).toContain("Customer-Led");
      expect(found!.message).toContain('"FastTrack-Delivered" is not one of them');
    });

    it("requires a target date although the table prints N/A", () => {
      expect(codes(atAssignment({ targetDate: null }))).toEqual(["target_date_required"]);
    });

    it("refuses an owner, since In Progress has none", () => {
      expect(codes(atAssignment({ owner: "Jordan Lee" }))).toEqual(["owner_forbidden"]);
    });

    it("applies only in the Assignment stage", () => {
      const decision = evaluateStatus(statusChange({ proposed: [refusesHelp] }));
      expect(codes(decision)).toEqual(["scenario_stage_mismatch"]);
    });
  });

  describe("rows derived for L1s without a printed table", () => {
    const inProgress: ProposedSegment = {
      seats: 1000,
      l1: "In Progress",
      serviceStatus: "Assess",
      engagementScenario: "FastTrack-Delivered",
      targetDate: futureDate,
      note: "Onboarding under way: hybrid configured, pilot mailboxes move next.",
    };

    it("uses the In Progress table's own row, not the No Intent table's, when no scenario is named", () => {
      const decision = evaluateStatus(
        statusChange({ stage: "assignment", actorRole: "assignment_fm", proposed: [inProgress] }),
      );
      expect(accepted(decision)[0]).toMatchObject({
        scenarioId: "in_progress_assignment",
        serviceStatus: "assess",
      });
    });

    it("refuses In Progress without a target date", () => {
      const decision = evaluateStatus(statusChange({ proposed: [{ ...inProgress, targetDate: "" }] }));
      expect(refused(decision)[0]!.message).toBe("In Progress in the Delivery stage needs the target date.");
    });

    it("records Status Unknown with its L2 and no target date", () => {
      const proposed = {
        seats: 1000,
        l1: "Status Unknown",
        l2: "Customer Unresponsive",
        note: "No reply after 4 attempts.",
      };
      expect(accepted(evaluateStatus(statusChange({ proposed: [proposed] })))[0]!.l2).toBe(
        "customer_unresponsive",
      );
      const dated = evaluateStatus(statusChange({ proposed: [{ ...proposed, targetDate: futureDate }] }));
      expect(codes(dated)).toEqual(["target_date_forbidden"]);
    });

    it("records Duplicate/Invalid with a note and refuses an L2", () => {
      const proposed = {
        seats: 1000,
        l1: "Duplicate/Invalid",
        note: "Test tenant of the partner; double counted.",
      };
      expect(accepted(evaluateStatus(statusChange({ proposed: [proposed] })))[0]!.l2).toBeNull();
      const withL2 = evaluateStatus(
        statusChange({ proposed: [{ ...proposed, l2: "Customer Unresponsive" }] }),
      );
      expect(codes(withL2)).toEqual(["l2_forbidden"]);
    });
  });

  describe("L1 field availability as a safety net", () => {
    // A deployment playbook whose In Progress row is looser than its L1: owner and target date left optional.
    const loose = structuredClone(index.playbook);
    const row = loose.scenarios.find((candidate) => candidate.id === "in_progress_delivery")!;
    row.fields = {
      ...row.fields,
      owner: { ...row.fields.owner, rule: "optional" },
      targetDate: { ...row.fields.targetDate, rule: "optional" },
    };
    const looseIndex = indexPlaybook(loose);
    const inProgress: ProposedSegment = {
      seats: 1000,
      l1: "in_progress",
      serviceStatus: "enable",
      engagementScenario: "customer_led",
      note: "Deploying; pilot users live.",
    };

    it("refuses an owner the row allows but the L1 does not have", () => {
      const decision = evaluateStatus(
        statusChange({
          index: looseIndex,
          proposed: [{ ...inProgress, targetDate: futureDate, owner: "Jordan Lee" }],
        }),
      );
      expect(codes(decision)).toEqual(["owner_forbidden"]);
    });

    it("requires a target date the row leaves optional when the L1 requires one", () => {
      expect(codes(evaluateStatus(statusChange({ index: looseIndex, proposed: [inProgress] })))).toEqual([
        "target_date_required",
      ]);
    });
  });

  describe("scenario rows and L1s", () => {
    it("refuses an unknown L1", () => {
      const decision = delivery({ l1: "Paused" });
      expect(refused(decision)).toEqual([
        expect.objectContaining({
          field: "segments.0.l1",
          code: "l1_unknown",
          message: expect.stringContaining("Blocked"),
        }),
      ]);
    });

    it("refuses an unknown scenario", () => {
      expect(codes(delivery({ scenarioId: "blocked_forever" }))).toEqual(["scenario_unknown"]);
    });

    it("refuses a scenario of another L1", () => {
      expect(codes(delivery({ scenarioId: "no_intent_withdrawn" }))).toEqual(["scenario_l1_mismatch"]);
    });

    it("refuses a scenario of the other stage", () => {
      expect(codes(delivery({ scenarioId: "blocked_assignment" }))).toEqual(["scenario_stage_mismatch"]);
    });
  });

  describe("note quality where the playbook requires the why", () => {
    const noIntent: ProposedSegment = {
      seats: 1000,
      l1: "no_intent",
      scenarioId: "no_intent_withdrawn",
      l2: "using_competitive_solution",
    };

    it("refuses a Blocked note that only repeats the status, with the linter's first hint", () => {
      expect(refused(delivery({ note: "Blocked." }))).toEqual([
        {
          field: "segments.0.note",
          code: "note_too_poor",
          message:
            "Blocked in the Delivery stage needs the why: this explanation of the blocking issue is too poor to save. " +
            "The note only repeats the status: say what blocks deployment, the limitation, and what would clear it.",
        },
      ]);
    });

    it("refuses a poor Blocked note in the Assignment stage and a usage figure as a No Intent reason", () => {
      expect(codes(assignment({ note: "blocked" }))).toEqual(["note_too_poor"]);
      const decision = evaluateStatus(statusChange({ proposed: [{ ...noIntent, note: "Usage 0%." }] }));
      expect(refused(decision)).toEqual([
        expect.objectContaining({
          field: "segments.0.note",
          code: "note_too_poor",
          message: expect.stringContaining("A usage figure is not a status note"),
        }),
      ]);
    });

    it("accepts a marginal Blocked note: vague, but it names a cause", () => {
      const segments = accepted(delivery({ note: "Blocked by network issues." }));
      expect(segments[0]!.note).toBe("Blocked by network issues.");
    });

    it("accepts a good No Intent note", () => {
      const note = "No intent: the customer standardised on a rival chat tool and sees no value in Teams.";
      expect(accepted(evaluateStatus(statusChange({ proposed: [{ ...noIntent, note }] })))[0]!.note).toBe(
        note,
      );
    });

    it("accepts a poor note under In Progress, where the grade is only advice", () => {
      const segments = accepted(
        evaluateStatus(
          statusChange({
            proposed: [
              {
                seats: 1000,
                l1: "in_progress",
                serviceStatus: "enable",
                engagementScenario: "customer_led",
                targetDate: futureDate,
                note: "In Progress.",
              },
            ],
          }),
        ),
      );
      expect(segments[0]).toMatchObject({ l1: "in_progress", note: "In Progress." });
    });

    it("keeps an unchanged stored Blocked segment with a poor note while another segment is edited", () => {
      const stored = storedSegment({
        l1: "blocked",
        scenarioId: "blocked_delivery",
        seats: 600,
        l2: "partner_engagement",
        engagementScenario: "customer_led",
        targetDate: futureDate,
        owner: "Account Team",
        note: "Blocked.",
        nextAction: "Escalate to the partner manager",
        splitReason: "geography",
      });
      const other: ProposedSegment = {
        seats: 400,
        l1: "status_unknown",
        l2: "customer_unresponsive",
        note: "No reply from the Lisbon office after 3 calls; managed account.",
        splitReason: "geography",
      };
      expect(
        accepted(evaluateStatus(statusChange({ previous: [stored], proposed: [{ ...stored }, other] })))[0],
      ).toEqual(stored);
      const moved = { ...stored, seats: 500 };
      const decision = evaluateStatus(
        statusChange({ previous: [stored], proposed: [moved, { ...other, seats: 500 }] }),
      );
      expect(codes(decision)).toEqual(["note_too_poor"]);
    });
  });

  describe("segments that did not change", () => {
    const oldBlocked = storedSegment({
      l1: "blocked",
      scenarioId: "blocked_delivery",
      seats: 600,
      l2: "partner_engagement",
      engagementScenario: "customer_led",
      targetDate: "2025-01-31",
      owner: "Account Team",
      note: "Blocked: the partner's contract covers Teams only.",
      nextAction: "Escalate to the partner manager",
      splitReason: "geography",
    });
    const unknown: ProposedSegment = {
      seats: 400,
      l1: "status_unknown",
      l2: "customer_unresponsive",
      note: "No reply from the Lisbon office after 3 calls.",
      splitReason: "geography",
    };

    it("keeps an unchanged segment whose target date is now past while another segment is edited", () => {
      const segments = accepted(
        evaluateStatus(statusChange({ previous: [oldBlocked], proposed: [{ ...oldBlocked }, unknown] })),
      );
      expect(segments[0]).toEqual(oldBlocked);
      expect(segments[1]).toMatchObject({ l1: "status_unknown", seats: 400 });
    });

    it("treats a restated segment that leaves defaulted fields out as unchanged", () => {
      const { owner: _owner, nextAction: _nextAction, ...restated } = oldBlocked;
      const segments = accepted(
        evaluateStatus(statusChange({ previous: [oldBlocked], proposed: [restated, unknown] })),
      );
      expect(segments[0]).toEqual(oldBlocked);
    });

    it("still refuses the past target date once the segment changes", () => {
      const edited = {
        ...oldBlocked,
        note: "Blocked: the partner's contract covers Teams only; SOW in review.",
      };
      const decision = evaluateStatus(statusChange({ previous: [oldBlocked], proposed: [edited, unknown] }));
      expect(codes(decision)).toEqual(["target_date_past"]);
    });

    it("does not ask about roles for unchanged segments", () => {
      const previous = [
        oldBlocked,
        storedSegment({ ...unknown, scenarioId: "status_unknown_delivery", note: unknown.note! }),
      ];
      const decision = evaluateStatus(
        statusChange({
          actorRole: "account_team",
          previous,
          proposed: [{ ...oldBlocked }, { ...unknown, seats: 400 }],
        }),
      );
      expect(accepted(decision)).toHaveLength(2);
    });

    it("keeps a segment recorded in the Assignment stage after the service moved to Delivery", () => {
      const assigned = storedSegment({
        l1: "blocked",
        scenarioId: "blocked_assignment",
        l2: "adoption_readiness",
        engagementScenario: "customer_led",
        owner: "Delivery FM",
        note: "Blocked: no training plan.",
        nextActionDate: "2025-01-10",
        nextAction: "Kickoff Meeting",
      });
      expect(
        accepted(evaluateStatus(statusChange({ previous: [assigned], proposed: [{ ...assigned }] }))),
      ).toEqual([assigned]);
    });
  });

  describe("split seats", () => {
    it("stores split segments with their reasons", () => {
      const segments = accepted(
        delivery(
          {},
          {
            proposed: [
              { ...deliveryBlocked, seats: 700, splitReason: "operating_company" },
              {
                ...deliveryBlocked,
                seats: 300,
                l2: "billing_licensing_subscription",
                splitReason: "operating_company",
              },
            ],
          },
        ),
      );
      expect(segments.map((segment) => [segment.seats, segment.splitReason])).toEqual([
        [700, "operating_company"],
        [300, "operating_company"],
      ]);
    });

    it("drops a split reason on a single segment", () => {
      expect(accepted(delivery({ splitReason: "geography" }))[0]!.splitReason).toBeNull();
    });

    it("refuses segments that do not add up to the available seats", () => {
      const [found] = refused(delivery({ seats: 900 }));
      expect(found).toEqual({
        field: "segments",
        code: "seats_total_mismatch",
        message: "Segments total 900 seats but the service has 1,000 available: 100 unassigned.",
      });
    });

    it("refuses two segments that say the same thing once defaults are filled in", () => {
      const half = { ...deliveryBlocked, seats: 500, splitReason: "geography" as const };
      const decision = evaluateStatus(statusChange({ proposed: [half, { ...half, owner: "Account Team" }] }));
      expect(codes(decision)).toEqual(["segments_identical"]);
    });
  });
});
