import { Alert, Center, Loader, Pagination, Stack, Text, Title } from "@mantine/core";
import { QualityFilterBar } from "./quality-filters.tsx";
import { QualityTable } from "./quality-table.tsx";
import { useQualityPage } from "./use-quality-page.ts";

/** Data quality: what in the recorded statuses needs attention, each row opening its editor. */
export function QualityPage() {
  const page = useQualityPage();
  const { answer, filters } = page;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Data quality</Title>
        <Text size="sm" c="dimmed">
          {page.summary ??
            "Passed dates, thin notes, splits and owners to fix. A fixed item leaves the list."}
        </Text>
      </div>
      <QualityFilterBar
        filters={filters}
        ruleOptions={page.ruleOptions}
        ownerOptions={page.ownerOptions}
        teamOptions={page.teamOptions}
        onChange={page.setFilter}
      />
      {page.loading ? (
        <Center h={200}>
          <Loader aria-label="Loading the data-quality items" />
        </Center>
      ) : page.error ? (
        <Alert color="red" title="The data-quality items could not be loaded">
          {page.error}
        </Alert>
      ) : answer && answer.items.length === 0 ? (
        <Alert color="green" title="Nothing to fix here">
          No item matches these filters.
        </Alert>
      ) : answer ? (
        <>
          <QualityTable items={answer.items} />
          {page.pages > 1 ? (
            <Pagination
              total={page.pages}
              value={filters.page}
              onChange={(next) => page.setFilter("page", String(next))}
              aria-label="Pages of items"
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
