import type { EditorTab } from "../editor/status-editor.tsx";
import { useSearchParams } from "../router/router.ts";

/**
 * Which service's editor is open, and on which tab, kept in the URL
 * (?edit=<entitlement>&tab=history|escalations) so it survives a reload and Back closes it.
 */
export function useEditorParams() {
  const [params, setParams] = useSearchParams();
  const editing = params.get("edit");
  const asked = params.get("tab");
  const tab: EditorTab = asked === "history" || asked === "escalations" ? asked : "edit";

  const open = (id: string, nextTab: EditorTab) => {
    const next = new URLSearchParams(params);
    next.set("edit", id);
    if (nextTab !== "edit") next.set("tab", nextTab);
    else next.delete("tab");
    setParams(next, { replace: false });
  };
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete("edit");
    next.delete("tab");
    setParams(next, { replace: false });
  };
  return { editing, tab, open, close };
}
