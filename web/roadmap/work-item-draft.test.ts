import { describe, expect, it } from "vitest";
import type { WorkItem } from "../../src/http/schemas/work-items.ts";
import { bodyOf, draftOf, unblocksText } from "./work-item-draft.ts";

const item = {
  id: "7d3c2a8e-0000-4000-8000-000000000001",
  title: "Multi-Geo for Teams",
  externalUrl: null,
  state: "shipped",
  l2: "product_feature_capability",
  l2Name: "Product Feature/Capability",
  l3: null,
  l3Name: null,
  serviceIds: ["teams"],
  expectedDate: "2025-05-01",
  shippedDate: "2025-05-02",
  shippedAt: new Date("2025-05-02T10:00:00Z"),
  version: 3,
  createdAt: new Date("2025-03-01T10:00:00Z"),
  updatedAt: new Date("2025-05-02T10:00:00Z"),
  blocked: { seats: 1200, tenants: 8 },
  suppressed: false,
} satisfies WorkItem;

describe("the Roadmap form and rows", () => {
  it("edits a shipped item without sending its state, clearing emptied fields", () => {
    const draft = { ...draftOf(item), expectedDate: "" };
    expect(draft.state).toBe("proposed");
    expect(bodyOf(draft, true)).toEqual({
      title: "Multi-Geo for Teams",
      externalUrl: null,
      l2: "product_feature_capability",
      l3: null,
      serviceIds: ["teams"],
      expectedDate: null,
    });
    expect(bodyOf(draftOf(null))).toMatchObject({ state: "proposed", title: "", l2: "" });
  });

  it("says what shipping unblocks, what is still Blocked, or that the count is withheld", () => {
    expect(unblocksText({ ...item, state: "planned" })).toBe(
      "Shipping this unblocks 1,200 seats at 8 tenants",
    );
    expect(unblocksText(item)).toBe("Still Blocked: 1,200 seats at 8 tenants");
    expect(unblocksText({ ...item, blocked: null })).toBe("Withheld: fewer than 5 tenants");
  });
});
