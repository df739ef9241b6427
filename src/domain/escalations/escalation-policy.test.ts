import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { mayHandle, resolverGroupsOf, resolverOf, transitions } from "./escalation-policy.ts";

describe("escalation policy", () => {
  it("lets members and Admins handle an escalation, and tells anyone else who may", () => {
    expect(mayHandle("delivery_fm", true, "Account Team").allowed).toBe(true);
    expect(mayHandle("admin", false, "Account Team").allowed).toBe(true);
    expect(mayHandle("team_lead", false, "Account Team")).toMatchObject({
      allowed: false,
      rule: "not_group_member",
      instead: expect.stringContaining("Account Team"),
    });
  });

  it("ends at resolved or declined", () => {
    expect(transitions.acknowledge.from).toEqual(["open"]);
    expect(transitions.resolve.from).not.toContain("declined");
    expect(transitions.decline.from).not.toContain("resolved");
  });

  it("finds an L2's group and SLA: the L2's own, else the playbook's default", () => {
    const index = defaultIndex();
    expect(resolverOf(index, "no_intent", "executive_sponsorship")).toMatchObject({
      group: "Account Team",
      slaBusinessDays: 10,
    });
    const feature = resolverGroupsOf(index).find(
      (group) => group.name === "Product group via feature request",
    );
    const l2 = feature?.l2s[0];
    expect(l2 && resolverOf(index, l2.l1, l2.l2)?.slaBusinessDays).toBe(20);
    expect(resolverOf(index, "blocked", "no_such_l2")).toBeNull();
  });
});
