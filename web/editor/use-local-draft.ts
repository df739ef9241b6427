import { useEffect, useRef, useState } from "react";
import type { EditorDraft } from "./editor-state.ts";
import {
  browserStorage,
  type LocalDraft,
  readLocalDraft,
  removeLocalDraft,
  sameEdits,
  writeLocalDraft,
  writtenByThisPage,
} from "./local-draft.ts";

/**
 * The draft of the editor's first render: edits this page kept a moment ago
 * (the editor closed with them, or its History tab opened) come back as they
 * were, on the same version; otherwise the saved status.
 */
export function initialDraft(entitlementId: string, version: number, saved: EditorDraft): EditorDraft {
  if (!writtenByThisPage(entitlementId)) return saved;
  const kept = readLocalDraft(browserStorage(), entitlementId);
  return kept && kept.version === version ? kept.draft : saved;
}

/**
 * Keeps the editor's unsaved edits in the browser while they differ from the
 * saved status, and offers back edits an earlier page kept (after a reload).
 * `dirty`: the draft differs from the saved status.
 */
export function useLocalDraft(
  entitlementId: string,
  version: number,
  draft: EditorDraft,
  dirty: boolean,
  onRestore: (draft: EditorDraft) => void,
) {
  const [offer, setOffer] = useState<LocalDraft | null>(() => {
    const kept = readLocalDraft(browserStorage(), entitlementId);
    return kept && !sameEdits(kept.draft, draft) ? kept : null;
  });

  // The draft just saved: kept no more, even while the form still shows it.
  const saved = useRef<EditorDraft | null>(null);

  useEffect(() => {
    if (saved.current === draft) return;
    const storage = browserStorage();
    if (dirty) writeLocalDraft(storage, entitlementId, { version, savedAt: new Date().toISOString(), draft });
    // Without edits of its own the form leaves an offered draft where it is until the user decides.
    else if (!offer) removeLocalDraft(storage, entitlementId);
  }, [entitlementId, version, draft, dirty, offer]);

  return {
    /** Edits kept by an earlier page, not yet taken back or discarded. */
    offer,
    restore: () => {
      if (offer) onRestore(offer.draft);
      setOffer(null);
    },
    discardOffer: () => {
      if (!dirty) removeLocalDraft(browserStorage(), entitlementId);
      setOffer(null);
    },
    /** After a save: nothing is left to keep. */
    forget: () => {
      saved.current = draft;
      removeLocalDraft(browserStorage(), entitlementId);
      setOffer(null);
    },
  };
}
