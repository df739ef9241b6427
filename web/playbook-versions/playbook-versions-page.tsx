import { Alert, Button, FileButton, Group, Modal, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../api/api-client.ts";
import { formatCount } from "../shared/format.ts";
import { ChangeReportView } from "./change-report-view.tsx";
import { usePlaybookFiles, usePlaybookVersions } from "./playbook-versions-api.ts";
import { type PlaybookApplyState, usePlaybookApply } from "./use-playbook-apply.ts";
import { VersionList } from "./version-list.tsx";

/**
 * Admin: make a new playbook file the one in use (docs/PLAYBOOK-VERSIONS.md).
 * Choose one of the server's files or upload one, preview what it remaps,
 * apply it; the versions recorded so far below.
 */
export default function PlaybookVersionsPage() {
  const state = usePlaybookApply();
  const versions = usePlaybookVersions();
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>Playbook versions</Title>
        <Text size="sm" c="dimmed">
          A new playbook that renames, merges, splits or retires an L2 or L3 says so in its{" "}
          <code>changes:</code> section. Preview shows what it would remap; Apply moves the stored statuses in
          one step and records the version. The same runs from the command line as{" "}
          <code>unblock playbook apply &lt;file&gt; --dry-run</code>.
        </Text>
      </Stack>
      <PlaybookChooser state={state} />
      {state.previewError ? <Problem error={state.previewError} title="The preview was refused" /> : null}
      {state.preview ? <PreviewPanel state={state} /> : null}
      <VersionList versions={versions.data ?? []} loading={versions.isPending} />
    </Stack>
  );
}

function PlaybookChooser({ state }: { state: PlaybookApplyState }) {
  const files = usePlaybookFiles();
  const chosenFile = state.choice?.kind === "file" ? state.choice.name : null;
  const upload = async (file: File | null) => {
    if (file) state.setChoice({ kind: "upload", name: file.name, content: await file.text() });
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Group align="flex-end" gap="md">
        <Select
          label={`A file beside the playbook in use${files.data ? ` (${files.data.directory})` : ""}`}
          placeholder="Choose a playbook file"
          data={(files.data?.items ?? []).map((item) => ({
            value: item.name,
            label: `${item.name}: ${item.id} ${item.version}${item.inUse ? " (in use)" : ""}`,
          }))}
          value={chosenFile}
          onChange={(name) => state.setChoice(name ? { kind: "file", name } : null)}
          w={420}
        />
        <FileButton onChange={upload} accept=".yaml,.yml,.json">
          {(props) => (
            <Button {...props} variant="light">
              Upload a file
            </Button>
          )}
        </FileButton>
        <Button onClick={state.runPreview} disabled={!state.choice} loading={state.previewPending}>
          Preview
        </Button>
      </Group>
      {state.choice?.kind === "upload" ? (
        <Text size="sm" mt="xs">
          Uploaded: {state.choice.name}
        </Text>
      ) : null}
    </Paper>
  );
}

function PreviewPanel({ state }: { state: PlaybookApplyState }) {
  const preview = state.preview!;
  const [confirming, setConfirming] = useState(false);
  const applied = state.applied;
  const blocked = preview.orphans.length > 0 || preview.alreadyInUse;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={3}>{applied ? "Applied" : "Preview"}</Title>
        {preview.alreadyInUse ? <Alert color="gray">This file is already the playbook in use.</Alert> : null}
        <ChangeReportView report={applied ?? preview} />
        {state.applyError ? <Problem error={state.applyError} title="Apply was refused" /> : null}
        {applied ? (
          <Alert color="green" title={`${applied.to.id} ${applied.to.version} is in use`}>
            Remapped {formatCount(applied.version?.remappedStatuses ?? 0)} statuses
            {applied.conflictsRetried > 0
              ? ` (${formatCount(applied.conflictsRetried)} edited meanwhile were read again with their edit)`
              : ""}
            . This server judges by it now; start other servers on the same file.
          </Alert>
        ) : (
          <Group>
            <Button
              color="red"
              disabled={blocked}
              loading={state.applyPending}
              onClick={() => setConfirming(true)}
            >
              Apply
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Apply this playbook?" centered>
        <Text size="sm">
          {preview.to.id} {preview.to.version} becomes the playbook in use and{" "}
          {formatCount(preview.remappedStatuses)} statuses move to its L2s and L3s, each with a history entry.
        </Text>
        <Group justify="flex-end" gap="xs" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false);
              state.runApply();
            }}
          >
            Apply
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}

function Problem({ error, title }: { error: Error; title: string }) {
  const errors = error instanceof ApiError ? error.errors : [];
  return (
    <Alert color="red" title={title}>
      <Text size="sm">{error.message}</Text>
      {errors.map((found) => (
        <Text size="sm" key={`${found.field}-${found.code}`}>
          <code>{found.field}</code>: {found.message}
        </Text>
      ))}
    </Alert>
  );
}
