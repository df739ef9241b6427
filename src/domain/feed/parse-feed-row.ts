import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import { FeedCells } from "./feed-cells.ts";
import type { FeedFileName } from "./feed-files.ts";
import type { FeedRowError } from "./feed-row-error.ts";

export interface CustomerFeedRow {
  customerKey: string;
  name: string;
  segment: string | null;
  country: string | null;
}

export interface TenantFeedRow {
  tenantKey: string;
  customerKey: string;
  name: string;
  domain: string;
  country: string | null;
}

export interface EntitlementFeedRow {
  tenantKey: string;
  serviceId: string;
  availableSeats: number;
  purchasedSeats: number | null;
  startDate: string | null;
  endDate: string | null;
}

export interface PersonFeedRow {
  email: string;
  name: string;
  roleId: string;
  customerKey: string | null;
  tenantKey: string | null;
}

export interface UsageFeedRow {
  tenantKey: string;
  serviceId: string;
  date: string;
  activeSeats: number;
}

export interface FeedRowValues {
  customers: CustomerFeedRow;
  tenants: TenantFeedRow;
  entitlements: EntitlementFeedRow;
  people: PersonFeedRow;
  usage: UsageFeedRow;
}

/**
 * One parsed row: its values when valid, else its errors. `key` is the
 * natural key the row names even when refused, so a full sync does not end
 * what a refused row names (its key is in the file, only its data is bad).
 */
export type ParsedFeedRow<F extends FeedFileName> =
  | { ok: true; row: number; value: FeedRowValues[F] }
  | { ok: false; row: number; errors: FeedRowError[]; key: Partial<FeedRowValues[F]> };

/** Roles the feed may not hand out: Admins are made in Unblock, never by an export. */
const rolesNotFromFeed = new Set(["admin"]);

type Parser<F extends FeedFileName> = (cells: FeedCells, index: PlaybookIndex) => Partial<FeedRowValues[F]>;

const parsers: { [F in FeedFileName]: Parser<F> } = {
  customers: (cells) => ({
    customerKey: cells.text("customer_key", true) ?? undefined,
    name: cells.text("name", true) ?? undefined,
    segment: cells.text("segment", false),
    country: cells.text("country", false),
  }),
  tenants: (cells) => ({
    tenantKey: cells.text("tenant_id", true) ?? undefined,
    customerKey: cells.text("customer_key", true) ?? undefined,
    name: cells.text("name", true) ?? undefined,
    domain: domainOf(cells),
    country: cells.text("country", false),
  }),
  entitlements: (cells, index) => {
    const startDate = cells.date("start_date", false);
    const endDate = cells.date("end_date", false);
    if (startDate && endDate && endDate < startDate) {
      cells.fail("end_date", "end_before_start", `end_date ${endDate} is before start_date ${startDate}.`, {
        end: endDate,
        start: startDate,
      });
    }
    return {
      tenantKey: cells.text("tenant_id", true) ?? undefined,
      serviceId: serviceOf(cells, index),
      availableSeats: cells.count("available_seats", true) ?? undefined,
      purchasedSeats: cells.count("purchased_seats", false),
      startDate,
      endDate,
    };
  },
  people: (cells, index) => {
    const customerKey = cells.text("customer_key", false);
    const tenantKey = cells.text("tenant_id", false);
    if ((customerKey === null) === (tenantKey === null)) {
      cells.fail(
        null,
        "scope_invalid",
        "Give either customer_key or tenant_id: the one the person is assigned to.",
        {},
      );
    }
    return {
      email: emailOf(cells),
      name: cells.text("name", true) ?? undefined,
      roleId: roleOf(cells, index),
      customerKey,
      tenantKey,
    };
  },
  usage: (cells, index) => ({
    tenantKey: cells.text("tenant_id", true) ?? undefined,
    serviceId: serviceOf(cells, index),
    date: cells.date("date", true) ?? undefined,
    activeSeats: cells.count("active_seats", true) ?? undefined,
  }),
};

/** Checks one row of a feed file (cells by normalised column name). Pure. */
export function parseFeedRow<F extends FeedFileName>(
  file: F,
  row: number,
  cellsByColumn: Readonly<Record<string, string>>,
  index: PlaybookIndex,
): ParsedFeedRow<F> {
  const cells = new FeedCells(file, row, cellsByColumn);
  const value = (parsers[file] as Parser<F>)(cells, index);
  if (cells.errors.length > 0) return { ok: false, row, errors: cells.errors, key: value };
  return { ok: true, row, value: value as FeedRowValues[F] };
}

/** Service ids by the spelling a feed uses, per playbook: one lookup per spelling, not per row. */
const servicesByKey = new WeakMap<PlaybookIndex, Map<string, string | null>>();

function serviceIdOf(index: PlaybookIndex, key: string): string | null {
  let known = servicesByKey.get(index);
  if (!known) {
    known = new Map();
    servicesByKey.set(index, known);
  }
  let id = known.get(key);
  if (id === undefined) {
    id = index.service(key)?.id ?? null;
    if (known.size < 10_000) known.set(key, id);
  }
  return id;
}

function serviceOf(cells: FeedCells, index: PlaybookIndex): string | undefined {
  const key = cells.required("service");
  if (key === null) return undefined;
  const service = serviceIdOf(index, key);
  if (!service) {
    cells.fail(
      "service",
      "service_unknown",
      `"${key}" is not a service of the playbook (id, name, code or alias).`,
      { key },
    );
    return undefined;
  }
  return service;
}

function roleOf(cells: FeedCells, index: PlaybookIndex): string | undefined {
  const key = cells.required("role");
  if (key === null) return undefined;
  const role = index.role(key);
  if (!role) {
    cells.fail("role", "role_unknown", `"${key}" is not a role of the playbook.`, { key });
    return undefined;
  }
  if (rolesNotFromFeed.has(role.id)) {
    cells.fail(
      "role",
      "role_not_allowed",
      `The feed cannot make anyone ${role.name}: an Admin does that in Unblock.`,
      { role: role.name },
    );
    return undefined;
  }
  return role.id;
}

function emailOf(cells: FeedCells): string | undefined {
  const value = cells.text("email", true, 320);
  if (value === null) return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    cells.fail("email", "email_invalid", `"${value}" is not an email address.`, { value });
    return undefined;
  }
  return value.toLowerCase();
}

function domainOf(cells: FeedCells): string | undefined {
  const value = cells.text("domain", true, 253);
  if (value === null) return undefined;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(value)) {
    cells.fail("domain", "domain_invalid", `"${value}" is not a domain name.`, { value });
    return undefined;
  }
  return value.toLowerCase();
}
