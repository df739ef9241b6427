import {
  Anchor,
  Badge,
  Grid,
  Group,
  List,
  NavLink,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { L1, L2 } from "../../src/domain/playbook/playbook-schema.ts";
import { portfolioHref } from "../portfolio/portfolio-filters.ts";
import { Link } from "../router/link.tsx";
import { useLocation } from "../router/router.ts";
import { L3Table } from "./l3-table.tsx";
import { usePlaybook } from "./playbook-context.tsx";
import { searchPlaybook } from "./playbook-search.ts";
import { RefreshSummary } from "./refresh-summary.tsx";
import { ScenarioTable } from "./scenario-table.tsx";
import { playbookHref, TaxonomyPath } from "./taxonomy-links.tsx";
import { WorkloadQuestions } from "./workload-questions.tsx";

/** The playbook browser: taxonomy, guidance, scenario tables and refresh summary. */
export default function PlaybookPage({ l1, l2 }: { l1?: string | undefined; l2?: string | undefined }) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const [query, setQuery] = useState("");
  const l1Entry = l1 ? index.l1(l1) : undefined;
  const l2Entry = l1 && l2 ? index.l2(l1, l2) : undefined;

  return (
    <Grid gap="lg">
      <Grid.Col span={3}>
        <Stack gap="xs" pos="sticky" top={64}>
          <TextInput
            label={t("playbook.search")}
            placeholder={t("playbook.searchHint")}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            type="search"
          />
          <ScrollArea.Autosize mah="calc(100vh - 170px)">
            <nav aria-label={t("playbook.taxonomy")}>
              <NavLink component={Link} href="/playbook" label={t("playbook.overview")} active={!l1} />
              {index.playbook.l1s.map((entry) => (
                <NavLink
                  key={entry.id}
                  component={Link}
                  href={playbookHref(entry.id)}
                  label={entry.name}
                  active={l1 === entry.id && !l2}
                  leftSection={<span className="seat-bar-legend" style={{ background: entry.color }} />}
                  opened={l1 === entry.id}
                  childrenOffset={16}
                >
                  {entry.l2s.map((child) => (
                    <NavLink
                      key={child.id}
                      component={Link}
                      href={playbookHref(entry.id, child.id)}
                      label={child.name}
                      active={l1 === entry.id && l2 === child.id}
                    />
                  ))}
                </NavLink>
              ))}
            </nav>
          </ScrollArea.Autosize>
        </Stack>
      </Grid.Col>
      <Grid.Col span={9}>
        {query.trim() ? (
          <SearchResults index={index} query={query} />
        ) : l2Entry && l1Entry ? (
          <L2Page index={index} l1={l1Entry} l2={l2Entry} />
        ) : l1Entry ? (
          <L1Page index={index} l1={l1Entry} />
        ) : l1 ? (
          <Text>
            {t("playbook.missing", { path: l2 ? `${l1} › ${l2}` : l1 })}{" "}
            <Anchor component={Link} href="/playbook">
              {t("playbook.back")}
            </Anchor>
          </Text>
        ) : (
          <Overview index={index} />
        )}
      </Grid.Col>
    </Grid>
  );
}

