import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../../domain/rules/evaluate-status.ts";
import { generatePortfolio, type PortfolioOptions } from "./generate-portfolio.ts";
import { storedSegments } from "./stored-segments.ts";

const options = (seed: number, tenants: number): PortfolioOptions => ({
  index: defaultIndex(),
  tenants,
  seed,
  today: "2025-03-10",
  usersByRole: new Map([["admin", "00000000-0000-4000-8000-000000000001"]]),
});

describe(storedSegments.name, () => {
  it("builds exactly the portfolio that judging every status with evaluateStatus builds", () => {
    for (const seed of [3, 8]) {
      const built = [...generatePortfolio(options(seed, 150))];
      const judged = [...generatePortfolio({ ...options(seed, 150), judgeEveryStatus: true })];
      expect(built.flatMap((batch) => batch.history).length).toBeGreaterThan(3000);
      expect(built).toEqual(judged);
    }
  });

  it("generates only statuses that the rules accept on the day they were recorded", () => {
    const index = defaultIndex();
    let steps = 0;
    const refused: unknown[] = [];
    for (const batch of generatePortfolio(options(21, 1000))) {
      const serviceOf = new Map(batch.entitlements.map((row) => [row.id, row.serviceId]));
      for (const row of batch.history) {
        steps += 1;
        const decision = evaluateStatus({
          index,
          serviceId: serviceOf.get(row.entitlementId)!,
          stage: row.after.stage as Stage,
          actorRole: row.actorRole,
          availableSeats: row.after.availableSeats,
          previous: row.before.segments,
          proposed: row.after.segments,
          today: row.at.toISOString().slice(0, 10),
        });
        if (!decision.ok) refused.push({ step: row, violations: decision.violations });
      }
    }
    expect(steps).toBeGreaterThan(20_000);
    expect(refused).toEqual([]);
  });

  it("leaves to the rules a proposal with a required field missing, an unknown L2 or a possible repeat", () => {
    const index = defaultIndex();
    // Owner and next action are left to the row's defaults, the engagement scenario has nothing to carry.
    const blocked = {
      seats: 10,
      l1: "blocked",
      scenarioId: "blocked_delivery",
      engagementScenario: "fasttrack_delivered",
      targetDate: "2025-04-30",
    };
    // Blocked needs its L2 reason: the generator must never propose it without one.
    expect(storedSegments(index, [], [blocked])).toBeNull();
    const complete = storedSegments(index, [], [{ ...blocked, l2: "migration_blocker", note: "x" }]);
    const accepted = evaluateStatus({
      index,
      serviceId: "exchange",
      stage: "delivery",
      actorRole: "admin",
      availableSeats: 10,
      previous: [],
      proposed: [{ ...blocked, l2: "legal_regulatory", note: longNote }],
      today: "2025-03-10",
    });
    expect(complete).toBeNull();
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    expect(storedSegments(index, [], [{ ...blocked, l2: "legal_regulatory", note: longNote }])).toEqual(
      accepted.segments,
    );
    expect(storedSegments(index, accepted.segments, [{ ...accepted.segments[0]! }])).toBeNull();
  });
});

const longNote =
  "Blocked: the works council has not approved the data transfer to the new region; clears after the council meets in April.";
