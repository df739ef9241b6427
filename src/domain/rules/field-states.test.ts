import { describe, expect, it } from "vitest";
import { storedSegment } from "../../../test/factories/status-factory.ts";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { describeFields, l3Options } from "./field-states.ts";

const index = defaultIndex();
const row = (id: string) => index.scenario(id)!;

describe(describeFields.name, () => {
  describe("Blocked in the Delivery stage", () => {
    const previous = [
      storedSegment({ l1: "blocked", scenarioId: "blocked_assignment", engagementScenario: "customer_led" }),
    ];
    const fields = describeFields(index, row("blocked_delivery"), previous, "exchange");

    it("shows the engagement scenario read-only with the previous value", () => {
      expect(fields.engagementScenario).toMatchObject({ state: "carried", carriedValue: "customer_led" });
      expect(fields.engagementScenario.options).toContainEqual({ id: "customer_led", name: "Customer-Led" });
    });

    it("asks for the target date, in the playbook's words the projected unblock date", () => {
      // The label stays the same in every row; the playbook's term for this row is help text.
      expect(fields.targetDate).toMatchObject({
        state: "required",
        label: "Target date",
        playbookTerm: "Projected unblock date",
      });
    });

    it("proposes the Account Team as owner", () => {
      expect(fields.owner).toMatchObject({ state: "required", default: "Account Team" });
    });

    it("disables the service status", () => {
      expect(fields.serviceStatus).toMatchObject({ state: "disabled", options: null });
    });

    it("offers the Blocked L2s", () => {
      const names = fields.l2.options!.map((option) => option.name);
      expect(names).toContain("Partner Engagement");
      expect(names).not.toContain("Executive Sponsorship");
      expect(names).toHaveLength(index.l1("blocked")!.l2s.length);
    });

    it("takes the next action default from the chosen L2", () => {
      expect(fields.nextAction.default).toBeNull();
      const chosen = describeFields(
        index,
        row("blocked_delivery"),
        previous,
        "exchange",
        "partner_engagement",
      );
      expect(chosen.nextAction.default).toBe("Escalate to the partner manager");
    });

    it("asks for the engagement scenario when there is nothing to carry", () => {
      const fresh = describeFields(index, row("blocked_delivery"), [], "exchange");
      expect(fresh.engagementScenario).toMatchObject({ state: "required", carriedValue: null });
    });
  });

  it("lets Blocked in the Assignment stage choose the engagement scenario and disables the target date", () => {
    const fields = describeFields(index, row("blocked_assignment"), [], "exchange");
    expect(fields.engagementScenario.state).toBe("required");
    expect(fields.targetDate.state).toBe("disabled");
    expect(fields.owner.default).toBe("Delivery FM");
    expect(fields.nextAction.default).toBe("Kickoff Meeting");
  });

  it("offers only Initiate and customer- or partner-led scenarios on the refuses-help row", () => {
    const fields = describeFields(index, row("no_intent_refuses_help"), [], "exchange");
    expect(fields.serviceStatus.options).toEqual([{ id: "initiate", name: "Initiate" }]);
    expect(fields.serviceStatus.default).toBe("initiate");
    expect(fields.engagementScenario.options!.map((option) => option.id)).not.toContain(
      "fasttrack_delivered",
    );
    expect(fields.targetDate.hint).toContain("N/A");
    expect(fields.owner.state).toBe("disabled");
  });

  it("carries the existing L2 and L3 for new seats on a No Intent service", () => {
    const previous = [
      storedSegment({
        l1: "no_intent",
        scenarioId: "no_intent_withdrawn",
        l2: "executive_sponsorship",
        l3: null,
      }),
    ];
    const fields = describeFields(index, row("no_intent_new_subscriptions"), previous, "exchange");
    expect(fields.l2).toMatchObject({ state: "carried", carriedValue: "executive_sponsorship" });
    expect(fields.l3).toMatchObject({ state: "carried", carriedValue: null });
    expect(fields.nextAction.state).toBe("disabled");
  });

  it("disables the owner on In Progress", () => {
    expect(describeFields(index, row("in_progress_delivery"), [], "exchange").owner.state).toBe("disabled");
  });

  it("lists the L3s for a chosen L2 on the service", () => {
    const fields = describeFields(
      index,
      row("blocked_delivery"),
      [],
      "teams",
      "customer_it_infrastructure_remediation",
    );
    expect(fields.l3.options!.map((option) => option.id)).toContain("vdi");
  });
});

describe(l3Options.name, () => {
  it("offers all-services L3s and those of the service", () => {
    const ids = l3Options(index, "blocked", "customer_it_infrastructure_remediation", "teams").map(
      (o) => o.id,
    );
    expect(ids).toEqual(expect.arrayContaining(["desktop_devices", "vdi", "exchange_online_dependency"]));
  });

  it("leaves out L3s of other services", () => {
    const ids = l3Options(index, "blocked", "customer_it_infrastructure_remediation", "exchange").map(
      (o) => o.id,
    );
    expect(ids).toContain("desktop_devices");
    expect(ids).not.toContain("vdi");
    expect(ids).not.toContain("exchange_online_dependency");
  });

  it("offers nothing without an L2 or for an L2 that takes no L3", () => {
    expect(l3Options(index, "blocked", null, "teams")).toEqual([]);
    expect(l3Options(index, "in_progress", "migration", "teams")).toEqual([]);
  });
});
