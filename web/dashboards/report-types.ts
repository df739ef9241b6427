/**
 * Report rows as the server's report use-cases return them (src/app/*.ts);
 * kept as plain interfaces because the routes wrap them in `{ items }`.
 */
export interface BlockedByL2ServiceRow {
  l2: string | null;
  l2Name: string;
  serviceId: string;
  serviceName: string;
  seats: number;
  tenants: number;
  segments: number;
}

export interface BlockedByL3Row {
  l2: string | null;
  l2Name: string;
  l3: string | null;
  l3Name: string;
  seats: number;
  share: number;
  tenants: number;
  segments: number;
}

export interface AgingBucket {
  bucket: string;
  minDays: number;
  maxDays: number | null;
  seats: number;
  tenants: number;
  segments: number;
}

export interface ProjectedUnblockWeek {
  week: string;
  weekStart: string;
  past: boolean;
  seats: number;
  tenants: number;
  segments: number;
}

/** Blocked seats at the end of one week, rebuilt from the status history. */
export interface BlockedWeekPoint {
  weekStart: string;
  seats: number;
  tenants: number;
}

export interface OverdueAction {
  entitlementId: string;
  position: number;
  customerId: string;
  customerName: string;
  tenantId: string;
  tenantName: string;
  serviceId: string;
  serviceName: string;
  l1: string;
  l2: string | null;
  owner: string | null;
  nextAction: string | null;
  nextActionDate: string;
  daysOverdue: number;
  seats: number;
}

/** A report answer, whether the route sends the rows bare or wrapped in `{ items }`. */
export function rowsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === "object") {
    for (const key of ["items", "rows", "points", "weeks", "buckets"]) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value as T[];
    }
  }
  return [];
}

/**
 * Cells the server withheld because they cover fewer than 5 tenants (readers
 * who only see totals, such as Engineering, must not see one customer).
 */
export function suppressedOf(data: unknown): number {
  if (data && typeof data === "object" && "suppressedCells" in data) {
    const value = (data as { suppressedCells?: unknown }).suppressedCells;
    return typeof value === "number" ? value : 0;
  }
  return 0;
}
