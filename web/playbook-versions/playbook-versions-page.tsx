import { Alert, Button, FileButton, Group, Modal, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../api/api-client.ts";
import { i18n } from "../i18n/i18n.ts";
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
        <Title order={2}>{i18n.t("versions.title")}</Title>
        <Text size="sm" c="dimmed">
          {i18n.t("versions.intro")} <code>unblock playbook apply &lt;file&gt; --dry-run</code>.
        </Text>
      </Stack>
      <PlaybookChooser state={state} />
      {state.previewError ? (
        <Problem error={state.previewError} title={i18n.t("versions.previewRefused")} />
      ) : null}
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
          label={
            files.data
              ? i18n.t("versions.fileBesideIn", { directory: files.data.directory })
              : i18n.t("versions.fileBeside")
          }
          placeholder={i18n.t("versions.chooseFile")}
          data={(files.data?.items ?? []).map((item) => ({
            value: item.name,
            label: `${item.name}: ${item.id} ${item.version}${item.inUse ? i18n.t("versions.inUse") : ""}`,
          }))}
          value={chosenFile}
          onChange={(name) => state.setChoice(name ? { kind: "file", name } : null)}
          w={420}
        />
        <FileButton onChange={upload} accept=".yaml,.yml,.json">
          {(props) => (
            <Button {...props} variant="light">
              {i18n.t("versions.upload")}
            </Button>
          )}
        </FileButton>
        <Button onClick={state.runPreview} disabled={!state.choice} loading={state.previewPending}>
          {i18n.t("versions.preview")}
        </Button>
      </Group>
      {state.choice?.kind === "upload" ? (
        <Text size="sm" mt="xs">
          {i18n.t("versions.uploaded", { name: state.choice.name })}
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
        <Title order={3}>{applied ? i18n.t("versions.applied") : i18n.t("versions.preview")}</Title>
        {preview.alreadyInUse ? <Alert color="gray">{i18n.t("versions.alreadyInUse")}</Alert> : null}
        <ChangeReportView report={applied ?? preview} />
        {state.applyError ? (
          <Problem error={state.applyError} title={i18n.t("versions.applyRefused")} />
        ) : null}
        {applied ? (
          <Alert
            color="green"
            title={i18n.t("versions.nowInUse", { playbook: `${applied.to.id} ${applied.to.version}` })}
          >
            {i18n.t("versions.remapped", { count: applied.version?.remappedStatuses ?? 0 })}
            {applied.conflictsRetried > 0
              ? i18n.t("versions.retried", { count: applied.conflictsRetried })
              : ""}
            {i18n.t("versions.judgesNow")}
          </Alert>
        ) : (
          <Group>
            <Button
              color="red"
              disabled={blocked}
              loading={state.applyPending}
              onClick={() => setConfirming(true)}
            >
              {i18n.t("versions.apply")}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={i18n.t("versions.confirm")}
        centered
      >
        <Text size="sm">
          {i18n.t("versions.confirmBody", {
            playbook: `${preview.to.id} ${preview.to.version}`,
            count: preview.remappedStatuses,
          })}
        </Text>
        <Group justify="flex-end" gap="xs" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
            {i18n.t("versions.cancel")}
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false);
              state.runApply();
            }}
          >
            {i18n.t("versions.apply")}
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
