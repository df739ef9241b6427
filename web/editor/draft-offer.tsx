import { Alert, Button, Group, Text } from "@mantine/core";
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
  if (!offer) return null;
  const when = offer.savedAt ? ` from ${formatDateTime(offer.savedAt)}` : "";
  return (
    <Alert color="blue" title="Unsaved edits were kept" role="region" aria-label="Unsaved edits were kept">
      <Text size="sm">
        This browser kept edits{when} that were not saved.
        {offer.version === version
          ? ""
          : ` The status has been saved since (version ${offer.version} then, ${version} now): check the edits against it before saving.`}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={onRestore}>
          Restore my edits
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard them
        </Button>
      </Group>
    </Alert>
  );
}
