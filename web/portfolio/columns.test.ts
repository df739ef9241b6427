import { describe, expect, it } from "vitest";
import {
  columnsText,
  defaultColumns,
  gridTemplate,
  minimumWidth,
  moveColumn,
  parseColumns,
  toggleColumn,
  viewQuery,
} from "./columns.ts";

describe(parseColumns.name, () => {
  it("reads known columns once each, in the order given", () => {
    expect(parseColumns("reason,owner,bogus,reason,service")).toEqual(["reason", "owner", "service"]);
  });

  it("falls back to the default when it names none", () => {
    expect(parseColumns(null)).toEqual(defaultColumns);
    expect(parseColumns("bogus,,")).toEqual(defaultColumns);
  });

  it("round-trips through the URL value, which leaves the default out", () => {
    expect(columnsText(defaultColumns)).toBeNull();
    const chosen = ["owner", "reason"] as const;
    expect(parseColumns(columnsText(chosen))).toEqual(chosen);
  });
});

describe("choosing columns", () => {
  it("hides a shown column, shows a hidden one at the end, and keeps the last one", () => {
    expect(toggleColumn(["service", "owner"], "service")).toEqual(["owner"]);
    expect(toggleColumn(["owner"], "reason")).toEqual(["owner", "reason"]);
    expect(toggleColumn(["owner"], "owner")).toEqual(["owner"]);
  });

  it("moves a column one place either way, not past the ends", () => {
    expect(moveColumn(["service", "reason", "owner"], "owner", -1)).toEqual(["service", "owner", "reason"]);
    expect(moveColumn(["service", "reason"], "service", -1)).toEqual(["service", "reason"]);
    expect(moveColumn(["service", "reason"], "reason", 1)).toEqual(["service", "reason"]);
  });

  it("lays out a track per column after the checkbox and the customer, and widens the table with them", () => {
    expect(gridTemplate(["reason", "blocked"])).toBe("36px minmax(168px, 1.5fr) minmax(164px, 1.6fr) 60px");
    expect(minimumWidth(["reason", "blocked"])).toBeLessThan(minimumWidth(["reason", "blocked", "owner"]));
    // The default fits a 1,280 px window: 16 px of page margin each side.
    expect(minimumWidth(defaultColumns)).toBeLessThanOrEqual(1280 - 32);
  });
});

describe(viewQuery.name, () => {
  it("keeps the filters and the columns shown, without an open editor", () => {
    expect(viewQuery("l1=blocked&edit=abc&tab=history", ["owner", "reason"])).toBe(
      "l1=blocked&columns=owner%2Creason",
    );
    expect(viewQuery("l1=blocked&columns=owner", defaultColumns)).toBe("l1=blocked");
  });
});
