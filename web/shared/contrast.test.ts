import { describe, expect, it } from "vitest";
import { contrastRatio, readableOn, textContrast, textOn } from "./contrast.ts";

describe("contrast", () => {
  it("computes the WCAG ratio", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#868e96", "#ffffff")).toBeCloseTo(3.32, 2);
  });

  it("darkens a colour only as far as 4.5:1 needs", () => {
    expect(readableOn("#3b5bdb", "#ffffff")).toBe("#3b5bdb");
    const orange = readableOn("#e8590c", "#ffffff");
    expect(contrastRatio(orange, "#ffffff")).toBeGreaterThanOrEqual(textContrast);
    expect(contrastRatio(readableOn("#e67700", "#fff3bf"), "#fff3bf")).toBeGreaterThanOrEqual(textContrast);
  });

  it("puts dark text on the playbook's red and white on dark colours", () => {
    expect(textOn("#fa5252")).toBe("#1a1b1e");
    expect(textOn("#364fc7")).toBe("#ffffff");
  });
});
