/** The history reports' shapes, as the server's zod schemas declare them (types only). */
export type {
  BlockedByL2OverTime,
  CompareAnswer,
  CompareGroup,
  DwellAnswer,
  DwellRow,
  FlowAnswer,
  FlowRow,
  L2Week,
  StatusChangeRow,
} from "../../src/http/schemas/history-reports.ts";
