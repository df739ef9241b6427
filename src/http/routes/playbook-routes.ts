import type { AppDeps } from "../../app/app-deps.ts";
import { playbookSchema } from "../../domain/playbook/playbook-schema.ts";
import type { Api } from "./api.ts";

export function playbookRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/playbook",
    {
      schema: {
        tags: ["playbook"],
        summary: "The active playbook: taxonomy, guidance, scenario rows, services",
        response: { 200: playbookSchema },
      },
    },
    async (_request, reply) => {
      // The playbook only changes on restart; let browsers and proxies revalidate by hash.
      reply.header("etag", `"${deps.playbook.sha256}"`);
      reply.header("cache-control", "no-cache");
      return deps.playbook.index.playbook;
    },
  );
}
