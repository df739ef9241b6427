import { roleIds } from "../../domain/policy/role-grants.ts";
import type { Actor } from "../app-deps.ts";

/**
 * The operator acting without a user of its own: the first `unblock users
 * add` before any user exists, the benchmark and tests that read the whole
 * portfolio. An Admin with no user row (its writes are recorded with no user
 * id). Never a default: a caller that wants it names it.
 */
export const systemActor: Actor = Object.freeze({
  id: "",
  email: "system",
  name: "System",
  role: roleIds.admin,
});
