import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PlaybookCandidateBody } from "../../src/http/schemas/playbook-versions.ts";
import { applyPlaybookFile, type PlaybookApplyAnswer, previewPlaybook } from "./playbook-versions-api.ts";

/** The file to preview: one of the server's by name, or an upload's text. */
export type PlaybookChoice =
  | { kind: "file"; name: string }
  | { kind: "upload"; name: string; content: string };

const bodyOf = (choice: PlaybookChoice): PlaybookCandidateBody =>
  choice.kind === "file" ? { file: choice.name } : { content: choice.content, name: choice.name };

/**
 * The playbook versions page's state: the chosen file, its preview, and the
 * apply of exactly what was previewed (its base version sent back, so a
 * version applied meanwhile is refused rather than overwritten). Choosing
 * another file drops the preview.
 */
export function usePlaybookApply() {
  const queryClient = useQueryClient();
  const [choice, setChoiceValue] = useState<PlaybookChoice | null>(null);
  const [preview, setPreview] = useState<PlaybookApplyAnswer | null>(null);
  const previewing = useMutation({
    mutationFn: (chosen: PlaybookChoice) => previewPlaybook(bodyOf(chosen)),
    onSuccess: setPreview,
  });
  const applying = useMutation({
    mutationFn: (previewed: { choice: PlaybookChoice; base: number | null }) =>
      applyPlaybookFile({ ...bodyOf(previewed.choice), baseVersionId: previewed.base }),
    // The taxonomy, every status and report may have changed: read everything again.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const setChoice = (next: PlaybookChoice | null) => {
    setChoiceValue(next);
    setPreview(null);
    previewing.reset();
    applying.reset();
  };
  return {
    choice,
    setChoice,
    preview,
    previewError: previewing.error,
    previewPending: previewing.isPending,
    runPreview: () => {
      if (choice) previewing.mutate(choice);
    },
    applied: applying.data ?? null,
    applyError: applying.error,
    applyPending: applying.isPending,
    runApply: () => {
      if (choice && preview) applying.mutate({ choice, base: preview.baseVersionId });
    },
  };
}

export type PlaybookApplyState = ReturnType<typeof usePlaybookApply>;
