import type { FastifyRequest } from "fastify";
import type { Actor, AppDeps } from "../app/app-deps.ts";
import { findUserByEmail } from "../app/find-user.ts";
import { AppError } from "../domain/app-error.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The acting user, looked up on first use. */
    actor(): Promise<Actor>;
  }
}

/** Header naming the acting user until sign-in lands; the web app's user switcher sets it. */
export const actingUserHeader = "x-unblock-user";

/**
 * Until accounts and sign-in exist, a request acts as the user its header names,
 * or as the configured local user. The role on that user record is what the
 * scenario rules check.
 */
export function actorHook(deps: AppDeps, defaultUser: string) {
  return async (request: FastifyRequest) => {
    let memo: Promise<Actor> | undefined;
    request.actor = () => {
      memo ??= resolveActor(deps, request, defaultUser);
      return memo;
    };
  };
}

async function resolveActor(deps: AppDeps, request: FastifyRequest, defaultUser: string): Promise<Actor> {
  const header = request.headers[actingUserHeader];
  const email = (typeof header === "string" && header.trim()) || defaultUser;
  const user = await findUserByEmail(deps, email);
  if (!user) {
    throw new AppError("unauthenticated", `No user ${email}: name an existing user in ${actingUserHeader}.`, {
      violations: [
        { field: `header.${actingUserHeader}`, code: "user_unknown", message: `No user ${email}` },
      ],
    });
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
