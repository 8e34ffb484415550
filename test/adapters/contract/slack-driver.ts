/** The contract's Slack driver: signed requests into the real Bolt app, the Web API calls read back from the local Slack. */
import assert from "node:assert/strict";
import { createSlackAdapter, type SlackAdapter } from "../../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../../src/app/handlers/index.ts";
import { ManualClock } from "../../../src/clock.ts";
import { openDatabase } from "../../../src/store/open-database.ts";
import { FakeSlack, type SlackCall } from "../../support/fake-slack.ts";
import { LogCapture } from "../../support/log-capture.ts";
import { blockAction, messageShortcut, type SlackTarget, slashCommand, viewSubmission } from "../../support/slack-requests.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";
import { type ContractDriver, commandLine, PEOPLE, type Seen, type SeenButton, type Who } from "./adapter-contract.ts";

export const SIGNING_SECRET = "test-signing-secret";
export const CHANNEL = "C0SET";
/** A channel of the workspace that is no set's. */
const OTHER_CHANNEL = "C0OTHER";
/** Each person's Slack user id: U0 and their name in capitals. */
export const SLACK_IDS = Object.fromEntries(PEOPLE.map((p) => [p, `U0${p.toUpperCase()}`])) as Record<Who, string>;
const whoIs = (id: unknown) => PEOPLE.find((p) => SLACK_IDS[p] === id);

/** The texts of a message: its fallback `text`, then each block's section text and fields. */
export const textOf = (c: SlackCall) => {
  const blocks = (c.args.blocks as { type: string; text?: { text: string }; fields?: { text: string }[] }[] | undefined) ?? [];
  return [String(c.args.text ?? ""), ...blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)])].join("\n");
};
const buttonsOf = (c: SlackCall): SeenButton[] =>
  ((c.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ label: e.text.text, id: e.action_id, payload: e.value }));

/** A posted message as its readers see it, or null for any other call (a refused or rate-limited post included). */
function seenOf(c: SlackCall): Seen | null {
  if (c.status !== 200 || c.response?.ok !== true) return null;
  if (c.method === "chat.postEphemeral") {
    const who = whoIs(c.args.user);
    assert.ok(who, `an ephemeral message to a known person: ${String(c.args.user)}`);
    assert.equal(c.args.channel, CHANNEL, "an ephemeral reply shows in the set's channel");
    return { to: { kind: "actor", who }, text: textOf(c), buttons: buttonsOf(c), files: [] };
  }
  if (c.method !== "chat.postMessage") return null;
  const channel = String(c.args.channel);
  const dmOf = whoIs(channel.replace(/^D/, ""));
  const to =
    channel === CHANNEL ? ({ kind: "channel" } as const) : dmOf && channel.startsWith("D") ? ({ kind: "dm", who: dmOf } as const) : null;
  assert.ok(to, `a post in the set's channel or a DM: ${channel}`);
  return { to, text: textOf(c), buttons: buttonsOf(c), files: [], ref: String(c.response.ts) };
}

/** The Slack driver, and what Slack-only tests need on the same set: the fake, the receiver, the adapter, its logs. */
export type SlackDriver = ContractDriver & {
  fake: FakeSlack;
  target: SlackTarget;
  adapter: SlackAdapter;
  database: TestDatabase;
  logs: LogCapture;
  clock: ManualClock;
};

