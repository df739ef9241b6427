import { Alert, Button, Stack, Text } from "@mantine/core";
import { plural } from "../shared/format.ts";
import type { BulkOutcome } from "./bulk-outcome.ts";

/** After the bulk update: what changed, what already said so, and what was refused and why. */
export function BulkOutcomeView({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  return (
    <Stack gap="sm" role="status">
      <Alert color={outcome.refused.length === 0 ? "green" : "yellow"} title="Bulk update done">
        {outcome.change} {plural(outcome.changed.length, "row")} changed
        {outcome.unchanged.length > 0 ? `, ${plural(outcome.unchanged.length, "row")} already said so` : ""},{" "}
        {plural(outcome.refused.length, "row")} refused.
      </Alert>
      {outcome.changed.length > 0 ? (
        <>
          <Text fw={700} size="sm">
            Changed
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
            Refused
          </Text>
          {outcome.refused.map(({ entitlement, messages }) => (
            <Text key={entitlement.id} size="sm">
              {entitlement.customer.name} · {entitlement.tenant.name} · {entitlement.service.name}:{" "}
              <Text span c="red" size="sm">
                {messages.join(" ") || "refused"}
              </Text>
            </Text>
          ))}
        </>
      ) : null}
      <Button onClick={onClose} w={120}>
        Close
      </Button>
    </Stack>
  );
}
