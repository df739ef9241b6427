import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiRequest } from "../api/api-client.ts";
import { i18n } from "../i18n/i18n.ts";
import { PortfolioPage } from "../portfolio/portfolio-page.tsx";
import { useCan } from "../users/permissions.ts";
import { FirstRunPage } from "./first-run-page.tsx";

/**
 * The portfolio, or for an Admin on an empty portfolio the first-run page.
 * Decided once: the first-run page stays, with its report, until the Admin
 * opens the portfolio.
 */
export function HomePage() {
  const mayLoad = useCan()("portfolio.sync");
  const [firstRun, setFirstRun] = useState<boolean | null>(null);
  const tenants = useQuery({
    queryKey: ["first-run", "tenants"],
    queryFn: ({ signal }) => apiRequest<{ items: unknown[] }>("/tenants?limit=1", { signal }),
    enabled: mayLoad && firstRun === null,
  });
  if (!mayLoad || firstRun === false || tenants.isError) return <PortfolioPage />;
  if (firstRun === null && tenants.data) setFirstRun(tenants.data.items.length === 0);
  if (firstRun === null) {
    return (
      <Center h="50vh">
        <Loader aria-label={i18n.t("feed.loading")} />
      </Center>
    );
  }
  return <FirstRunPage onDone={() => setFirstRun(false)} />;
}
