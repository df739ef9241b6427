import { Center, Loader, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FeedPage } from "../feed/feed-page.tsx";
import { HomePage } from "../feed/home-page.tsx";
import { MyWorkPage } from "../my-work/my-work-page.tsx";
import { useLandingPage } from "../my-work/use-landing-page.ts";
import { PeoplePage } from "../people/people-page.tsx";
import { QualityPage } from "../quality/quality-page.tsx";
import { matchPath, navigate, useLocation } from "../router/router.ts";
import { TenantPage } from "../tenant/tenant-page.tsx";
import { useCan } from "../users/permissions.ts";

// Charts (recharts) and the playbook browser load on first visit only, keeping
// the first paint of the portfolio small.
const DashboardsPage = lazy(() => import("../dashboards/dashboards-page.tsx"));
const EscalationsPage = lazy(() => import("../escalations/escalations-page.tsx"));
const PlaybookPage = lazy(() => import("../playbook/playbook-page.tsx"));
const PlaybookVersionsPage = lazy(() => import("../playbook-versions/playbook-versions-page.tsx"));
const RoadmapPage = lazy(() => import("../roadmap/roadmap-page.tsx"));
const WhatChangedPage = lazy(() => import("../history/what-changed-page.tsx"));

export function AppRoutes() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const can = useCan();
  // Readers who only see totals (Engineering) start on the dashboards: the portfolio lists customers.
  const aggregateOnly = !can("tenants.read");
  const landing = useLandingPage();
  useEffect(() => {
    if (aggregateOnly && (pathname === "/" || pathname.startsWith("/tenants/"))) {
      navigate("/dashboards", { replace: true });
    }
  }, [aggregateOnly, pathname]);
  return (
    <Suspense
      fallback={
        <Center h="50vh">
          <Loader aria-label={t("common.loadingPage")} />
        </Center>
      }
    >
      {landing ? (
        <Center h="50vh">
          <Loader aria-label={t("common.loadingWork")} />
        </Center>
      ) : (
        route(pathname)
      )}
    </Suspense>
  );
}

function route(pathname: string) {
  if (pathname === "/") return <HomePage />;
  if (pathname === "/admin/feed") return <FeedPage />;
  if (pathname === "/admin/people") return <PeoplePage />;
  if (pathname === "/admin/playbook") return <PlaybookVersionsPage />;
  if (pathname === "/my-work") return <MyWorkPage />;
  if (pathname === "/quality") return <QualityPage />;
  const tenant = matchPath("/tenants/:id", pathname);
  if (tenant) return <TenantPage key={tenant.id} tenantId={tenant.id!} />;
  if (pathname === "/dashboards") return <DashboardsPage />;
  if (pathname === "/changes") return <WhatChangedPage />;
  if (pathname === "/escalations") return <EscalationsPage />;
  if (pathname === "/roadmap") return <RoadmapPage />;
  if (pathname === "/playbook") return <PlaybookPage />;
  const l1 = matchPath("/playbook/:l1", pathname);
  if (l1) return <PlaybookPage l1={l1.l1} />;
  const l2 = matchPath("/playbook/:l1/:l2", pathname);
  if (l2) return <PlaybookPage l1={l2.l1} l2={l2.l2} />;
  return <PageNotFound pathname={pathname} />;
}

function PageNotFound({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t("common.notFound")}</Title>
      <Text>{t("common.notFoundBody", { path: pathname })}</Text>
    </Stack>
  );
}
