import type { AppDeps } from "../../app/app-deps.ts";
import { problem, sendProblem } from "../problem.ts";
import type { Api } from "../routes/api.ts";
import { problemSchema } from "../schemas/common.ts";
import { readySchema } from "../schemas/system.ts";
import type { Readiness } from "./readiness.ts";

const notReady = {
  starting: "This instance is starting: it has not finished migrating and loading the playbook.",
  stopping: "This instance is shutting down: it finishes what it accepted and takes nothing new.",
} as const;

/** GET /api/health/ready, for load balancers and orchestrators (GET /api/health is liveness). */
export function readyRoute(api: Api, deps: AppDeps, readiness: Readiness): void {
  api.get(
    "/health/ready",
    {
      schema: {
        tags: ["system"],
        summary: "Readiness: 200 when this instance takes traffic, 503 while it starts or stops",
        response: { 200: readySchema, 503: problemSchema },
      },
    },
    async (request, reply) => {
      const state = readiness.state;
      if (state !== "ready") {
        return sendProblem(
          reply,
          problem(503, `instance_${state}`, notReady[state], { instance: request.url }),
        );
      }
      try {
        await deps.database.execute("select 1");
      } catch {
        return sendProblem(
          reply,
          problem(503, "database_unavailable", "The database does not answer.", { instance: request.url }),
        );
      }
      return { status: "ready" as const };
    },
  );
}
