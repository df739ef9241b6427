import type { EditorTab } from "../editor/status-editor.tsx";
import { useSearchParams } from "../router/router.ts";

/**
 * Which service's editor is open, and on which tab, kept in the URL
 * (?edit=<entitlement>&tab=history) so it survives a reload and Back closes it.
 */
export function useEditorParams() {
  const [params, setParams] = useSearchParams();
  const editing = params.get("edit");
  const tab: EditorTab = params.get("tab") === "history" ? "history" : "edit";

  const open = (id: string, nextTab: EditorTab) => {
    const next = new URLSearchParams(params);
    next.set("edit", id);
    if (nextTab === "history") next.set("tab", "history");
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
