import { upsertServices } from "../../db/repositories/service-repository.ts";
import type { AppDeps } from "../app-deps.ts";

/** Copies the playbook's service catalogue into the database (run at start), so entitlements can refer to it. */
export async function syncServices(deps: AppDeps): Promise<{ services: number }> {
  const rows = deps.playbook.index.playbook.serviceFamilies.flatMap((family) =>
    family.services.map((service) => ({
      id: service.id,
      name: service.name,
      code: service.code,
      family: family.id,
    })),
  );
  await upsertServices(deps.database.db, rows);
  return { services: rows.length };
}
