import { defaultLanguage, languages } from "../../domain/i18n/languages.ts";
import type { ActivePlaybook } from "../app-deps.ts";
import { playbookTranslationProblems } from "./playbook-translations.ts";

/**
 * What the language side files beside a playbook get wrong against it, one
 * line each ("de: l2s.service_reliability names no entry of the playbook").
 * A warning, never a refusal: a stale translation shows the source language
 * for what it misses, but whoever renames an L2 should learn that the German
 * name is gone too. Read at start, by `playbook validate` and by `apply`.
 */
export function translationWarnings(active: Pick<ActivePlaybook, "index" | "path">): string[] {
  return languages
    .filter((language) => language !== defaultLanguage)
    .flatMap((language) =>
      playbookTranslationProblems({ ...active, sha256: "" }, language).map(
        (problem) => `${language}: ${problem.path} ${problem.message}`,
      ),
    );
}
