import { describe, expect, it } from "vitest";
import { escapeFormula, unescapeFormula } from "./spreadsheet-cells.ts";

describe(escapeFormula.name, () => {
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(escapeFormula('=HYPERLINK("http://x.example","click")')).toBe(
      '\'=HYPERLINK("http://x.example","click")',
    );
    expect(escapeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeFormula("Blocked: proxy drops traffic.")).toBe("Blocked: proxy drops traffic.");
  });
});

describe(unescapeFormula.name, () => {
  it("gives back exactly what was exported", () => {
    for (const note of ["- two waves left", "=1+1", "'quoted already", "plain"]) {
      expect(unescapeFormula(escapeFormula(note))).toBe(note);
    }
  });
});
