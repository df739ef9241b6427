import { fetchEarly } from "../api/early-responses.ts";
import { entitlementPagePath } from "../api/entitlement-page-path.ts";
import { apiQuery, readFilters } from "../portfolio/portfolio-filters.ts";

/**
 * The first screen's requests, started by the entry script while the app's
 * code (React, Mantine: most of the bytes) downloads and compiles, so the
 * server works in that time instead of after it: who is signed in, the
 * playbook, and on the portfolio its first page. Before sign-in they answer
 * 401, which the app reads as "show the sign-in page".
 */
export function startEarlyFetches(location: Location): void {
  fetchEarly("/me");
  fetchEarly("/playbook");
  if (location.pathname === "/") {
    fetchEarly(entitlementPagePath(apiQuery(readFilters(new URLSearchParams(location.search))), undefined));
  }
}
