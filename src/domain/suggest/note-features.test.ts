import { describe, expect, it } from "vitest";
import { extractFeatures, normalize } from "./note-features.ts";

const featureNames = (note: string, workload: string | null = null) => [
  ...extractFeatures(note, workload, {
    bigrams: true,
    concepts: true,
    charGrams: false,
    charGramMin: 3,
    charGramMax: 5,
    workload: true,
  }).counts.keys(),
];

describe(extractFeatures.name, () => {
  it("reads words inside a negation as negated, and the clause after it as plain", () => {
    const names = featureNames("Not a licensing problem: the firewall drops the traffic");
    expect(names).toContain("w:not_licens");
    expect(names).toContain("c:not_licensing");
    expect(names).not.toContain("w:licens");
    expect(names).not.toContain("c:licensing");
    expect(names).toContain("w:firewall");
    expect(names).toContain("c:network");
  });

  it("ends a negation at 'but' and after a few words", () => {
    const names = featureNames("no partner issue but the proxy strips headers");
    expect(names).toContain("w:not_partner");
    expect(names).toContain("w:proxy");
    expect(names).not.toContain("w:not_proxy");
  });

  it("expands contractions into a negation", () => {
    expect(featureNames("the sync client doesn't support Windows 7")).toContain("w:not_support");
    expect(featureNames("they can't open the ports")).toContain("w:not_open");
  });

  it("gives shorthand and full names the same features", () => {
    const short = featureNames("EXO move blocked by the FW");
    const long = featureNames("Exchange Online move blocked by the firewall");
    expect(short.sort()).toEqual(long.sort());
  });

  it("tells the IT department from the pronoun 'it'", () => {
    expect(featureNames("IT has no budget for it")).toContain("w:it_dept");
    expect(featureNames("it has no budget")).not.toContain("w:it_dept");
  });

  it("reads numbers by kind, not value", () => {
    expect(featureNames("4 attempts")).toEqual(featureNames("7 attempts"));
    expect(featureNames("usage at 7%")).toContain("w:<percent>");
  });

  it("adds the workload when it is known", () => {
    expect(featureNames("proxy breaks media", "teams")).toContain("s:teams");
    expect(featureNames("proxy breaks media", null).some((name) => name.startsWith("s:"))).toBe(false);
  });

  it("marks status cues, turned around by a negation just before them", () => {
    const cues = (note: string) =>
      [...extractFeatures(note, null).counts.keys()].filter((name) => name.startsWith("l:"));
    expect(cues("No response after 3 emails and 2 calls")).toContain("l:unresponsive");
    expect(cues("Customer has no plans for Teams")).toContain("l:no_plans");
    expect(cues("Seats counted twice, duplicate of the E5 row")).toContain("l:duplicate");
    expect(cues("Pilot running with 50 users")).toContain("l:in_progress");
    expect(cues("Not blocked any more: rollout resumed")).toEqual(
      expect.arrayContaining(["l:not_blocked", "l:unblocked"]),
    );
    expect(cues("Not blocked any more")).not.toContain("l:blocked");
    expect(cues("the duplex printer")).toEqual([]);
  });

  it("keeps the note's own words as evidence text", () => {
    const { surface } = extractFeatures("Not a licensing problem", null);
    expect(surface.get("w:not_licens")).toBe("not licensing");
  });
});

describe(normalize.name, () => {
  it("rewrites abbreviations only as whole words", () => {
    expect(normalize("ODfB and OPP via the SPO site")).toBe(
      "onedrive and office proplus via the sharepoint online site",
    );
    expect(normalize("the adoption team")).toBe("the adoption team");
  });
});
