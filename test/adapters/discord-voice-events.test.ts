/**
 * A set's voice channel (`/set voice`), through the real discord.js client against the local fake Discord: the
 * slash command's channel option read and checked by the adapter, the setting re-queuing the upcoming meetings'
 * events, and the outbox writing them as VOICE events in that channel, or as external events again once cleared.
 */
import assert from "node:assert/strict";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { discordRunner } from "../support/discord-commands.ts";
import { asMessageCall, type DiscordCall, FakeDiscord } from "../support/fake-discord.ts";
import { LogCapture } from "../support/log-capture.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { textOf } from "./contract/discord-driver.ts";

const GUILD = "1111111111111111111";
const OTHER_GUILD = "1111111111111111112";
const SET_A = "2222222222222222222";
const GENERAL = "2222222222222222223";
const VOICE = "2222222222222222224";
const FOREIGN_VOICE = "2222222222222222225";
const ID = {
  sam: "3000000000000000001",
  ana: "3000000000000000002",
  ben: "3000000000000000003",
  cleo: "3000000000000000004",
};
type Who = keyof typeof ID;
const EVENTS = /^\/guilds\/\d+\/scheduled-events(\/\d+)?$/;
const CHANNEL_OPTION = 7;
const silent = pino({ level: "silent" });
const link = `https://discord.com/channels/${GUILD}/${SET_A}`;

