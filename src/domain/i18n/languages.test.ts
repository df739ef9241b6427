import { describe, expect, it } from "vitest";
import { languageFromHeader, languageOfTag } from "./languages.ts";

describe("languageFromHeader", () => {
  it("picks the first language Unblock speaks, by quality", () => {
    expect(languageFromHeader("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(languageFromHeader("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7")).toBe("en");
    expect(languageFromHeader("en;q=0.5, de")).toBe("de");
    expect(languageFromHeader("de;q=0, en")).toBe("en");
  });

  it("answers null when the header names none", () => {
    expect(languageFromHeader("fr, it;q=0.5")).toBeNull();
    expect(languageFromHeader("")).toBeNull();
    expect(languageFromHeader(undefined)).toBeNull();
    expect(languageFromHeader("*")).toBeNull();
  });

  it("reads a tag by its primary language", () => {
    expect(languageOfTag("de-AT")).toBe("de");
    expect(languageOfTag("EN_gb")).toBe("en");
    expect(languageOfTag("pt-BR")).toBeNull();
  });
});
