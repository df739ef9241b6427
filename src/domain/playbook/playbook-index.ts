import type { L1, L2, L3, Playbook, Role, ScenarioRow, Service, Stage } from "./playbook-schema.ts";

/**
 * Lookups over a playbook, built once per loaded playbook. Every consumer (rules,
 * import, reports, web app) resolves ids and names through this, so a name variant
 * the sources use ("Billing, Licensing, Subscription") resolves the same everywhere.
 */
export interface PlaybookIndex {
  playbook: Playbook;
  l1(id: string): L1 | undefined;
  l2(l1Id: string, l2Id: string): L2 | undefined;
  /** The L3 under that L2, if it exists and applies to the service (all-services L3s always apply). */
  l3(l1Id: string, l2Id: string, l3Id: string, serviceId?: string): L3 | undefined;
  /** The L3s an editor offers for an L2 on a service. */
  l3sFor(l1Id: string, l2Id: string, serviceId?: string): L3[];
  scenario(id: string): ScenarioRow | undefined;
  scenariosFor(l1Id: string, stage: Stage): ScenarioRow[];
  service(idOrNameOrCode: string): Service | undefined;
  services(): Service[];
  role(idOrName: string): Role | undefined;
  /** Finds an L1 by id or display name (case and punctuation insensitive). */
  findL1(idOrName: string): L1 | undefined;
  /** Finds an L2 of an L1 by id, name or alias (case and punctuation insensitive). */
  findL2(l1Id: string, idOrName: string): L2 | undefined;
  /** Finds an L3 of an L2 by id or name (case and punctuation insensitive). */
  findL3(l1Id: string, l2Id: string, idOrName: string): L3 | undefined;
}

/** Lower-case and strip everything but letters and digits: "Billing, Licensing" == "billing licensing". */
export function normalizeName(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export function indexPlaybook(playbook: Playbook): PlaybookIndex {
  const l1s = new Map(playbook.l1s.map((l1) => [l1.id, l1]));
  const l1ByName = new Map<string, L1>();
  for (const l1 of playbook.l1s) {
    l1ByName.set(normalizeName(l1.id), l1);
    l1ByName.set(normalizeName(l1.name), l1);
  }
  const scenarios = new Map(playbook.scenarios.map((row) => [row.id, row]));
  const allServices = playbook.serviceFamilies.flatMap((family) => family.services);
  const serviceByKey = new Map<string, Service>();
  for (const service of allServices) {
    for (const key of [service.id, service.name, service.code, ...service.aliases]) {
      serviceByKey.set(normalizeName(key), service);
    }
  }
  const roleByKey = new Map<string, Role>();
  for (const role of playbook.roles) {
    roleByKey.set(normalizeName(role.id), role);
    roleByKey.set(normalizeName(role.name), role);
  }

  const l2 = (l1Id: string, l2Id: string) => l1s.get(l1Id)?.l2s.find((candidate) => candidate.id === l2Id);
  const applies = (l3: L3, serviceId?: string) =>
    l3.services.length === 0 || serviceId === undefined || l3.services.includes(serviceId);

  return {
    playbook,
    l1: (id) => l1s.get(id),
    l2,
    l3: (l1Id, l2Id, l3Id, serviceId) => {
      const found = l2(l1Id, l2Id)?.l3s.find((candidate) => candidate.id === l3Id);
      return found && applies(found, serviceId) ? found : undefined;
    },
    l3sFor: (l1Id, l2Id, serviceId) => (l2(l1Id, l2Id)?.l3s ?? []).filter((l3) => applies(l3, serviceId)),
    scenario: (id) => scenarios.get(id),
    scenariosFor: (l1Id, stage) => playbook.scenarios.filter((row) => row.l1 === l1Id && row.stage === stage),
    service: (key) => serviceByKey.get(normalizeName(key)),
    services: () => allServices,
    role: (key) => roleByKey.get(normalizeName(key)),
    findL1: (key) => l1ByName.get(normalizeName(key)),
    // An exact id wins over a loose match: two entries may read the same loosely (the default
    // playbook lists both "MobileIron" and "Mobile Iron"), and the one picked must be the one stored.
    findL2: (l1Id, key) => {
      const candidates = l1s.get(l1Id)?.l2s ?? [];
      const wanted = normalizeName(key);
      return (
        candidates.find((candidate) => candidate.id === key) ??
        candidates.find((candidate) =>
          [candidate.id, candidate.name, ...candidate.aliases].some((name) => normalizeName(name) === wanted),
        )
      );
    },
    findL3: (l1Id, l2Id, key) => {
      const candidates = l2(l1Id, l2Id)?.l3s ?? [];
      const wanted = normalizeName(key);
      return (
        candidates.find((candidate) => candidate.id === key) ??
        candidates.find(
          (candidate) => normalizeName(candidate.id) === wanted || normalizeName(candidate.name) === wanted,
        )
      );
    },
  };
}
