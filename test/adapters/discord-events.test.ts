/**
 * Meetings as Discord scheduled events, through the real discord.js client against the local fake Discord: each
 * write queued by the command's transaction, delivered once by the outbox, retried past a rate limit; a missing
 * Manage Events permission told to the advisor once; Interested offering the RSVP buttons.
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
import { type DiscordCall, FakeDiscord } from "../support/fake-discord.ts";
import { LogCapture } from "../support/log-capture.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const GUILD = "1111111111111111111";
const SET_A = "2222222222222222222";
const SET_B = "2222222222222222223";
const ID = {
  sam: "3000000000000000001",
  ana: "3000000000000000002",
  ben: "3000000000000000003",
  cleo: "3000000000000000004",
  dev: "3000000000000000005",
};
type Who = keyof typeof ID;
const EVENTS = /^\/guilds\/\d+\/scheduled-events(\/\d+)?$/;
const silent = pino({ level: "silent" });

describe("meetings as Discord scheduled events (discord.js against the local fake)", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let db: Database;
  let adapter: DiscordAdapter;
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const logs = new LogCapture("warn");

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      guilds: [
        {
          id: GUILD,
          name: "Action Learning",
          channels: [
            { id: SET_A, name: "set-a" },
            { id: SET_B, name: "set-b" },
          ],
        },
      ],
      now: () => clock.now(),
    });
    for (const [who, id] of Object.entries(ID)) fake.setUser(id, who);
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    const deps = { db, clock, logger: logs.logger, defaultTimeZone: "Europe/London", eventPlatforms: ["discord"] };
    adapter = createDiscordAdapter(deps, handlers, { token: "fake-bot-token", apiUrl: fake.apiUrl });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  /** Runs a command line as `who` in a set's channel, as the Discord adapter does, and sends its replies. */
  const runIn = discordRunner(
    () => ({ db, clock, logger: silent, defaultTimeZone: "Europe/London", eventPlatforms: ["discord"] }),
    () => adapter,
    GUILD,
    ID,
  );
  const run = (who: Who, text: string, channelId = SET_A) => runIn(who, text, channelId);
  const tick = () => runTick({ db, logger: silent, eventPlatforms: ["discord"] }, adapter, clock.now());
  const eventCalls = (from = 0) => fake.calls.slice(from).filter((c) => EVENTS.test(c.path));
  const what = (calls: DiscordCall[]) =>
    calls.map(
      (c) => `${c.method} ${c.status}${(c.body as { status?: number })?.status ? ` status ${(c.body as { status: number }).status}` : ""}`,
    );
  const meeting = (setChannel: string, number: number) =>
    db.meeting.findFirstOrThrow({ where: { number, set: { channelId: setChannel } } });

  test("scheduling queues one event write per meeting with the command; the tick creates each event once, as an external event linking the channel", async () => {
    await run("sam", '/set create name:"Leading change"');
    for (const who of ["ana", "ben", "cleo", "dev"] as const) await run("sam", `/set add member:<@${ID[who]}>`);
    const before = fake.calls.length;
    await run("ana", "/meeting schedule when:2027-01-12T10:00Z duration:2h every:monthly count:2");
    assert.deepEqual(eventCalls(before), [], "nothing is written to Discord by the command itself");
    const queued = await db.outbox.findMany({ where: { kind: "meeting-event" } });
    assert.equal(queued.length, 2);
    assert.ok(queued.every((r) => r.status === "pending"));

    await tick();
    const created = fake.scheduledEvents(GUILD);
    assert.equal(created.length, 2);
    const first = created[0]!;
    assert.equal(first.name, "Leading change · meeting 1");
    assert.equal(first.entity_type, 3, "an external event");
    assert.equal(first.scheduled_start_time, "2027-01-12T10:00:00.000Z");
    assert.equal(first.scheduled_end_time, "2027-01-12T12:00:00.000Z", "ends when the meeting does (its 2 hours)");
    assert.deepEqual(first.entity_metadata, { location: `https://discord.com/channels/${GUILD}/${SET_A}` });
    assert.match(String(first.description), /Presenters: ana, ben, cleo \(expected\)\./);
    assert.match(String(first.description), /RSVP/);
    assert.equal((await meeting(SET_A, 1)).platformEventId, first.id, "the event's id is stored on the meeting");
    const sent = await db.outbox.findMany({ where: { kind: "meeting-event" } });
    assert.deepEqual(
      sent.map((r) => r.status),
      ["sent", "sent"],
    );

    const after = fake.calls.length;
    await tick();
    await run("ben", "/log reflect text:unrelated");
    await tick();
    assert.deepEqual(eventCalls(after), [], "exactly once: later ticks and commands that change no meeting write nothing");
  });

  test("when the tick announces a meeting's presenters, its event names them as announced", async () => {
    const one = await meeting(SET_A, 1);
    clock.set(new Date("2027-01-05T10:01:00Z"));
    const from = fake.calls.length;
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["PATCH 200"]);
    const event = fake.scheduledEvents(GUILD).find((e) => e.id === one.platformEventId)!;
    assert.match(String(event.description), /Presenters: ana, ben, cleo\./);
  });

  test("moving a meeting edits its event (the same one) and the tick waits out a rate limit", async () => {
    const two = await meeting(SET_A, 2);
    fake.rateLimitNext("PATCH", EVENTS, 1);
    const from = fake.calls.length;
    await run("ben", "/meeting move meeting:2 when:2027-02-16T14:00Z");
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["PATCH 429", "PATCH 200"], "the 429 is waited out and the same request sent again");
    const event = fake.scheduledEvents(GUILD).find((e) => e.id === two.platformEventId)!;
    assert.equal(event.scheduled_start_time, "2027-02-16T14:00:00.000Z");
    assert.equal(event.scheduled_end_time, "2027-02-16T16:00:00.000Z");
    assert.equal(fake.scheduledEvents(GUILD).length, 2, "no second event");
  });

  test("cancelling a meeting cancels its event", async () => {
    const two = await meeting(SET_A, 2);
    await run("ben", "/meeting cancel meeting:2");
    await tick();
    assert.equal(fake.scheduledEvents(GUILD).find((e) => e.id === two.platformEventId)!.status, 4);
  });

  test("marking an event Interested sends a member the meeting's RSVP buttons by DM; nobody else gets anything", async () => {
    const one = await meeting(SET_A, 1);
    const from = fake.calls.length;
    assert.ok(await fake.markInterested(GUILD, one.platformEventId!, ID.cleo), "the bot asked for the GuildScheduledEvents intent");
    const toCleo = new RegExp(`^/channels/${fake.dmChannelIdOf(ID.cleo)}/messages$`);
    const earlier = fake.callsTo("POST", toCleo).length;
    const dm = (await fake.waitFor("POST", toCleo, earlier + 1)).at(-1);
    const body = dm!.body as {
      content?: string;
      embeds?: { description?: string }[];
      components?: { components: { custom_id: string }[] }[];
    };
    const text = [body.content ?? "", ...(body.embeds ?? []).map((e) => e.description ?? "")].join("\n");
    assert.match(text, /marked meeting 1 of "Leading change"/);
    assert.deepEqual(
      (body.components ?? []).flatMap((r) => r.components.map((b) => b.custom_id)),
      [`${SET_A}|/meeting rsvp answer:yes meeting:1`, `${SET_A}|/meeting rsvp answer:no meeting:1`],
    );
    // The advisor (not a member) and a stranger get nothing.
    await fake.markInterested(GUILD, one.platformEventId!, ID.sam);
    await fake.markInterested(GUILD, one.platformEventId!, "3999999999999999999");
    await new Promise((r) => setTimeout(r, 300));
    const toDm = (path: string) => path === "/users/@me/channels" || fake.dmUserOf(path.split("/")[2] ?? "") !== undefined;
    const dms = fake.calls.slice(from).filter((c) => c.method === "POST" && toDm(c.path));
    assert.deepEqual(
      dms.map((c) => c.path),
      [`/channels/${fake.dmChannelIdOf(ID.cleo)}/messages`],
    );
  });

  test("closing a meeting completes its event: started first, as Discord allows only ACTIVE → COMPLETED", async () => {
    const one = await meeting(SET_A, 1);
    clock.set(new Date("2027-01-12T12:05:00Z"));
    const from = fake.calls.length;
    await run("ana", "/meeting close");
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["GET 200", "PATCH 200 status 2", "PATCH 200 status 3"]);
    assert.equal(fake.scheduledEvents(GUILD).find((e) => e.id === one.platformEventId)!.status, 3);
  });

  test("without Manage Events the bot keeps working: the write is given up without retries and the advisor told once, by DM", async () => {
    fake.denyManageEvents(GUILD);
    await run("sam", '/set create name:"Second set"', SET_B);
    for (const who of ["ana", "ben", "cleo", "dev"] as const) await run("sam", `/set add member:<@${ID[who]}>`, SET_B);
    const scheduled = await run("ana", "/meeting schedule when:2027-03-02T10:00Z", SET_B);
    assert.match(scheduled.outgoing[0]!.reply.text, /ana scheduled a meeting/, "the command itself works as ever");
    const from = fake.calls.length;
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["POST 403"]);
    const row = await db.outbox.findFirstOrThrow({ where: { kind: "meeting-event", set: { channelId: SET_B } } });
    assert.deepEqual(
      { status: row.status, attempts: row.attempts },
      { status: "failed", attempts: 1 },
      "failed for good at the first refusal",
    );
    await tick();
    const told = fake.calls.slice(from).filter((c) => c.path === `/channels/${fake.dmChannelIdOf(ID.sam)}/messages`);
    assert.equal(told.length, 1);
    assert.match(JSON.stringify(told[0]!.body), /Manage Events/);

    // A second refused write tells nobody again, and nothing is retried.
    await run("ben", "/meeting schedule when:2027-04-06T10:00Z", SET_B);
    await tick();
    await tick();
    assert.deepEqual(what(eventCalls(from)), ["POST 403", "POST 403"]);
    assert.equal(
      fake.calls.slice(from).filter((c) => c.path === `/channels/${fake.dmChannelIdOf(ID.sam)}/messages`).length,
      1,
      "told once",
    );

    // Granted again: the next change creates the event.
    fake.denyManageEvents(GUILD, false);
    await run("ben", "/meeting move meeting:2 when:2027-04-07T10:00Z", SET_B);
    await tick();
    assert.equal(fake.scheduledEvents(GUILD).filter((e) => String(e.name).startsWith("Second set")).length, 1);
    const set = await db.learningSet.findFirstOrThrow({ where: { channelId: SET_B } });
    assert.equal(set.eventsRefusedAt, null, "the refusal on record is over");
  });
});
