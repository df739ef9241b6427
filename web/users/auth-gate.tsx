import {
  Alert,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { loginPath, loginPathname, nextAfterLogin } from "../../src/domain/return-path.ts";
import { ApiError, apiRequest } from "../api/api-client.ts";
import { queryKeys, readMe, useMe } from "../api/queries.ts";
import { navigate, useLocation } from "../router/router.ts";
import { OidcSignIn } from "./oidc-sign-in.tsx";

/**
 * Shows the app once the server says who is signed in. Before sign-in (401)
 * every address moves to the sign-in page, /login, which remembers the page
 * asked for; a signed-in visit to /login moves on to that page.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname, search } = useLocation();
  const signedOut = me.isError && me.error instanceof ApiError && me.error.status === 401;
  const onLoginPage = pathname === loginPathname;
  useEffect(() => {
    if (signedOut && !onLoginPage) navigate(loginPath(`${pathname}${search}`), { replace: true });
    if (me.isSuccess && onLoginPage) navigate(nextAfterLogin(search), { replace: true });
  }, [signedOut, me.isSuccess, onLoginPage, pathname, search]);
  if (me.isPending || (me.isSuccess && onLoginPage)) {
    return (
      <Center h="60vh">
        <Loader aria-label={t("users.checking")} />
      </Center>
    );
  }
  if (me.isError) {
    if (signedOut) return <SignIn />;
    return (
      <Alert color="red" title={t("users.unreachable")} m="md">
        {me.error.message}
      </Alert>
    );
  }
  return <>{children}</>;
}

function SignIn() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ email: "", password: "" });
  const signIn = useMutation({
    mutationFn: () => apiRequest<unknown>("/auth/login", { method: "POST", body: form }),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKeys.me, readMe(answer));
      void queryClient.invalidateQueries();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <Center mih="60vh">
      <Paper withBorder p="lg" w={380} component="form" onSubmit={submit} aria-labelledby="sign-in-title">
        <Stack gap="sm">
          <Title order={2} id="sign-in-title">
            {t("users.signIn.title")}
          </Title>
          <OidcSignIn />
          <TextInput
            label={t("users.signIn.email")}
            type="email"
            autoComplete="username"
            required
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.currentTarget.value })}
            data-autofocus
          />
          <PasswordInput
            label={t("users.signIn.password")}
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.currentTarget.value })}
          />
          {signIn.isError ? (
            <Text c="red" size="sm" role="alert">
              {signIn.error.message}
            </Text>
          ) : null}
          <Button type="submit" loading={signIn.isPending}>
            {t("users.signIn.submit")}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
