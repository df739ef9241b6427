import { describe, expect, it } from "vitest";
import { AppError, saidError } from "../app-error.ts";
import { fixShippedText } from "../work-items/work-item-fields.ts";
import { catalogueGaps } from "./catalogue-gaps.ts";
import { serverCatalogues } from "./server-texts.ts";

describe("the server's catalogues", () => {
  it.each(Object.entries(serverCatalogues))(
    "has every %s sentence in German, with the same values",
    (_, pair) => {
      expect(catalogueGaps(pair.en, pair.de)).toEqual([]);
    },
  );
});

describe("the fix-shipped notice", () => {
  const owned = ["Teams bei Contoso", "Exchange bei Contoso", "Teams bei Fabrikam", "Teams bei Tailspin"];

  it("names one entitlement, or three and how many more, in the owner's language", () => {
    expect(fixShippedText("Add-in fix", ["Teams at Contoso"])).toMatch(
      /^The fix "Add-in fix" shipped: re-check the Blocked status of Teams at Contoso you own\./,
    );
    expect(fixShippedText("Add-in fix", owned, "de")).toBe(
      "Die Lösung „Add-in fix“ ist ausgeliefert: Prüfen Sie 4 blockierte Status, die Sie verantworten (Teams bei Contoso, Exchange bei Contoso, Teams bei Fabrikam und 1 weitere), erneut. Jeder steht in „Meine Arbeit“ unter „Erneut prüfen: die Lösung ist ausgeliefert“, bis sich sein Status ändert oder Sie ihn verwerfen.",
    );
  });
});

describe("a refusal said in the asker's language", () => {
  it("keeps English as its message and writes ids as names, never as quantities", () => {
    const missing = saidError("not_found", "no_job", { id: 1234 });
    expect(missing.message).toBe("There is no job 1234.");
    expect(missing.messageIn("de")).toBe("Es gibt keinen Job 1234.");
    expect(new AppError("conflict", "Plain.").messageIn("de")).toBe("Plain.");
  });
});
