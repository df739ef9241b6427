import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import type { Escalation } from "../../src/http/schemas/escalations.ts";
import { Link } from "../router/link.tsx";
import { formatDate, formatDateTime, plural } from "../shared/format.ts";
import { EscalationActions } from "./escalation-actions.tsx";
import { escalationEditorHref } from "./escalation-api.ts";

const stateColors: Record<Escalation["state"], string> = {
  open: "orange",
  acknowledged: "blue",
  resolved: "green",
  declined: "gray",
};

const ruleNames: Record<NonNullable<Escalation["rule"]>, string> = {
  target_slipped: "target date slipped",
  blocked_too_long: "Blocked too long",
};

/** One escalation in a queue: what, to whom, by when, and what its reader may do with it. */
export function EscalationCard({
  escalation,
  showEntitlement = true,
}: {
  escalation: Escalation;
  showEntitlement?: boolean;
}) {
  const by = escalation.openedBy
    ? escalation.openedBy.name
    : `the playbook rule (${ruleNames[escalation.rule ?? "target_slipped"]})`;
  return (
    <Card withBorder padding="sm" component="article" aria-label={`Escalation to ${escalation.group}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            {showEntitlement ? (
              <Anchor component={Link} href={escalationEditorHref(escalation)} fw={700}>
                {escalation.service.name} · {escalation.customer.name} · {escalation.tenant.name}
              </Anchor>
            ) : null}
            <Text size="sm">
              To <b>{escalation.group}</b> · {escalation.l2Name}
            </Text>
          </Stack>
          <Group gap={6} wrap="nowrap">
            {escalation.overdue ? <Badge color="red">Overdue</Badge> : null}
            <Badge color={stateColors[escalation.state]}>{escalation.state}</Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {escalation.message}
        </Text>
        <Text size="xs" c="dimmed">
          Opened by {by}, {formatDateTime(escalation.openedAt)} · due {formatDate(escalation.dueOn)}
          {escalation.acknowledgedBy ? ` · acknowledged by ${escalation.acknowledgedBy.name}` : ""}
          {escalation.closedBy ? ` · ${escalation.state} by ${escalation.closedBy.name}` : ""}
          {escalation.comments > 0 ? ` · ${plural(escalation.comments, "comment")}` : ""}
        </Text>
        {escalation.declineReason ? <Text size="sm">Declined: {escalation.declineReason}</Text> : null}
        <EscalationActions escalation={escalation} />
      </Stack>
    </Card>
  );
}
