import { Alert, Anchor, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "../router/link.tsx";
import { MyWorkGroup } from "./my-work-group.tsx";
import { RecheckGroup } from "./recheck-group.tsx";
import { useMyWorkPage } from "./use-my-work.ts";

/** My work: what the signed-in person owns or is assigned to, overdue first. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const { work, loading, error, summary } = useMyWorkPage();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t("myWork.title")}</Title>
        {summary ? (
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        ) : null}
      </div>
      {loading ? (
        <Center h={200}>
          <Loader aria-label={t("myWork.loading")} />
        </Center>
      ) : error ? (
        <Alert color="red" title={t("myWork.loadFailed")}>
          {error}
        </Alert>
      ) : work && work.counts.total === 0 ? (
        <Alert color="gray" title={t("myWork.nothing")}>
          {t("myWork.nothingBefore")}{" "}
          <Anchor component={Link} href="/">
            {t("myWork.nothingLink")}
          </Anchor>{" "}
          {t("myWork.nothingAfter")}
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
