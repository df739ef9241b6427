import { Alert, Button, Center, Loader, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EntitlementView } from "../api/api-types.ts";
import { useEscalations, useOpenEscalation } from "../escalations/escalation-api.ts";
import { EscalationCard } from "../escalations/escalation-card.tsx";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatDate } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";

/**
 * The editor's Escalations tab: escalate the entitlement to the resolver
 * group of one of its L2s (the first Blocked segment's by default), and its
 * escalations so far with what the reader may do with them.
 */
export function EscalationPanel({ entitlement }: { entitlement: EntitlementView }) {
  const { t } = useTranslation();
  const escalations = useEscalations({ entitlementId: entitlement.id });
  const can = useCan();
  return (
    <Stack gap="md">
      {can(`status.write.${entitlement.stage}`) ? <EscalateForm entitlement={entitlement} /> : null}
      <Title order={4}>{t("editor.escalate.title")}</Title>
      {escalations.isPending ? (
        <Center p="md">
          <Loader size="sm" aria-label={t("editor.escalate.loading")} />
        </Center>
      ) : escalations.isError ? (
        <Alert color="red" title={t("editor.escalate.loadFailed")}>
          {escalations.error.message}
        </Alert>
      ) : escalations.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("editor.escalate.none")}
        </Text>
      ) : (
        escalations.data.items.map((escalation) => (
          <EscalationCard key={escalation.id} escalation={escalation} showEntitlement={false} />
        ))
      )}
    </Stack>
  );
}

function EscalateForm({ entitlement }: { entitlement: EntitlementView }) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const choices = resolverChoices(index, entitlement);
  const [l2, setL2] = useState<string | null>(choices[0]?.value ?? null);
  const [message, setMessage] = useState("");
  const open = useOpenEscalation(entitlement.id);
  const chosen = choices.find((choice) => choice.value === l2);
  if (choices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("editor.escalate.needsL2")}
      </Text>
    );
  }
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        open.mutate({ message, ...(l2 ? { l2 } : {}) }, { onSuccess: () => setMessage("") });
      }}
    >
      <Title order={4}>{t("editor.escalate.heading")}</Title>
      <Select
        label={t("editor.escalate.to")}
        data={choices}
        value={l2}
        onChange={setL2}
        allowDeselect={false}
        description={
          chosen ? t("editor.escalate.goesTo", { group: chosen.resolverGroup, count: chosen.sla }) : undefined
        }
      />
      <Textarea
        label={t("editor.escalate.message")}
        description={t("editor.escalate.messageHelp")}
        required
        autosize
        minRows={3}
        value={message}
        onChange={(event) => setMessage(event.currentTarget.value)}
      />
      <Button type="submit" w="fit-content" disabled={message.trim() === ""} loading={open.isPending}>
        {t("editor.escalate.submit")}
      </Button>
      {open.isSuccess ? (
        <Alert color="green" variant="light" title={t("editor.escalate.done", { group: open.data.group })}>
          {t("editor.escalate.doneBody", { date: formatDate(open.data.dueOn) })}
        </Alert>
      ) : null}
      {open.isError ? (
        <Alert color="red" variant="light" title={t("editor.escalate.failed")}>
          {open.error.message}
        </Alert>
      ) : null}
    </Stack>
  );
}

type Index = ReturnType<typeof usePlaybook>;

/** One choice per L2 of the entitlement's segments (Blocked ones first), with its group and SLA. */
function resolverChoices(index: Index, entitlement: EntitlementView) {
  const seen = new Set<string>();
  const segments = [...entitlement.segments].sort(
    (a, b) => Number(b.l1 === "blocked") - Number(a.l1 === "blocked"),
  );
  // Not `group`: Mantine reads an option with a group key as a group of options.
  const choices: { value: string; label: string; resolverGroup: string; sla: number }[] = [];
  for (const segment of segments) {
    if (!segment.l2 || seen.has(segment.l2)) continue;
    const l2 = index.l2(segment.l1, segment.l2);
    if (!l2) continue;
    seen.add(segment.l2);
    const sla = l2.resolver.slaBusinessDays ?? index.playbook.escalations.slaBusinessDays;
    choices.push({
      value: l2.id,
      label: `${l2.name} → ${l2.resolver.group}`,
      resolverGroup: l2.resolver.group,
      sla,
    });
  }
  return choices;
}
