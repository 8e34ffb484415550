import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { FakeSlack, type SlackCall } from "../support/fake-slack.ts";
import { LogCapture } from "../support/log-capture.ts";
import { appHomeOpened, blockAction, type SlackTarget, slashCommand } from "../support/slack-requests.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

// The Home tab through the real Bolt stack against the local Slack: `app_home_opened` in, `views.publish` out.

const SECRET = "home-signing-secret";
const CHANNEL = "C0HOME";
const ANA = { userId: "U0ANA", userName: "ana" }; // the advisor
const BEN = { userId: "U0BEN", userName: "ben" };
const CLEO = { userId: "U0CLEO", userName: "cleo" };
const STRANGER = "U0NEW";
/** Ben's own words: they may show on his Home alone. */
const BEN_ACTION = "Walk the rota through with Tom before Friday's handover";
const BEN_STRENGTH = "I stay calm when the ward is short of staff";
/**
 * How long a change waits for others before a Home is published, in this test: the production default, so that five
 * commands run at once land inside one wait even on a loaded machine.
 */
const DELAY_MS = 1500;

type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value: string; text: { text: string } }[] };
const blocksOf = (c: SlackCall) => ((c.args.view as { blocks: Block[] }).blocks ?? []) as Block[];
const textOfView = (c: SlackCall) =>
  blocksOf(c)
    .map((b) => b.text?.text ?? "")
    .join("\n");
const buttonsOfView = (c: SlackCall) => blocksOf(c).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

