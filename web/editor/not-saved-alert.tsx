import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Why the last save did not go through: the messages no segment field shows
 * (stage, version, permissions), else the server's message.
 */
export function NotSavedAlert({
  errors,
  failure,
}: {
  errors: Map<string, string[]>;
  failure: string | null;
}) {
  const { t } = useTranslation();
  const general = [...errors.entries()].filter(
    ([field]) => !/^segments\.\d+/.test(field) && field !== "segments",
  );
  if (general.length > 0) {
    return (
      <Alert color="red" title={t("editor.notSaved")}>
        {general.map(([field, messages]) => (
          <Text key={field} size="sm">
            {messages.join(" ")}
          </Text>
        ))}
      </Alert>
    );
  }
  if (!failure) return null;
  return (
    <Alert color="red" title={t("editor.notSaved")} role="alert">
      {failure}
    </Alert>
  );
}
