import { Anchor, List, Text } from "@mantine/core";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { RecentChange } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { stageLabel } from "../i18n/words.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { Link } from "../router/link.tsx";
import { formatCount, formatDateTime } from "../shared/format.ts";
import { ChartCard } from "./chart-card.tsx";

/**
 * The newest status changes in the dashboards' scope: who changed which
 * service of which tenant, when, and from what to what; each opens the
 * service's editor. Only for readers of the portfolio (a change names a
 * customer).
 */
export function RecentChangesCard({
  query,
}: {
  query: {
    data?: { items: RecentChange[] } | undefined;
    isPending: boolean;
    isError: boolean;
    error: Error | null;
  };
}) {
  const index = usePlaybook();
  const items = query.data?.items ?? [];
  return (
    <ChartCard
      title={i18n.t("dashboards.recent.title")}
      description={i18n.t("dashboards.recent.description")}
      query={query}
      empty={false}
      columns={[]}
      rows={[]}
    >
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {i18n.t("dashboards.recent.none")}
        </Text>
      ) : (
        <List listStyleType="none" spacing="xs" aria-label={i18n.t("dashboards.recent.title")} size="sm">
          {items.map((item) => (
            <List.Item key={item.id}>
              <Anchor
                component={Link}
                href={`/tenants/${item.tenantId}?edit=${item.entitlementId}`}
                size="sm"
              >
                {item.customerName} · {item.tenantName} · {item.serviceName}
              </Anchor>
              <Text size="sm">{changeText(index, item)}</Text>
              <Text size="xs" c="dimmed">
                {item.actor.name ?? index.role(item.actor.role)?.name ?? item.actor.role} ·{" "}
                {formatDateTime(item.at)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </ChartCard>
  );
}

/** "Status Unknown 120 → Blocked (Billing …) 120", with the stage when it changed. */
export function changeText(index: PlaybookIndex, change: RecentChange): string {
  const side = (segments: RecentChange["before"]) =>
    segments.length === 0
      ? i18n.t("dashboards.recent.noStatus")
      : segments
          .map((segment) => {
            const l1 = index.l1(segment.l1)?.name ?? segment.l1;
            const l2 = segment.l2 ? (index.l2(segment.l1, segment.l2)?.name ?? segment.l2) : null;
            return `${l1}${l2 ? ` (${l2})` : ""} ${formatCount(segment.seats)}`;
          })
          .join(", ");
  const text = `${side(change.before)} → ${side(change.after)}`;
  return change.stageBefore === change.stageAfter
    ? text
    : i18n.t("dashboards.recent.stage", {
        text,
        from: stageLabel(change.stageBefore),
        to: stageLabel(change.stageAfter),
      });
}
