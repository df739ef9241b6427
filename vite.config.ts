import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** What the browser must download before the first screen renders, gzipped. */
const initialJsBudgetKb = 350;

/**
 * Prints the gzipped size of the JavaScript the first page load needs: the entry
 * chunk plus every chunk it imports statically. Lazy routes (dashboards, playbook)
 * are left out on purpose; they load on navigation. Over budget fails the build,
 * so a stray static import of the chart library cannot slip in unnoticed.
 */
function initialJsSize(): Plugin {
  return {
    name: "unblock-initial-js-size",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      const entries: string[] = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== "chunk") continue;
        chunks.set(fileName, { code: output.code, imports: output.imports });
        if (output.isEntry) entries.push(fileName);
      }
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      entries.forEach(visit);
      const bytes = [...initial].reduce(
        (sum, fileName) => sum + gzipSync(chunks.get(fileName)?.code ?? "").length,
        0,
      );
      const kb = bytes / 1024;
      console.log(
        `initial JS: ${kb.toFixed(1)} KB gzipped (${initial.size} chunks, budget ${initialJsBudgetKb} KB)`,
      );
      if (kb > initialJsBudgetKb) {
        this.error(`initial JS is ${kb.toFixed(1)} KB gzipped, over the ${initialJsBudgetKb} KB budget`);
      }
    },
  };
}

export default defineConfig({
  root: "web",
  plugins: [react(), initialJsSize()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    // The budget plugin reports sizes; Vite's own per-chunk warning would only repeat it.
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` serves the API on 3000; the Vite dev server forwards to it.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
