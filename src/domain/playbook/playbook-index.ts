import { englishText, type RuleText } from "../i18n/rule-text.ts";
import type { L1, L2, L3, Playbook, Role, ScenarioRow, Service, Stage } from "./playbook-schema.ts";

/**
 * Lookups over a playbook, built once per loaded playbook. Every consumer (rules,
 * import, reports, web app) resolves ids and names through this, so a name variant
 * the sources use ("Billing, Licensing, Subscription") resolves the same everywhere.
 */
export interface PlaybookIndex {
  playbook: Playbook;
  /** The language of the playbook's texts, and the rules' sentences in it (docs/I18N.md). */
  text: RuleText;
  /** The same playbook in its source language, when this index is of a translation. */
  source?: PlaybookIndex;
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

export interface IndexOptions {
  /** The sentences the rules write; English by default. */
  text?: RuleText;
  /**
   * The index of the same playbook in its source language: a translated
   * playbook also finds L1s, L2s, L3s and services by their original names,
   * so a CSV written in English still reads for a German user.
   */
  source?: PlaybookIndex;
}

export function indexPlaybook(playbook: Playbook, options: IndexOptions = {}): PlaybookIndex {
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

  const { source } = options;
  const index: PlaybookIndex = {
    playbook,
    text: options.text ?? englishText,
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
  return source ? withSourceNames(index, source) : index;
}

/** Lookups by name that fall back to the source language's names, answering with this index's entries. */
function withSourceNames(index: PlaybookIndex, source: PlaybookIndex): PlaybookIndex {
  return {
    ...index,
    source,
    service: (key) => index.service(key) ?? mapped(source.service(key), (id) => index.service(id)),
    role: (key) => index.role(key) ?? mapped(source.role(key), (id) => index.role(id)),
    findL1: (key) => index.findL1(key) ?? mapped(source.findL1(key), (id) => index.l1(id)),
    findL2: (l1Id, key) =>
      index.findL2(l1Id, key) ?? mapped(source.findL2(l1Id, key), (id) => index.l2(l1Id, id)),
    findL3: (l1Id, l2Id, key) =>
      index.findL3(l1Id, l2Id, key) ??
      mapped(source.findL3(l1Id, l2Id, key), (id) => index.l2(l1Id, l2Id)?.l3s.find((l3) => l3.id === id)),
  };
}

function mapped<T>(found: { id: string } | undefined, lookUp: (id: string) => T | undefined): T | undefined {
  return found ? lookUp(found.id) : undefined;
}
