import { Anchor, Stack, Text, Title } from "@mantine/core";
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
  const index = usePlaybook();
  const l1Entry = index.l1(l1);
  if (!l1Entry) {
    return (
      <Text size="sm" c="dimmed">
        Choose an L1 status; its definition and the playbook's guidance appear here.
      </Text>
    );
  }
  const l2Entry = l2 ? index.l2(l1, l2) : undefined;
  const l3Entry = l2 && l3 ? index.l3(l1, l2, l3) : undefined;
  const subject = l2Entry ?? l1Entry;
  const workload = l2Entry?.workloadQuestions.find((entry) => entry.service === serviceId);
  const service = index.service(serviceId);

  return (
    <Stack gap={6} aria-label="Playbook guidance" role="region">
      <Title order={4} size="h6">
        <Anchor component={Link} href={playbookHref(l1, l2Entry?.id)}>
          {subject.name}
        </Anchor>
      </Title>
      <Text size="sm">{subject.definition}</Text>
      {l2Entry?.notThis ? (
        <Text size="sm">
          <Text span fw={700}>
            Not this if…{" "}
          </Text>
          {l2Entry.notThis}
        </Text>
      ) : null}
      {l2Entry ? (
        <Text size="xs" c="dimmed">
          Who resolves it: {l2Entry.resolver.group}
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
      <GuidanceList title="Valid examples" items={subject.validExamples} />
      <InvalidExamples examples={subject.invalidExamples} />
      <GuidanceList title="Questions to confirm" items={subject.questions} />
      {workload ? (
        <GuidanceList title={`For ${service?.name ?? serviceId}`} items={workload.questions} />
      ) : null}
      {row ? (
        <Text size="xs" c="dimmed">
          Scenario: {row.description}
          {row.printed ? "" : " (derived by Unblock; the playbook prints no table for this L1)"}
        </Text>
      ) : null}
    </Stack>
  );
}
