import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { AppError } from "../../domain/app-error.ts";
import { defaultLanguage, type Language } from "../../domain/i18n/languages.ts";
import { ruleTextFor } from "../../domain/i18n/rule-text.ts";
import { indexPlaybook, type PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import {
  type PlaybookTranslation,
  playbookTranslationSchema,
  translatePlaybook,
} from "../../domain/playbook/playbook-translation.ts";
import type { ActivePlaybook, Actor, AppDeps } from "../app-deps.ts";

/** The side file with a playbook's texts in a language: playbooks/default.yaml -> playbooks/default.de.yaml. */
function translationPath(playbookPath: string, language: Language): string {
  const extension = /\.(ya?ml|json)$/i.exec(playbookPath)?.[0] ?? "";
  return `${playbookPath.slice(0, playbookPath.length - extension.length)}.${language}${extension || ".yaml"}`;
}

/**
 * Reads the side file of a language, or null when the playbook has none (its
 * texts then stay in the source language). A side file that does not parse,
 * or names ids the playbook lacks, is refused like an invalid playbook.
 */
function readPlaybookTranslation(playbookPath: string, language: Language): PlaybookTranslation | null {
  const path = translationPath(playbookPath, language);
  if (!existsSync(path)) return null;
  const parsed = playbookTranslationSchema.safeParse(parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const violations = parsed.error.issues.map((issue) => ({
      field: issue.path.join("."),
      code: "translation_invalid",
      message: issue.message,
    }));
    throw new AppError("playbook_invalid", `The playbook translation ${path} is invalid.`, {
      violations,
      detail: { path },
    });
  }
  if (parsed.data.language !== language) {
    throw new AppError(
      "playbook_invalid",
      `The playbook translation ${path} says it is "${parsed.data.language}", not "${language}".`,
      { detail: { path } },
    );
  }
  return parsed.data;
}

const indexes = new WeakMap<PlaybookIndex, Map<Language, PlaybookIndex>>();

/**
 * What a language's side file gets wrong against the playbook: ids it lacks,
 * lists of another length, or a file that does not parse (then the problem
 * names the file). Empty when it fits, or when there is no side file.
 */
export function playbookTranslationProblems(
  active: ActivePlaybook,
  language: Language,
): { path: string; message: string }[] {
  try {
    const translation = readPlaybookTranslation(active.path, language);
    return translation ? translatePlaybook(active.index.playbook, translation).problems : [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ path: translationPath(active.path, language), message }];
  }
}

/**
 * The active playbook in a language: its texts from the side file, the rules'
 * sentences from that language's catalogue, the same ids and rules. Built
 * once per loaded playbook and language; English is the playbook as loaded.
 * A side file that does not fit (a newer playbook applied beside an older
 * translation) gives what fits: its other entries stay in the source
 * language rather than refusing the reader; playbookTranslationProblems and
 * the tests say what is off.
 */
export function localizedIndex(active: ActivePlaybook, language: Language): PlaybookIndex {
  if (language === defaultLanguage) return active.index;
  let byLanguage = indexes.get(active.index);
  if (!byLanguage) {
    byLanguage = new Map();
    indexes.set(active.index, byLanguage);
  }
  const known = byLanguage.get(language);
  if (known) return known;
  let translation: PlaybookTranslation | null = null;
  try {
    translation = readPlaybookTranslation(active.path, language);
  } catch {
    translation = null;
  }
  const playbook = translation
    ? translatePlaybook(active.index.playbook, translation).playbook
    : active.index.playbook;
  const built = indexPlaybook(playbook, { text: ruleTextFor(language), source: active.index });
  byLanguage.set(language, built);
  return built;
}

/** The active playbook in the language the actor is answered in (English without one). */
export function indexFor(deps: Pick<AppDeps, "playbook">, actor: Pick<Actor, "language"> | null | undefined) {
  return localizedIndex(deps.playbook, actor?.language ?? defaultLanguage);
}
