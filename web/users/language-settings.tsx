import { Alert, Modal, Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { languages } from "../../src/domain/i18n/languages.ts";
import { browserLanguage, i18n } from "../i18n/i18n.ts";
import { usePreferences } from "./use-preferences.ts";

/** The user menu's Language: English, German, or the browser's. Saves at once; the app follows. */
export function LanguageSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { preferences, change } = usePreferences();
  const value = preferences ? (preferences.language ?? "browser") : null;
  const browser = t(`users.language.names.${browserLanguage()}`);
  return (
    <Modal opened onClose={onClose} title={t("users.language.title")}>
      {preferences ? (
        <Stack gap="md">
          <Radio.Group
            label={t("users.language.label")}
            description={t("users.language.help")}
            value={value}
            onChange={(chosen) => {
              const language = chosen === "browser" ? null : (chosen as (typeof languages)[number]);
              change.mutate(
                { language },
                { onSuccess: () => void i18n.changeLanguage(language ?? browserLanguage()) },
              );
            }}
          >
            <Stack gap="xs" mt="xs">
              {languages.map((language) => (
                <Radio
                  key={language}
                  value={language}
                  label={t(`users.language.names.${language}`)}
                  lang={language}
                />
              ))}
              <Radio value="browser" label={t("users.language.browser", { language: browser })} />
            </Stack>
          </Radio.Group>
          {change.error ? <Alert color="red">{change.error.message}</Alert> : null}
        </Stack>
      ) : (
        <Text size="sm">{t("common.loading")}</Text>
      )}
    </Modal>
  );
}
