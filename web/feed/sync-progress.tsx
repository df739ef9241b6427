import { Alert, Group, Loader, Text } from "@mantine/core";
import type { PortfolioSync } from "../api/api-types.ts";
import { formatCount } from "../shared/format.ts";

/** Where a running sync is: the file it reads or applies and the rows so far; or why it failed. */
export function SyncProgress({ sync, what }: { sync: PortfolioSync | null; what: string }) {
  if (sync?.state === "failed") {
    return (
      <Alert color="red" title={`The ${what} failed`} role="alert">
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
          ? `${progress.phase === "read" ? "Reading" : "Applied"} ${progress.file}: ${formatCount(progress.rows)} rows`
          : sync?.state === "running"
            ? `Running the ${what}…`
            : `Uploading the files for the ${what}…`}
      </Text>
    </Group>
  );
}
