import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { SyncOptions } from "../api/api-types.ts";
import { feedKeys, syncEnded, uploadFeed, useSync } from "./feed-api.ts";

/** The options an Admin picks; the preview is the dry run of the same options. */
export type FeedChoices = Omit<SyncOptions, "dryRun">;

const feedFileName = /^(customers|tenants|entitlements|people|usage)\.(csv|jsonl|ndjson)$/i;

/** Whether the server will take a file by its name (the server checks again). */
export const isFeedFileName = (name: string) => feedFileName.test(name);

/**
 * The feed upload's state: the chosen files and options, the dry run that
 * previews them, then the real sync, each followed by polling its state.
 * Changing a file or an option drops the preview: Apply always runs what
 * was previewed.
 */
export function useFeedUpload() {
  const queryClient = useQueryClient();
  const [files, setFileList] = useState<File[]>([]);
  const [choices, setChoiceValues] = useState<FeedChoices>({
    full: false,
    partial: false,
    allowMassEnd: false,
  });
  const [previewId, setPreviewId] = useState<number | null>(null);
  const [applyId, setApplyId] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (dryRun: boolean) => uploadFeed(files, { ...choices, dryRun }),
    onSuccess: (sync) => (sync.dryRun ? setPreviewId(sync.id) : setApplyId(sync.id)),
  });
  const preview = useSync(previewId);
  const applied = useSync(applyId);

  const appliedState = applied.data?.state;
  useEffect(() => {
    if (appliedState === "done" || appliedState === "failed") {
      // The portfolio, its reports and the history all changed: read them again.
      void queryClient.invalidateQueries();
    } else if (preview.data?.state === "done") {
      void queryClient.invalidateQueries({ queryKey: feedKeys.syncs });
    }
  }, [appliedState, preview.data?.state, queryClient]);

  const startOver = () => {
    setPreviewId(null);
    setApplyId(null);
    upload.reset();
  };
  const addFiles = (added: readonly File[]) => {
    // A file chosen again under the same name replaces the earlier one.
    const names = new Set(added.map((file) => file.name.toLowerCase()));
    setFileList((current) => [...current.filter((file) => !names.has(file.name.toLowerCase())), ...added]);
    startOver();
  };
  const removeFile = (name: string) => {
    setFileList((current) => current.filter((file) => file.name !== name));
    startOver();
  };
  const setChoice = (name: keyof FeedChoices, value: boolean) => {
    setChoiceValues((current) => ({ ...current, [name]: value }));
    startOver();
  };

  const busy =
    upload.isPending ||
    (previewId !== null && !syncEnded(preview.data)) ||
    (applyId !== null && !syncEnded(applied.data));
  const previewed = preview.data?.state === "done" ? preview.data : null;
  return {
    files,
    addFiles,
    removeFile,
    unknownFiles: files.filter((file) => !isFeedFileName(file.name)).map((file) => file.name),
    choices,
    setChoice,
    error: upload.error,
    busy,
    canPreview: files.length > 0 && !busy && applyId === null,
    runPreview: () => upload.mutate(true),
    preview: preview.data ?? null,
    canApply: previewed !== null && previewed.report?.refusal === null && applyId === null && !busy,
    runApply: () => upload.mutate(false),
    applied: applied.data ?? null,
    startOver: () => {
      setFileList([]);
      startOver();
    },
  };
}

export type FeedUploadState = ReturnType<typeof useFeedUpload>;
