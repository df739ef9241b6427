import { describe, expect, it } from "vitest";
import { catalogueGaps } from "./catalogue-gaps.ts";
import { ruleMessagesDe } from "./rule-messages-de.ts";
import { ruleMessagesEn } from "./rule-messages-en.ts";
import { fillTemplate, formatIsoDate, ruleTextFor, say, sayCount } from "./rule-text.ts";

describe("the rule message catalogues", () => {
  it("has a German sentence for every English one, naming the same values", () => {
    expect(catalogueGaps(ruleMessagesEn, ruleMessagesDe)).toEqual([]);
  });

  it("reports a key a translation lacks, an empty one and one with other values", () => {
    const { l1_required: _dropped, ...missing } = ruleMessagesDe;
    expect(catalogueGaps(ruleMessagesEn, missing)).toEqual([{ key: "l1_required", problem: "missing" }]);
    expect(catalogueGaps(ruleMessagesEn, { ...ruleMessagesDe, value_empty: " " })).toEqual([
      { key: "value_empty", problem: "empty" },
    ]);
    expect(
      catalogueGaps(ruleMessagesEn, { ...ruleMessagesDe, l2_elsewhere: "Ein L2-Grund von {l2}." }),
    ).toEqual([{ key: "l2_elsewhere", problem: "placeholders_differ" }]);
  });

  it("reads nested catalogues too, by dotted key", () => {
    const source = { editor: { save: "Save", count: "{{count}} left" } };
    expect(catalogueGaps(source, { editor: { save: "Speichern" } })).toEqual([
      { key: "editor.count", problem: "missing" },
    ]);
  });
});

describe("the rule text", () => {
  const german = ruleTextFor("de");

  it("fills values and writes numbers and dates in the language's locale", () => {
    expect(fillTemplate("{count} of {total}", { count: 1200, total: 5 }, "en")).toBe("1,200 of 5");
    expect(say(german, "seats_total_mismatch", { total: "x", available: 1200, gap: "y" })).toBe(
      "Die Segmente ergeben zusammen x, verfügbar sind aber 1.200: y.",
    );
    expect(formatIsoDate("en", "2026-03-04")).toBe("4 Mar 2026");
    expect(formatIsoDate("de", "2026-03-04")).toBe("4. März 2026");
    expect(formatIsoDate("de", "soon")).toBe("soon");
  });

  it("picks the plural form by count", () => {
    expect(sayCount(ruleTextFor("en"), "seats", 1)).toBe("1 seat");
    expect(sayCount(ruleTextFor("en"), "seats", 1000)).toBe("1,000 seats");
    expect(sayCount(german, "seats", 1)).toBe("1 Lizenz");
    expect(sayCount(german, "seats", 2)).toBe("2 Lizenzen");
  });
});
