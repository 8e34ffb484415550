import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { type SlackTarget, slashCommand } from "../support/slack-requests.ts";

/**
 * `/log forget` in one set erases the person in every set of the workspace, and each of those sets' channels is
 * told: replies to another set's channel (audience "set-channel") reach that channel on each platform.
 */
const logger = pino({ level: "silent" });
const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));

describe("Slack: forgetting in one set posts in every set's channel", () => {
  const FIRST = "C0FIRST";
  const SECOND = "C0SECOND";
  let fake: FakeSlack;
  let db: Database;
  let dir: string;
  let adapter: SlackAdapter;
  let target: SlackTarget;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    dir = mkdtempSync(join(tmpdir(), "als-slack-forget-"));
    db = await openDatabase(`file:${join(dir, "als.db")}`);
    adapter = createSlackAdapter({ db, clock, logger, defaultTimeZone: "Europe/London" }, handlers, {
      botToken: "xoxb-test",
      signingSecret: "secret",
      apiUrl: fake.url,
      port: 0,
    });
    await adapter.start();
    target = { url: `http://127.0.0.1:${adapter.port()}/slack/events`, signingSecret: "secret" };
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  const als = async (userId: string, channelId: string, text: string, method: string) => {
    const before = fake.callsTo(method).length;
    assert.equal((await slashCommand(target, { text, userId, userName: userId.toLowerCase(), channelId })).status, 200);
    return (await fake.waitFor(method, before + 1)).slice(before);
  };

  test("the other set's channel and this one are each told", async () => {
    await als("U0SAM", FIRST, 'set create name:"First set"', "chat.postMessage");
    await als("U0SAM", FIRST, "set add member:<@U0EVE|eve>", "chat.postMessage");
    await als("U0TOM", SECOND, 'set create name:"Second set"', "chat.postMessage");
    await als("U0TOM", SECOND, "set add member:<@U0EVE|eve>", "chat.postMessage");
    const posts = fake.callsTo("chat.postMessage").length;
    const [reply] = await als("U0EVE", SECOND, "log forget confirm:yes", "chat.postEphemeral");
    assert.match(String(reply!.args.text), /in 2 sets \("First set", "Second set"\)/);
    const told = (await fake.waitFor("chat.postMessage", posts + 2)).slice(posts);
    assert.deepEqual(told.map((c) => c.args.channel).sort(), [FIRST, SECOND]);
    for (const c of told) assert.match(String(c.args.text), /A member has left the set and had their data deleted/);
  });
});

describe("Discord: forgetting in one set posts in every set's channel", () => {
  const GUILD = "1111111111111111111";
  const FIRST = "2222222222222222222";
  const SECOND = "2222222222222222223";
  const USER = 6;
  const STRING = 3;
  const people = { sam: "3000000000000000001", tom: "3000000000000000002", eve: "3000000000000000006" } as const;
  let fake: FakeDiscord;
  let db: Database;
  let dir: string;
  let adapter: DiscordAdapter;
  beforeAll(async () => {
    fake = await FakeDiscord.start({
      guilds: [
        {
          id: GUILD,
          name: "Action Learning",
          channels: [
            { id: FIRST, name: "first" },
            { id: SECOND, name: "second" },
          ],
        },
      ],
    });
    dir = mkdtempSync(join(tmpdir(), "als-discord-forget-"));
    db = await openDatabase(`file:${join(dir, "als.db")}`);
    adapter = createDiscordAdapter({ db, clock, logger, defaultTimeZone: "Europe/London" }, handlers, {
      token: "fake-bot-token",
      apiUrl: fake.apiUrl,
    });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  const slash = async (who: keyof typeof people, channelId: string, name: string, sub: string, options: unknown[] = []) => {
    const { token } = await fake.sendInteraction(
      fake.commandInteraction({ name, sub, options: options as never, userId: people[who], userName: who, channelId, guildId: GUILD }),
    );
    return (await fake.waitFor("PATCH", new RegExp(`/webhooks/\\d+/${token}/messages/@original`)))[0]!;
  };
  const postsTo = (channelId: string) => fake.callsTo("POST", new RegExp(`^/channels/${channelId}/messages$`)).length;

  test("the other set's channel and this one are each told", async () => {
    await slash("sam", FIRST, "set", "create", [{ name: "name", type: STRING, value: "First set" }]);
    await slash("sam", FIRST, "set", "add", [{ name: "member", type: USER, value: people.eve }]);
    await slash("tom", SECOND, "set", "create", [{ name: "name", type: STRING, value: "Second set" }]);
    await slash("tom", SECOND, "set", "add", [{ name: "member", type: USER, value: people.eve }]);
    const before = { first: postsTo(FIRST), second: postsTo(SECOND) };
    await slash("eve", SECOND, "log", "forget", [{ name: "confirm", type: STRING, value: "yes" }]);
    const first = await fake.waitFor("POST", new RegExp(`^/channels/${FIRST}/messages$`), before.first + 1);
    const second = await fake.waitFor("POST", new RegExp(`^/channels/${SECOND}/messages$`), before.second + 1);
    for (const post of [first.at(-1)!, second.at(-1)!]) {
      const body = post.body as { content?: string; embeds?: { description?: string }[] };
      assert.match(`${body.content ?? ""}${body.embeds?.[0]?.description ?? ""}`, /A member has left the set and had their data deleted/);
    }
  });
});
