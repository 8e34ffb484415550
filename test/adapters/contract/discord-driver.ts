/** The contract's Discord driver: interactions through the local gateway into the real discord.js client, REST calls read back. */
import assert from "node:assert/strict";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/create-discord-adapter.ts";
import { handlers } from "../../../src/app/handlers/index.ts";
import { ManualClock } from "../../../src/clock.ts";
import { openDatabase } from "../../../src/store/open-database.ts";
import { asMessageCall, type DiscordCall, FakeDiscord } from "../../support/fake-discord.ts";
import { LogCapture } from "../../support/log-capture.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";
import { type Command, type ContractDriver, PEOPLE, type Seen, type Who } from "./adapter-contract.ts";

export const GUILD = "1111111111111111111";
export const CHANNEL = "2222222222222222222";
/** A channel of the guild that is no set's. */
const OTHER_CHANNEL = "2222222222222222299";
/** Each person's Discord user id: 300…0N in the order of PEOPLE. */
export const DISCORD_IDS = Object.fromEntries(PEOPLE.map((p, i) => [p, `300000000000000000${i + 1}`])) as Record<Who, string>;
const whoIs = (id: string) => PEOPLE.find((p) => DISCORD_IDS[p] === id);
/** Application command option types. */
export const OPTION = { STRING: 3, INTEGER: 4, USER: 6 } as const;
export const CHANNEL_MESSAGES = /^\/channels\/[^/]+\/messages$/;

type MessageBody = {
  content?: string;
  embeds?: { description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id: string; label: string }[] }[];
};

/** The visible text of a message body: content, embed descriptions and fields. */
export const textOf = (call: DiscordCall) => {
  const body = call.body as MessageBody & { data?: { content?: string } };
  return [
    body.content ?? body.data?.content ?? "",
    ...(body.embeds ?? []).flatMap((e) => [e.description ?? "", ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)]),
  ].join("\n");
};
const buttonsOf = (call: DiscordCall) =>
  ((call.body as MessageBody).components ?? []).flatMap((row) => row.components).map((b) => ({ label: b.label, payload: b.custom_id }));

/** The description (alt text) the message gave its `index`-th file, as `{ alt }`, or nothing. */
const altOf = (call: DiscordCall, index: number): { alt?: string } => {
  const body = call.body as { attachments?: { id?: unknown; description?: unknown }[]; data?: { attachments?: unknown } };
  const described = (body.attachments ?? body.data?.attachments ?? []) as { id?: unknown; description?: unknown }[];
  const meta = described.find((a) => String(a.id) === String(index)) ?? described[index];
  return typeof meta?.description === "string" ? { alt: meta.description } : {};
};
const filesOf = (call: DiscordCall) => call.files.map((f, i) => ({ name: f.name, bytes: f.bytes, ...altOf(call, i) }));

/** One interaction the driver sent: what it ran, as whom, and its id and token (to find its callback and replies). */
type SentInteraction = { what: string; who: Who; id: string; token: string };

/** The Discord driver, and what Discord-only tests need on the same set: the fake, the adapter, what was sent. */
export type DiscordDriver = ContractDriver & {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  sent: SentInteraction[];
  /** Runs a slash command and resolves with its answer (asMessageCall: the message in the body). */
  slash(who: Who, command: Command): Promise<DiscordCall>;
};

