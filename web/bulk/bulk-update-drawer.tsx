import {
  Alert,
  Button,
  Drawer,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { apiRequest } from "../api/api-client.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { useMe } from "../api/queries.ts";
import {
  draftFromSegments,
  type EditorDraft,
  type SegmentDraft,
  toProposed,
} from "../editor/editor-state.ts";
import { SegmentForm } from "../editor/segment-form.tsx";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { plural, todayUtc } from "../shared/format.ts";
import { type BulkResult, bulkBody, type PlannedRow, planOwner, planStatus } from "./bulk-plan.ts";

type Mode = "status" | "owner";

interface Outcome {
  /** What was applied, in words. */
  change: string;
  changed: EntitlementView[];
  /** Accepted, but the row already said this: nothing stored. */
  unchanged: EntitlementView[];
  refused: Array<{ entitlement: EntitlementView; messages: string[] }>;
}

/** Bulk update of the selected portfolio rows: one status for all, or a new owner. */
export function BulkUpdateDrawer({
  opened,
  rows,
  onClose,
  onApplied,
}: {
  opened: boolean;
  rows: readonly EntitlementView[];
  onClose: () => void;
  onApplied: () => void;
}) {
  const index = usePlaybook();
  const me = useMe();
  const [mode, setMode] = useState<Mode>("status");
  const [stage, setStage] = useState<Stage>("assignment");
  const [segment, setSegment] = useState<SegmentDraft>(() => emptySegment());
  const [owner, setOwner] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (opened) {
      setOutcome(null);
      setStage(rows[0]?.stage ?? "assignment");
    }
  }, [opened, rows]);

  const services = new Set(rows.map((row) => row.service.id));
  // One service selected: offer its L3s; several: only the L3s that apply to every service.
  const serviceId = services.size === 1 ? [...services][0]! : "";
  const today = todayUtc();
  const planned: PlannedRow[] = useMemo(() => {
    const context = { index, actorRole: me.data?.user.role ?? "viewer", today };
    if (mode === "owner") return owner.trim() ? planOwner(context, rows, owner.trim()) : [];
    if (!segment.l1) return [];
    const [proposed] = toProposed({ stage, segments: [segment] } satisfies EditorDraft);
    const { seats: _seats, ...rest } = proposed!;
    return planStatus(context, rows, stage, rest);
  }, [index, me.data?.user.role, today, mode, owner, rows, stage, segment]);
  const ready = planned.filter((row) => row.violations.length === 0);
  const refusedHere = planned.filter((row) => row.violations.length > 0);

  const describeChange = () => {
    if (mode === "owner") return `Owner set to ${owner.trim()}.`;
    const path = [index.l1(segment.l1)?.name, segment.l2 && index.l2(segment.l1, segment.l2)?.name]
      .filter(Boolean)
      .join(" › ");
    return `Status set to ${path} in the ${stage === "delivery" ? "Delivery" : "Assignment"} stage.`;
  };

  const send = useMutation({
    mutationFn: () =>
      apiRequest<{ results: BulkResult[] }>("/bulk/status", { method: "POST", body: bulkBody(planned) }),
    onSuccess: (response) => {
      const byId = new Map(rows.map((row) => [row.id, row]));
      const changed: EntitlementView[] = [];
      const unchanged: EntitlementView[] = [];
      const refused: Outcome["refused"] = refusedHere.map((row) => ({
        entitlement: row.entitlement,
        messages: row.violations.map((found) => found.message),
      }));
      for (const result of response.results) {
        const entitlement = byId.get(result.entitlementId);
        if (!entitlement) continue;
        if (result.ok && result.version === entitlement.version) unchanged.push(entitlement);
        else if (result.ok) changed.push(entitlement);
        else {
          const messages = (result.errors ?? []).map((found) => found.message);
          refused.push({
            entitlement,
            messages: messages.length > 0 ? messages : [result.message ?? "Refused."],
          });
        }
      }
      setOutcome({ change: describeChange(), changed, unchanged, refused });
      onApplied();
    },
  });

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="80%"
      title={<Text fw={700}>Bulk update</Text>}
    >
      {outcome ? (
        <OutcomeView outcome={outcome} onClose={onClose} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {plural(rows.length, "selected entitlement")}. Each row is checked against the playbook's rules
            before anything is sent; refused rows are listed with the reason.
          </Text>
          <SegmentedControl
            aria-label="What to change"
            value={mode}
            onChange={(value) => setMode(value === "owner" ? "owner" : "status")}
            data={[
              { value: "status", label: "Set a status" },
              { value: "owner", label: "Reassign owner" },
            ]}
          />
          {mode === "status" ? (
            <Paper withBorder p="sm">
              <Stack gap="xs">
                <NativeSelect
                  label="Stage"
                  size="xs"
                  w={200}
                  value={stage}
                  data={[
                    { value: "assignment", label: "Assignment" },
                    { value: "delivery", label: "Delivery" },
                  ]}
                  onChange={(event) =>
                    setStage(event.currentTarget.value === "delivery" ? "delivery" : "assignment")
                  }
                />
                <SegmentForm
                  context={{ index, stage, previous: [], serviceId }}
                  segment={segment}
                  position={0}
                  onChange={setSegment}
                  errors={new Map()}
                  split={false}
                  withSeats={false}
                  carryNote="Each row keeps its previous value"
                />
                <Text size="xs" c="dimmed">
                  Every selected row gets this status for all of its seats.
                </Text>
              </Stack>
            </Paper>
          ) : (
            <TextInput
              label="New owner"
              description="Set on every segment whose scenario row takes an owner."
              value={owner}
              onChange={(event) => setOwner(event.currentTarget.value)}
              w={360}
            />
          )}
          <PlanTable planned={planned} />
          {send.isError ? (
            <Alert color="red" title="Not sent">
              {send.error.message}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              {planned.length === 0
                ? "Fill in the change to check the rows."
                : `${plural(ready.length, "row")} ready, ${plural(refusedHere.length, "row")} refused by the rules.`}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button disabled={ready.length === 0} loading={send.isPending} onClick={() => send.mutate()}>
                Apply to {plural(ready.length, "row")}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}

function emptySegment(): SegmentDraft {
  return draftFromSegments("assignment", 0, []).segments[0]!;
}

function PlanTable({ planned }: { planned: readonly PlannedRow[] }) {
  if (planned.length === 0) return null;
  return (
    <Table striped withTableBorder fz="xs" aria-label="Rows and what the rules say">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Customer / tenant</Table.Th>
          <Table.Th>Service</Table.Th>
          <Table.Th>Check</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {planned.map((row) => (
          <Table.Tr key={row.entitlement.id}>
            <Table.Td>
              {row.entitlement.customer.name} · {row.entitlement.tenant.name}
            </Table.Td>
            <Table.Td>{row.entitlement.service.name}</Table.Td>
            <Table.Td>
              {row.violations.length === 0 ? (
                <Text c="green.8" size="xs">
                  Ready
                </Text>
              ) : (
                <Text c="red.8" size="xs">
                  {row.violations.map((found) => found.message).join(" ")}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OutcomeView({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
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
              <Text span c="red.8" size="sm">
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
