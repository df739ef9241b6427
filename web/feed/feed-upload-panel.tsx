import { Alert, Button, Group, List, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api/api-client.ts";
import { i18n } from "../i18n/i18n.ts";
import { FeedFilePicker } from "./feed-file-picker.tsx";
import { FeedOptions } from "./feed-options.tsx";
import { SyncProgress } from "./sync-progress.tsx";
import { SyncReportView } from "./sync-report-view.tsx";
import type { FeedUploadState } from "./use-feed-upload.ts";

/**
 * Upload, preview, apply: the files and options, the dry run's counts and
 * refused rows, then the real sync's progress and report. `whenApplied` is
 * shown under an applied sync (a link to the portfolio, say).
 */
export function FeedUploadPanel({ state, whenApplied }: { state: FeedUploadState; whenApplied?: ReactNode }) {
  const { preview, applied } = state;
  return (
    <Stack gap="md">
      <FeedFilePicker
        files={state.files}
        unknownFiles={state.unknownFiles}
        disabled={state.busy || applied !== null}
        onAdd={state.addFiles}
        onRemove={state.removeFile}
      />
      <FeedOptions
        choices={state.choices}
        disabled={state.busy || applied !== null}
        onChange={state.setChoice}
      />
      <Group gap="sm">
        <Button
          onClick={state.runPreview}
          disabled={!state.canPreview}
          variant={preview ? "default" : "filled"}
        >
          {i18n.t("feed.preview")}
        </Button>
        <Button onClick={state.runApply} disabled={!state.canApply}>
          {i18n.t("feed.apply")}
        </Button>
        {applied?.state === "done" || applied?.state === "failed" ? (
          <Button variant="subtle" onClick={state.startOver}>
            {i18n.t("feed.startAgain")}
          </Button>
        ) : null}
      </Group>
      <UploadError error={state.error} />
      {preview && applied === null ? <SyncProgress sync={preview} what="preview" /> : null}
      {state.busy && preview === null && applied === null ? (
        <SyncProgress sync={null} what="preview" />
      ) : null}
      {preview?.report && applied === null ? (
        <SyncReportView report={preview.report} title={i18n.t("feed.previewTitle")} />
      ) : null}
      {applied ? <SyncProgress sync={applied} what="sync" /> : null}
      {applied?.report ? (
        <Stack gap="sm">
          <Alert
            color={applied.applied ? "green" : "red"}
            title={applied.applied ? i18n.t("feed.applied") : i18n.t("feed.notApplied")}
          >
            {applied.applied ? i18n.t("feed.appliedBody") : applied.report.refusal}
          </Alert>
          {applied.applied ? whenApplied : null}
          <SyncReportView report={applied.report} title={i18n.t("feed.didTitle")} />
        </Stack>
      ) : null}
    </Stack>
  );
}

function UploadError({ error }: { error: Error | null }) {
  if (!error) return null;
  const problems = error instanceof ApiError ? error.errors : [];
  return (
    <Alert color="red" title={i18n.t("feed.refusedUpload")} role="alert">
      <Text size="sm">{error.message}</Text>
      {problems.length > 0 ? (
        <List size="sm">
          {problems.map((problem) => (
            <List.Item key={`${problem.field}-${problem.code}`}>
              {problem.field}: {problem.message} ({problem.code})
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
