/**
 * Whether this instance should be sent traffic (GET /api/health/ready): not
 * while it starts (before migrations ran and the playbook loaded, and until
 * its background work runs), nor once it has begun to stop. Liveness
 * (GET /api/health) stays a separate question: a stopping server is alive.
 */
export type ReadinessState = "starting" | "ready" | "stopping";

export class Readiness {
  constructor(private current: ReadinessState = "ready") {}

  get state(): ReadinessState {
    return this.current;
  }

  markReady(): void {
    if (this.current === "starting") this.current = "ready";
  }

  /** For good: a stopping server never becomes ready again. */
  markStopping(): void {
    this.current = "stopping";
  }
}
