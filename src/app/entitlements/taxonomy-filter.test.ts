import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { FilterChecks } from "../list-filter-checks.ts";
import { taxonomyFilterOf } from "./taxonomy-filter.ts";

const index = defaultIndex();

describe(taxonomyFilterOf.name, () => {
  it("reads names, codes and aliases as the ids they stand for", () => {
    const checks = new FilterChecks();
    expect(
      taxonomyFilterOf(index, checks, {
        l1: ["Blocked"],
        l2: ["app_compatibility"],
        l3: [],
        serviceId: ["EXO", "Teams"],
      }),
    ).toEqual({ l1: ["blocked"], l2: ["app_compatibility"], l3: [], serviceId: ["exchange", "teams"] });
    expect(checks.violations).toEqual([]);
  });

  it("names each value the playbook does not know instead of answering an empty page", () => {
    const checks = new FilterChecks();
    taxonomyFilterOf(index, checks, {
      l1: ["nonsense"],
      l2: ["no_such_l2"],
      l3: ["zz"],
      serviceId: ["faxonline"],
    });
    expect(checks.violations.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: "l1", code: "l1_unknown" },
      { field: "l2", code: "l2_unknown" },
      { field: "l3", code: "l3_unknown" },
      { field: "serviceId", code: "service_unknown" },
    ]);
  });
});
