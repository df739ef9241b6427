import { Button, Group, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, setCsrfToken } from "../api/api-client.ts";
import { useMe } from "../api/queries.ts";
import { UserSwitcher } from "./user-switcher.tsx";

/** Who is acting, in the header: signed in (with sign-out), or the user switcher on servers without sign-in. */
export function AccountMenu() {
  const me = useMe();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => apiRequest<null>("/auth/logout", { method: "POST" }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      void queryClient.invalidateQueries();
    },
  });
  if (!me.data) return null;
  if (me.data.mode === "header") {
    return (
      <Group gap="sm" wrap="nowrap">
        <Text size="xs" c="dimmed" visibleFrom="lg">
          No sign-in on this server; pick who you act as:
        </Text>
        <UserSwitcher />
      </Group>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm">
        {me.data.user.name}{" "}
        <Text span c="dimmed" size="xs">
          ({me.data.user.role.replaceAll("_", " ")})
        </Text>
      </Text>
      <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        Sign out
      </Button>
    </Group>
  );
}
