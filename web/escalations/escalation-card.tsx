import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Escalation } from "../../src/http/schemas/escalations.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { Link } from "../router/link.tsx";
import { formatDate, formatDateTime } from "../shared/format.ts";
import { EscalationActions } from "./escalation-actions.tsx";
import { escalationEditorHref } from "./escalation-api.ts";

const stateColors: Record<Escalation["state"], string> = {
  open: "orange",
  acknowledged: "blue",
  resolved: "green",
  declined: "gray",
};

/** One escalation in a queue: what, to whom, by when, and what its reader may do with it. */
export function EscalationCard({
  escalation,
  showEntitlement = true,
}: {
  escalation: Escalation;
  showEntitlement?: boolean;
}) {
  const { t } = useTranslation();
  // The L2 by the playbook's name in the app's language (the server's follows a change of language
  // only once the queue is asked again).
  const l2 = usePlaybook().l2(escalation.l1, escalation.l2)?.name ?? escalation.l2Name;
  const by = escalation.openedBy
    ? escalation.openedBy.name
    : t("escalations.card.byRule", {
        rule: t(`escalations.card.rules.${escalation.rule ?? "target_slipped"}`),
      });
  const state = t(`escalations.card.stateWords.${escalation.state}`);
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-label={t("escalations.card.label", { group: escalation.group })}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            {showEntitlement ? (
              <Anchor component={Link} href={escalationEditorHref(escalation)} fw={700}>
                {escalation.service.name} · {escalation.customer.name} · {escalation.tenant.name}
              </Anchor>
            ) : null}
            <Text size="sm">
              {t("escalations.card.to")} <b>{escalation.group}</b> · {l2}
            </Text>
          </Stack>
          <Group gap={6} wrap="nowrap">
            {escalation.overdue ? <Badge color="red">{t("escalations.card.overdue")}</Badge> : null}
            <Badge color={stateColors[escalation.state]}>{state}</Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {escalation.message}
        </Text>
        <Text size="xs" c="dimmed">
          {t("escalations.card.opened", {
            by,
            when: formatDateTime(escalation.openedAt),
            due: formatDate(escalation.dueOn),
          })}
          {escalation.acknowledgedBy
            ? t("escalations.card.acknowledgedBy", { name: escalation.acknowledgedBy.name })
            : ""}
          {escalation.closedBy
            ? t("escalations.card.closedBy", { state, name: escalation.closedBy.name })
            : ""}
          {escalation.comments > 0 ? t("escalations.card.comments", { count: escalation.comments }) : ""}
        </Text>
        {escalation.declineReason ? (
          <Text size="sm">{t("escalations.card.declined", { reason: escalation.declineReason })}</Text>
        ) : null}
        <EscalationActions escalation={escalation} />
      </Stack>
    </Card>
  );
}
