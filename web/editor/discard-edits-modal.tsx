import { Button, Group, Modal, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Discard unsaved edits?" before the editor closes with edits in it. */
export function DiscardEditsModal({
  opened,
  onKeepEditing,
  onDiscard,
}: {
  opened: boolean;
  onKeepEditing: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onKeepEditing} title={t("editor.discard.title")} centered zIndex={400}>
      <Text size="sm">{t("editor.discard.body")}</Text>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="default" onClick={onKeepEditing} data-autofocus>
          {t("editor.discard.keep")}
        </Button>
        <Button color="red" onClick={onDiscard}>
          {t("editor.discard.discard")}
        </Button>
      </Group>
    </Modal>
  );
}
