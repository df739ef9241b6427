import type { AppDeps } from "../app-deps.ts";

/**
 * Playbook names of the ids history rows keep. History keeps the ids that
 * were valid when it was written, so an id the active playbook no longer
 * defines shows as itself rather than disappearing.
 */
export function historyLabels(deps: AppDeps) {
  const { index } = deps.playbook;
  return {
    l1: (l1: string | null) => (l1 === null ? "(no status)" : (index.l1(l1)?.name ?? l1)),
    l2: (l1: string | null, l2: string | null) => (l1 && l2 ? (index.l2(l1, l2)?.name ?? l2) : null),
    l3: (l1: string | null, l2: string | null, l3: string | null) =>
      l1 && l2 && l3 ? (index.l3(l1, l2, l3)?.name ?? l3) : null,
    service: (serviceId: string) => index.service(serviceId)?.name ?? serviceId,
  };
}
