import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "../router/link.tsx";
import { useSyncHistory } from "./feed-api.ts";
import { FeedUploadPanel } from "./feed-upload-panel.tsx";
import { SyncHistory } from "./sync-history.tsx";
import { useFeedUpload } from "./use-feed-upload.ts";

/** Admin: upload the licensing system's export, preview it, apply it; the latest syncs below. */
export function FeedPage() {
  const upload = useFeedUpload();
  const history = useSyncHistory();
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={2}>Portfolio feed</Title>
        <Text size="sm" c="dimmed">
          The portfolio comes from the licensing system as up to five files. Preview shows what a sync would
          change without writing anything; Apply runs it. The same sync runs from the command line as{" "}
          <code>unblock portfolio sync &lt;folder&gt;</code>.
        </Text>
      </Stack>
      <FeedUploadPanel
        state={upload}
        whenApplied={
          <Anchor component={Link} href="/">
            Open the portfolio
          </Anchor>
        }
      />
      <SyncHistory syncs={history.data?.items ?? []} loading={history.isPending} />
    </Stack>
  );
}
