import assert from "node:assert/strict";
import { ShardClientUtil } from "discord.js";
import { test } from "vitest";
import { reminderNonce } from "../../src/adapters/discord/message-nonce.ts";
import { shardOf } from "../../src/adapters/discord/shard.ts";

test("a guild is on the shard of its creation millisecond modulo the count; the low 22 bits do not matter", () => {
  const createdAt = 1_000n;
  assert.equal(shardOf(String(createdAt << 22n), 7), 6);
  assert.equal(shardOf(String((createdAt << 22n) | 0x3fffffn), 7), 6);
  assert.equal(shardOf(String((createdAt + 1n) << 22n), 7), 0);
});

test("shardOf agrees with discord.js on real-sized ids (beyond 2^53) for several counts", () => {
  const ids = ["1111111111111111111", "1222222222222222222", "1333333333333333333", "81384788765712384", "9223372036854775807"];
  for (const id of ids)
    for (const count of [1, 2, 3, 16, 1000])
      assert.equal(shardOf(id, count), ShardClientUtil.shardIdForGuildId(id, count), `${id} of ${count}`);
  assert.deepEqual(
    ["1222222222222222222", "1111111111111111111", "1333333333333333333"].map((id) => shardOf(id, 2)),
    [0, 1, 0],
  );
});

test("shardOf refuses what is not a guild id or a shard count", () => {
  assert.throws(() => shardOf("slack:T1", 2), /not a Discord guild id/);
  assert.throws(() => shardOf("1111111111111111111", 0), /whole number from 1/);
});

test("a reminder's nonce is the same for the same key, at most 25 characters however long the key, and differs between keys", () => {
  const key = `presenter-prep:${"set".repeat(500)}:person:meeting:2027-01-10T10:00:00.000Z`;
  assert.equal(reminderNonce(key), reminderNonce(key));
  assert.equal(reminderNonce(key).length, 25);
  assert.match(reminderNonce(key), /^[A-Za-z0-9_-]+$/);
  assert.notEqual(reminderNonce(key), reminderNonce(`${key}:2`));
});
