import assert from "node:assert/strict";
import { test } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { startHealthServer } from "../../src/ops/health.ts";
import { createOperations } from "../../src/ops/operations.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { get, metricSum, parseMetrics } from "../support/http-probe.ts";
import { createTestDatabase } from "../support/test-database.ts";

// /readyz on the real routes and server: 503 with a JSON body naming the database when a migration is
// missing or the database stops answering; /healthz stays 200 and /metrics keeps answering.

test("the database check: migrations all applied, and answering; otherwise 503 naming what is wrong", async () => {
  const database = await createTestDatabase();
  const db = await openDatabase(database.url);
  const ops = createOperations(db, new ManualClock(new Date("2027-01-04T09:00:00Z")));
  const server = await startHealthServer(0, ops.routes);
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
  const readyz = async () => {
    const r = await get(url("/readyz"));
    return { status: r.status, body: JSON.parse(r.body) as unknown };
  };
  try {
    assert.deepEqual(await readyz(), { status: 200, body: { status: "ready", checks: { database: { ok: true } } } });

    const [latest] = await db.$queryRaw<
      { name: string; appliedAt: unknown }[]
    >`SELECT "name", "appliedAt" FROM "_als_migrations" ORDER BY "name" DESC LIMIT 1`;
    await db.$executeRaw`DELETE FROM "_als_migrations" WHERE "name" = ${latest!.name}`;
    assert.deepEqual(await readyz(), {
      status: 503,
      body: { status: "not ready", checks: { database: { ok: false, problems: [`migrations not applied: ${latest!.name}`] } } },
    });
    await db.$executeRaw`INSERT INTO "_als_migrations" ("name", "appliedAt") VALUES (${latest!.name}, ${latest!.appliedAt})`;
    assert.equal((await readyz()).status, 200);

    ops.lifecycle.beginStop();
    assert.deepEqual(await readyz(), {
      status: 503,
      body: { status: "not ready", checks: { database: { ok: true }, process: { ok: false, problems: ["shutting down"] } } },
    });

    await database.drop(); // the file's folder is removed (SQLite) or the database dropped with its connections (PostgreSQL)
    await db.$disconnect();
    const gone = await readyz();
    assert.equal(gone.status, 503);
    const problems = (gone.body as { checks: { database: { problems: string[] } } }).checks.database.problems;
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^does not answer: \S/);
    assert.equal((await get(url("/healthz"))).status, 200, "the process itself is alive");
    const metrics = await get(url("/metrics"));
    assert.equal(metrics.status, 200);
    assert.ok(parseMetrics(metrics.body).some((s) => s.name === "als_outbox_pending"));
    assert.equal(metricSum(parseMetrics(metrics.body), "als_outbox_pending"), 0);
  } finally {
    await server.close();
    await db.$disconnect().catch(() => {});
    await database.drop();
  }
});
