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
export function EscalationActions({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation();
  const change = useChangeEscalation(escalation.id, escalation.entitlementId);
  const comment = useCommentOnEscalation(escalation.id, escalation.entitlementId);
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState("");
  const waiting = escalation.state === "open" || escalation.state === "acknowledged";
  const act = (body: Omit<EscalationChange, "version">) =>
    change.mutate({ ...body, version: escalation.version }, { onSuccess: () => close() });
  const close = () => {
    setForm(null);
    setText("");
  };
  const error = change.error ?? comment.error;
  return (
    <Stack gap={6}>
      <Group gap="xs">
        {escalation.canHandle && escalation.state === "open" ? (
          <Button size="xs" loading={change.isPending} onClick={() => act({ action: "acknowledge" })}>
            {t("escalations.actions.acknowledge")}
          </Button>
        ) : null}
        {escalation.canHandle && waiting ? (
          <>
            <Button size="xs" variant="light" color="green" onClick={() => act({ action: "resolve" })}>
              {t("escalations.actions.resolve")}
            </Button>
            <Button size="xs" variant="light" color="gray" onClick={() => setForm("decline")}>
              {t("escalations.actions.decline")}
            </Button>
          </>
        ) : null}
        <Button size="xs" variant="subtle" onClick={() => setForm("comment")}>
          {t("escalations.actions.comment")}
        </Button>
      </Group>
      {form ? (
        <Stack gap={6}>
          <Textarea
            label={
              form === "decline"
                ? t("escalations.actions.declineReason")
                : t("escalations.actions.commentLabel")
            }
            required
            autosize
            minRows={2}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <Group gap="xs">
            <Button
              size="xs"
              disabled={text.trim() === ""}
              loading={change.isPending || comment.isPending}
              onClick={() =>
                form === "decline"
                  ? act({ action: "decline", reason: text })
                  : comment.mutate(text, { onSuccess: () => close() })
              }
            >
              {form === "decline"
                ? t("escalations.actions.confirmDecline")
                : t("escalations.actions.addComment")}
            </Button>
            <Button size="xs" variant="default" onClick={close}>
              {t("escalations.actions.cancel")}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {error ? (
        <Alert
          color="red"
          variant="light"
          title={
            error instanceof ApiError && error.status === 409
              ? t("escalations.actions.changed")
              : t("escalations.actions.notDone")
          }
        >
          {error.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
