import type { Clock } from "../clock.ts";
import { databaseProblems } from "../store/database-health.ts";
import type { Db } from "../store/open-database.ts";
import { outboxBacklog } from "../store/outbox.ts";
import { type HealthRoute, healthRoutes, type ReadinessCheck } from "./health.ts";
import type { OpsHooks } from "./hooks.ts";
import { Lifecycle } from "./lifecycle.ts";
import { Metrics } from "./metrics.ts";

/**
 * Everything an operator sees of one process, wired together: its lifecycle (work in flight, stopping),
 * its metrics, its readiness checks (the database first; `addCheck` adds each adapter's), the hooks
 * the core calls, and the /healthz, /readyz and /metrics routes that serve them.
 */
export type Operations = {
  lifecycle: Lifecycle;
  metrics: Metrics;
  hooks: OpsHooks;
  routes: HealthRoute[];
  addCheck(check: ReadinessCheck): void;
};

export function createOperations(db: Db, clock: Clock): Operations {
  const lifecycle = new Lifecycle();
  const metrics = new Metrics((now) => outboxBacklog(db, now));
  const checks: ReadinessCheck[] = [{ name: "database", notReady: () => databaseProblems(db) }];
  return {
    lifecycle,
    metrics,
    hooks: lifecycle.hooks(metrics),
    routes: healthRoutes({
      checks: () => checks,
      stopping: () => lifecycle.stopping,
      metrics: () => metrics.render(clock.now()),
    }),
    addCheck: (check) => void checks.push(check),
  };
}
