import { foldText } from "../domain/notes/note-text.ts";
import type { Playbook } from "../domain/playbook/playbook-schema.ts";
import type { PlaybookFacts } from "./train-suggest-model.ts";

/**
 * What the model keeps from the playbook at training time, so it can respect
 * service-specific L3s even where no playbook is loaded (the browser bundle):
 * which services each L3 applies to, and the words that name each service.
 */
export function playbookFacts(playbook: Playbook): PlaybookFacts {
  const l3Services: Record<string, string[]> = {};
  for (const l1 of playbook.l1s) {
    for (const l2 of l1.l2s) {
      for (const l3 of l2.l3s) l3Services[`${l1.id}/${l2.id}/${l3.id}`] = [...l3.services];
    }
  }
  const serviceTerms: Record<string, string[]> = {};
  for (const family of playbook.serviceFamilies) {
    for (const service of family.services) {
      const terms = [service.id.replace(/_/g, " "), service.name, service.code, ...service.aliases]
        .map((term) => foldText(term))
        .filter((term) => term.length >= 3);
      serviceTerms[service.id] = [...new Set(terms)].sort();
    }
  }
  return { l3Services, serviceTerms };
}
