import { Alert, Button, Group, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Escalation } from "../../src/http/schemas/escalations.ts";
import { ApiError } from "../api/api-client.ts";
import { type EscalationChange, useChangeEscalation, useCommentOnEscalation } from "./escalation-api.ts";

type Form = "decline" | "comment" | null;

/**
 * Acknowledge, resolve, decline (with its reason) and comment, as the
 * escalation's state and the reader's membership allow. The server decides
 * anyway; a refusal shows its message.
 */
function useEscalationActions(escalation: Escalation) {
  const change = useChangeEscalation(escalation.id, escalation.entitlementId);
  const comment = useCommentOnEscalation(escalation.id, escalation.entitlementId);
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState("");
  const close = () => {
    setForm(null);
    setText("");
  };
  const act = (body: Omit<EscalationChange, "version">) =>
    change.mutate({ ...body, version: escalation.version }, { onSuccess: () => close() });
  const submit = () =>
    form === "decline"
      ? act({ action: "decline", reason: text })
      : comment.mutate(text, { onSuccess: close });
  return {
    form,
    setForm,
    text,
    setText,
    close,
    act,
    submit,
    pending: change.isPending,
    submitting: change.isPending || comment.isPending,
    error: change.error ?? comment.error,
  };
}

type ActionsState = ReturnType<typeof useEscalationActions>;

export function EscalationActions({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation();
  const state = useEscalationActions(escalation);
  const waiting = escalation.state === "open" || escalation.state === "acknowledged";
  return (
    <Stack gap={6}>
      <Group gap="xs">
        {escalation.canHandle && escalation.state === "open" ? (
          <Button size="xs" loading={state.pending} onClick={() => state.act({ action: "acknowledge" })}>
            {t("escalations.actions.acknowledge")}
          </Button>
        ) : null}
        {escalation.canHandle && waiting ? (
          <>
            <Button size="xs" variant="light" color="green" onClick={() => state.act({ action: "resolve" })}>
              {t("escalations.actions.resolve")}
            </Button>
            <Button size="xs" variant="light" color="gray" onClick={() => state.setForm("decline")}>
              {t("escalations.actions.decline")}
            </Button>
          </>
        ) : null}
        <Button size="xs" variant="subtle" onClick={() => state.setForm("comment")}>
          {t("escalations.actions.comment")}
        </Button>
      </Group>
      {state.form ? <ActionForm state={state} /> : null}
      {state.error ? <ActionError error={state.error} /> : null}
    </Stack>
  );
}

function ActionForm({ state }: { state: ActionsState }) {
  const { t } = useTranslation();
  const declining = state.form === "decline";
  return (
    <Stack gap={6}>
      <Textarea
        label={declining ? t("escalations.actions.declineReason") : t("escalations.actions.commentLabel")}
        required
        autosize
        minRows={2}
        value={state.text}
        onChange={(event) => state.setText(event.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={state.text.trim() === ""}
          loading={state.submitting}
          onClick={state.submit}
        >
          {declining ? t("escalations.actions.confirmDecline") : t("escalations.actions.addComment")}
        </Button>
        <Button size="xs" variant="default" onClick={state.close}>
          {t("escalations.actions.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}

function ActionError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const changed = error instanceof ApiError && error.status === 409;
  return (
    <Alert
      color="red"
      variant="light"
      title={changed ? t("escalations.actions.changed") : t("escalations.actions.notDone")}
    >
      {error.message}
    </Alert>
  );
}
