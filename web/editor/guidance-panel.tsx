import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScenarioRow } from "../../src/domain/playbook/playbook-schema.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { playbookHref } from "../playbook/taxonomy-links.tsx";
import { Link } from "../router/link.tsx";
import { GuidanceList } from "./guidance-list.tsx";
import { InvalidExamples } from "./invalid-examples.tsx";

/**
 * The playbook beside the choice: what the chosen L2 (or L1) means, when not to
 * use it, valid and invalid examples, and the questions that confirm it.
 */
export function GuidancePanel({
  l1,
  l2,
  l3,
  row,
  serviceId,
}: {
  l1: string;
  l2: string;
  l3: string;
  row: ScenarioRow | undefined;
  serviceId: string;
}) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const l1Entry = index.l1(l1);
  if (!l1Entry) {
    return (
      <Text size="sm" c="dimmed">
        {t("editor.guidance.chooseL1")}
      </Text>
    );
  }
  const l2Entry = l2 ? index.l2(l1, l2) : undefined;
  const l3Entry = l2 && l3 ? index.l3(l1, l2, l3) : undefined;
  const subject = l2Entry ?? l1Entry;
  const workload = l2Entry?.workloadQuestions.find((entry) => entry.service === serviceId);
  const service = index.service(serviceId);

  return (
    <Stack gap={6} aria-label={t("editor.guidance.region")} role="region">
      <Title order={4} size="h6">
        <Anchor component={Link} href={playbookHref(l1, l2Entry?.id)}>
          {subject.name}
        </Anchor>
      </Title>
      <Text size="sm">{subject.definition}</Text>
      {l2Entry?.notThis ? (
        <Text size="sm">
          <Text span fw={700}>
            {t("editor.guidance.notThis")}{" "}
          </Text>
          {l2Entry.notThis}
        </Text>
      ) : null}
      {l2Entry ? (
        <Text size="xs" c="dimmed">
          {t("editor.guidance.resolves", { group: l2Entry.resolver.group })}
          {l2Entry.resolver.detail ? `. ${l2Entry.resolver.detail}` : ""}
        </Text>
      ) : null}
      {l3Entry?.definition ? (
        <Text size="sm">
          <Text span fw={700}>
            {l3Entry.name}:{" "}
          </Text>
          {l3Entry.definition}
        </Text>
      ) : null}
      <GuidanceList title={t("editor.guidance.valid")} items={subject.validExamples} />
      <InvalidExamples examples={subject.invalidExamples} />
      <GuidanceList title={t("editor.guidance.questions")} items={subject.questions} />
      {workload ? (
        <GuidanceList
          title={t("editor.guidance.forService", { service: service?.name ?? serviceId })}
          items={workload.questions}
        />
      ) : null}
      {row ? (
        <Text size="xs" c="dimmed">
          {t("editor.guidance.scenario", { description: row.description })}
          {row.printed ? "" : t("editor.guidance.derived")}
        </Text>
      ) : null}
    </Stack>
  );
}
