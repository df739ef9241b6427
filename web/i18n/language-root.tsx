import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { currentLanguage, i18n } from "./i18n.ts";

/**
 * Renders the app in the current language and again, from the top, when it
 * changes: every date and number on screen is formatted anew and every answer
 * of the server whose text depends on the language (the playbook, rule
 * messages) is asked for again. The page's `lang` follows, for screen readers.
 */
export function LanguageRoot({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState(currentLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    const onChange = () => {
      const next = currentLanguage();
      setLanguage((before) => {
        if (before !== next) void queryClient.invalidateQueries();
        return next;
      });
    };
    i18n.on("languageChanged", onChange);
    return () => i18n.off("languageChanged", onChange);
  }, [queryClient]);
  return (
    <div key={language} style={{ display: "contents" }}>
      {children}
    </div>
  );
}
