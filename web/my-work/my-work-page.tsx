import { Alert, Anchor, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { Link } from "../router/link.tsx";
import { MyWorkGroup } from "./my-work-group.tsx";
import { RecheckGroup } from "./recheck-group.tsx";
import { useMyWorkPage } from "./use-my-work.ts";

/** My work: what the signed-in person owns or is assigned to, overdue first. */
export function MyWorkPage() {
  const { work, loading, error, summary } = useMyWorkPage();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>My work</Title>
        {summary ? (
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        ) : null}
      </div>
      {loading ? (
        <Center h={200}>
          <Loader aria-label="Loading your work" />
        </Center>
      ) : error ? (
        <Alert color="red" title="Your work could not be loaded">
          {error}
        </Alert>
      ) : work && work.counts.total === 0 ? (
        <Alert color="gray" title="Nothing to do here yet">
          No customer or tenant is assigned to you and you own no status. The{" "}
          <Anchor component={Link} href="/">
            portfolio
          </Anchor>{" "}
          shows everything you may read.
        </Alert>
      ) : (
        <>
          <RecheckGroup />
          {work?.groups.map((group) => (
            <MyWorkGroup key={group.id} group={group} />
          ))}
        </>
      )}
    </Stack>
  );
}