describe("a set's voice channel holds its meetings' Discord events (discord.js against the local fake)", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let db: Database;
  let adapter: DiscordAdapter;
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const logs = new LogCapture("warn");
  const deps = () => ({ db, clock, logger: silent, defaultTimeZone: "Europe/London", eventPlatforms: ["discord"] });

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      guilds: [
        {
          id: GUILD,
          name: "Action Learning",
          channels: [
            { id: SET_A, name: "set-a" },
            { id: GENERAL, name: "general" },
            { id: VOICE, name: "meeting-room", type: 2 },
          ],
        },
        { id: OTHER_GUILD, name: "Elsewhere", channels: [{ id: FOREIGN_VOICE, name: "their-room", type: 2 }] },
      ],
      now: () => clock.now(),
    });
    for (const [who, id] of Object.entries(ID)) fake.setUser(id, who);
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    adapter = createDiscordAdapter({ ...deps(), logger: logs.logger }, handlers, { token: "fake-bot-token", apiUrl: fake.apiUrl });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  /** Runs a command line as `who` in the set's channel, as the Discord adapter does, and sends its replies. */
  const runIn = discordRunner(deps, () => adapter, GUILD, ID);
  const run = (who: Who, text: string) => runIn(who, text, SET_A);
  /** `/set voice` as `who` picks it in Discord: a slash command through the gateway; resolves with the interaction's answer. */
  const setVoice = async (who: Who, options: { name: string; type: number; value: string }[]) => {
    const from = fake.calls.length;
    const { token } = await fake.sendInteraction(
      fake.commandInteraction({ name: "set", sub: "voice", options, userId: ID[who], userName: who, channelId: SET_A, guildId: GUILD }),
    );
    const answer = textOf(asMessageCall(await fake.answerTo(token)));
    const posted = fake.calls
      .slice(from)
      .filter((c) => c.method === "POST" && c.path === `/channels/${SET_A}/messages`)
      .map(textOf);
    return { answer, posted };
  };
  const channel = (id: string) => [{ name: "channel", type: CHANNEL_OPTION, value: id }];
  const tick = () => runTick({ db, logger: silent, eventPlatforms: ["discord"] }, adapter, clock.now());
  const eventCalls = (from = 0) => fake.calls.slice(from).filter((c) => EVENTS.test(c.path));
  const what = (calls: DiscordCall[]) => calls.map((c) => `${c.method} ${c.status}`);
  const events = () => fake.scheduledEvents(GUILD);
  const voiceChannelId = async () => (await db.learningSet.findFirstOrThrow({ where: { channelId: SET_A } })).voiceChannelId;
  const pendingWrites = () => db.outbox.count({ where: { kind: "meeting-event", status: "pending" } });

  test("the meetings start as external events linking the set's channel", async () => {
    await run("sam", '/set create name:"Leading change"');
    for (const who of ["ana", "ben", "cleo"] as const) await run("sam", `/set add member:<@${ID[who]}>`);
    await run("ana", "/meeting schedule when:2027-01-12T10:00Z duration:2h every:monthly count:2");
    await tick();
    assert.deepEqual(
      events().map((e) => [e.entity_type, e.channel_id, e.entity_metadata]),
      [
        [3, null, { location: link }],
        [3, null, { location: link }],
      ],
    );
  });

  test("a member cannot choose the voice channel: refused, and nothing changes", async () => {
    const { answer, posted } = await setVoice("ana", channel(VOICE));
    assert.match(answer, /advisor/i);
    assert.deepEqual(posted, []);
    assert.equal(await voiceChannelId(), null);
    assert.equal(await pendingWrites(), 0, "no event write queued");
  });

  test("a text channel, or another server's voice channel, is refused with what to pick, and changes nothing", async () => {
    const text = await setVoice("sam", channel(GENERAL));
    assert.match(text.answer, /#general is a text channel, not a voice channel\. Pick one of this server's voice channels/);
    const foreign = await setVoice("sam", channel(FOREIGN_VOICE));
    assert.match(foreign.answer, /#their-room is not a channel of this server/);
    assert.deepEqual([...text.posted, ...foreign.posted], []);
    assert.equal(await voiceChannelId(), null);
    assert.equal(await pendingWrites(), 0, "no event write queued");
  });

  test("an advisor's voice channel turns the upcoming meetings' events into VOICE events there, the same events edited", async () => {
    const ids = events().map((e) => e.id);
    const { posted } = await setVoice("sam", channel(VOICE));
    assert.equal(posted.length, 1);
    assert.match(posted[0]!, /sam chose the voice channel #meeting-room .* upcoming meetings' events .* move to it/);
    assert.equal(await voiceChannelId(), VOICE);
    assert.equal(await pendingWrites(), 2, "one write per upcoming meeting, queued with the command");

    const from = fake.calls.length;
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["PATCH 200", "PATCH 200"]);
    assert.deepEqual(
      events().map((e) => e.id),
      ids,
      "no new event",
    );
    for (const e of events()) {
      assert.deepEqual([e.entity_type, e.channel_id, e.entity_metadata], [2, VOICE, null]);
      assert.ok(String(e.description).endsWith(`\n${link}`), "the description still points back to the set's channel");
      assert.match(String(e.description), /meets in this event's voice channel/);
    }
  });

  test("a meeting scheduled afterwards is created as a VOICE event; choosing the same channel again is refused", async () => {
    await run("ben", "/meeting schedule when:2027-03-09T10:00Z");
    const from = fake.calls.length;
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["POST 200"]);
    const created = events().at(-1)!;
    assert.deepEqual([created.entity_type, created.channel_id, created.entity_metadata], [2, VOICE, null]);
    const again = await setVoice("sam", channel(VOICE));
    assert.match(again.answer, /already held in #meeting-room/);
    assert.equal(await pendingWrites(), 0);
  });

  test("clearing it makes the events external again, linking the set's channel", async () => {
    const { posted } = await setVoice("sam", [{ name: "clear", type: 3, value: "yes" }]);
    assert.match(posted[0]!, /sam cleared the set's voice channel/);
    assert.equal(await voiceChannelId(), null);
    const from = fake.calls.length;
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["PATCH 200", "PATCH 200", "PATCH 200"]);
    for (const e of events()) {
      assert.deepEqual([e.entity_type, e.channel_id, e.entity_metadata], [3, null, { location: link }]);
      assert.ok(!String(e.description).includes(link), "the location links the channel; the description need not");
    }
  });

  test("the fake refuses a VOICE event outside a voice channel of its guild, or with entity metadata, as Discord does", async () => {
    const post = (body: Record<string, unknown>) =>
      fetch(`${fake.apiUrl}/v10/guilds/${GUILD}/scheduled-events`, {
        method: "POST",
        headers: { authorization: "Bot fake-bot-token", "content-type": "application/json" },
        body: JSON.stringify({
          name: "x",
          privacy_level: 2,
          scheduled_start_time: "2027-06-01T10:00:00Z",
          entity_type: 2,
          ...body,
        }),
      });
    assert.equal((await post({ channel_id: VOICE })).status, 200, "a voice channel of the guild, no end time needed");
    for (const wrong of [
      { channel_id: GENERAL },
      { channel_id: FOREIGN_VOICE },
      {},
      { channel_id: VOICE, entity_metadata: { location: "x" } },
    ]) {
      const answer = await post(wrong);
      assert.equal(answer.status, 400, JSON.stringify(wrong));
      assert.equal(((await answer.json()) as { code: number }).code, 50035);
    }
  });
});
