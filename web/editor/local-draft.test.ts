import { describe, expect, it } from "vitest";
import { type EditorDraft, newSegment } from "./editor-state.ts";
import {
  type LocalDraft,
  parseLocalDraft,
  readLocalDraft,
  removeLocalDraft,
  sameEdits,
  writeLocalDraft,
  writtenByThisPage,
} from "./local-draft.ts";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const draft: EditorDraft = {
  stage: "delivery",
  segments: [
    {
      ...newSegment(400),
      l1: "blocked",
      note: "VPN blocks media.",
      typed: ["note"],
      cleared: {
        targetDate: {
          value: "2030-01-31",
          reason: "not used",
          typed: true,
          l1: "in_progress",
          scenarioId: "x",
        },
      },
    },
  ],
};
const record: LocalDraft = { version: 3, savedAt: "2026-03-04T10:00:00.000Z", draft };

describe("local drafts", () => {
  it("keeps a draft per entitlement, reads it back, and forgets it", () => {
    const storage = memoryStorage();
    writeLocalDraft(storage, "e-1", record);
    expect(writtenByThisPage("e-1")).toBe(true);
    expect(readLocalDraft(storage, "e-2")).toBeNull();
    const back = readLocalDraft(storage, "e-1");
    expect(back).toMatchObject({ version: 3, savedAt: record.savedAt });
    expect(back?.draft.segments[0]).toMatchObject({
      seats: "400",
      l1: "blocked",
      note: "VPN blocks media.",
      typed: ["note"],
      cleared: { targetDate: { value: "2030-01-31", typed: true } },
    });
    expect(sameEdits(back!.draft, draft)).toBe(true);
    removeLocalDraft(storage, "e-1");
    expect(readLocalDraft(storage, "e-1")).toBeNull();
    expect(writtenByThisPage("e-1")).toBe(false);
  });

  it("reads nothing from text that is not a draft", () => {
    const storage = memoryStorage();
    storage.setItem("unblock.editor-draft.e-1", "{not json");
    expect(readLocalDraft(storage, "e-1")).toBeNull();
    expect(parseLocalDraft({ version: "3", draft })).toBeNull();
    expect(parseLocalDraft({ version: 3, draft: { stage: "launch", segments: draft.segments } })).toBeNull();
    expect(parseLocalDraft({ version: 3, draft: { stage: "delivery", segments: [] } })).toBeNull();
    expect(parseLocalDraft({ version: 3, draft: { stage: "delivery", segments: [7] } })).toBeNull();
  });

  it("takes only known fields and text values from a stored segment", () => {
    const parsed = parseLocalDraft({
      version: 1,
      draft: {
        stage: "assignment",
        segments: [{ l1: "blocked", note: 42, typed: ["note", "evil"], extra: 1 }],
      },
    });
    expect(parsed?.draft.segments[0]).toMatchObject({ l1: "blocked", note: "", typed: ["note"] });
    expect(parsed?.draft.segments[0]).not.toHaveProperty("extra");
  });

  it("a write the browser refuses (storage full) leaves the form as it is", () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => writeLocalDraft(full, "e-3", record)).not.toThrow();
  });

  it("compares what would be saved, not the editor's bookkeeping", () => {
    const plain: EditorDraft = { ...draft, segments: [{ ...draft.segments[0]!, typed: [], cleared: {} }] };
    expect(sameEdits(plain, draft)).toBe(true);
    expect(sameEdits({ ...draft, stage: "assignment" }, draft)).toBe(false);
  });
});