describe("Slack: the Home tab", () => {
  let fake: FakeSlack;
  let database: TestDatabase;
  let db: Database;
  let adapter: SlackAdapter;
  let target: SlackTarget;
  let logs: LogCapture;
  let events = 0;

  /** Runs `/als <text>` as `who` in the set's channel and waits for its reply. */
  const run = async (who: { userId: string; userName: string }, text: string): Promise<void> => {
    const from = fake.calls.length;
    const res = await slashCommand(target, { text, channelId: CHANNEL, ...who });
    assert.equal(res.status, 200, res.body);
    await fake.waitForCall(
      `the reply to ${text}`,
      (c) => fake.calls.indexOf(c) >= from && (c.method === "chat.postEphemeral" || c.method === "chat.postMessage"),
    );
  };
  const publishesTo = (userId: string, from = 0) =>
    fake.calls.slice(from).filter((c) => c.method === "views.publish" && c.args.user_id === userId && c.response?.ok === true);
  /** Opens `userId`'s Home and returns the view published for it. */
  const openHome = async (userId: string): Promise<SlackCall> => {
    const from = fake.calls.length;
    const res = await appHomeOpened(target, { eventId: `Ev${++events}`, userId });
    assert.equal(res.status, 200);
    const [call] = await fake.waitForCall(
      `${userId}'s home`,
      (c) => fake.calls.indexOf(c) >= from && c.method === "views.publish" && c.args.user_id === userId,
    );
    await adapter.homesIdle();
    return call!;
  };

  beforeAll(async () => {
    fake = await FakeSlack.start();
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    logs = new LogCapture();
    adapter = createSlackAdapter(
      { db, clock: new ManualClock(new Date("2027-01-04T09:00:00Z")), logger: logs.logger, defaultTimeZone: "Europe/London" },
      handlers,
      {
        botToken: "xoxb-test",
        signingSecret: SECRET,
        apiUrl: fake.url,
        homePublishing: { delayMs: DELAY_MS, spacingMs: 0, concurrency: 4, viewersKept: 100 },
      },
    );
    await adapter.start();
    target = { url: `http://127.0.0.1:${adapter.port()}/slack/events`, signingSecret: SECRET };
    await run(ANA, 'set create name:"Blue set"');
    await run(ANA, "set add member:<@U0BEN|ben>");
    await run(ANA, "set add member:<@U0CLEO|cleo>");
    await run(ANA, 'meeting schedule when:"2027-01-12 10:00" duration:2h');
    await run(BEN, `log action text:"${BEN_ACTION}" due:2027-01-20`);
    await run(BEN, `log strength text:"${BEN_STRENGTH}"`);
    await adapter.homesIdle();
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  test("someone who has never used the bot sees a short welcome with how to start, and is not stored by looking", async () => {
    const people = await db.person.count();
    const view = await openHome(STRANGER);
    assert.equal((view.args.view as { type: string }).type, "home");
    const text = textOfView(view);
    assert.match(text, /Welcome!/);
    assert.match(text, /How to start/);
    assert.match(text, /\/als set create name:/);
    assert.equal(await db.person.count(), people, "opening the Home writes nothing");
  });

  test("a member's Home: the next meeting in their zone, whether they present, RSVP, their open actions with Done, their criteria", async () => {
    const view = await openHome(BEN.userId);
    const text = textOfView(view);
    assert.match(text, /Blue set/);
    // Slack shows a <!date^…> token in each reader's own zone.
    assert.match(text, /Meeting 1 · <!date\^1799748000\^\{date_short_pretty\} \{time\}\|2027-01-12 10:00 UTC> · 2h/);
    const presenters = /Presenters: (.*)/.exec(text)?.[1] ?? "";
    assert.match(text, presenters.includes("ben") ? /You present at this meeting/ : /You are not presenting/);
    assert.match(text, /Your answer: not given yet/);
    assert.match(text, new RegExp(`action #1: ${BEN_ACTION} \\(due Wed 20 Jan 2027\\)`));
    // Coverage from the draft's checklist: each criterion's status and words against its target.
    assert.match(text, /1\.1 strengths and limitations: 10 of about 120 words/);
    assert.match(text, /✗ missing · 2\.1 action learning: 0 of about 160 words/);
    const buttons = buttonsOfView(view).map((b) => [b.text.text, b.value]);
    assert.deepEqual(buttons, [
      ["I'll be there", `${CHANNEL}|/meeting rsvp answer:yes meeting:1`],
      ["Send apologies", `${CHANNEL}|/meeting rsvp answer:no meeting:1`],
      ["Done: action #1", `${CHANNEL}|/action done action:1`],
      ["Add an entry", `${CHANNEL}|/log`],
      ["Away for a week", `${CHANNEL}|/away until:"in 1 week"`],
      ["Away for two weeks", `${CHANNEL}|/away until:"in 2 weeks"`],
      ["Get my draft", `${CHANNEL}|/log draft`],
    ]);
  });

  test("an advisor's Home: each set they advise, its next meeting, unclosed meetings, silent members and coverage as counts", async () => {
    const view = await openHome(ANA.userId);
    const text = textOfView(view);
    assert.match(text, /Blue set \(you advise\)/);
    assert.match(text, /Next meeting:\* Meeting 1/);
    assert.match(text, /Not closed yet:\* none/);
    assert.match(text, /No entry for 30 days or more:\* nobody/);
    assert.match(text, /• ben: 0 covered, 1 thin, 4 missing/);
    assert.match(text, /• cleo: 0 covered, 0 thin, 5 missing/);
    assert.deepEqual(buttonsOfView(view), [], "an advisor's part has no member's buttons");
  });

  test("a button pressed on the Home runs its command, and the Homes it shows on are published again, coalesced", async () => {
    await openHome(CLEO.userId);
    const ben = await openHome(BEN.userId);
    const from = fake.calls.length;
    const done = buttonsOfView(ben).find((b) => b.text.text === "Done: action #1")!;
    // A Home tab's button comes in a view (no channel): its value carries the set's channel.
    await blockAction(target, { ...BEN, actionId: done.action_id, value: done.value });
    await fake.waitForCall(
      "ben's reply",
      (c) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral" && c.args.user === BEN.userId,
    );
    await fake.waitForCall(
      "ben's home again",
      (c) => fake.calls.indexOf(c) >= from && c.method === "views.publish" && c.args.user_id === BEN.userId,
    );
    await adapter.homesIdle();
    const action = await db.action.findFirstOrThrow({ where: { owner: { externalId: BEN.userId } } });
    assert.equal(action.status, "done");
    const [again] = publishesTo(BEN.userId, from);
    assert.match(textOfView(again!), /Your open actions:\* none/);
    // The advisor and Cleo opened their Homes: theirs follow the set's change too (here Ben's answer and his counts).
    assert.equal(publishesTo(ANA.userId, from).length, 1);
    assert.equal(publishesTo(CLEO.userId, from).length, 1);
    assert.equal(publishesTo(STRANGER, from).length, 0, "someone not in the set is left alone");

    // Several changes in quick succession come to one publish per person, not one per command.
    const burst = fake.calls.length;
    await Promise.all(
      ["one", "two", "three", "four", "five"].map((n) =>
        slashCommand(target, { text: `log reflect text:"note ${n}"`, channelId: CHANNEL, ...BEN }),
      ),
    );
    await fake.waitForCall("five replies", (c) => fake.calls.indexOf(c) >= burst && c.method === "chat.postEphemeral", 5);
    await adapter.homesIdle();
    assert.ok(publishesTo(BEN.userId, burst).length <= 2, `five commands, ${publishesTo(BEN.userId, burst).length} publishes`);
    assert.ok(publishesTo(BEN.userId, burst).length >= 1);

    // A read-only command publishes nothing.
    const read = fake.calls.length;
    await run(BEN, "meeting next");
    await adapter.homesIdle();
    assert.equal(fake.calls.slice(read).filter((c) => c.method === "views.publish").length, 0);
  });

  test("a refused publish is logged and never reaches the command", async () => {
    fake.failNext("views.publish", "not_enabled");
    const from = fake.calls.length;
    await run(BEN, 'log reflect text:"the Home tab is off"');
    const warned = await logs.waitFor("slack home tab not published");
    assert.equal(warned[0]!.code, "not_enabled");
    assert.ok(
      fake.calls.slice(from).some((c) => c.method === "chat.postEphemeral" && c.args.user === BEN.userId),
      "the reply came",
    );
    await adapter.homesIdle();
  });

  test("the Home's away button books leave; the Home then says until when, shows the apologies and offers the way back", async () => {
    const cleo = await openHome(CLEO.userId);
    const away = buttonsOfView(cleo).find((b) => b.text.text === "Away for two weeks")!;
    const from = fake.calls.length;
    await blockAction(target, { ...CLEO, actionId: away.action_id, value: away.value });
    await fake.waitForCall(
      "cleo's home again",
      (c) => fake.calls.indexOf(c) >= from && c.method === "views.publish" && c.args.user_id === CLEO.userId,
    );
    await adapter.homesIdle();
    const [again] = publishesTo(CLEO.userId, from);
    assert.match(textOfView(again!), /You are away until Mon 18 Jan 2027/);
    assert.match(textOfView(again!), /Your answer: apologies sent/);
    const labels = buttonsOfView(again!).map((b) => b.text.text);
    assert.ok(labels.includes("I'm back") && !labels.some((l) => l.startsWith("Away for")), labels.join(", "));
  });

  test("nothing private appears in the Home tab of anyone but its owner", async () => {
    // Every view published in this file, to everyone: Ben's words only ever in his own.
    const all = fake.callsTo("views.publish").filter((c) => c.response?.ok === true);
    const others = all.filter((c) => c.args.user_id !== BEN.userId);
    assert.ok(others.some((c) => c.args.user_id === ANA.userId) && others.some((c) => c.args.user_id === CLEO.userId));
    for (const c of others) {
      const json = JSON.stringify(c.args.view);
      for (const secret of [BEN_ACTION, BEN_STRENGTH, "note one", "the Home tab is off"])
        assert.ok(!json.includes(secret), `${String(c.args.user_id)}'s Home shows Ben's "${secret}"`);
    }
    assert.ok(JSON.stringify(fake.homeOf(BEN.userId)).includes("Add an entry"));
    assert.ok(
      all.some((c) => c.args.user_id === BEN.userId && JSON.stringify(c.args.view).includes(BEN_ACTION)),
      "Ben sees his own",
    );
  });
});

describe("Slack: Home tabs are published at Slack's pace", () => {
  const SPACING_MS = 250;
  const ANSWER_MS = 150;
  let fake: FakeSlack;
  let database: TestDatabase;
  let db: Database;
  let adapter: SlackAdapter;
  let target: SlackTarget;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    adapter = createSlackAdapter(
      { db, clock: new ManualClock(new Date("2027-01-04T09:00:00Z")), logger: new LogCapture().logger, defaultTimeZone: "Europe/London" },
      handlers,
      {
        botToken: "xoxb-test",
        signingSecret: SECRET,
        apiUrl: fake.url,
        homePublishing: { delayMs: 50, spacingMs: SPACING_MS, concurrency: 4, viewersKept: 100 },
      },
    );
    await adapter.start();
    target = { url: `http://127.0.0.1:${adapter.port()}/slack/events`, signingSecret: SECRET };
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  test("publishes in one workspace are spaced; one person's are one at a time, however often they open their Home", async () => {
    fake.answerAfter("views.publish", ANSWER_MS);
    const opens = ["U0A", "U0B", "U0C", "U0A", "U0A", "U0A"].map((userId, i) => appHomeOpened(target, { eventId: `EvPace${i}`, userId }));
    await Promise.all(opens);
    await fake.waitFor("views.publish", 3);
    await adapter.homesIdle();
    const calls = fake.callsTo("views.publish");
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    assert.ok(
      gaps.every((g) => g >= SPACING_MS - 60),
      `gaps ${gaps.join(", ")} ms`,
    );
    const a = calls.filter((c) => c.args.user_id === "U0A");
    assert.ok(a.length >= 1 && a.length <= 2, `${a.length} publishes for four opens`);
    for (let i = 1; i < a.length; i++) assert.ok(a[i]!.at - a[i - 1]!.at >= ANSWER_MS, "the next starts once the last was answered");
    assert.deepEqual(new Set(calls.map((c) => c.args.user_id)), new Set(["U0A", "U0B", "U0C"]));
  });
});
