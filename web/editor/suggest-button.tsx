import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { ConfidenceBand } from "../../src/domain/suggest/confidence-band.ts";
import { apiRequest } from "../api/api-client.ts";
import type { StatusSuggestion } from "../api/api-types.ts";
import { type AppliedSuggestion, applySuggestion, type SuggestedLevel } from "./apply-suggestion.ts";
import type { EditorContext, SegmentDraft } from "./editor-state.ts";

interface Outcome {
  /** The note the suggestion was read from. */
  note: string;
  answer: StatusSuggestion;
  applied: AppliedSuggestion;
}

const bandColor: Record<ConfidenceBand, string> = { green: "green", amber: "orange", red: "red" };

/**
 * The Suggest button beside a status note: reads the note (and the service)
 * through the offline classifier, fills the L1, L2 and L3 this stage's
 * scenario row offers, and says how sure it is, from which words, and what it
 * left alone.
 */
export function SuggestButton({
  context,
  segment,
  onApply,
}: {
  context: EditorContext;
  segment: SegmentDraft;
  onApply: (next: SegmentDraft) => void;
}) {
  const { t } = useTranslation();
  const resultId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ask = useMutation({
    mutationFn: (note: string) =>
      apiRequest<StatusSuggestion>("/suggest", {
        method: "POST",
        body: { note, workload: context.serviceId || null },
      }),
    onSuccess: (answer, note) => {
      const applied = applySuggestion(context, segment, answer);
      setOutcome({ note, answer, applied });
      if (applied.filled.length > 0) onApply(applied.segment);
    },
  });
  const empty = segment.note.trim() === "";

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => ask.mutate(segment.note)}
          loading={ask.isPending}
          disabled={empty}
          aria-describedby={resultId}
        >
          {t("editor.suggest.button")}
        </Button>
        {empty ? (
          <Text size="xs" c="dimmed">
            {t("editor.suggest.writeFirst")}
          </Text>
        ) : null}
      </Group>
      <div id={resultId} role="status" aria-live="polite">
        {ask.isError ? (
          <Text size="xs" c="red">
            {t("editor.suggest.failed", { message: ask.error.message })}
          </Text>
        ) : outcome ? (
          <SuggestResult index={context.index} outcome={outcome} stale={outcome.note !== segment.note} />
        ) : null}
      </div>
    </Stack>
  );
}

function SuggestResult({
  index,
  outcome,
  stale,
}: {
  index: PlaybookIndex;
  outcome: Outcome;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const { answer, applied } = outcome;
  // Floored, so a calibrated 0.999 does not read as certainty.
  const percent = `${Math.floor(answer.confidence * 100)}%`;
  if (answer.l1 === null) {
    return (
      <Paper withBorder p={6} radius="sm" aria-label={t("editor.suggest.region")}>
        <Text size="xs">{t("editor.suggest.abstains", { percent })}</Text>
      </Paper>
    );
  }
  const names = labelNames(index, answer);
  return (
    <Paper withBorder p={6} radius="sm" aria-label={t("editor.suggest.region")}>
      <Stack gap={2}>
        <Group gap={6} wrap="wrap">
          <Badge color={bandColor[answer.band]} size="sm" variant="filled" data-band={answer.band}>
            {t("editor.suggest.confidence", { percent, band: t(`editor.suggest.bands.${answer.band}`) })}
          </Badge>
          <Text size="xs">
            {[names.l1, names.l2, names.l3].filter(Boolean).join(" › ")}:{" "}
            {t(`editor.suggest.meaning.${answer.band}`)}.
          </Text>
        </Group>
        {answer.evidence.length > 0 ? (
          <Text size="xs">
            {t("editor.suggest.evidence")}{" "}
            {answer.evidence.map((term, position) => (
              <span key={term}>
                {position > 0 ? ", " : ""}
                <Text span fw={600} size="xs">
                  {term}
                </Text>
              </span>
            ))}
          </Text>
        ) : null}
        {answer.l2 === null ? (
          <Text size="xs" c="dimmed">
            {t("editor.suggest.noL2")}
          </Text>
        ) : null}
        {applied.notOffered.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t("editor.suggest.notOffered", {
              levels: applied.notOffered.map((level) => `${levelName[level]} ${names[level]}`).join(", "),
            })}
          </Text>
        ) : null}
        {stale ? (
          <Text size="xs" c="dimmed">
            {t("editor.suggest.stale")}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

const levelName: Record<SuggestedLevel, string> = { l1: "L1", l2: "L2", l3: "L3" };

function labelNames(index: PlaybookIndex, answer: StatusSuggestion): Record<SuggestedLevel, string | null> {
  const l1 = answer.l1 ? (index.l1(answer.l1)?.name ?? answer.l1) : null;
  const l2 = answer.l1 && answer.l2 ? (index.l2(answer.l1, answer.l2)?.name ?? answer.l2) : null;
  const l3 =
    answer.l1 && answer.l2 && answer.l3
      ? (index.l3(answer.l1, answer.l2, answer.l3)?.name ?? answer.l3)
      : null;
  return { l1, l2, l3 };
}
