import { Alert, Center, Loader, Stack, Text } from "@mantine/core";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { EscalationHistoryEntry } from "../../src/http/schemas/escalations.ts";
import type { HistoryEntry, StatusSnapshot, StoredSegment } from "../api/api-types.ts";
import { useHistory } from "../api/queries.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { classificationText } from "../portfolio/segment-chips.tsx";
import { formatCount, formatDate, formatDateTime } from "../shared/format.ts";

/**
 * Every status change of one service and every escalation event, newest
 * first: who, when, and what changed (a timeline as a list).
 */
export function HistoryTimeline({ entitlementId }: { entitlementId: string }) {
  const index = usePlaybook();
  const history = useHistory(entitlementId);
  if (history.isPending) {
    return (
      <Center p="md">
        <Loader size="sm" aria-label="Loading the history" />
      </Center>
    );
  }
  if (history.isError) {
    return (
      <Alert color="red" title="The history could not be loaded">
        {history.error.message}
      </Alert>
    );
  }
  const entries = timeline(history.data.items, history.data.escalations ?? []);
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No status changes recorded yet.
      </Text>
    );
  }
  return (
    <ol className="history-list" aria-label="Status history">
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

const escalationVerbs: Record<EscalationHistoryEntry["kind"], string> = {
  opened: "escalated it to",
  acknowledged: "acknowledged the escalation to",
  resolved: "resolved the escalation to",
  declined: "declined the escalation to",
  commented: "commented on the escalation to",
};

const ruleNames = { target_slipped: "target date slipped", blocked_too_long: "Blocked too long" } as const;

/** One escalation event: who did what, to which group, and its message, reason or comment. */
function EscalationEntry({ entry }: { entry: EscalationHistoryEntry }) {
  const who = entry.actor?.name ?? `The playbook rule (${entry.rule ? ruleNames[entry.rule] : "escalation"})`;
  return (
    <Stack gap={0}>
      <Text size="sm">
        <Text span fw={700}>
          {who}
        </Text>{" "}
        {escalationVerbs[entry.kind]} {entry.group} ({entry.l2Name}) · {formatDateTime(entry.at)}
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
  const who = entry.actor.name ?? entry.actor.email ?? "Unknown user";
  return (
    <Text size="sm">
      <Text span fw={700}>
        {who}
      </Text>{" "}
      ({entry.actor.role.replaceAll("_", " ")}) · {formatDateTime(entry.at)} · via {entry.source} · version{" "}
      {entry.versionAfter}
    </Text>
  );
}

function snapshot(value: unknown): StatusSnapshot | null {
  if (!value || typeof value !== "object") return null;
  const candidate = value as Partial<StatusSnapshot>;
  return Array.isArray(candidate.segments) ? (candidate as StatusSnapshot) : null;
}

const fieldNames: Array<[keyof StoredSegment, string]> = [
  ["seats", "Seats"],
  ["serviceStatus", "Service status"],
  ["engagementScenario", "Engagement scenario"],
  ["targetDate", "Target date"],
  ["owner", "Owner"],
  ["nextActionDate", "Next action date"],
  ["nextAction", "Next action"],
  ["note", "Note"],
  ["splitReason", "Split reason"],
];

function ChangeSummary({
  index,
  before,
  after,
}: {
  index: PlaybookIndex;
  before: StatusSnapshot | null;
  after: StatusSnapshot | null;
}) {
  const lines: string[] = [];
  if (before && after && before.stage !== after.stage) {
    lines.push(`Stage: ${stageName(before.stage)} → ${stageName(after.stage)}`);
  }
  const count = Math.max(before?.segments.length ?? 0, after?.segments.length ?? 0);
  for (let position = 0; position < count; position++) {
    const old = before?.segments[position];
    const now = after?.segments[position];
    const prefix = count > 1 ? `Segment ${position + 1}: ` : "";
    if (!old && now) {
      lines.push(`${prefix}added ${segmentText(index, now)}`);
      continue;
    }
    if (old && !now) {
      lines.push(`${prefix}removed ${segmentText(index, old)}`);
      continue;
    }
    if (!old || !now) continue;
    const oldClass = classificationText(index, old);
    const newClass = classificationText(index, now);
    if (oldClass !== newClass) lines.push(`${prefix}${oldClass} → ${newClass}`);
    for (const [field, name] of fieldNames) {
      const a = display(old[field]);
      const b = display(now[field]);
      if (a !== b) lines.push(`${prefix}${name}: ${a} → ${b}`);
    }
  }
  if (lines.length === 0) lines.push("No field changed.");
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
  return `${formatCount(segment.seats)} seats ${classificationText(index, segment)}`;
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return formatCount(value);
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return text.length > 140 ? `“${text.slice(0, 137)}…”` : text;
}

function stageName(stage: string): string {
  return stage === "delivery" ? "Delivery" : "Assignment";
}
