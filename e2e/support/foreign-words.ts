import type { Page } from "playwright-core";
import { de } from "../../web/i18n/de.ts";
import { en } from "../../web/i18n/en.ts";

/** Every string of a nested catalogue (or playbook answer) by its path. */
function flatten(value: unknown, path = "", into = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string") into.set(path, value);
  else if (Array.isArray(value)) {
    for (const [at, item] of value.entries()) flatten(item, `${path}[${at}]`, into);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, into);
  }
  return into;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What a page in one language must not show: each text of the other language
 * that differs from its translation, taken from two answers of the same shape
 * (the web catalogues; the playbook in both languages). A text some entry of
 * the page's language also uses ("Status", "Teams") is left out, and so is
 * one too short to tell. Templates become patterns: `{{count}} entitlements`
 * matches "12 entitlements".
 */
export class ForeignWords {
  private readonly exact = new Map<string, string>();
  private readonly patterns: { pattern: RegExp; key: string }[] = [];

  add(foreign: unknown, own: unknown, prefix: string): this {
    const foreignTexts = flatten(foreign);
    const ownTexts = flatten(own);
    const ownValues = new Set(ownTexts.values());
    for (const [path, text] of foreignTexts) {
      // Aliases are other names to find a thing by (a CSV in English), never shown as its name.
      if (/aliases/.test(path)) continue;
      const value = text.trim();
      const translated = ownTexts.get(path)?.trim();
      if (translated === value || ownValues.has(value) || value.replace(/[^A-Za-z]/g, "").length < 3)
        continue;
      if (!value.includes("{{")) {
        this.exact.set(value, `${prefix}${path}`);
        continue;
      }
      // Two words around the values at least, else "Customer {{name}}" matches any name beginning so.
      if ((value.replace(/\{\{[^}]*\}\}/g, " ").match(/[A-Za-z]{2,}/g) ?? []).length < 2) continue;
      const source = value
        .split(/\{\{[^}]*\}\}/)
        .map(escapeRegExp)
        .join(".+?");
      this.patterns.push({ pattern: new RegExp(`^${source}$`), key: `${prefix}${path}` });
    }
    return this;
  }

  /** A phrase found by looking, foreign however it came to the page. */
  phrase(pattern: RegExp, why: string): this {
    this.patterns.push({ pattern, key: why });
    return this;
  }

  /** The texts that are foreign, each with the catalogue key (or reason) it matched. */
  find(texts: readonly string[]): string[] {
    const found: string[] = [];
    for (const text of texts) {
      const key = this.exact.get(text) ?? this.patterns.find(({ pattern }) => pattern.test(text))?.key;
      if (key) found.push(`"${text}" (${key})`);
    }
    return found;
  }
}

/** The web app's catalogues: the other language's texts whose translation differs. */
export function catalogueWords(language: "en" | "de"): ForeignWords {
  return language === "de"
    ? new ForeignWords().add(en, de, "web en ")
    : new ForeignWords().add(de, en, "web de ");
}

/**
 * Every text a person can see or hear on the page: text nodes of rendered
 * elements (options of a shown select included, visually hidden text for
 * screen readers too) and the labels, titles and placeholders of elements.
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    const shown = (element: Element) =>
      element.tagName === "OPTION"
        ? (element.closest("select")?.checkVisibility() ?? false)
        : element.checkVisibility({ visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const parent = node.parentElement;
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!text || !parent || parent.closest("script, style, noscript")) continue;
      if (shown(parent)) texts.add(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (!shown(element)) continue;
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = element.getAttribute(name)?.replace(/\s+/g, " ").trim();
        if (value) texts.add(value);
      }
    }
    return [...texts];
  });
}

const englishMonth = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
/** "4 Mar 2026" (en-GB), as the app writes dates in English. */
const englishDate = new RegExp(`\\b\\d{1,2} (${englishMonth}) \\d{4}\\b`);
/** "4. März 2026", "12. Okt. 2026": as the app writes dates in German. */
const germanDate = /\b\d{1,2}\. \p{L}{3,}\.? \d{4}\b/u;
/** "Mar 4, 2026" (en-US), "2026-03-04" (ISO), "3/4/2026": dates the app writes in neither. */
const otherDate = new RegExp(
  `\\b(${englishMonth}) \\d{1,2}, \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b`,
);

/** Dates in the language's own format, and dates in any other. */
export const dates = {
  en: { own: englishDate, foreign: new RegExp(`${germanDate.source}|${otherDate.source}`, "u") },
  de: { own: germanDate, foreign: new RegExp(`${englishDate.source}|${otherDate.source}`, "u") },
} as const;
