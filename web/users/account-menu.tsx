import { Button, Group, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, setCsrfToken } from "../api/api-client.ts";
import { useMe } from "../api/queries.ts";

/** Who is signed in, in the header, with sign-out. */
export function AccountMenu() {
  const me = useMe();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => apiRequest<null>("/auth/logout", { method: "POST" }),
    onSettled: () => {
      setCsrfToken(null);
      // Forget the signed-out user's data; /api/me then answers 401 and the sign-in form shows.
      void queryClient.resetQueries();
    },
  });
  if (!me.data) return null;
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
