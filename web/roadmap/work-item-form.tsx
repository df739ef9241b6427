import { Alert, Button, Group, Modal, MultiSelect, NativeSelect, Stack, TextInput } from "@mantine/core";
import { workItemL1 } from "../../src/domain/work-items/work-item-fields.ts";
import type { WorkItem } from "../../src/http/schemas/work-items.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { l3Data, serviceData } from "../playbook/select-data.ts";
import { useWorkItemForm } from "./use-roadmap.ts";

const states = ["proposed", "planned", "in_development"] as const;

type FormState = ReturnType<typeof useWorkItemForm>;

/** Add a work item, or edit one on the version it was opened at (a 409 offers the current one). */
export function WorkItemForm({ item, onClose }: { item: WorkItem | null; onClose: () => void }) {
  const form = useWorkItemForm(item, onClose);
  return (
    <Modal
      opened
      onClose={onClose}
      title={form.editing ? i18n.t("roadmap.form.editTitle") : i18n.t("roadmap.form.addTitle")}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          form.save.mutate();
        }}
      >
        <Stack gap="sm">
          <DescriptionFields form={form} />
          <LinkFields form={form} />
          <Problems form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {i18n.t("roadmap.cancel")}
            </Button>
            <Button type="submit" loading={form.save.isPending}>
              {form.editing ? i18n.t("roadmap.form.save") : i18n.t("roadmap.form.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Title, tracker link, state and expected date. */
function DescriptionFields({ form }: { form: FormState }) {
  const { draft, change, fieldError } = form;
  const shipped = form.editing?.state === "shipped";
  return (
    <>
      <TextInput
        label={i18n.t("roadmap.form.title")}
        required
        value={draft.title}
        error={fieldError("title")}
        onChange={(event) => change({ title: event.currentTarget.value })}
      />
      <TextInput
        label={i18n.t("roadmap.form.link")}
        placeholder="https://"
        value={draft.externalUrl}
        error={fieldError("externalUrl")}
        onChange={(event) => change({ externalUrl: event.currentTarget.value })}
      />
      <Group grow align="flex-start">
        <NativeSelect
          label={i18n.t("roadmap.form.state")}
          data={states.map((value) => ({ value, label: i18n.t(`roadmap.states.${value}`) }))}
          value={draft.state}
          disabled={shipped}
          description={shipped ? i18n.t("roadmap.form.stays") : undefined}
          error={fieldError("state")}
          onChange={(event) => change({ state: event.currentTarget.value as typeof draft.state })}
        />
        <TextInput
          label={i18n.t("roadmap.form.expected")}
          type="date"
          value={draft.expectedDate}
          error={fieldError("expectedDate")}
          onChange={(event) => change({ expectedDate: event.currentTarget.value })}
        />
      </Group>
    </>
  );
}

/** What it unblocks: an L2 of Blocked, optionally one of its L3s, optionally services. */
function LinkFields({ form }: { form: FormState }) {
  const index = usePlaybook();
  const { draft, change, fieldError } = form;
  const l2s = (index.l1(workItemL1)?.l2s ?? []).map((l2) => ({ value: l2.id, label: l2.name }));
  const l3s = draft.l2 ? l3Data(index, workItemL1, draft.l2) : [];
  return (
    <>
      <NativeSelect
        label={i18n.t("roadmap.form.l2")}
        required
        data={[{ value: "", label: i18n.t("roadmap.form.chooseL2") }, ...l2s]}
        value={draft.l2}
        error={fieldError("l2")}
        onChange={(event) => change({ l2: event.currentTarget.value, l3: "" })}
      />
      <NativeSelect
        label={i18n.t("roadmap.form.l3")}
        description={i18n.t("roadmap.form.l3Help")}
        disabled={l3s.length === 0}
        data={[{ value: "", label: i18n.t("roadmap.form.none") }, ...l3s]}
        value={draft.l3}
        error={fieldError("l3")}
        onChange={(event) => change({ l3: event.currentTarget.value })}
      />
      <MultiSelect
        label={i18n.t("roadmap.form.services")}
        description={i18n.t("roadmap.form.servicesHelp")}
        searchable
        clearable
        data={serviceData(index)}
        value={draft.serviceIds}
        error={fieldError("serviceIds")}
        onChange={(value) => change({ serviceIds: value })}
      />
    </>
  );
}

/** A version conflict (with the way back to the current item), or a refusal naming no field. */
function Problems({ form }: { form: FormState }) {
  if (form.current) {
    return (
      <Alert color="orange" title={i18n.t("roadmap.form.changed")}>
        {form.error?.message}{" "}
        <Button size="xs" variant="light" onClick={form.reload}>
          {i18n.t("roadmap.form.again")}
        </Button>
      </Alert>
    );
  }
  if (form.error && form.error.errors.length === 0) return <Alert color="red">{form.error.message}</Alert>;
  return null;
}
