import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { L1 } from "../../src/domain/playbook/playbook-schema.ts";
import { TaxonomyPath } from "../playbook/taxonomy-links.tsx";

/** Cases that look like this status but are not, each with the status to use instead. */
export function InvalidExamples({ examples }: { examples: L1["invalidExamples"] }) {
  const { t } = useTranslation();
  if (examples.length === 0) return null;
  return (
    <>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {t("editor.guidance.invalid")}
      </Text>
      <List size="sm" spacing={2}>
        {examples.map((example) => (
          <List.Item key={example.scenario}>
            {example.scenario} →{" "}
            <TaxonomyPath
              l1={example.useInstead.l1}
              l2={example.useInstead.l2 ?? null}
              l3={example.useInstead.l3 ?? null}
              size="sm"
            />
          </List.Item>
        ))}
      </List>
    </>
  );
}
