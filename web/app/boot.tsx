// The app, loaded by the entry (web/main.tsx) once it has started the first requests.
// Stylesheets are imported by the entry; chart styles load with the dashboards.
import { MantineProvider } from "@mantine/core";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "../api/api-client.ts";
import { LanguageRoot } from "../i18n/language-root.tsx";
import { PlaybookProvider } from "../playbook/playbook-context.tsx";
import { AuthGate } from "../users/auth-gate.tsx";
import { AppRoutes } from "./app-routes.tsx";
import { Shell } from "./app-shell.tsx";
import { startEarlyRequests } from "./early-requests.ts";
import { cssVariablesResolver, theme } from "./theme.ts";

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal will not change on retry; a dropped connection might.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 1,
    },
  },
  queryCache: new QueryCache({
    // A session that ends while the app is open: ask /api/me again, which shows the sign-in form.
    onError: (error, query) => {
      const meLoading = queryClient.getQueryState(["me"])?.fetchStatus === "fetching";
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== "me" && !meLoading) {
        void queryClient.invalidateQueries({ queryKey: ["me"] });
      }
    },
  }),
});

startEarlyRequests(queryClient, window.location);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <LanguageRoot>
          <Shell>
            <AuthGate>
              <PlaybookProvider>
                <AppRoutes />
              </PlaybookProvider>
            </AuthGate>
          </Shell>
        </LanguageRoot>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
