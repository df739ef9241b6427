import { Alert } from "@mantine/core";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";

/** Why the editor will not save: the user's role does not record this stage. */
export function ReadOnlyNotice({ stage }: { stage: Stage }) {
  return (
    <Alert color="blue" title="Read only">
      Your role does not record statuses in the {stage === "delivery" ? "Delivery" : "Assignment"} stage; you
      can look at the fields and the playbook's guidance, but not save.
    </Alert>
  );
}
