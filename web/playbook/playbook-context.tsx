import { Alert, Center, Loader } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, use, useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ruleTextFor } from "../../src/domain/i18n/rule-text.ts";
import { indexPlaybook, type PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { Playbook } from "../../src/domain/playbook/playbook-schema.ts";
import { apiRequest } from "../api/api-client.ts";
import { queryKeys } from "../api/queries.ts";
import { currentLanguage } from "../i18n/i18n.ts";

/**
 * The active playbook, indexed with the same lookups the server uses. Every
 * page needs it (labels, colours, rules), so the app waits for it once.
 */
const PlaybookContext = createContext<PlaybookIndex | null>(null);

export const playbookQuery = queryOptions({
  queryKey: queryKeys.playbook,
  queryFn: ({ signal }) => apiRequest<Playbook>("/playbook", { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function PlaybookProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // The server sends the playbook in the app's language; the rules run in the browser speak it too.
  // A select per language: a playbook the same in both (no side file) still gets the new sentences.
  const toIndex = useCallback(
    (playbook: Playbook) => indexPlaybook(playbook, { text: ruleTextFor(language) }),
    [language],
  );
  const query = useQuery({ ...playbookQuery, select: toIndex });
  if (query.isPending) {
    return (
      <Center h="60vh">
        <Loader aria-label={t("shell.loadingPlaybook")} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={t("shell.playbookFailed")} m="md">
        {query.error.message}
      </Alert>
    );
  }
  return <PlaybookContext value={query.data}>{children}</PlaybookContext>;
}

export function usePlaybook(): PlaybookIndex {
  const index = use(PlaybookContext);
  if (!index) throw new Error("usePlaybook needs a PlaybookProvider");
  return index;
}