export async function startSlackDriver(): Promise<SlackDriver> {
  const fake = await FakeSlack.start();
  const database = await createTestDatabase();
  const db = await openDatabase(database.url);
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const logs = new LogCapture();
  const adapter = createSlackAdapter({ db, clock, logger: logs.logger, defaultTimeZone: "Europe/London" }, handlers, {
    botToken: "xoxb-test",
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.url,
  });
  await adapter.start();
  const target = { url: `http://127.0.0.1:${adapter.port()}/slack/events`, signingSecret: SIGNING_SECRET };
  const mention = (who: Who) => `<@${SLACK_IDS[who]}|${who}>`;
  const person = (who: Who) => ({ userId: SLACK_IDS[who], userName: who });

  /** The calls from index `from` on that `match`, once there are `n`. */
  const since = (from: number, what: string, match: (c: SlackCall) => boolean, n = 1) =>
    fake.waitForCall(what, (c) => fake.calls.indexOf(c) >= from && match(c), n);
  const ephemeralTo = (who: Who) => (c: SlackCall) => c.method === "chat.postEphemeral" && c.args.user === SLACK_IDS[who];
  const seenFrom = (from: number) => fake.calls.slice(from).flatMap((c) => seenOf(c) ?? []);
  let remindersFrom = 0;

  return {
    adapter,
    db,
    fake,
    target,
    database,
    logs,
    clock,
    firstMeetingTime: "<!date^1799748000^{date_short_pretty} {time}|2027-01-12 10:00 UTC>",
    idOf: (who) => SLACK_IDS[who],
    mention,
    button: (id, command) => ({ id, payload: `${CHANNEL}|${command}` }),
    formErrors: "on the field",
    async run(who, command, awaiting) {
      const from = fake.calls.length;
      const res = await slashCommand(target, { text: commandLine(command, mention).slice(1), channelId: CHANNEL, ...person(who) });
      assert.equal(res.status, 200, res.body);
      assert.ok(awaiting === "actor" || awaiting === "channel", `a command's reply goes to the actor or the channel, not ${awaiting}`);
      const arrived =
        awaiting === "actor" ? ephemeralTo(who) : (c: SlackCall) => c.method === "chat.postMessage" && c.args.channel === CHANNEL;
      await since(from, `a reply to the ${awaiting}`, arrived);
      return seenFrom(from);
    },
    async press(who, button) {
      const from = fake.calls.length;
      const res = await blockAction(target, { channelId: CHANNEL, actionId: button.id!, value: button.payload, ...person(who) });
      assert.equal(res.status, 200);
      const [reply] = await since(from, `the reply to ${who}'s press`, ephemeralTo(who));
      return seenOf(reply!)!;
    },
    async openActionForm(who) {
      const from = fake.calls.length;
      await blockAction(target, {
        channelId: CHANNEL,
        actionId: "log-action",
        value: `${CHANNEL}|/log action`,
        triggerId: "trig-1",
        ...person(who),
      });
      const [opened] = await since(from, "views.open", (c) => c.method === "views.open");
      const modal = opened!.args.view as {
        callback_id: string;
        private_metadata: string;
        blocks: { block_id: string; element: { initial_option?: { value: string } } }[];
      };
      assert.equal(modal.callback_id, "log_entry");
      assert.equal(modal.private_metadata, CHANNEL, "the form remembers the set's channel");
      assert.equal(modal.blocks[0]!.element.initial_option?.value, "action", "the button's kind is preset");
      return {
        async submit(text) {
          const before = fake.calls.length;
          const values = {
            kind: { kind: { type: "static_select", selected_option: { value: "action" } } },
            text: { text: { type: "plain_text_input", value: text } },
          };
          const res = await viewSubmission(target, {
            callbackId: "log_entry",
            privateMetadata: modal.private_metadata,
            values,
            ...person(who),
          });
          assert.equal(res.status, 200);
          const answer = res.json as { response_action?: string; errors?: Record<string, string> } | null;
          if (answer?.response_action === "errors")
            return { to: { kind: "field" }, text: Object.values(answer.errors ?? {}).join("\n"), buttons: [], files: [] };
          const [reply] = await since(before, `the reply to ${who}'s form`, ephemeralTo(who));
          return seenOf(reply!)!;
        },
      };
    },
    async openCommandForm(who, button, command, fields) {
      const from = fake.calls.length;
      await blockAction(target, { channelId: CHANNEL, actionId: button.id!, value: button.payload, triggerId: "trig-2", ...person(who) });
      const [opened] = await since(from, "views.open", (c) => c.method === "views.open");
      const modal = opened!.args.view as {
        callback_id: string;
        private_metadata: string;
        blocks: {
          block_id: string;
          element: { type: string; action_id: string; initial_value?: string; initial_option?: { value: string } };
        }[];
      };
      assert.equal(modal.callback_id, "command_form");
      assert.equal(
        modal.private_metadata,
        `${CHANNEL}|${command}`,
        "the form remembers the set's channel and its command, not who opened it",
      );
      assert.deepEqual(
        modal.blocks.map((b) => b.block_id),
        fields,
      );
      const presets = Object.fromEntries(
        modal.blocks.flatMap((b) => {
          const value = b.element.initial_value ?? b.element.initial_option?.value;
          return value === undefined ? [] : [[b.block_id, value]];
        }),
      );
      return {
        presets,
        async submit(given) {
          const before = fake.calls.length;
          const values = Object.fromEntries(
            modal.blocks.map((b) => {
              const value = given[b.block_id] ?? "";
              const typed = b.element.type === "plain_text_input" ? { value } : { selected_option: { value } };
              return [b.block_id, { [b.element.action_id]: { type: b.element.type, ...typed } }];
            }),
          );
          const res = await viewSubmission(target, {
            callbackId: modal.callback_id,
            privateMetadata: modal.private_metadata,
            values,
            ...person(who),
          });
          assert.equal(res.status, 200);
          const answer = res.json as { response_action?: string; errors?: Record<string, string> } | null;
          if (answer?.response_action === "errors")
            return { to: { kind: "field" }, text: Object.values(answer.errors ?? {}).join("\n"), buttons: [], files: [] };
          const [reply] = await since(before, `the reply to ${who}'s form`, ephemeralTo(who));
          return seenOf(reply!)!;
        },
      };
    },
    async saveMessage(who, message) {
      const from = fake.calls.length;
      const responseUrl = fake.responseUrl();
      // Slack writes its three control characters as entities in a message's text.
      const text = message.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      const ts = `${Math.floor(message.sentAt.getTime() / 1000)}.000200`;
      const res = await messageShortcut(target, {
        callbackId: "save_to_log",
        channelId: message.where === "set" ? CHANNEL : OTHER_CHANNEL,
        message: { user: SLACK_IDS[message.author], text, ts },
        responseUrl,
        ...person(who),
      });
      assert.equal(res.status, 200, res.body);
      const [answer] = await since(
        from,
        "the form or a refusal",
        (c) => c.method === "views.open" || (c.method === "response_url" && c.url === responseUrl),
      );
      if (answer!.method === "response_url") {
        assert.equal(answer!.args.response_type, "ephemeral", "only the chooser sees the refusal");
        return { to: { kind: "actor", who }, text: String(answer!.args.text), buttons: [], files: [] };
      }
      const modal = answer!.args.view as {
        callback_id: string;
        private_metadata: string;
        blocks: { block_id: string; element: { initial_option?: unknown; initial_value?: string } }[];
      };
      assert.equal(modal.callback_id, "log_entry", "the entry form");
      assert.equal(modal.blocks[0]!.block_id, "kind");
      assert.equal(modal.blocks[0]!.element.initial_option, undefined, "the person chooses the kind");
      const filled = modal.blocks.find((b) => b.block_id === "text")!.element.initial_value ?? "";
      return {
        text: filled,
        channel: modal.private_metadata.split("|")[0] === CHANNEL ? "set" : "elsewhere",
        async submit(kind) {
          const before = fake.calls.length;
          const values = {
            kind: { kind: { type: "static_select", selected_option: { value: kind } } },
            text: { text: { type: "plain_text_input", value: filled } },
          };
          const sent = await viewSubmission(target, {
            callbackId: modal.callback_id,
            privateMetadata: modal.private_metadata,
            values,
            ...person(who),
          });
          assert.equal(sent.status, 200);
          const [reply] = await since(before, `the reply to ${who}'s saved message`, ephemeralTo(who));
          return seenOf(reply!)!;
        },
      };
    },
    logText: () => logs.lines.map((l) => JSON.stringify(l)),
    async filesFor(who, n) {
      const upload = (c: SlackCall) => c.method === "files.completeUploadExternal" && c.args.channel_id === `D${SLACK_IDS[who]}`;
      const calls = n === 0 ? fake.calls.filter(upload) : await fake.waitForCall(`files to ${who}`, upload, n);
      return calls.flatMap((c) =>
        (c.args.files as { id: string }[]).map((f) => {
          const stored = fake.uploads.get(f.id);
          assert.ok(stored, `the bytes of ${f.id} were uploaded`);
          const alt = fake.altTexts.get(f.id);
          return { name: stored.filename, bytes: stored.bytes, ...(alt ? { alt } : {}), to: { kind: "dm" as const, who } };
        }),
      );
    },
    async takeReminders() {
      const seen = seenFrom(remindersFrom);
      remindersFrom = fake.calls.length;
      return seen;
    },
    rateLimits: {
      next: () => fake.rateLimitNext("chat.postMessage", 1),
      count: () => fake.calls.filter((c) => c.status === 429).length,
    },
    async close() {
      await adapter.stop();
      await fake.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
