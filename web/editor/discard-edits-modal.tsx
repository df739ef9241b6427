import { Button, Group, Modal, Text } from "@mantine/core";

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
  return (
    <Modal opened={opened} onClose={onKeepEditing} title="Discard unsaved edits?" centered zIndex={400}>
      <Text size="sm">The status has edits that are not saved. Closing now throws them away.</Text>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="default" onClick={onKeepEditing} data-autofocus>
          Keep editing
        </Button>
        <Button color="red" onClick={onDiscard}>
          Discard edits
        </Button>
      </Group>
    </Modal>
  );
}
