import { Alert, Button, Divider } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { nextAfterLogin } from "../../src/domain/return-path.ts";
import { apiRequest } from "../api/api-client.ts";
import type { SignInOptions } from "../api/api-types.ts";
import { useLocation } from "../router/router.ts";

/** What each `?error=` the single sign-on callback sends back to /login means, for the person. */
const refusals: Record<string, string> = {
  oidc_unknown_user:
    "Your sign-in provider vouched for an email address no Unblock account has. Ask an Admin to add you (with that email), then try again.",
  oidc_disabled: "Your Unblock account is disabled. Ask an Admin to enable it.",
  oidc_email_unverified:
    "Your sign-in provider has not verified your email address, so Unblock cannot sign you in with it.",
  oidc_no_email: "Your sign-in provider did not share an email address, so Unblock cannot tell who you are.",
  oidc_cancelled: "Sign-in was cancelled at your sign-in provider.",
  oidc_unavailable: "The sign-in provider could not be reached. Try again in a moment, or use your password.",
  oidc_failed:
    "Single sign-on did not complete: it took too long, was started in another tab, or the answer did not match. Try again.",
};

/**
 * The single sign-on part of the sign-in page: a "Sign in with …" button when
 * the server has a provider (a full page load, so the provider's page opens),
 * and the reason a previous attempt came back refused.
 */
export function OidcSignIn() {
  const { search } = useLocation();
  const options = useQuery({
    queryKey: ["sign-in-options"],
    queryFn: ({ signal }) => apiRequest<SignInOptions>("/auth/options", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const error = new URLSearchParams(search).get("error");
  const refusal = error?.startsWith("oidc_") ? (refusals[error] ?? refusals.oidc_failed) : null;
  const oidc = options.data?.oidc;
  const next = nextAfterLogin(search);
  const href = next === "/" ? oidc?.startPath : `${oidc?.startPath}?${new URLSearchParams({ next })}`;
  return (
    <>
      {refusal ? (
        <Alert color="red" role="alert" title="Not signed in">
          {refusal}
        </Alert>
      ) : null}
      {oidc ? (
        <>
          <Button component="a" href={href} variant="default">
            Sign in with {oidc.name}
          </Button>
          <Divider label="or with your password" labelPosition="center" />
        </>
      ) : null}
    </>
  );
}
