import type { BlockedByL2ServiceRow } from "../api/api-types.ts";

/** The series key of Blocked seats with no L2 reason. */
export const noL2 = "no_l2";
const topServices = 12;

/** Rows of (L2, service) into one bar per service with a key per L2, the shape a stacked chart takes. */
export function pivotL2(rows: readonly BlockedByL2ServiceRow[]) {
  const services = new Map<string, Record<string, string | number>>();
  const totals = new Map<string, number>();
  const l2s = new Map<string, string>();
  for (const row of rows) {
    const key = row.l2 ?? noL2;
    l2s.set(key, row.l2Name);
    const bar = services.get(row.serviceId) ?? { serviceId: row.serviceId, serviceName: row.serviceName };
    bar[key] = ((bar[key] as number | undefined) ?? 0) + row.seats;
    services.set(row.serviceId, bar);
    totals.set(row.serviceId, (totals.get(row.serviceId) ?? 0) + row.seats);
  }
  const data = [...services.values()]
    .sort((a, b) => (totals.get(String(b.serviceId)) ?? 0) - (totals.get(String(a.serviceId)) ?? 0))
    .slice(0, topServices);
  const series = [...l2s.entries()].map(([key, label]) => ({ key, label }));
  return { data, series };
}
