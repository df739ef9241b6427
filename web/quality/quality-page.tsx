import { Alert, Center, Loader, Pagination, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QualityFilterBar } from "./quality-filters.tsx";
import { QualityTable } from "./quality-table.tsx";
import { useQualityPage } from "./use-quality-page.ts";

/** Data quality: what in the recorded statuses needs attention, each row opening its editor. */
export function QualityPage() {
  const { t } = useTranslation();
  const page = useQualityPage();
  const { answer, filters } = page;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t("quality.title")}</Title>
        <Text size="sm" c="dimmed">
          {page.summary ?? t("quality.intro")}
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
          <Loader aria-label={t("quality.loading")} />
        </Center>
      ) : page.error ? (
        <Alert color="red" title={t("quality.loadFailed")}>
          {page.error}
        </Alert>
      ) : answer && answer.items.length === 0 ? (
        <Alert color="green" title={t("quality.nothing")}>
          {t("quality.nothingBody")}
        </Alert>
      ) : answer ? (
        <>
          <QualityTable items={answer.items} />
          {page.pages > 1 ? (
            <Pagination
              total={page.pages}
              value={filters.page}
              onChange={(next) => page.setFilter("page", String(next))}
              aria-label={t("quality.pages")}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
