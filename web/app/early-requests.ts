import type { QueryClient } from "@tanstack/react-query";
import { entitlementPagesQuery, meQuery } from "../api/queries.ts";
import { playbookQuery } from "../playbook/playbook-context.tsx";
import { apiQuery, readFilters } from "../portfolio/portfolio-filters.ts";

/**
 * Starts the first screen's requests together, before React renders: who is
 * signed in, the playbook and, on the portfolio, its first page. Rendered in
 * order, they would wait on each other (sign-in check, then the playbook, then
 * the rows): three round trips in a row instead of one. The components read
 * the same queries from the cache. Before sign-in the last two answer 401 and
 * are asked again once the user has signed in.
 */
export function startEarlyRequests(queryClient: QueryClient, location: Location): void {
  void queryClient.prefetchQuery(meQuery);
  void queryClient.prefetchQuery(playbookQuery);
  if (location.pathname === "/") {
    const query = apiQuery(readFilters(new URLSearchParams(location.search)));
    void queryClient.prefetchInfiniteQuery(entitlementPagesQuery(query));
  }
}
