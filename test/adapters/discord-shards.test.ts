import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createDiscordAdapter, type DiscordOptions } from "../../src/adapters/discord/create-discord-adapter.ts";
import type { Delivery } from "../../src/app/destination.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { FakeDiscord, type FakeGuild } from "../support/fake-discord.ts";
import { startBot } from "../support/start-bot.ts";

// (id >> 22) % 2: A and C are on shard 0 of 2, B on shard 1; of 3: B and C on 0, A on 1.
const A = "1222222222222222222";
const B = "1111111111111111111";
const C = "1333333333333333333";
const guilds: FakeGuild[] = [A, B, C].map((id, i) => ({ id, name: `Guild ${i}`, channels: [{ id: `2${id.slice(1)}`, name: "set" }] }));
const channelOf = (guild: string) => `2${guild.slice(1)}`;
const reminder = (guild: string): Delivery => ({
  platform: "discord",
  workspaceId: guild,
  channelId: channelOf(guild),
  to: { kind: "channel" },
  reply: { text: `Meeting tomorrow in ${guild}` },
});
const USER = "3000000000000000001";

describe("a sharded Discord adapter against the local Discord", () => {
  let dir: string;
  let db: Database;
  const logger = pino({ level: "silent" });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "als-discord-shards-"));
    db = await openDatabase(`file:${join(dir, "als.db")}`);
  });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts an adapter with `shards` against a fresh fake, runs `body`, and tears both down. */
  async function withAdapter(
    shards: DiscordOptions["shards"],
    fakeOpts: { gatewayShards?: number; maxConcurrency?: number },
    body: (fake: FakeDiscord, adapter: ReturnType<typeof createDiscordAdapter>) => Promise<void>,
  ) {
    // max_concurrency as large as the shard count lets the shards identify together instead of 5 s apart.
    const fake = await FakeDiscord.start({ guilds, maxConcurrency: 4, ...fakeOpts });
    const adapter = createDiscordAdapter(
      { db, clock: new ManualClock(new Date("2027-01-04T09:00:00Z")), logger, defaultTimeZone: "Europe/London" },
      handlers,
      { token: "shard-token", apiUrl: fake.apiUrl, ...(shards ? { shards } : {}) },
    );
    try {
      await adapter.start();
      await body(fake, adapter);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  }

  const identifiedShards = (fake: FakeDiscord) =>
    fake.identified.map((i) => ({ shard: i.shard, guildIds: i.guildIds })).sort((x, y) => x.shard[0] - y.shard[0]);

  test("two shards of two: one IDENTIFY each, [0,2] and [1,2], each sent only the guilds on it; commands arrive on both", async () => {
    await withAdapter({ count: 2 }, {}, async (fake, adapter) => {
      assert.deepEqual(identifiedShards(fake), [
        { shard: [0, 2], guildIds: [A, C] },
        { shard: [1, 2], guildIds: [B] },
      ]);
      assert.deepEqual(adapter.shards(), { count: 2, ids: [0, 1] });
      assert.deepEqual(
        [A, B, C].map((g) => adapter.client.guilds.cache.get(g)?.shardId),
        [0, 1, 0],
      );
      for (const guild of [A, B]) {
        const { token } = await fake.sendInteraction(
          fake.commandInteraction({ name: "help", userId: USER, userName: "ana", channelId: channelOf(guild), guildId: guild }),
        );
        await fake.answerTo(token);
      }
      assert.equal(typeof (await adapter.deliver(reminder(B), "meeting-post:B")), "string");
    });
  });

  test("shard 1 of 2 alone: only its guild's GUILD_CREATE, shards() says so, and its sink refuses a guild on shard 0", async () => {
    await withAdapter({ count: 2, ids: [1] }, {}, async (fake, adapter) => {
      assert.deepEqual(identifiedShards(fake), [{ shard: [1, 2], guildIds: [B] }]);
      assert.deepEqual([...adapter.client.guilds.cache.keys()], [B]);
      assert.deepEqual(adapter.shards(), { count: 2, ids: [1] });
      const posts = () => fake.callsTo("POST", /^\/channels\/[^/]+\/messages$/).length;
      await assert.rejects(
        adapter.deliver(reminder(A), "meeting-post:A"),
        /guild 1222222222222222222 belongs to shard 0 of 2, and this process runs shards 1/,
      );
      assert.equal(posts(), 0, "nothing was sent for the other shard's guild");
      const id = await adapter.deliver(reminder(B), "meeting-post:B");
      assert.equal(fake.messagesIn(channelOf(B)).at(-1)?.id, id);
    });
  });

  test("auto takes the shard count Discord recommends in GET /gateway/bot and runs them all", async () => {
    await withAdapter("auto", { gatewayShards: 3 }, async (fake, adapter) => {
      assert.deepEqual(adapter.shards(), { count: 3, ids: [0, 1, 2] });
      assert.deepEqual(identifiedShards(fake), [
        { shard: [0, 3], guildIds: [B, C] },
        { shard: [1, 3], guildIds: [A] },
        { shard: [2, 3], guildIds: [] },
      ]);
    });
  });

  test("unsharded: one IDENTIFY without a shard split, and shards() is null", async () => {
    await withAdapter(undefined, {}, async (fake, adapter) => {
      assert.deepEqual(identifiedShards(fake), [{ shard: [0, 1], guildIds: [A, B, C] }]);
      assert.equal(adapter.shards(), null);
    });
  });
});

