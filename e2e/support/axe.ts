import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
/**
 * axe-core's browser build (the package has no install step). Evaluated
 * through the browser's debugging protocol rather than added as a <script>:
 * the app's Content-Security-Policy (script-src 'self') rightly refuses
 * inline scripts.
 */
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The WCAG 2.1 A and AA rules: what the app is held to (docs/WEB-APP.md). */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  /** Up to three of the elements that fail, as CSS selectors, and how many fail in all. */
  targets: string[];
  count: number;
  /** The first three failing elements: their opening markup and what axe says is wrong with them. */
  first: string;
}

/**
 * Runs axe-core over the whole page as it is now and returns every violation
 * of the WCAG 2.1 AA rules, each with a few of its elements, so a failing
 * test names what to fix.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the injected global of axe.min.js
    const axe = (window as any).axe;
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return results.violations.map(
      (violation: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; html: string; failureSummary?: string }[];
      }) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.map(String).join(" ")),
        count: violation.nodes.length,
        first: violation.nodes
          .slice(0, 3)
          .map((node) =>
            `${node.html.slice(0, 160)} ${node.failureSummary ?? ""}`.replace(/\s+/g, " ").slice(0, 400),
          )
          .join(" || "),
      }),
    );
  }, wcagTags);
}
