import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiRequest, toQuery } from "../api/api-client.ts";
import { useSearchParams } from "../router/router.ts";
import { todayUtc } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import type { CompareAnswer } from "./history-types.ts";

/** The UTC day `days` before another. */
function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The "What changed" page's state: the two days from the URL (default the
 * last 30 days), the comparison the server makes (`GET /api/compare`), and
 * whether the reader may see single customers at all.
 */
export function useWhatChanged() {
  const [params, setParams] = useSearchParams();
  const today = todayUtc();
  const to = params.get("to") || today;
  const from = params.get("from") || daysBefore(to, 30);
  const serviceId = params.get("serviceId") || "";
  const query = useMemo(() => ({ from, to, ...(serviceId ? { serviceId } : {}) }), [from, to, serviceId]);
  const listsRows = useCan()("tenants.read");
  const compare = useQuery({
    queryKey: ["reports", "compare", query],
    queryFn: ({ signal }) => apiRequest<CompareAnswer>(`/compare${toQuery(query)}`, { signal }),
    enabled: listsRows && from < to,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return { from, to, serviceId, today, listsRows, compare, set };
}
