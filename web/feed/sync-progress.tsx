import { Alert, Group, Loader, Text } from "@mantine/core";
import type { PortfolioSync } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatCount } from "../shared/format.ts";

/** Where a running sync is: the file it reads or applies and the rows so far; or why it failed. */
export function SyncProgress({ sync, what: kind }: { sync: PortfolioSync | null; what: "preview" | "sync" }) {
  const what = i18n.t(`feed.progress.${kind}`);
  if (sync?.state === "failed") {
    return (
      <Alert color="red" title={i18n.t("feed.progress.failed", { what })} role="alert">
        {sync.error}
      </Alert>
    );
  }
  if (sync?.state === "done") return null;
  const progress = sync?.progress;
  return (
    <Group gap="sm" role="status" aria-live="polite">
      <Loader size="sm" />
      <Text size="sm">
        {progress
          ? i18n.t(progress.phase === "read" ? "feed.progress.read" : "feed.progress.applied", {
              file: progress.file,
              rows: formatCount(progress.rows),
            })
          : sync?.state === "running"
            ? i18n.t("feed.progress.running", { what })
            : i18n.t("feed.progress.uploading", { what })}
      </Text>
    </Group>
  );
}
