import { Badge, Group, List, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { lintNote } from "../../src/domain/notes/lint-note.ts";
import { noteHintIn } from "../../src/domain/notes/note-hint-text.ts";
import { currentLanguage } from "../i18n/i18n.ts";

const gradeColor = { great: "green", marginal: "yellow", poor: "red" } as const;

/** The notes guidance applied as the user types: great, marginal or poor, with what to add. */
export function NoteGrade({ note, l1, l2 }: { note: string; l1: string; l2: string }) {
  const { t } = useTranslation();
  if (!l1) return null;
  const lint = lintNote(note, { l1, l2: l2 || null });
  return (
    <Paper withBorder p={6} radius="sm" aria-live="polite">
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Badge color={gradeColor[lint.grade]} size="sm" variant="light">
          {t("editor.note.grade", { grade: t(`editor.note.${lint.grade}`) })}
        </Badge>
        {lint.hints.length > 0 ? (
          <List size="xs" spacing={0}>
            {lint.hints.slice(0, 3).map((hint) => (
              <List.Item key={hint.code}>{noteHintIn(currentLanguage(), hint)}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="xs" c="dimmed">
            {t("editor.note.fine")}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
