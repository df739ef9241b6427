import type { AppDeps } from "../../app/app-deps.ts";
import { healthSchema } from "../schemas/system.ts";
import type { Api } from "./api.ts";

export function systemRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and what the instance runs on",
        response: { 200: healthSchema },
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
}
