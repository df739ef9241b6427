import { describe, expect, it } from "vitest";
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
