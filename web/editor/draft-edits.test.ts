import { describe, expect, it } from "vitest";
import { addSegment, editSegment, removeSegment } from "./draft-edits.ts";
import { type EditorDraft, newSegment } from "./editor-state.ts";

const available = 1000;

function split(): EditorDraft {
  const first = { ...newSegment(600), l1: "blocked", splitReason: "geography" };
  const withFirst: EditorDraft = { stage: "delivery", segments: [first] };
  const added = addSegment(withFirst, available).draft;
  return { ...added, segments: [added.segments[0]!, { ...added.segments[1]!, l1: "in_progress" }] };
}

describe(removeSegment.name, () => {
  it("gives the one segment left all the seats and no split reason", () => {
    const draft = split();
    expect(draft.segments.map((segment) => segment.seats)).toEqual(["600", "400"]);
    const { draft: left, paths } = removeSegment(draft, 1, available);
    expect(left.segments).toHaveLength(1);
    expect(left.segments[0]).toMatchObject({ l1: "blocked", seats: "1000", splitReason: "" });
    expect(paths).toEqual(["segments"]);
  });

  it("leaves the seats of several segments left as they are", () => {
    const draft = split();
    const three = addSegment(draft, available).draft;
    const { draft: left } = removeSegment(three, 2, available);
    expect(left.segments.map((segment) => segment.seats)).toEqual(["600", "400"]);
  });
});

describe(editSegment.name, () => {
  it("names the fields changed, and the segment list when the seats change", () => {
    const draft = split();
    const next = { ...draft.segments[0]!, seats: "500", typed: ["note" as const] };
    expect(editSegment(draft, 0, next).paths).toEqual(["segments.0.seats", "segments"]);
  });
});
