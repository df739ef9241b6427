import { Anchor, Stack, Text, Title } from "@mantine/core";
import { i18n } from "../i18n/i18n.ts";
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
        <Title order={2}>{i18n.t("feed.title")}</Title>
        <Text size="sm" c="dimmed">
          {i18n.t("feed.intro")} <code>unblock portfolio sync &lt;folder&gt;</code>.
        </Text>
      </Stack>
      <FeedUploadPanel
        state={upload}
        whenApplied={
          <Anchor component={Link} href="/">
            {i18n.t("feed.openPortfolio")}
          </Anchor>
        }
      />
      <SyncHistory syncs={history.data?.items ?? []} loading={history.isPending} />
    </Stack>
  );
}
