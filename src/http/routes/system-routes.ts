import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { listUsers } from "../../app/find-user.ts";
import type { Api } from "./api.ts";

const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() });

export function systemRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and what the instance runs on",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["pglite", "postgres"]),
            playbook: z.object({ id: z.string(), version: z.string(), sha256: z.string() }),
          }),
        },
      },
    },
    async () => {
      await deps.database.execute("select 1");
      const { playbook } = deps.playbook.index;
      return {
        status: "ok" as const,
        database: deps.database.kind,
        playbook: { id: playbook.id, version: playbook.version, sha256: deps.playbook.sha256 },
      };
    },
  );

  api.get(
    "/me",
    {
      schema: { tags: ["users"], summary: "The acting user and its role", response: { 200: userSchema } },
    },
    async (request) => request.actor(),
  );

  api.get(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "Users (the web app's user switcher, until sign-in lands)",
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async () => ({ items: await listUsers(deps) }),
  );
}
