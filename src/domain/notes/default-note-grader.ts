import model from "./grade-model.json" with { type: "json" };
import { createNoteGrader, type GradeModel } from "./note-grader.ts";

/** The grade model trained by `npm run train:suggest`, bundled like the suggester's. */
export const defaultGradeModel = model as unknown as GradeModel;

export const defaultNoteGrader = createNoteGrader(defaultGradeModel);
