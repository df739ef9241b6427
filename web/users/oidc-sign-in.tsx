import { Alert, Button, Divider } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { nextAfterLogin } from "../../src/domain/return-path.ts";
import { apiRequest } from "../api/api-client.ts";
import type { SignInOptions } from "../api/api-types.ts";
import { useLocation } from "../router/router.ts";

/** The `?error=` codes the single sign-on callback sends back to /login; each has its sentence in users.signIn.refusals. */
const refusals = [
  "oidc_unknown_user",
  "oidc_disabled",
  "oidc_email_unverified",
  "oidc_no_email",
  "oidc_cancelled",
  "oidc_unavailable",
  "oidc_failed",
] as const;

/**
 * The single sign-on part of the sign-in page: a "Sign in with …" button when
 * the server has a provider (a full page load, so the provider's page opens),
 * and the reason a previous attempt came back refused.
 */
export function OidcSignIn() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const options = useQuery({
    queryKey: ["sign-in-options"],
    queryFn: ({ signal }) => apiRequest<SignInOptions>("/auth/options", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const error = new URLSearchParams(search).get("error");
  const code = refusals.find((known) => known === error) ?? "oidc_failed";
  const refusal = error?.startsWith("oidc_") ? t(`users.signIn.refusals.${code}`) : null;
  const oidc = options.data?.oidc;
  const next = nextAfterLogin(search);
  const href = next === "/" ? oidc?.startPath : `${oidc?.startPath}?${new URLSearchParams({ next })}`;
  return (
    <>
      {refusal ? (
        <Alert color="red" role="alert" title={t("users.signIn.notSignedIn")}>
          {refusal}
        </Alert>
      ) : null}
      {oidc ? (
        <>
          <Button component="a" href={href} variant="default">
            {t("users.signIn.with", { provider: oidc.name })}
          </Button>
          <Divider label={t("users.signIn.orPassword")} labelPosition="center" />
        </>
      ) : null}
    </>
  );
}