export async function startDiscordDriver(): Promise<DiscordDriver> {
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  // The meetings are scheduled events too: the fake checks a new one starts ahead of the driver's clock.
  const fake = await FakeDiscord.start({ now: () => clock.now() });
  for (const who of PEOPLE) fake.setUser(DISCORD_IDS[who], who);
  const database: TestDatabase = await createTestDatabase();
  const db = await openDatabase(database.url);
  const logs = new LogCapture("warn");
  const adapter = createDiscordAdapter(
    { db, clock, logger: logs.logger, defaultTimeZone: "Europe/London", eventPlatforms: ["discord"] },
    handlers,
    { token: "fake-bot-token", apiUrl: fake.apiUrl },
  );
  await adapter.start();
  const sent: SentInteraction[] = [];
  const user = (who: Who) => ({ userId: DISCORD_IDS[who], userName: who, channelId: CHANNEL, guildId: GUILD });

  /** The message a call posted, as its readers saw it; null for any other call. */
  const seenOf = (call: DiscordCall): Seen | null => {
    if (call.status !== 200 && call.status !== 204) return null;
    const reply = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path);
    const c = asMessageCall(call);
    if (reply) {
      const by = c !== call && sent.find((s) => s.token === reply[1]);
      return by ? { to: { kind: "actor", who: by.who }, text: textOf(c), buttons: buttonsOf(c), files: filesOf(c) } : null;
    }
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(c.path);
    const isMessage = webhook ? c.method === "PATCH" || c.method === "POST" : c.method === "POST" && CHANNEL_MESSAGES.test(c.path);
    if (!isMessage) return null;
    const base = {
      text: textOf(c),
      buttons: buttonsOf(c),
      files: filesOf(c),
    };
    if (webhook) {
      const by = sent.find((s) => s.token === webhook[1]);
      return by ? { to: { kind: "actor", who: by.who }, ...base } : null;
    }
    const channel = c.path.split("/")[2]!;
    const ref = String((c.response as { id: string }).id);
    if (channel === CHANNEL) return { to: { kind: "channel" }, ...base, ref };
    const dmWith = fake.dmUserOf(channel);
    const who = dmWith === undefined ? undefined : whoIs(dmWith);
    assert.ok(who, `a post in the set's channel or a known person's DM: ${channel}`);
    return { to: { kind: "dm", who }, ...base, ref };
  };
  const seenFrom = (from: number) => fake.calls.slice(from).flatMap((c) => seenOf(c) ?? []);

  /** Sends an interaction as `who`. */
  const send = async (what: string, who: Who, payload: Record<string, unknown>) => {
    const { id, token } = await fake.sendInteraction(payload);
    sent.push({ what, who, id, token });
    return { id, token };
  };
  /** Checks the interaction was answered (or deferred) as an ephemeral reply. */
  const answeredEphemerally = async (id: string) => {
    const [callback] = await fake.waitFor("POST", new RegExp(`^/interactions/${id}/[^/]+/callback$`));
    const body = callback!.body as { type: number; data?: { flags?: number } };
    assert.ok(body.type === 4 || body.type === 5, `answered or deferred, not type ${body.type}`);
    assert.equal((body.data?.flags ?? 0) & 64, 64, "only the actor sees the reply");
  };
  const slashPayload = (who: Who, command: Command) => {
    const [name, sub] = command.name.split(" ");
    const options = Object.entries(command.options ?? {}).map(([option, value]) =>
      typeof value === "object"
        ? { name: option, type: OPTION.USER, value: DISCORD_IDS[value.user] }
        : { name: option, type: typeof value === "number" ? OPTION.INTEGER : OPTION.STRING, value },
    );
    return fake.commandInteraction({ name: name!, ...(sub ? { sub } : {}), options, ...user(who) });
  };
  const slash = async (who: Who, command: Command) => {
    const { id, token } = await send(command.name, who, slashPayload(who, command));
    const answer = await fake.answerTo(token);
    await answeredEphemerally(id);
    return asMessageCall(answer);
  };
  let remindersFrom = 0;

  return {
    adapter,
    db,
    fake,
    sent,
    slash,
    firstMeetingTime: "<t:1799748000:f>",
    idOf: (who) => DISCORD_IDS[who],
    mention: (who) => `<@${DISCORD_IDS[who]}>`,
    button: (_id, command) => ({ id: undefined, payload: `${CHANNEL}|${command}` }),
    formErrors: "as a reply",
    async run(who, command, awaiting) {
      const from = fake.calls.length;
      await slash(who, command);
      if (awaiting === "channel") await fake.waitFor("POST", new RegExp(`^/channels/${CHANNEL}/messages$`), 1);
      return seenFrom(from);
    },
    async press(who, button) {
      const { id, token } = await send(`press ${button.label}`, who, fake.buttonInteraction({ customId: button.payload, ...user(who) }));
      const answer = await fake.answerTo(token);
      await answeredEphemerally(id);
      return seenOf(answer)!;
    },
    async openActionForm(who) {
      const pressed = await send(
        "press Record an action",
        who,
        fake.buttonInteraction({ customId: `${CHANNEL}|/log action`, ...user(who) }),
      );
      const [shown] = await fake.waitFor("POST", new RegExp(`^/interactions/${pressed.id}/[^/]+/callback$`));
      const modal = shown!.body as { type: number; data: { custom_id: string; components: { components: { custom_id: string }[] }[] } };
      assert.equal(modal.type, 9, "the button opens a modal");
      assert.equal(modal.data.custom_id, `log_entry|${CHANNEL}|action`, "the modal remembers the set's channel and the kind");
      const field = modal.data.components[0]!.components[0]!.custom_id;
      return {
        async submit(text) {
          const submitted = fake.modalSubmitInteraction({ customId: modal.data.custom_id, fields: { [field]: text }, ...user(who) });
          const { token } = await send("submit the entry form", who, submitted);
          return seenOf(await fake.answerTo(token))!;
        },
      };
    },
    async openCommandForm(who, button, command, fields) {
      const pressed = await send(`press ${button.label}`, who, fake.buttonInteraction({ customId: button.payload, ...user(who) }));
      const [shown] = await fake.waitFor("POST", new RegExp(`^/interactions/${pressed.id}/[^/]+/callback$`));
      const modal = shown!.body as {
        type: number;
        data: {
          custom_id: string;
          components: {
            type: number;
            component: { type: number; custom_id: string; value?: string; options?: { value: string; default?: boolean }[] };
          }[];
        };
      };
      assert.equal(modal.type, 9, "the button opens a modal");
      assert.equal(
        modal.data.custom_id,
        `form|${CHANNEL}|${command}`,
        "the modal remembers the set's channel and its command, not who opened it",
      );
      assert.deepEqual(
        modal.data.components.map((c) => [c.type, c.component.custom_id]),
        fields.map((f) => [18, f]),
        "each field in its label",
      );
      const presets = Object.fromEntries(
        modal.data.components.flatMap(({ component: c }) => {
          const value = c.type === 4 ? c.value : c.options?.find((o) => o.default)?.value;
          return value === undefined ? [] : [[c.custom_id, value]];
        }),
      );
      return {
        presets,
        async submit(given) {
          const values = Object.fromEntries(
            modal.data.components.map(({ component: c }) => [
              c.custom_id,
              c.type === 4 ? (given[c.custom_id] ?? "") : [given[c.custom_id]!],
            ]),
          );
          const submitted = fake.modalSubmitInteraction({ customId: modal.data.custom_id, fields: values, labels: true, ...user(who) });
          const { token } = await send(`submit the ${command} form`, who, submitted);
          return seenOf(await fake.answerTo(token))!;
        },
      };
    },
    async saveMessage(who, message) {
      const channelId = message.where === "set" ? CHANNEL : OTHER_CHANNEL;
      const where = { ...user(who), channelId };
      const chosen = fake.messageCommandInteraction({
        name: "Save to my log",
        authorId: DISCORD_IDS[message.author],
        content: message.text,
        sentAt: message.sentAt,
        ...where,
      });
      const { id, token } = await send("Save to my log", who, chosen);
      const [shown] = await fake.waitFor("POST", new RegExp(`^/interactions/${id}/[^/]+/callback$`));
      const body = shown!.body as {
        type: number;
        data: {
          custom_id: string;
          flags?: number;
          components: { type: number; component: { type: number; custom_id: string; value?: string; options?: { value: string }[] } }[];
        };
      };
      if (body.type !== 9) {
        await answeredEphemerally(id);
        return seenOf(await fake.answerTo(token))!;
      }
      const [prefix, channel] = body.data.custom_id.split("|");
      assert.equal(prefix, "log_entry", "the entry form");
      const [kind, text] = body.data.components.map((c) => [c.type, c.component]);
      assert.deepEqual([kind![0], text![0]], [18, 18], "each field in its label");
      const kinds = kind![1] as { type: number; custom_id: string; options?: { value: string; default?: boolean }[] };
      assert.equal(kinds.type, 3, "the kind is a select");
      assert.ok(
        kinds.options?.every((o) => !o.default),
        "the person chooses the kind",
      );
      const filled = (text![1] as { value?: string }).value ?? "";
      return {
        text: filled,
        channel: channel === CHANNEL ? "set" : "elsewhere",
        async submit(picked) {
          const fields = { [kinds.custom_id]: [picked], [(text![1] as { custom_id: string }).custom_id]: filled };
          const submitted = fake.modalSubmitInteraction({ customId: body.data.custom_id, fields, labels: true, ...where });
          const { token: submitToken } = await send("submit the saved message", who, submitted);
          return seenOf(await fake.answerTo(submitToken))!;
        },
      };
    },
    logText: () => logs.lines.map((l) => JSON.stringify(l)),
    async filesFor(who, n) {
      const files = seenFrom(0).flatMap((s) => ("who" in s.to && s.to.who === who ? s.files.map((f) => ({ ...f, to: s.to })) : []));
      assert.ok(files.length >= n, `${who} has ${files.length} files, not ${n}`);
      return files;
    },
    async takeReminders() {
      const seen = fake.calls.slice(remindersFrom).flatMap((c) => (CHANNEL_MESSAGES.test(c.path) ? (seenOf(c) ?? []) : []));
      remindersFrom = fake.calls.length;
      return seen;
    },
    rateLimits: {
      next: () => fake.rateLimitNext("POST", CHANNEL_MESSAGES, 1),
      count: () => fake.calls.filter((c) => c.status === 429).length,
    },
    closeDmsOf: (who) => fake.closeDmsOf(DISCORD_IDS[who]),
    async close() {
      await adapter.stop();
      await fake.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
