import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { inTransaction } from "../../src/store/open-database.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";
import { testProvider } from "../support/test-database.ts";

/** A database trigger that makes every insert into `table` fail: a real failure part way through a command. */
async function failInsertsInto(h: Harness, table: string): Promise<() => Promise<void>> {
  if (testProvider === "postgresql") {
    await h.db.$executeRawUnsafe(
      `CREATE FUNCTION injected_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
    );
    await h.db.$executeRawUnsafe(`CREATE TRIGGER injected BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION injected_failure()`);
    return async () => {
      await h.db.$executeRawUnsafe(`DROP TRIGGER injected ON "${table}"`);
      await h.db.$executeRawUnsafe("DROP FUNCTION injected_failure()");
    };
  }
  await h.db.$executeRawUnsafe(`CREATE TRIGGER injected BEFORE INSERT ON "${table}" BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
  return async () => void (await h.db.$executeRawUnsafe("DROP TRIGGER injected"));
}

describe("every command runs in one transaction", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(FIVE_MEMBER_SET);
  });
  afterAll(() => h.close());

  test("a command that fails part way (after saving its meetings) changes nothing", async () => {
    // Scheduling saves the meetings, then announces the presenters of the first (under a week ahead): that insert fails.
    const restore = await failInsertsInto(h, "PresenterSlot");
    try {
      const before = await h.snapshot();
      const out = replies(await h.run('as Ana\n/meeting schedule when:"2027-01-08 10:00" every:weekly count:4'));
      assert.match(out.join("\n"), /^\[#set → Ana\] Sorry, something went wrong on our side \(ref \w+\)/);
      assert.deepEqual(await h.snapshot(), before);
    } finally {
      await restore();
    }
    const out = replies(await h.run('/meeting schedule when:"2027-01-08 10:00" every:weekly count:4'));
    assert.match(out.join("\n"), /scheduled 4 meetings/, "the same command succeeds once the fault is gone");
  });

  test("a statement sent outside a transaction is not rolled back with one that is open", async () => {
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const failing = inTransaction(h.db, async (tx) => {
      await tx.schedulerState.create({ data: { id: "inside", lastTickAt: new Date("2027-01-04T09:00:00Z") } });
      await held;
      throw new Error("the command failed");
    });
    // Sent while the transaction is open, as a reminder tick's raw outbox statements in the same process would be.
    await new Promise((resolve) => setTimeout(resolve, 20));
    // (A Prisma query starts when awaited or then-ed: `then` starts it now.)
    const outside = h.db.$executeRawUnsafe(`UPDATE "Workspace" SET "name" = 'renamed outside'`).then((count) => count);
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();
    await assert.rejects(failing, /the command failed/);
    assert.equal(await outside, 1);
    assert.deepEqual(
      (await h.db.workspace.findMany()).map((w) => w.name),
      ["renamed outside"],
    );
    assert.equal(await h.db.schedulerState.count({ where: { id: "inside" } }), 0);
  });
});
