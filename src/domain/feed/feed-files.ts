/**
 * The portfolio feed: five files exported by the licensing system, each as
 * CSV or JSON Lines with the same columns (docs/FEED.md). Any subset may be
 * given; each is keyed by the natural key its rows upsert on.
 */
export const feedFileNames = ["customers", "tenants", "entitlements", "people", "usage"] as const;
export type FeedFileName = (typeof feedFileNames)[number];

export interface FeedColumn {
  name: string;
  required: boolean;
  description: string;
}

const column = (name: string, required: boolean, description: string): FeedColumn => ({
  name,
  required,
  description,
});

export const feedColumns: Record<FeedFileName, readonly FeedColumn[]> = {
  customers: [
    column("customer_key", true, "The customer's stable id in the licensing system."),
    column("name", true, "Customer name."),
    column("segment", false, "Market segment, free text."),
    column("country", false, "Country, free text (ISO code preferred)."),
  ],
  tenants: [
    column("tenant_id", true, "The tenant's stable id (a GUID): its key, whatever its name or domain."),
    column("customer_key", true, "The customer it belongs to (in customers or already stored)."),
    column("name", true, "Tenant name."),
    column("domain", true, "The tenant's primary domain, unique across tenants."),
    column("country", false, "Country, free text."),
  ],
  entitlements: [
    column("tenant_id", true, "The tenant (in tenants or already stored)."),
    column("service", true, "Service id, name, code or alias, as the status CSV reads them."),
    column("available_seats", true, "Seats available, a whole number, 0 or more."),
    column("purchased_seats", false, "Seats purchased, a whole number."),
    column("start_date", false, "YYYY-MM-DD."),
    column("end_date", false, "YYYY-MM-DD, not before start_date."),
  ],
  people: [
    column("email", true, "The person's email: the user it is, made without a password if new."),
    column("name", true, "The person's name."),
    column("role", true, "A playbook role, id or name (not Admin)."),
    column("customer_key", false, "Scope: a customer (covers its tenants); give this or tenant_id."),
    column("tenant_id", false, "Scope: one tenant; give this or customer_key."),
  ],
  usage: [
    column("tenant_id", true, "The tenant (in tenants or already stored)."),
    column("service", true, "Service id, name, code or alias."),
    column("date", true, "YYYY-MM-DD: the day the count was taken."),
    column("active_seats", true, "Seats active on that date, a whole number, 0 or more."),
  ],
};

export function isFeedFileName(name: string): name is FeedFileName {
  return (feedFileNames as readonly string[]).includes(name);
}
