import {
  Alert,
  Button,
  Center,
  Drawer,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../../src/domain/rules/evaluate-status.ts";
import type { Violation } from "../../src/domain/violation.ts";
import { ApiError, apiRequest } from "../api/api-client.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { queryKeys, useEntitlement, useMe } from "../api/queries.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { formatCount, plural, todayUtc } from "../shared/format.ts";
import { SeatBar } from "../tenant/seat-bar.tsx";
import { useCan } from "../users/permissions.ts";
import {
  applyRow,
  byField,
  draftFromSegments,
  type EditorContext,
  type EditorDraft,
  newSegment,
  rowFor,
  type SegmentDraft,
  seatTotal,
  toProposed,
  toRequestSegments,
} from "./editor-state.ts";
import { GuidancePanel } from "./guidance-panel.tsx";
import { HistoryTimeline } from "./history-timeline.tsx";
import { SegmentForm } from "./segment-form.tsx";

export type EditorTab = "edit" | "history";

export interface StatusEditorProps {
  entitlementId: string | null;
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  onClose: () => void;
}

/** The status editor of one service (entitlement), with its history, in a drawer. */
export function StatusEditor({ entitlementId, tab, onTab, onClose }: StatusEditorProps) {
  const entitlement = useEntitlement(entitlementId);
  const title = entitlement.data
    ? `${entitlement.data.service.name}: ${entitlement.data.customer.name} · ${entitlement.data.tenant.name}`
    : "Service status";
  return (
    <Drawer
      opened={entitlementId !== null}
      onClose={onClose}
      position="right"
      size="85%"
      title={<Text fw={700}>{title}</Text>}
      closeButtonProps={{ "aria-label": "Close the status editor" }}
    >
      {entitlement.isPending ? (
        <Center p="xl">
          <Loader aria-label="Loading the service" />
        </Center>
      ) : entitlement.isError ? (
        <Alert color="red" title="The service could not be loaded">
          {entitlement.error.message}
        </Alert>
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => onTab(value === "history" ? "history" : "edit")}
          keepMounted={false}
        >
          <Tabs.List mb="sm">
            <Tabs.Tab value="edit">Edit status</Tabs.Tab>
            <Tabs.Tab value="history">History</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="edit">
            <EditorForm
              key={entitlement.data.id}
              entitlement={entitlement.data}
              onSaved={() => onTab("history")}
              onCancel={onClose}
            />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <SavedNotice entitlement={entitlement.data} />
            <HistoryTimeline entitlementId={entitlement.data.id} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Drawer>
  );
}

/** The last save's confirmation, shown above the history it added to. */
let lastSaved: { id: string; version: number } | null = null;

function SavedNotice({ entitlement }: { entitlement: EntitlementView }) {
  if (lastSaved?.id !== entitlement.id || lastSaved.version !== entitlement.version) return null;
  return (
    <Alert color="green" mb="sm" title="Saved" role="status">
      {entitlement.service.name} is now at version {entitlement.version}.
    </Alert>
  );
}

function EditorForm({
  entitlement,
  onSaved,
  onCancel,
}: {
  entitlement: EntitlementView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const index = usePlaybook();
  const me = useMe();
  const can = useCan();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<EditorDraft>(() =>
    draftFromSegments(entitlement.stage, entitlement.availableSeats, entitlement.segments),
  );
  // The version and segments the edit is based on; a 409 moves them to the current ones.
  const [base, setBase] = useState(entitlement);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Violation[]>([]);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (entitlement.version > base.version) setBase(entitlement);
  }, [entitlement, base.version]);

  const context: EditorContext = {
    index,
    stage: draft.stage,
    previous: base.segments,
    serviceId: base.service.id,
  };
  const today = todayUtc();
  const role = me.data?.user.role;
  const decision = useMemo(
    () =>
      evaluateStatus({
        index,
        serviceId: base.service.id,
        stage: draft.stage,
        actorRole: role ?? "viewer",
        availableSeats: base.availableSeats,
        previous: base.segments,
        proposed: toProposed(draft),
        today,
      }),
    [index, base, draft, role, today],
  );
  const clientErrors = decision.ok ? [] : decision.violations;
  const visible = byField([
    ...clientErrors.filter((found) => attempted || isTouched(touched, found.field)),
    ...serverErrors,
  ]);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      apiRequest<EntitlementView>(`/entitlements/${base.id}/status`, { method: "PUT", body }),
    onSuccess: (saved) => {
      lastSaved = { id: saved.id, version: saved.version };
      queryClient.setQueryData(queryKeys.entitlement(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.entitlementsAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(saved.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
      onSaved();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        const current = error.problem.current as EntitlementView | undefined;
        if (current?.id === base.id) {
          queryClient.setQueryData(queryKeys.entitlement(base.id), current);
          setBase(current);
        } else {
          void queryClient.invalidateQueries({ queryKey: queryKeys.entitlement(base.id) });
        }
        void queryClient.invalidateQueries({ queryKey: queryKeys.history(base.id) });
        return;
      }
      if (error instanceof ApiError && error.errors.length > 0) {
        setServerErrors(error.errors);
        setFailure(error.message);
        return;
      }
      setFailure(error.message);
    },
  });

  const update = (next: EditorDraft, paths: string[]) => {
    setDraft(next);
    setTouched((current) => new Set([...current, ...paths]));
    setServerErrors((current) => current.filter((found) => !paths.includes(found.field)));
    setFailure(null);
  };

  const updateSegment = (position: number, next: SegmentDraft) => {
    const old = draft.segments[position]!;
    const changed = (Object.keys(next) as Array<keyof SegmentDraft>)
      .filter((key) => next[key] !== old[key])
      .map((key) => `segments.${position}.${key}`);
    const segments = draft.segments.map((segment, at) => (at === position ? next : segment));
    update(
      { ...draft, segments },
      changed.includes(`segments.${position}.seats`) ? [...changed, "segments"] : changed,
    );
  };

  const setStage = (stage: Stage) => {
    const nextContext = { ...context, stage };
    const segments = draft.segments.map((segment) => {
      const oldRow = rowFor(index, segment, draft.stage, base.segments);
      if (oldRow && oldRow.stage === stage) return segment;
      return applyRow(
        nextContext,
        segment,
        oldRow,
        rowFor(index, { ...segment, scenarioId: "" }, stage, base.segments),
      );
    });
    update({ stage, segments }, ["stage"]);
  };

  const addSegment = () => {
    const remaining = base.availableSeats - seatTotal(draft);
    update({ ...draft, segments: [...draft.segments, newSegment(remaining)] }, ["segments"]);
  };
  const removeSegment = (position: number) => {
    update({ ...draft, segments: draft.segments.filter((_, at) => at !== position) }, ["segments"]);
  };

  const submit = () => {
    setAttempted(true);
    setConflict(false);
    setFailure(null);
    if (!decision.ok) return;
    save.mutate({ version: base.version, stage: draft.stage, segments: toRequestSegments(draft) });
  };

  const mayWrite = can(`status.write.${draft.stage}`);
  const total = seatTotal(draft);
  const remaining = base.availableSeats - total;
  const split = draft.segments.length > 1;
  const general = [...visible.entries()].filter(
    ([field]) => !/^segments\.\d+/.test(field) && field !== "segments",
  );

  return (
    <Stack gap="sm">
      {mayWrite ? null : (
        <Alert color="blue" title="Read only">
          Your role does not record statuses in the {draft.stage === "delivery" ? "Delivery" : "Assignment"}{" "}
          stage; you can look at the fields and the playbook's guidance, but not save.
        </Alert>
      )}
      {conflict ? (
        <Alert color="orange" title="Changed by someone else: review and retry" role="alert">
          This service was saved by someone else while you edited it. Its current status is shown below and
          your edits are kept: review them against it, then save again.
        </Alert>
      ) : null}
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} style={{ flex: 1 }}>
            <Text size="sm" fw={600}>
              Current status (version {base.version}, {base.stage === "delivery" ? "Delivery" : "Assignment"}{" "}
              stage)
            </Text>
            <SeatBar index={index} segments={base.segments} availableSeats={base.availableSeats} />
          </Stack>
          <Text size="xs" c="dimmed" maw={260}>
            Acting as{" "}
            {me.data
              ? `${me.data.user.name} (${index.role(me.data.user.role)?.name ?? me.data.user.role})`
              : "…"}
            .
          </Text>
        </Group>
      </Paper>

      <Group align="flex-end" gap="lg">
        <Stack gap={2}>
          <Text size="sm" fw={500} id="stage-label">
            Stage
          </Text>
          <SegmentedControl
            aria-labelledby="stage-label"
            value={draft.stage}
            onChange={(value) => setStage(value === "delivery" ? "delivery" : "assignment")}
            data={[
              { value: "assignment", label: "Assignment" },
              { value: "delivery", label: "Delivery" },
            ]}
          />
        </Stack>
        <Stack gap={2} aria-live="polite">
          <Text size="sm">
            Seats: {formatCount(base.availableSeats)} available · {formatCount(total)} assigned ·{" "}
            <Text span fw={700} c={remaining === 0 ? "green.8" : "red.8"}>
              {remaining >= 0 ? `${formatCount(remaining)} remaining` : `${formatCount(-remaining)} too many`}
            </Text>
          </Text>
          {visible.get("segments") ? (
            <Text size="sm" c="red" role="alert">
              {visible.get("segments")!.join(" ")}
            </Text>
          ) : null}
        </Stack>
        <Button size="xs" variant="light" onClick={addSegment}>
          Split seats: add a segment
        </Button>
      </Group>

      {draft.segments.map((segment, position) => {
        const row = rowFor(index, segment, draft.stage, base.segments);
        return (
          <Paper
            key={segment.key}
            withBorder
            p="sm"
            component="fieldset"
            aria-label={split ? `Segment ${position + 1}` : "Status"}
            style={{ margin: 0 }}
          >
            <Grid gap="md">
              <Grid.Col span={7}>
                <SegmentForm
                  context={context}
                  segment={segment}
                  position={position}
                  onChange={(next) => updateSegment(position, next)}
                  errors={visible}
                  split={split}
                  withSeats={split}
                  onRemove={split ? () => removeSegment(position) : undefined}
                />
              </Grid.Col>
              <Grid.Col span={5}>
                <Paper bg="gray.0" p="sm" h="100%">
                  <GuidancePanel
                    l1={segment.l1}
                    l2={segment.l2}
                    l3={segment.l3}
                    row={row}
                    serviceId={base.service.id}
                  />
                </Paper>
              </Grid.Col>
            </Grid>
          </Paper>
        );
      })}

      {general.length > 0 ? (
        <Alert color="red" title="Not saved">
          {general.map(([field, messages]) => (
            <Text key={field} size="sm">
              {messages.join(" ")}
            </Text>
          ))}
        </Alert>
      ) : null}
      {failure && general.length === 0 ? (
        <Alert color="red" title="Not saved" role="alert">
          {failure}
        </Alert>
      ) : null}

      <Group justify="space-between" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
        <Text size="sm" c={attempted && clientErrors.length > 0 ? "red" : "dimmed"} aria-live="polite">
          {clientErrors.length === 0
            ? "Checked against the playbook: ready to save."
            : `${plural(clientErrors.length, "problem")} to fix before saving.`}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!me.data || !mayWrite}>
            Save status
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** A violation is shown once the user has changed the field it names (or the whole segment list). */
function isTouched(touched: ReadonlySet<string>, field: string): boolean {
  if (touched.has(field)) return true;
  if (field === "segments") return touched.has("segments");
  return false;
}