function SearchResults({ index, query }: { index: PlaybookIndex; query: string }) {
  const { t } = useTranslation();
  const hits = searchPlaybook(index, query);
  return (
    <Stack gap="xs" aria-live="polite">
      <Title order={2}>{t("playbook.searchTitle", { query })}</Title>
      {hits.length === 0 ? <Text c="dimmed">{t("playbook.noHits")}</Text> : null}
      {hits.map((hit) => (
        <Paper key={`${hit.kind}-${hit.l1}-${hit.l2}-${hit.l3}`} withBorder p="xs">
          <Group gap="xs">
            <Badge size="xs" variant="light">
              {hit.kind}
            </Badge>
            <TaxonomyPath l1={hit.l1} l2={hit.l2 ?? null} l3={hit.l3 ?? null} />
          </Group>
          {hit.context ? (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {hit.context}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

function Overview({ index }: { index: PlaybookIndex }) {
  const { t } = useTranslation();
  const { playbook } = index;
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2}>{playbook.title}</Title>
        <Text c="dimmed" size="sm">
          {t("playbook.summary", {
            version: playbook.version,
            l1s: playbook.l1s.length,
            rows: playbook.scenarios.length,
          })}
        </Text>
      </Stack>
      <Table withTableBorder fz="sm" aria-label={t("playbook.l1Table")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("playbook.columns.l1")}</Table.Th>
            <Table.Th>{t("playbook.columns.definition")}</Table.Th>
            <Table.Th>{t("playbook.columns.l2s")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {playbook.l1s.map((l1) => (
            <Table.Tr key={l1.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <span className="seat-bar-legend" style={{ background: l1.color }} />
                  <Anchor component={Link} href={playbookHref(l1.id)}>
                    {l1.name}
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td>{l1.definition}</Table.Td>
              <Table.Td>{l1.l2s.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3}>{t("playbook.roles")}</Title>
      <List size="sm">
        {playbook.roles.map((role) => (
          <List.Item key={role.id}>
            <Text span fw={600} size="sm">
              {role.name}
            </Text>
            : {role.description}
          </List.Item>
        ))}
      </List>
      <RefreshSummary index={index} />
    </Stack>
  );
}

function L1Page({ index, l1 }: { index: PlaybookIndex; l1: L1 }) {
  const { t } = useTranslation();
  const available = (value: L1["l2"]) => t(`playbook.availability.${value}`);
  const rows = index.playbook.scenarios.filter((row) => row.table === l1.id || row.l1 === l1.id);
  return (
    <Stack gap="md">
      <Group gap="sm">
        <span className="seat-bar-legend" style={{ background: l1.color, width: 16, height: 16 }} />
        <Title order={2}>{l1.name}</Title>
        <Anchor component={Link} href={portfolioHref({ l1: l1.id })} size="sm">
          {t("playbook.inPortfolio")}
        </Anchor>
      </Group>
      <Text>{l1.definition}</Text>
      <Text size="sm" c="dimmed">
        {t("playbook.l1Fields", {
          l2: available(l1.l2),
          target: available(l1.targetDate),
          owner: available(l1.owner),
        })}
      </Text>
      {l1.l2s.length > 0 ? (
        <>
          <Title order={3}>{t("playbook.l2Reasons")}</Title>
          <Stack gap="xs">
            {l1.l2s.map((l2) => (
              <Paper key={l2.id} withBorder p="xs">
                <Anchor component={Link} href={playbookHref(l1.id, l2.id)} fw={600}>
                  {l2.name}
                </Anchor>
                <Text size="sm">{l2.definition}</Text>
                {l2.notThis ? (
                  <Text size="sm" c="dimmed">
                    {t("playbook.notThis")} {l2.notThis}
                  </Text>
                ) : null}
              </Paper>
            ))}
          </Stack>
        </>
      ) : null}
      <Examples valid={l1.validExamples} invalid={l1.invalidExamples} questions={l1.questions} />
      <Title order={3}>{t("playbook.scenarioTable")}</Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t("playbook.noRows")}</Text>
      ) : (
        <ScenarioTable index={index} rows={rows} caption={t("playbook.scenariosOf", { l1: l1.name })} />
      )}
      <RefreshSummary index={index} />
    </Stack>
  );
}

function L2Page({ index, l1, l2 }: { index: PlaybookIndex; l1: L1; l2: L2 }) {
  const { t } = useTranslation();
  const { hash } = useHashTarget();
  useEffect(() => {
    if (!hash) return;
    document.getElementById(hash)?.scrollIntoView({ block: "center" });
  }, [hash]);
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Text size="sm">
          <Anchor component={Link} href={playbookHref(l1.id)}>
            {l1.name}
          </Anchor>{" "}
          {t("playbook.l2Crumb")}
        </Text>
        <Group gap="sm">
          <Title order={2}>{l2.name}</Title>
          <Badge variant="light" color={l2.source === "seed" ? "indigo" : "gray"}>
            {l2.source === "seed" ? t("playbook.seed") : t("playbook.wider")}
          </Badge>
          <Anchor component={Link} href={portfolioHref({ l1: l1.id, l2: l2.id })} size="sm">
            {t("playbook.inPortfolio")}
          </Anchor>
        </Group>
        {l2.aliases.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t("playbook.aliases", { aliases: l2.aliases.join("; ") })}
          </Text>
        ) : null}
      </Stack>
      <Text>{l2.definition}</Text>
      {l2.notThis ? (
        <Text>
          <Text span fw={700}>
            {t("playbook.notThis")}{" "}
          </Text>
          {l2.notThis}
        </Text>
      ) : null}
      <Text size="sm">
        <Text span fw={700}>
          {t("playbook.resolves")}{" "}
        </Text>
        {l2.resolver.group}
        {l2.resolver.detail ? `. ${l2.resolver.detail}` : ""}{" "}
        {t("playbook.nextAction", { action: l2.resolver.nextAction })}
      </Text>
      <Examples valid={l2.validExamples} invalid={l2.invalidExamples} questions={l2.questions} />
      <WorkloadQuestions index={index} l2={l2} />
      <Title order={3}>{t("playbook.l3Reasons")}</Title>
      <L3Table index={index} l1={l1} l2={l2} highlighted={hash} />
    </Stack>
  );
}

function Examples({
  valid,
  invalid,
  questions,
}: {
  valid: readonly string[];
  invalid: L2["invalidExamples"];
  questions: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {valid.length > 0 ? (
        <>
          <Title order={3}>{t("playbook.valid")}</Title>
          <List size="sm">
            {valid.map((example) => (
              <List.Item key={example}>{example}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      {invalid.length > 0 ? (
        <>
          <Title order={3}>{t("playbook.invalid")}</Title>
          <List size="sm">
            {invalid.map((example) => (
              <List.Item key={example.scenario}>
                {example.scenario} → {t("playbook.useInstead")}{" "}
                <TaxonomyPath
                  l1={example.useInstead.l1}
                  l2={example.useInstead.l2 ?? null}
                  l3={example.useInstead.l3 ?? null}
                />
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {questions.length > 0 ? (
        <>
          <Title order={3}>{t("playbook.questions")}</Title>
          <List size="sm">
            {questions.map((question) => (
              <List.Item key={question}>{question}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </>
  );
}

/** The "#l3-..." part of the address: an L3 link lands on its row. */
function useHashTarget(): { hash: string } {
  useLocation();
  const [hash, setHash] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  useEffect(() => {
    const read = () => setHash(decodeURIComponent(window.location.hash.slice(1)));
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  });
  return { hash };
}
