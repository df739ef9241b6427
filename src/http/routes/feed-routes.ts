import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyMultipart from "@fastify/multipart";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { getPortfolioSync } from "../../app/feed/get-portfolio-sync.ts";
import { listPortfolioSyncs } from "../../app/feed/list-portfolio-syncs.ts";
import { startPortfolioSync } from "../../app/feed/start-portfolio-sync.ts";
import { feedFileNames } from "../../domain/feed/feed-files.ts";
import { type FeedUploadLimits, receiveFeedUpload, UploadTooLarge } from "../feed-upload.ts";
import { languageOfRequest, problem, sendProblem } from "../problem.ts";
import { authedProblemResponses, problemSchema } from "../schemas/common.ts";
import {
  portfolioSyncListSchema,
  portfolioSyncSchema,
  syncIdParamsSchema,
  syncListQuerySchema,
} from "../schemas/feed.ts";
import type { Api } from "./api.ts";

const examplesFolder = fileURLToPath(new URL("../../../examples/feed/", import.meta.url));

/** The portfolio feed: upload files to sync (a background job), follow it, list the syncs. */
export function feedRoutes(api: Api, deps: AppDeps, limits: FeedUploadLimits): void {
  // Multipart is parsed for these routes only: every other write stays JSON.
  api.register(async (scope) => {
    await scope.register(fastifyMultipart);
    const feed = scope.withTypeProvider<ZodTypeProvider>();
    feed.post(
      "/portfolio/sync",
      {
        schema: {
          tags: ["portfolio"],
          summary: "Sync the portfolio from uploaded feed files (Admin; runs in the background)",
          description:
            "multipart/form-data: files named customers, tenants, entitlements, people or usage (.csv or .jsonl), any subset, each once; fields dryRun, full, partial, allowMassEnd (true or false). Answers 202 with the queued sync and its Location; follow it with GET /api/portfolio/syncs/{id}. One sync runs at a time (409 carries the running one).",
          consumes: ["multipart/form-data"],
          response: { 202: portfolioSyncSchema, ...authedProblemResponses, 413: problemSchema },
        },
      },
      async (request, reply) => {
        try {
          const sync = await startPortfolioSync(deps, await request.actor(), {
            receive: () => receiveFeedUpload(request, limits),
          });
          return reply.status(202).header("location", `/api/portfolio/syncs/${sync.id}`).send(sync);
        } catch (error) {
          if (!(error instanceof UploadTooLarge)) throw error;
          const language = languageOfRequest(request);
          const message = error.messageIn(language);
          return sendProblem(
            reply,
            problem(
              413,
              error.rule,
              message,
              { instance: request.url, errors: [{ field: error.field, code: error.rule, message }] },
              language,
            ),
          );
        }
      },
    );
  });

  api.get(
    "/portfolio/syncs",
    {
      schema: {
        tags: ["portfolio"],
        summary: "The latest portfolio syncs, newest first (Admin)",
        querystring: syncListQuerySchema,
        response: { 200: portfolioSyncListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({
      items: await listPortfolioSyncs(deps, await request.actor(), { limit: request.query.limit }),
    }),
  );

  api.get(
    "/portfolio/syncs/:id",
    {
      schema: {
        tags: ["portfolio"],
        summary: "One portfolio sync: its state, progress and, once done, its report (Admin)",
        params: syncIdParamsSchema,
        response: { 200: portfolioSyncSchema, ...authedProblemResponses },
      },
    },
    async (request) => getPortfolioSync(deps, await request.actor(), request.params.id),
  );

  api.get(
    "/portfolio/feed-examples/:file",
    {
      schema: {
        tags: ["portfolio"],
        summary: "An example feed file (examples/feed), as a download",
        params: z.object({ file: z.enum(feedFileNames.map((name) => `${name}.csv`)) }),
        produces: ["text/csv"],
      },
    },
    async (request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${request.params.file}"`)
        .send(createReadStream(`${examplesFolder}${request.params.file}`)),
  );
}
