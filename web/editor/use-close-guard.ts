import { useCallback, useRef, useState } from "react";
import { browserStorage, removeLocalDraft } from "./local-draft.ts";

/**
 * Closing the editor (Escape, the close button, Cancel) with unsaved edits
 * asks first. Discarding also removes the copy kept in the browser; keeping
 * on editing changes nothing.
 */
export function useCloseGuard(entitlementId: string | null, onClose: () => void) {
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  const onDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const close = () => {
    dirty.current = false;
    setAsking(false);
    onClose();
  };
  return {
    asking,
    onDirty,
    /** Close now if nothing would be lost, else ask. */
    requestClose: () => (dirty.current ? setAsking(true) : close()),
    keepEditing: () => setAsking(false),
    discard: () => {
      if (entitlementId) removeLocalDraft(browserStorage(), entitlementId);
      close();
    },
  };
}
