import type { AppDeps } from "../../app/app-deps.ts";
import { indexFor } from "../../app/playbook/playbook-translations.ts";
import { playbookSchema } from "../../domain/playbook/playbook-schema.ts";
import type { Api } from "./api.ts";

export function playbookRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/playbook",
    {
      schema: {
        tags: ["playbook"],
        summary: "The active playbook: taxonomy, guidance, scenario rows, services",
        description:
          "Names, definitions and guidance in the caller's language: the one chosen in their preferences, else the first of Accept-Language the playbook has texts in (docs/I18N.md). Ids are the same in every language.",
        response: { 200: playbookSchema },
      },
    },
    async (request, reply) => {
      const index = indexFor(deps, await request.actor());
      // The playbook only changes on restart; let browsers and proxies revalidate by hash and language.
      reply.header("etag", `"${deps.playbook.sha256}-${index.text.language}"`);
      reply.header("vary", "accept-language, cookie, authorization");
      reply.header("cache-control", "no-cache");
      return index.playbook;
    },
  );
}
