import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { i18n } from "../i18n/i18n.ts";
import { exampleFiles } from "./feed-api.ts";
import { FeedUploadPanel } from "./feed-upload-panel.tsx";
import { useFeedUpload } from "./use-feed-upload.ts";

/**
 * What an Admin sees on an empty portfolio: what the feed is, the example
 * files, and the upload that fills the portfolio.
 */
export function FirstRunPage({ onDone }: { onDone: () => void }) {
  const upload = useFeedUpload();
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap="xs">
        <Title order={2}>{i18n.t("feed.welcome")}</Title>
        <Text>
          {i18n.t("feed.welcomeWhat")} <code>customers</code>, <code>tenants</code>, <code>entitlements</code>
          , <code>people</code>, <code>usage</code>.
        </Text>
        <Text>
          {i18n.t("feed.welcomeHow")} (<code>unblock portfolio sync</code>)
        </Text>
        <Group gap="md" component="nav" aria-label={i18n.t("feed.examples")}>
          <Text size="sm">{i18n.t("feed.examplesIntro")}</Text>
          {exampleFiles.map((file) => (
            <Anchor key={file.name} href={file.href} download={file.name} size="sm">
              {file.name}
            </Anchor>
          ))}
        </Group>
      </Stack>
      <FeedUploadPanel
        state={upload}
        whenApplied={
          <Button onClick={onDone} w="fit-content">
            {i18n.t("feed.openPortfolio")}
          </Button>
        }
      />
    </Stack>
  );
}
