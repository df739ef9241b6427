import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import type { FilterChecks } from "../list-filter-checks.ts";

/**
 * The taxonomy and service values of a list filter as playbook ids. A name,
 * code or alias is read as the id it stands for; a value the playbook does
 * not know is a violation naming the parameter, not an empty page: a typo in
 * `serviceId=exchnage` must not read as "no Exchange entitlement anywhere".
 */
export function taxonomyFilterOf(
  index: PlaybookIndex,
  checks: FilterChecks,
  filter: { l1: string[]; l2: string[]; l3: string[]; serviceId: string[] },
): { l1: string[]; l2: string[]; l3: string[]; serviceId: string[] } {
  const l1s = index.playbook.l1s;
  const l2Of = (value: string) => l1s.map((l1) => index.findL2(l1.id, value)).find(Boolean)?.id;
  const l3Of = (value: string) =>
    l1s.flatMap((l1) => l1.l2s.map((l2) => index.findL3(l1.id, l2.id, value))).find(Boolean)?.id;
  return {
    l1: known(checks, "l1", filter.l1, (value) => index.findL1(value)?.id, "an L1 of the playbook"),
    l2: known(checks, "l2", filter.l2, l2Of, "an L2 of the playbook"),
    l3: known(checks, "l3", filter.l3, l3Of, "an L3 of the playbook"),
    serviceId: known(
      checks,
      "serviceId",
      filter.serviceId,
      (value) => index.service(value)?.id,
      "a service of the playbook",
    ),
  };
}

function known(
  checks: FilterChecks,
  field: string,
  values: string[],
  idOf: (value: string) => string | undefined,
  what: string,
): string[] {
  const ids: string[] = [];
  for (const value of values) {
    const id = idOf(value);
    if (id) ids.push(id);
    else
      checks.violations.push({
        field,
        code: `${field === "serviceId" ? "service" : field}_unknown`,
        message: `"${value}" is not ${what}.`,
      });
  }
  return ids;
}