test("npm start with DISCORD_SHARDS=2 and DISCORD_SHARD_IDS=1 runs shard 1 of 2 only, and answers in its guild", async () => {
  const fake = await FakeDiscord.start({ guilds });
  const bot = startBot({
    DISCORD_TOKEN: "main-token",
    DISCORD_APPLICATION_ID: "1234567890123456789",
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_SHARDS: "2",
    DISCORD_SHARD_IDS: "1",
  });
  try {
    await fake.ready(20_000);
    assert.deepEqual(
      fake.identified.map((i) => i.shard),
      [[1, 2]],
    );
    const { token } = await fake.sendInteraction(
      fake.commandInteraction({ name: "help", userId: USER, userName: "ana", channelId: channelOf(B), guildId: B }),
    );
    await fake.answerTo(token, 10_000);
    await assert.rejects(
      fake.sendInteraction(fake.commandInteraction({ name: "help", userId: USER, userName: "ana", channelId: channelOf(A), guildId: A })),
      /no connected client runs the shard of guild/,
    );
  } finally {
    const code = await bot.stop();
    await fake.close();
    assert.equal(code, 0, bot.stderr());
  }
});

describe("DISCORD_SHARDS and DISCORD_SHARD_IDS", () => {
  const discord = { DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1234567890123456789" };
  const load = (env: Record<string, string>) => loadConfig({ ...discord, ...env } as NodeJS.ProcessEnv);
  const refused = (env: Record<string, string>, message: RegExp) =>
    assert.throws(
      () => load(env),
      (e: Error) => message.test(e.message),
      JSON.stringify(env),
    );

  test("a count, a count with some ids, or auto are read as such", () => {
    assert.deepEqual(pick(load({ DISCORD_SHARDS: "4" })), { count: 4, ids: undefined });
    assert.deepEqual(pick(load({ DISCORD_SHARDS: "4", DISCORD_SHARD_IDS: "0, 2" })), { count: 4, ids: [0, 2] });
    assert.deepEqual(pick(load({ DISCORD_SHARDS: "auto" })), { count: "auto", ids: undefined });
    assert.deepEqual(pick(load({})), { count: undefined, ids: undefined });
  });

  test("bad values are refused with a message naming the variable and what it should be", () => {
    for (const bad of ["0", "-1", "two", "2.5", "Auto"])
      refused({ DISCORD_SHARDS: bad }, /DISCORD_SHARDS must be the total shard count \(a whole number from 1\) or auto/);
    refused({ DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "0;1" }, /DISCORD_SHARD_IDS must be shard ids separated by commas, e\.g\. 0,1/);
    refused({ DISCORD_SHARD_IDS: "0" }, /DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total shard count \(a number\)/);
    refused(
      { DISCORD_SHARDS: "auto", DISCORD_SHARD_IDS: "0" },
      /DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total shard count \(a number, not auto\)/,
    );
    refused({ DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "1,2,3" }, /shard ids run from 0 to 1 with DISCORD_SHARDS=2, so 2, 3 cannot be run/);
    refused({ DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "1,1" }, /DISCORD_SHARD_IDS lists shard 1 more than once/);
    assert.throws(
      () => loadConfig({ DISCORD_SHARDS: "2" } as NodeJS.ProcessEnv),
      /DISCORD_SHARDS and DISCORD_SHARD_IDS need DISCORD_TOKEN/,
    );
  });
});

function pick(c: ReturnType<typeof loadConfig>) {
  return { count: c.DISCORD_SHARDS, ids: c.DISCORD_SHARD_IDS };
}
