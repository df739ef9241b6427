import { i18n } from "./i18n.ts";

/** A stage's name in the app's language ("Delivery" / "Umsetzung"); an unknown one as it came. */
export function stageLabel(stage: string): string {
  return stage === "assignment" || stage === "delivery" ? i18n.t(`common.stage.${stage}`) : stage;
}
