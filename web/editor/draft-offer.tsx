import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../shared/format.ts";
import type { LocalDraft } from "./local-draft.ts";

/** Unsaved edits this browser kept from an earlier visit: take them back, or let them go. */
export function DraftOffer({
  offer,
  version,
  onRestore,
  onDiscard,
}: {
  offer: LocalDraft | null;
  /** The version of the status the form shows now. */
  version: number;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  if (!offer) return null;
  const kept = offer.savedAt
    ? t("editor.draft.keptAt", { when: formatDateTime(offer.savedAt) })
    : t("editor.draft.kept");
  return (
    <Alert color="blue" title={t("editor.draft.title")} role="region" aria-label={t("editor.draft.title")}>
      <Text size="sm">
        {kept}
        {offer.version === version
          ? ""
          : ` ${t("editor.draft.savedSince", { was: offer.version, now: version })}`}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={onRestore}>
          {t("editor.draft.restore")}
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t("editor.draft.discard")}
        </Button>
      </Group>
    </Alert>
  );
}
