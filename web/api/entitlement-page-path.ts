import { toQuery } from "./api-client.ts";

/** Rows the portfolio loads per request: enough to fill a screen many times over, small to parse. */
const portfolioPageSize = 200;

/** The API path of one page of the portfolio, for its filters and the cursor of the page before. */
export function entitlementPagePath(query: Record<string, string>, cursor: string | undefined): string {
  return `/entitlements${toQuery({ ...query, limit: portfolioPageSize, cursor })}`;
}
