import { describe, expect, it } from "vitest";
import { catalogueGaps, flattenCatalogue } from "../../src/domain/i18n/catalogue-gaps.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { i18n } from "./i18n.ts";

describe("the web app's message catalogues", () => {
  it("has a German sentence for every English one, with the same values to fill", () => {
    expect(catalogueGaps(en, de)).toEqual([]);
  });

  it("fails on a key the German catalogue lacks", () => {
    const { title: _dropped, ...editor } = de.editor;
    expect(catalogueGaps(en, { ...de, editor })).toEqual([{ key: "editor.title", problem: "missing" }]);
  });

  it("translates more than it copies: German differs from English in most sentences", () => {
    const english = new Map(flattenCatalogue(en));
    const same = flattenCatalogue(de).filter(([key, text]) => english.get(key) === text);
    expect(same.length / english.size).toBeLessThan(0.2);
  });

  it("writes counts by the language's rules", () => {
    expect(i18n.t("common.seats", { count: 1200, lng: "en" })).toBe("1,200 seats");
    expect(i18n.t("common.seats", { count: 1200, lng: "de" })).toBe("1.200 Lizenzen");
    expect(i18n.t("common.seats", { count: 1, lng: "de" })).toBe("1 Lizenz");
  });
});
