import type { AppDeps } from "../../app/app-deps.ts";
import { applyPlaybook } from "../../app/playbook/apply-playbook.ts";
import { listPlaybookFiles } from "../../app/playbook/list-playbook-files.ts";
import { listPlaybookVersions } from "../../app/playbook/list-playbook-versions.ts";
import type { PlaybookCandidate } from "../../app/playbook/playbook-candidate.ts";
import { writeContextOf } from "../acting-user.ts";
import { authedProblemResponses } from "../schemas/common.ts";
import {
  type PlaybookCandidateBody,
  playbookApplyResultSchema,
  playbookCandidateBodySchema,
  playbookFileListSchema,
  playbookVersionListSchema,
} from "../schemas/playbook-versions.ts";
import type { Api } from "./api.ts";

/** A file of the server's playbook folder by name, or an upload: never a path (docs/PLAYBOOK-VERSIONS.md). */
function candidateOf(body: PlaybookCandidateBody): PlaybookCandidate {
  return body.file !== undefined ? { file: body.file } : { content: body.content ?? "", name: body.name };
}

/** Playbook versions: the recorded ones, the files to choose from, preview and apply (Admins). */
export function playbookVersionRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/playbook/versions",
    {
      schema: {
        tags: ["playbook"],
        summary: "The playbook versions this database ran on, oldest first, with what each remapped",
        response: { 200: playbookVersionListSchema, ...authedProblemResponses },
      },
    },
    async (request) => ({ items: await listPlaybookVersions(deps, await request.actor()) }),
  );

  api.get(
    "/playbook/files",
    {
      schema: {
        tags: ["playbook"],
        summary: "Playbook files an Admin may choose from: the folder of the playbook in use",
        response: { 200: playbookFileListSchema, ...authedProblemResponses },
      },
    },
    async (request) => listPlaybookFiles(deps, await request.actor()),
  );

  api.post(
    "/playbook/preview",
    {
      schema: {
        tags: ["playbook"],
        summary:
          "What applying a playbook file would change: declared changes with the statuses and seats each moves, differences, unmapped values; writes nothing",
        body: playbookCandidateBodySchema,
        response: { 200: playbookApplyResultSchema, ...authedProblemResponses },
      },
    },
    async (request) =>
      applyPlaybook(deps, await writeContextOf(request), {
        candidate: candidateOf(request.body),
        dryRun: true,
      }),
  );

  api.post(
    "/playbook/apply",
    {
      schema: {
        tags: ["playbook"],
        summary:
          "Make a playbook file the one in use: remap the stored statuses in one transaction; 409 when the version in use is no longer the preview's",
        body: playbookCandidateBodySchema,
        response: { 200: playbookApplyResultSchema, ...authedProblemResponses },
      },
    },
    async (request) =>
      applyPlaybook(deps, await writeContextOf(request), {
        candidate: candidateOf(request.body),
        baseVersionId: request.body.baseVersionId,
      }),
  );
}
