import { Group, Progress, Text, Tooltip } from "@mantine/core";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import { i18n } from "../i18n/i18n.ts";
import { formatCount } from "../shared/format.ts";

interface SeatPart {
  l1: string;
  seats: number;
}

/** A service's seats as one bar split by L1 colour, with a legend that says it in words too. */
export function SeatBar({
  index,
  segments,
  availableSeats,
}: {
  index: PlaybookIndex;
  segments: readonly SeatPart[];
  availableSeats: number;
}) {
  const byL1 = new Map<string, number>();
  for (const segment of segments) byL1.set(segment.l1, (byL1.get(segment.l1) ?? 0) + segment.seats);
  const total = Math.max(
    availableSeats,
    [...byL1.values()].reduce((sum, seats) => sum + seats, 0),
    1,
  );
  const parts = [...byL1.entries()];
  const words = parts.map(([l1, seats]) => `${index.l1(l1)?.name ?? l1} ${formatCount(seats)}`).join(", ");
  return (
    <div>
      {/* A group of bars, one per L1, each named: a bare div may not carry a label. */}
      <Progress.Root
        size="lg"
        role="group"
        aria-label={i18n.t("tenant.bar", { parts: words || i18n.t("tenant.barNone") })}
      >
        {parts.map(([l1, seats]) => {
          const label = i18n.t("tenant.barPart", { l1: index.l1(l1)?.name ?? l1, seats: formatCount(seats) });
          return (
            <Tooltip key={l1} label={label}>
              <Progress.Section
                value={(seats / total) * 100}
                color={index.l1(l1)?.color ?? "gray"}
                aria-label={label}
              />
            </Tooltip>
          );
        })}
      </Progress.Root>
      <Group gap="sm" mt={4}>
        {parts.map(([l1, seats]) => (
          <Text key={l1} size="xs">
            <span className="seat-bar-legend" style={{ background: index.l1(l1)?.color ?? "#868e96" }} />
            {index.l1(l1)?.name ?? l1} {formatCount(seats)}
          </Text>
        ))}
      </Group>
    </div>
  );
}
