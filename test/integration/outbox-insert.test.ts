import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "vitest";
import { inTransaction } from "../../src/store/open-database.ts";
import { insertOutbox, type OutboxInsert } from "../../src/store/outbox.ts";
import { createHarness, type Harness } from "../support/harness.ts";

const NOW = new Date("2027-01-11T10:00:00.000Z");
/** A payload as a rendered reminder has one: quotes, a backslash, a new line, accents and an emoji, kept to the byte. */
const PAYLOAD = JSON.stringify({ text: 'Ça va? "Meeting 2" is tomorrow\\today\n— 🎯', blocks: [{ n: 1.5 }] });

let h: Harness;
let setId: string;
beforeEach(async () => {
  h = await createHarness();
  const workspace = await h.db.workspace.create({ data: { platform: "console", externalId: "w" } });
  setId = (await h.db.learningSet.create({ data: { workspaceId: workspace.id, channelId: "C", name: "set", timeZone: "UTC" } })).id;
});
afterEach(() => h.close());

const row = (n: number): OutboxInsert => ({
  id: `row-${n}`,
  key: `key-${n}`,
  kind: "meeting-post",
  setId,
  personId: null,
  payload: PAYLOAD,
  sendAt: new Date(NOW.getTime() + n * 60_000),
  staleAt: new Date(NOW.getTime() + 86_400_000),
  status: n % 2 ? "pending" : "skipped",
  reason: n % 2 ? null : "stale: its moment passed while the bot was not running",
});

test("a batch is written in one go, each row as given, and a key already there is left alone", async () => {
  const batch = Array.from({ length: 300 }, (_, i) => row(i));
  assert.deepEqual((await insertOutbox(h.db, batch, NOW)).sort(), batch.map((r) => r.key).sort());
  // Written again with one new row: only the new key is reported, the others keep their first row.
  assert.deepEqual(await insertOutbox(h.db, [...batch.slice(0, 5), { ...row(300) }, { ...row(1), id: "other" }], NOW), ["key-300"]);
  const stored = await h.db.outbox.findMany({ orderBy: { sendAt: "asc" } });
  assert.equal(stored.length, 301);
  assert.deepEqual(
    stored.slice(0, 2).map((r) => ({ ...r })),
    [0, 1].map((n) => ({
      ...row(n),
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
      sentAt: null,
      createdAt: NOW,
      platformRef: null,
    })),
  );
  assert.ok(stored.every((r) => r.payload === PAYLOAD));
});

test("inside a transaction the rows are the transaction's: kept when it commits, gone when it fails", async () => {
  assert.deepEqual(await inTransaction(h.db, (tx) => insertOutbox(tx, [row(1)], NOW)), ["key-1"]);
  await assert.rejects(
    inTransaction(h.db, async (tx) => {
      assert.deepEqual(await insertOutbox(tx, [row(2), row(3)], NOW), ["key-2", "key-3"]);
      throw new Error("the command failed");
    }),
    /the command failed/,
  );
  assert.deepEqual(
    (await h.db.outbox.findMany({ select: { key: true } })).map((r) => r.key),
    ["key-1"],
  );
});
