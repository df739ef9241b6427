import { List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { L2 } from "../../src/domain/playbook/playbook-schema.ts";

/** The questions an L2 asks per service, under the service's name; nothing when it has none. */
export function WorkloadQuestions({ index, l2 }: { index: PlaybookIndex; l2: L2 }) {
  const { t } = useTranslation();
  if (l2.workloadQuestions.length === 0) return null;
  return (
    <>
      <Title order={3}>{t("playbook.perService")}</Title>
      {l2.workloadQuestions.map((entry) => (
        <Stack key={entry.service} gap={2}>
          <Text fw={600} size="sm">
            {index.service(entry.service)?.name ?? entry.service}
          </Text>
          <List size="sm">
            {entry.questions.map((question) => (
              <List.Item key={question}>{question}</List.Item>
            ))}
          </List>
        </Stack>
      ))}
    </>
  );
}
