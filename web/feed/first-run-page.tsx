import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
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
        <Title order={2}>Welcome: the portfolio is empty</Title>
        <Text>
          Unblock tracks the status of every customer tenant's licensed services. The portfolio (customers,
          their tenants, the services each is entitled to, the people who work on them and how many seats are
          in use) comes from your licensing system as up to five files: <code>customers</code>,{" "}
          <code>tenants</code>, <code>entitlements</code>, <code>people</code> and <code>usage</code>, as CSV
          or JSON Lines.
        </Text>
        <Text>
          Upload them below: Preview shows what would be added, changed or refused without writing anything,
          and Apply loads them. Sync again whenever the export changes (here, on the Portfolio feed page, or
          with <code>unblock portfolio sync</code>); rows that did not change are left alone.
        </Text>
        <Group gap="md" component="nav" aria-label="Example files">
          <Text size="sm">Example files to start from:</Text>
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
            Open the portfolio
          </Button>
        }
      />
    </Stack>
  );
}
