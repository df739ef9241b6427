import { Alert, Center, Loader } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, use } from "react";
import { indexPlaybook, type PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { Playbook } from "../../src/domain/playbook/playbook-schema.ts";
import { apiRequest } from "../api/api-client.ts";
import { queryKeys } from "../api/queries.ts";

/**
 * The active playbook, indexed with the same lookups the server uses. Every
 * page needs it (labels, colours, rules), so the app waits for it once.
 */
const PlaybookContext = createContext<PlaybookIndex | null>(null);

const toIndex = (playbook: Playbook) => indexPlaybook(playbook);

export const playbookQuery = queryOptions({
  queryKey: queryKeys.playbook,
  queryFn: ({ signal }) => apiRequest<Playbook>("/playbook", { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function PlaybookProvider({ children }: { children: ReactNode }) {
  const query = useQuery({ ...playbookQuery, select: toIndex });
  if (query.isPending) {
    return (
      <Center h="60vh">
        <Loader aria-label="Loading the playbook" />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title="The playbook could not be loaded" m="md">
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
