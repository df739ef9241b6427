import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BulkOutcome } from "./bulk-outcome.ts";

/** After the bulk update: what changed, what already said so, and what was refused and why. */
export function BulkOutcomeView({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const rows = (count: number) => t("bulk.rows", { count });
  return (
    <Stack gap="sm" role="status">
      <Alert color={outcome.refused.length === 0 ? "green" : "yellow"} title={t("bulk.done")}>
        {t("bulk.doneBody", {
          change: outcome.change,
          changed: rows(outcome.changed.length),
          unchanged:
            outcome.unchanged.length > 0
              ? t("bulk.alreadySaid", { rows: rows(outcome.unchanged.length) })
              : "",
          refused: rows(outcome.refused.length),
        })}
      </Alert>
      {outcome.changed.length > 0 ? (
        <>
          <Text fw={700} size="sm">
            {t("bulk.changed")}
          </Text>
          {outcome.changed.map((row) => (
            <Text key={row.id} size="sm">
              {row.customer.name} · {row.tenant.name} · {row.service.name}
            </Text>
          ))}
        </>
      ) : null}
      {outcome.refused.length > 0 ? (
        <>
          <Text fw={700} size="sm">
            {t("bulk.refused")}
          </Text>
          {outcome.refused.map(({ entitlement, messages }) => (
            <Text key={entitlement.id} size="sm">
              {entitlement.customer.name} · {entitlement.tenant.name} · {entitlement.service.name}:{" "}
              <Text span c="red" size="sm">
                {messages.join(" ") || t("bulk.refusedWord")}
              </Text>
            </Text>
          ))}
        </>
      ) : null}
      <Button onClick={onClose} w={120}>
        {t("bulk.close")}
      </Button>
    </Stack>
  );
}
