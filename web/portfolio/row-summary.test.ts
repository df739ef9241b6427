import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../test/support/default-playbook.ts";
import { reasonText } from "./row-summary.ts";

const index = defaultIndex();

describe(reasonText.name, () => {
  it("names each segment's L2 and L3, once each", () => {
    expect(
      reasonText(index, [
        { l1: "blocked", l2: "app_compatibility", l3: "other" },
        { l1: "blocked", l2: "app_compatibility", l3: "other" },
        { l1: "no_intent", l2: "executive_sponsorship", l3: null },
        { l1: "in_progress", l2: null, l3: null },
      ]),
    ).toBe("App Compatibility › Other; Executive Sponsorship");
  });

  it("keeps an id the playbook no longer knows, and is empty without an L2", () => {
    expect(reasonText(index, [{ l1: "blocked", l2: "retired_reason", l3: null }])).toBe("retired_reason");
    expect(reasonText(index, [{ l1: "in_progress", l2: null, l3: null }])).toBe("");
  });
});
