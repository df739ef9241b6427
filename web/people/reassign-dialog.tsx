import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from "@mantine/core";
import type { ReassignPlan, User } from "../api/api-types.ts";
import { type ReassignState, useReassign } from "./use-reassign.ts";

/** The assignments a reassignment may move, each with a checkbox. */
function AssignmentChoices({ plan, state }: { plan: ReassignPlan; state: ReassignState }) {
  if (plan.assignments.length === 0) return <Text size="sm">Nothing is assigned to {plan.from.name}.</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Customers and tenants
      </Text>
      {plan.assignments.map((assignment) => (
        <Checkbox
          key={assignment.id}
          size="xs"
          checked={!state.unchecked.has(assignment.id)}
          onChange={() => state.toggle(assignment.id)}
          label={`${assignment.customer ? `Customer ${assignment.customer.name}` : `Tenant ${assignment.tenant?.name ?? ""}`}${
            assignment.primary ? " (primary)" : ""
          }${assignment.merged ? ` (${plan.to.name} is already assigned)` : ""}`}
        />
      ))}
    </Stack>
  );
}

function Preview({ plan }: { plan: ReassignPlan | undefined }) {
  if (!plan) return null;
  return (
    <Alert color="blue" title="Preview">
      <Text size="sm">
        {plan.assignments.length} assignment(s) and {plan.segments.length} owned status segment(s) move from{" "}
        {plan.from.name} to {plan.to.name}; each change is audited.
      </Text>
      {plan.segments.slice(0, 20).map((segment) => (
        <Text size="xs" key={`${segment.entitlementId}:${segment.position}`}>
          {segment.customerName} / {segment.tenantName} / {segment.serviceId} ({segment.l1})
        </Text>
      ))}
      {plan.segments.length > 20 ? <Text size="xs">and {plan.segments.length - 20} more</Text> : null}
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
  const state = useReassign(from, onClose);
  const candidates = people
    .filter((person) => person.role === from.role && person.id !== from.id)
    .map((person) => ({ value: person.id, label: `${person.name} <${person.email}>` }));
  const error = state.everything.error ?? state.preview.error ?? state.apply.error;
  return (
    <Modal opened onClose={onClose} title={`Reassign ${from.name}'s work`} size="lg">
      <Stack gap="sm">
        <Select
          label="Move to"
          placeholder={candidates.length ? "A person of the same role" : "Nobody else has this role"}
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
            Cancel
          </Button>
          <Button
            onClick={() => state.apply.mutate()}
            loading={state.apply.isPending}
            disabled={!state.preview.data || state.nothing || state.preview.data.assignments.length === 0}
          >
            Apply
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
