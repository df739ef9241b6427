import type { FastifyRateLimitOptions, FastifyRateLimitStore, RateLimitOptions } from "@fastify/rate-limit";
import type { AppDeps } from "../../app/app-deps.ts";
import { countRateLimitedRequest } from "../../app/auth/rate-limits.ts";

type RouteLimit = RateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } };

type Answer = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counts in the database
 * (app/auth/rate-limits.ts) instead of each server's memory: servers behind a
 * load balancer then limit an address together, where each would otherwise
 * allow it the whole limit. Each route counts apart, as with the plugin's own
 * stores. continueExceeding and exponentialBackoff are not supported, and
 * asking for them fails at start rather than being ignored; nor is reading a
 * count without adding to it (`increment: false`), which the plugin then
 * refuses by name.
 */
export function databaseRateLimitStore(
  deps: AppDeps,
): new (
  options: FastifyRateLimitOptions,
) => FastifyRateLimitStore {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      options: RateLimitOptions,
      private readonly prefix = "",
    ) {
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error(
          "The database rate-limit store supports neither continueExceeding nor exponentialBackoff.",
        );
      }
    }

    incr(key: string, answer: Answer, timeWindow: number): void {
      countRateLimitedRequest(deps, this.prefix + key, timeWindow).then(
        (count) => answer(null, { current: count.hits, ttl: count.ttlMs }),
        (error: Error) => answer(error),
      );
    }

    // The plugin passes the route's merged options with the route in routeInfo (its typings say otherwise).
    child(routeOptions: unknown): FastifyRateLimitStore {
      const merged = routeOptions as RouteLimit;
      const { method, url } = merged.routeInfo ?? {};
      return new DatabaseRateLimitStore(merged, `${String(method)} ${url ?? ""} `);
    }
  }
  return DatabaseRateLimitStore;
}
