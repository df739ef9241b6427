import { NativeSelect } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMe, useUsers } from "../api/queries.ts";
import { setCurrentUserEmail, useCurrentUserEmail } from "./current-user.ts";

/**
 * Picks who the app acts as until sign-in lands. The role of the chosen user
 * decides which scenario rows it may record, so switching refetches everything.
 */
export function UserSwitcher() {
  const users = useUsers();
  const me = useMe();
  const email = useCurrentUserEmail();
  const queryClient = useQueryClient();
  const items = users.data?.items ?? [];
  const value = email || me.data?.user.email || "";
  const data = items.map((user) => ({ value: user.email, label: `${user.name} (${roleName(user.role)})` }));
  if (value && !items.some((user) => user.email === value)) data.unshift({ value, label: value });
  return (
    <NativeSelect
      label="Acting as"
      size="xs"
      w={280}
      data={data.length > 0 ? data : [{ value: "", label: users.isPending ? "Loading users…" : "No users" }]}
      value={value}
      disabled={items.length === 0}
      onChange={(event) => {
        setCurrentUserEmail(event.currentTarget.value);
        void queryClient.invalidateQueries();
      }}
      styles={{ root: { display: "flex", alignItems: "center", gap: 8 }, label: { whiteSpace: "nowrap" } }}
    />
  );
}

function roleName(role: string): string {
  return role.replaceAll("_", " ");
}
