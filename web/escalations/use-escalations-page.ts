import { useSearchParams } from "../router/router.ts";
import { useEscalations, useResolverGroups } from "./escalation-api.ts";

export type QueueState = "active" | "open" | "acknowledged" | "resolved" | "declined" | "all";

/**
 * The Escalations page's state, kept in the URL so a queue can be shared:
 * ?group=...&state=active|...|all&mine=true&tab=queue|report|groups.
 */
export function useEscalationsPage() {
  const [params, setParams] = useSearchParams();
  const group = params.get("group") ?? "";
  const state = (params.get("state") ?? "active") as QueueState;
  const mine = params.get("mine") === "true";
  const tab = params.get("tab") ?? "queue";
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const filter: Record<string, string> = {};
  if (group) filter.group = group;
  if (state !== "all") filter.state = state;
  if (mine) filter.mine = "true";
  const queue = useEscalations(filter, tab === "queue");
  const groups = useResolverGroups();
  return {
    group,
    state,
    mine,
    tab,
    queue,
    groups: groups.data?.items ?? [],
    setGroup: (value: string | null) => set("group", value),
    setState: (value: QueueState) => set("state", value === "active" ? null : value),
    setMine: (value: boolean) => set("mine", value ? "true" : null),
    setTab: (value: string | null) => set("tab", value === "queue" ? null : value),
  };
}
