import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReassignPlan, User } from "../api/api-types.ts";
import { type ReassignState, useReassign } from "./use-reassign.ts";

/** The assignments a reassignment may move, each with a checkbox. */
function AssignmentChoices({ plan, state }: { plan: ReassignPlan; state: ReassignState }) {
  const { t } = useTranslation();
  if (plan.assignments.length === 0)
    return <Text size="sm">{t("people.nothing", { name: plan.from.name })}</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t("people.assignments")}
      </Text>
      {plan.assignments.map((assignment) => (
        <Checkbox
          key={assignment.id}
          size="xs"
          checked={!state.unchecked.has(assignment.id)}
          onChange={() => state.toggle(assignment.id)}
          label={`${
            assignment.customer
              ? t("people.customer", { name: assignment.customer.name })
              : t("people.tenant", { name: assignment.tenant?.name ?? "" })
          }${assignment.primary ? t("people.primary") : ""}${
            assignment.merged ? t("people.merged", { name: plan.to.name }) : ""
          }`}
        />
      ))}
    </Stack>
  );
}

function Preview({ plan }: { plan: ReassignPlan | undefined }) {
  const { t } = useTranslation();
  if (!plan) return null;
  return (
    <Alert color="blue" title={t("people.preview")}>
      <Text size="sm">
        {t("people.previewBody", {
          assignments: plan.assignments.length,
          segments: plan.segments.length,
          from: plan.from.name,
          to: plan.to.name,
        })}
      </Text>
      {plan.segments.slice(0, 20).map((segment) => (
        <Text size="xs" key={`${segment.entitlementId}:${segment.position}`}>
          {segment.customerName} / {segment.tenantName} / {segment.serviceId} ({segment.l1})
        </Text>
      ))}
      {plan.segments.length > 20 ? (
        <Text size="xs">{t("people.more", { count: plan.segments.length - 20 })}</Text>
      ) : null}
    </Alert>
  );
}

/** Move one person's customers and tenants (all, or a selection) to another person of the same role. */
export function ReassignDialog({
  from,
  people,
  onClose,
}: {
  from: User;
  people: User[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const state = useReassign(from, onClose);
  const candidates = people
    .filter((person) => person.role === from.role && person.id !== from.id)
    .map((person) => ({ value: person.id, label: `${person.name} <${person.email}>` }));
  const error = state.everything.error ?? state.preview.error ?? state.apply.error;
  return (
    <Modal opened onClose={onClose} title={t("people.dialog", { name: from.name })} size="lg">
      <Stack gap="sm">
        <Select
          label={t("people.moveTo")}
          placeholder={candidates.length ? t("people.sameRole") : t("people.nobody")}
          data={candidates}
          value={state.to}
          onChange={state.choose}
          searchable
        />
        {state.everything.data ? <AssignmentChoices plan={state.everything.data} state={state} /> : null}
        <Preview plan={state.preview.data} />
        {error ? <Alert color="red">{error.message}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("people.cancel")}
          </Button>
          <Button
            onClick={() => state.apply.mutate()}
            loading={state.apply.isPending}
            disabled={!state.preview.data || state.nothing || state.preview.data.assignments.length === 0}
          >
            {t("people.apply")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
