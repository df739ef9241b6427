// The entry is kept tiny: it starts the first screen's requests, then loads the app.
// The stylesheets are linked from the page itself (imported here), so they download
// beside the app's code rather than after it.
import "@mantine/core/styles.css";
import "./app/app.css";
import { startEarlyFetches } from "./app/early-fetches.ts";

startEarlyFetches(window.location);
void import("./app/boot.tsx");
