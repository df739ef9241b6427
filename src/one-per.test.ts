import { describe, expect, it } from "vitest";
import { onePer } from "./one-per.ts";

describe(onePer.name, () => {
  it("makes a key's value once and gives each key its own", () => {
    const made: object[] = [];
    const madeFor = onePer((key: object) => {
      made.push(key);
      return { for: key };
    });
    const first = {};
    const second = {};
    expect(madeFor(first)).toBe(madeFor(first));
    expect(madeFor(second)).not.toBe(madeFor(first));
    expect(madeFor(second).for).toBe(second);
    expect(made).toEqual([first, second]);
  });
});
