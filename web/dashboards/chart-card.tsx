import { Alert, Card, Center, Loader, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api/api-client.ts";
import { i18n } from "../i18n/i18n.ts";
import { ChartDataTable, type DataRow } from "./chart-data-table.tsx";

/**
 * One dashboard chart with its title, loading and empty states, and the same
 * numbers as a table behind a disclosure: for keyboard and screen reader users,
 * and for anyone who wants the exact figures. Every row links to the portfolio.
 */
export function ChartCard({
  title,
  description,
  query,
  empty,
  columns,
  rows,
  suppressed = 0,
  linkable = true,
  children,
}: {
  title: string;
  description: string;
  query: { isPending: boolean; isError: boolean; error: Error | null };
  empty: boolean;
  columns: string[];
  rows: DataRow[];
  /** Cells the server withheld (fewer than 5 tenants) for readers who only see totals. */
  suppressed?: number;
  /** Whether rows link to the portfolio (not for readers who only see totals). */
  linkable?: boolean;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {description}
      </Text>
      {query.isPending ? (
        <Center h={240}>
          <Loader aria-label={i18n.t("dashboards.card.loading", { title })} />
        </Center>
      ) : query.isError ? (
        <Alert color={query.error instanceof ApiError && query.error.status === 404 ? "gray" : "red"}>
          {query.error instanceof ApiError && query.error.status === 404
            ? i18n.t("dashboards.card.unavailable")
            : (query.error?.message ?? i18n.t("dashboards.card.failed"))}
        </Alert>
      ) : empty ? (
        <Center h={240}>
          <Text c="dimmed">{i18n.t("dashboards.card.empty")}</Text>
        </Center>
      ) : (
        <>
          {children}
          {suppressed > 0 ? (
            <Text size="xs" c="dimmed" mt={4}>
              {i18n.t("dashboards.card.suppressed", { count: suppressed })}
            </Text>
          ) : null}
          <ChartDataTable title={title} columns={columns} rows={rows} linkable={linkable} />
        </>
      )}
    </Card>
  );
}
