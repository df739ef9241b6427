// Mantine's stylesheet is imported once, here; chart styles load with the dashboards.
import "@mantine/core/styles.css";
import "./app/app.css";
import { createTheme, MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppRoutes } from "./app/app-routes.tsx";
import { Shell } from "./app/app-shell.tsx";
import { PlaybookProvider } from "./playbook/playbook-context.tsx";

const theme = createTheme({
  primaryColor: "indigo",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  defaultRadius: "sm",
  // A visible focus ring on every focusable element, for keyboard users.
  focusRing: "always",
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Shell>
          <PlaybookProvider>
            <AppRoutes />
          </PlaybookProvider>
        </Shell>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
