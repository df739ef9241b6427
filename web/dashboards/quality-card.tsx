import { Anchor, SimpleGrid, Table, Text } from "@mantine/core";
import type { QualityAnswer, QualityOwnerCount } from "../../src/http/schemas/quality.ts";
import { toQuery } from "../api/api-client.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { qualityOwnerText } from "../quality/quality-owner.ts";
import { useQuality } from "../quality/quality-query.ts";
import { Link } from "../router/link.tsx";
import { formatCount } from "../shared/format.ts";
import { ChartCard } from "./chart-card.tsx";

/** Owners the card lists; the page has them all. */
const topOwners = 8;

const qualityHref = (query: Record<string, string | null>) =>
  `/quality${toQuery({ owner: "all", ...query })}`;

function ownerHref(owner: QualityOwnerCount): string | null {
  if (owner.kind === "person" && owner.userId) return qualityHref({ owner: owner.userId });
  if (owner.kind === "team" && owner.role) return qualityHref({ team: owner.role });
  return null;
}

/** The data-quality queue's counts by rule and by owner over the reader's scope, each opening the page. */
export function QualityCard() {
  const quality = useQuality({ limit: "1" });
  return (
    <ChartCard
      title={i18n.t("dashboards.quality.title")}
      description={i18n.t("dashboards.quality.description")}
      query={quality}
      empty={false}
      columns={[]}
      rows={[]}
    >
      {quality.data ? <QualityCounts answer={quality.data} /> : null}
    </ChartCard>
  );
}

export function QualityCounts({ answer }: { answer: QualityAnswer }) {
  const rules = answer.rules.filter((rule) => rule.enabled);
  const index = usePlaybook();
  const owners = answer.counts.byOwner.slice(0, topOwners);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Table fz="xs" striped aria-label={i18n.t("dashboards.quality.byRule")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{i18n.t("dashboards.quality.rule")}</Table.Th>
            <Table.Th ta="right">{i18n.t("dashboards.quality.items")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Td>
                <Anchor component={Link} href={qualityHref({ rule: rule.id })} size="xs">
                  {rule.label}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatCount(answer.counts.byRule[rule.id] ?? 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Table fz="xs" striped aria-label={i18n.t("dashboards.quality.byOwner")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{i18n.t("dashboards.quality.owner")}</Table.Th>
              <Table.Th ta="right">{i18n.t("dashboards.quality.items")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {owners.map((owner) => {
              const href = ownerHref(owner);
              return (
                <Table.Tr key={`${owner.kind}-${owner.userId ?? owner.role ?? owner.name}`}>
                  <Table.Td>
                    {href ? (
                      <Anchor component={Link} href={href} size="xs">
                        {qualityOwnerText(index, owner)}
                      </Anchor>
                    ) : (
                      qualityOwnerText(index, owner)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(owner.count)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {answer.counts.byOwner.length > topOwners ? (
          <Text size="xs" c="dimmed" mt={4}>
            {i18n.t("dashboards.quality.moreOwners", { count: answer.counts.byOwner.length - topOwners })}{" "}
            <Anchor component={Link} href={qualityHref({})} size="xs">
              {i18n.t("dashboards.quality.page")}
            </Anchor>
            .
          </Text>
        ) : null}
      </div>
    </SimpleGrid>
  );
}
