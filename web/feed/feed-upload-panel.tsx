import { Alert, Button, Group, List, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api/api-client.ts";
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
          Preview
        </Button>
        <Button onClick={state.runApply} disabled={!state.canApply}>
          Apply
        </Button>
        {applied?.state === "done" || applied?.state === "failed" ? (
          <Button variant="subtle" onClick={state.startOver}>
            Start again
          </Button>
        ) : null}
      </Group>
      <UploadError error={state.error} />
      {preview && applied === null ? <SyncProgress sync={preview} what="preview" /> : null}
      {state.busy && preview === null && applied === null ? (
        <SyncProgress sync={null} what="preview" />
      ) : null}
      {preview?.report && applied === null ? (
        <SyncReportView
          report={preview.report}
          title="Preview: what the sync will do (nothing is written yet)"
        />
      ) : null}
      {applied ? <SyncProgress sync={applied} what="sync" /> : null}
      {applied?.report ? (
        <Stack gap="sm">
          <Alert
            color={applied.applied ? "green" : "red"}
            title={applied.applied ? "Applied" : "Not applied"}
          >
            {applied.applied ? "The portfolio now holds what the files say." : applied.report.refusal}
          </Alert>
          {applied.applied ? whenApplied : null}
          <SyncReportView report={applied.report} title="What the sync did" />
        </Stack>
      ) : null}
    </Stack>
  );
}

function UploadError({ error }: { error: Error | null }) {
  if (!error) return null;
  const problems = error instanceof ApiError ? error.errors : [];
  return (
    <Alert color="red" title="The upload was refused" role="alert">
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
