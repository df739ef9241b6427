import { Alert, Center, Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import { fieldName } from "../../src/domain/rules/scenario-fields.ts";
import { splitReasons } from "../../src/domain/status-segment.ts";
import type { EscalationHistoryEntry } from "../../src/http/schemas/escalations.ts";
import type { HistoryEntry, StatusSnapshot, StoredSegment } from "../api/api-types.ts";
import { useHistory } from "../api/queries.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { classificationText } from "../portfolio/segment-chips.tsx";
import { formatCount, formatDate, formatDateTime } from "../shared/format.ts";

/**
 * Every status change of one service and every escalation event, newest
 * first: who, when, and what changed (a timeline as a list).
 */
export function HistoryTimeline({ entitlementId }: { entitlementId: string }) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const history = useHistory(entitlementId);
  if (history.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" aria-label={t("editor.history.loading")} />
      </Center>
    );
  }
  if (history.isError) {
    return (
      <Alert color="red" title={t("editor.history.loadFailed")}>
        {history.error.message}
      </Alert>
    );
  }
  const entries = timeline(history.data.items, history.data.escalations ?? []);
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t("editor.history.empty")}
      </Text>
    );
  }
  return (
    <ol className="history-list" aria-label={t("editor.history.list")}>
      {entries.map((entry) =>
        entry.kind === "status" ? (
          <li key={`status-${entry.status.id}`}>
            <EntryTitle entry={entry.status} />
            <ChangeSummary
              index={index}
              before={snapshot(entry.status.before)}
              after={snapshot(entry.status.after)}
            />
          </li>
        ) : (
          <li key={`escalation-${entry.escalation.id}`}>
            <EscalationEntry entry={entry.escalation} />
          </li>
        ),
      )}
    </ol>
  );
}

type TimelineEntry =
  | { kind: "status"; at: string; status: HistoryEntry }
  | { kind: "escalation"; at: string; escalation: EscalationHistoryEntry };

/** Status changes and escalation events in one list, newest first (both arrive newest first). */
function timeline(items: HistoryEntry[], escalations: EscalationHistoryEntry[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...items.map((status) => ({ kind: "status" as const, at: status.at, status })),
    ...escalations.map((escalation) => ({ kind: "escalation" as const, at: escalation.at, escalation })),
  ];
  // A stable sort keeps each source's own order among equal times.
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** One escalation event: who did what, to which group, and its message, reason or comment. */
function EscalationEntry({ entry }: { entry: EscalationHistoryEntry }) {
  const { t } = useTranslation();
  const rule = entry.rule
    ? t(`editor.history.escalation.${entry.rule}`)
    : t("editor.history.escalation.anyRule");
  const who = entry.actor?.name ?? t("editor.history.escalation.rule", { rule });
  return (
    <Stack gap={0}>
      <Text size="sm">
        <Text span fw={700}>
          {who}
        </Text>{" "}
        {t("editor.history.escalation.line", {
          action: t(`editor.history.escalation.${entry.kind}`, { group: entry.group }),
          l2: entry.l2Name,
          when: formatDateTime(entry.at),
        })}
      </Text>
      {entry.text ? (
        <Text size="xs" style={{ whiteSpace: "pre-wrap" }}>
          {display(entry.text)}
        </Text>
      ) : null}
    </Stack>
  );
}

function EntryTitle({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const who = entry.actor.name ?? entry.actor.email ?? t("editor.history.unknownUser");
  const sources = i18n.getResource(i18n.language, "translation", "editor.history.sources") as Record<
    string,
    string
  >;
  return (
    <Text size="sm">
      <Text span fw={700}>
        {who}
      </Text>{" "}
      {t("editor.history.entry", {
        role: index.role(entry.actor.role)?.name ?? entry.actor.role.replaceAll("_", " "),
        when: formatDateTime(entry.at),
        source: sources?.[entry.source] ?? entry.source,
        version: entry.versionAfter,
      })}
    </Text>
  );
}

function snapshot(value: unknown): StatusSnapshot | null {
  if (!value || typeof value !== "object") return null;
  const candidate = value as Partial<StatusSnapshot>;
  return Array.isArray(candidate.segments) ? (candidate as StatusSnapshot) : null;
}

/** The fields a change lists besides the classification, in the form's order, by their names in the language. */
function fieldNames(index: PlaybookIndex): Array<[keyof StoredSegment, string]> {
  const named = (field: Parameters<typeof fieldName>[0]): [keyof StoredSegment, string] => [
    field,
    fieldName(field, index.text),
  ];
  return [
    ["seats", i18n.t("editor.seats.label")],
    named("serviceStatus"),
    named("engagementScenario"),
    named("targetDate"),
    named("owner"),
    named("nextActionDate"),
    named("nextAction"),
    named("note"),
    ["splitReason", i18n.t("editor.history.splitReason")],
  ];
}

/** A stored value as people read it: names for ids of the playbook, dates and numbers in the language. */
function valueText(index: PlaybookIndex, field: keyof StoredSegment, value: unknown): string {
  const id = typeof value === "string" ? value : "";
  if (field === "serviceStatus" && id) {
    return index.playbook.serviceStatuses.find((status) => status.id === id)?.name ?? id;
  }
  if (field === "engagementScenario" && id) {
    return index.playbook.engagementScenarios.find((scenario) => scenario.id === id)?.name ?? id;
  }
  if (field === "splitReason" && id) {
    const reason = splitReasons.find((known) => known === id);
    return reason ? i18n.t(`editor.split.${reason}`) : id;
  }
  return display(value);
}

function ChangeSummary({
  index,
  before,
  after,
}: {
  index: PlaybookIndex;
  before: StatusSnapshot | null;
  after: StatusSnapshot | null;
}) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (before && after && before.stage !== after.stage) {
    lines.push(t("editor.history.stage", { from: stageName(before.stage), to: stageName(after.stage) }));
  }
  const count = Math.max(before?.segments.length ?? 0, after?.segments.length ?? 0);
  for (let position = 0; position < count; position++) {
    const old = before?.segments[position];
    const now = after?.segments[position];
    const prefix = count > 1 ? t("editor.history.segmentPrefix", { number: position + 1 }) : "";
    if (!old && now) {
      lines.push(t("editor.history.added", { prefix, segment: segmentText(index, now) }));
      continue;
    }
    if (old && !now) {
      lines.push(t("editor.history.removed", { prefix, segment: segmentText(index, old) }));
      continue;
    }
    if (!old || !now) continue;
    const oldClass = classificationText(index, old);
    const newClass = classificationText(index, now);
    if (oldClass !== newClass)
      lines.push(t("editor.history.classification", { prefix, from: oldClass, to: newClass }));
    for (const [field, name] of fieldNames(index)) {
      const a = valueText(index, field, old[field]);
      const b = valueText(index, field, now[field]);
      if (a !== b) lines.push(t("editor.history.changed", { prefix, field: name, from: a, to: b }));
    }
  }
  if (lines.length === 0) lines.push(t("editor.history.noChange"));
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="xs" style={{ whiteSpace: "pre-wrap" }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function segmentText(index: PlaybookIndex, segment: StoredSegment): string {
  return i18n.t("editor.history.segmentText", {
    seats: formatCount(segment.seats),
    classification: classificationText(index, segment),
  });
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return formatCount(value);
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return text.length > 140 ? `“${text.slice(0, 137)}…”` : text;
}

function stageName(stage: string): string {
  return i18n.t(stage === "delivery" ? "common.stage.delivery" : "common.stage.assignment");
}
