import { Alert } from "@mantine/core";

/** A save refused because someone else saved first (409); the user's edits are kept. */
export function ConflictNotice() {
  return (
    <Alert color="orange" title="Changed by someone else: review and retry" role="alert">
      This service was saved by someone else while you edited it. Its current status is shown below and your
      edits are kept: review them against it, then save again.
    </Alert>
  );
}
