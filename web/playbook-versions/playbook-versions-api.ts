import { useQuery } from "@tanstack/react-query";
import type {
  PlaybookApplyResult,
  PlaybookCandidateBody,
  PlaybookFileList,
  PlaybookVersionView,
} from "../../src/http/schemas/playbook-versions.ts";
import { apiRequest } from "../api/api-client.ts";

/** A recorded version as JSON carries its time as text. */
export type PlaybookVersion = Omit<PlaybookVersionView, "effectiveAt"> & { effectiveAt: string };
export type PlaybookApplyAnswer = Omit<PlaybookApplyResult, "version"> & { version: PlaybookVersion | null };

export const playbookVersionKeys = {
  versions: ["playbook-versions"] as const,
  files: ["playbook-files"] as const,
};

/** The versions this database ran on, oldest first (everyone: the refresh summary shows them). */
export function usePlaybookVersions() {
  return useQuery({
    queryKey: playbookVersionKeys.versions,
    queryFn: ({ signal }) => apiRequest<{ items: PlaybookVersion[] }>("/playbook/versions", { signal }),
    select: (answer) => answer.items,
  });
}

/** The files an Admin may choose from (the folder of the playbook in use). */
export function usePlaybookFiles() {
  return useQuery({
    queryKey: playbookVersionKeys.files,
    queryFn: ({ signal }) => apiRequest<PlaybookFileList>("/playbook/files", { signal }),
  });
}

export function previewPlaybook(body: PlaybookCandidateBody): Promise<PlaybookApplyAnswer> {
  return apiRequest<PlaybookApplyAnswer>("/playbook/preview", { method: "POST", body });
}

export function applyPlaybookFile(body: PlaybookCandidateBody): Promise<PlaybookApplyAnswer> {
  return apiRequest<PlaybookApplyAnswer>("/playbook/apply", { method: "POST", body });
}
