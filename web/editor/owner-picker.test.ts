import { describe, expect, it } from "vitest";
import type { OwnerChoices } from "../api/api-types.ts";
import { ownerText } from "../shared/owner-text.ts";
import { ownerMeaning } from "./owner-picker.tsx";

const choices: OwnerChoices = {
  teams: [
    {
      role: "account_team",
      name: "Account Team",
      people: [{ id: "a", name: "Ana Lopez", email: "ana@x.test" }],
    },
    { role: "delivery_fm", name: "Delivery FM", people: [] },
  ],
  assigned: [
    { id: "a", name: "Ana Lopez", email: "ana@x.test", role: "account_team", roleName: "Account Team" },
  ],
  others: [
    { id: "o", name: "Olu Outside", email: "olu@x.test", role: "delivery_fm", roleName: "Delivery FM" },
  ],
};

describe(ownerMeaning.name, () => {
  it("says how the owner typed will be stored", () => {
    expect(ownerMeaning(choices, "account team")).toBe("Team: Account Team (Ana Lopez)");
    expect(ownerMeaning(choices, "Delivery FM")).toBe("Team: Delivery FM (nobody assigned here yet)");
    expect(ownerMeaning(choices, "ana@x.test")).toBe("Person: Ana Lopez");
    expect(ownerMeaning(choices, "olu@x.test")).toBe(
      "Person: Olu Outside (not assigned here: saving is refused)",
    );
    expect(ownerMeaning(choices, "The Board")).toBe("Unresolved: kept as text, matching no team or person");
    expect(ownerMeaning(choices, "")).toBeUndefined();
  });
});

describe(ownerText.name, () => {
  it("shows a team with its people, a person by name, and marks unresolved text", () => {
    const resolved = { userId: null, email: null, role: null, people: [] };
    expect(
      ownerText({
        owner: "Account Team",
        ownerResolved: {
          ...resolved,
          kind: "team",
          name: "Account Team",
          display: "Account Team: Ana Lopez",
        },
      }),
    ).toBe("Account Team: Ana Lopez");
    expect(
      ownerText({
        owner: "The Board",
        ownerResolved: { ...resolved, kind: "text", name: "The Board", display: "The Board" },
      }),
    ).toBe("The Board (unresolved)");
    expect(ownerText({ owner: null, ownerResolved: null })).toBeNull();
  });
});
