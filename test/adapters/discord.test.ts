import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REST, Routes } from "discord.js";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { deployCommands } from "../../scripts/commands-deploy.ts";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import type { Delivery } from "../../src/app/render-nudge.ts";
import { ManualClock } from "../../src/clock.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { type DiscordCall, FakeDiscord } from "../support/fake-discord.ts";
import { startBot } from "../support/start-bot.ts";

const GUILD = "1111111111111111111";
const CHANNEL = "2222222222222222222";
const people = {
  sam: "3000000000000000001",
  ana: "3000000000000000002",
  ben: "3000000000000000003",
  cleo: "3000000000000000004",
  dev: "3000000000000000005",
  eve: "3000000000000000006",
} as const;
type Who = keyof typeof people;
const USER = 6;
const STRING = 3;
const INTEGER = 4;

/** The visible text of a message body: content, embed descriptions and fields. */
const textOf = (call: DiscordCall) => {
  const body = call.body as {
    content?: string;
    embeds?: { description?: string; fields?: { name: string; value: string }[] }[];
    data?: { content?: string };
  };
  const embeds = body.embeds ?? [];
  return [
    body.content ?? body.data?.content ?? "",
    ...embeds.flatMap((e) => [e.description ?? "", ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)]),
  ].join("\n");
};
const buttonsOf = (call: DiscordCall) =>
  ((call.body as { components?: { components: { custom_id: string; label: string }[] }[] }).components ?? []).flatMap(
    (row) => row.components,
  );

describe("Discord adapter on the real discord.js client against a local Discord", () => {
  let fake: FakeDiscord;
  let db: Database;
  let dir: string;
  let adapter: DiscordAdapter;
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const logger = pino({ level: "silent" });

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    dir = mkdtempSync(join(tmpdir(), "als-discord-"));
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

  /** Runs a slash command as a person; resolves with the edit of the deferred (ephemeral) reply. */
  async function slash(
    who: Who,
    name: string,
    sub: string | undefined,
    options: { name: string; type: number; value: unknown }[] = [],
  ): Promise<DiscordCall> {
    const { token } = await fake.sendInteraction(
      fake.commandInteraction({
        name,
        ...(sub ? { sub } : {}),
        options,
        userId: people[who],
        userName: who,
        channelId: CHANNEL,
        guildId: GUILD,
      }),
    );
    return (await fake.waitFor("PATCH", new RegExp(`/webhooks/\\d+/${token}/messages/@original`)))[0]!;
  }
  const channelPosts = () => fake.callsTo("POST", new RegExp(`^/channels/${CHANNEL}/messages$`));

  test("logs in with the Guilds intent only", async () => {
    const { intents } = await fake.ready();
    assert.equal(intents, 1);
  });

  test("a set is created, five members added, a monthly series scheduled — each posted in the channel", async () => {
    const done = await slash("sam", "set", "create", [{ name: "name", type: STRING, value: "Leading change" }]);
    assert.match(textOf(done), /Done: posted in the channel/);
    assert.match(textOf(channelPosts().at(-1)!), /Created the action learning set "Leading change"/);
    for (const who of ["ana", "ben"] as const) {
      await slash("sam", "set", "add", [{ name: "member", type: USER, value: people[who] }]);
      assert.match(textOf(channelPosts().at(-1)!), /Welcome .*: added to the set/);
    }
    // Several at once: mentions typed into the option, which Discord does not resolve; their names are fetched.
    for (const who of ["cleo", "dev", "eve"] as const) fake.addUser(people[who], who);
    const several = `<@${people.cleo}> <@${people.dev}> <@${people.eve}>`;
    await slash("sam", "set", "add", [{ name: "member", type: STRING, value: several }]);
    assert.match(textOf(channelPosts().at(-1)!), /Welcome cleo, dev and eve: added to the set\. The set has 5 members\./);
    await slash("ana", "meeting", "schedule", [
      { name: "when", type: STRING, value: "2027-01-12 10:00" },
      { name: "every", type: STRING, value: "monthly" },
      { name: "count", type: INTEGER, value: 3 },
    ]);
    const posted = textOf(channelPosts().at(-1)!);
    assert.match(posted, /scheduled 3 meetings, monthly on the 12th/);
    assert.match(posted, /<t:1799748000:f>/, "times as Discord timestamps");
  });

  test("the deferred reply is ephemeral, and RSVP works by button as the presser", async () => {
    const before = fake.callsTo("POST", /\/interactions\/\d+\/[^/]+\/callback/).length;
    const next = await slash("ben", "meeting", "next");
    const defer = fake.callsTo("POST", /\/interactions\/\d+\/[^/]+\/callback/)[before]!;
    assert.deepEqual(
      { type: (defer.body as { type: number }).type, flags: (defer.body as { data?: { flags?: number } }).data?.flags },
      { type: 5, flags: 64 },
    );
    const yes = buttonsOf(next).find((b) => b.label === "I'll be there")!;
    assert.equal(yes.custom_id, `${CHANNEL}|/meeting rsvp answer:yes meeting:1`);
    const { token } = await fake.sendInteraction(
      fake.buttonInteraction({ customId: yes.custom_id, userId: people.cleo, userName: "cleo", channelId: CHANNEL, guildId: GUILD }),
    );
    const reply = (await fake.waitFor("PATCH", new RegExp(`/webhooks/\\d+/${token}/messages/@original`)))[0]!;
    assert.match(textOf(reply), /Thanks: you're coming to meeting 1/);
    const rsvp = await db.rsvp.findFirstOrThrow({ include: { person: true } });
    assert.equal(rsvp.person.externalId, people.cleo);
  });

  test("/log action with no text opens the entry modal; its submission records the action; an over-long one is refused", async () => {
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({ name: "log", sub: "action", userId: people.ana, userName: "ana", channelId: CHANNEL, guildId: GUILD }),
    );
    const [modal] = await fake.waitFor("POST", new RegExp(`/interactions/${id}/`));
    const data = (modal!.body as { type: number; data: { custom_id: string } }).data;
    assert.equal((modal!.body as { type: number }).type, 9);
    assert.equal(data.custom_id, `log_entry|${CHANNEL}|action`);
    const submit = async (text: string) => {
      const { token } = await fake.sendInteraction(
        fake.modalSubmitInteraction({
          customId: data.custom_id,
          fields: { text },
          userId: people.ana,
          userName: "ana",
          channelId: CHANNEL,
          guildId: GUILD,
        }),
      );
      return textOf((await fake.waitFor("PATCH", new RegExp(`/webhooks/\\d+/${token}/messages/@original`)))[0]!);
    };
    assert.match(await submit("x".repeat(2001)), /Option text: .*at most 2000 characters; this has 2001/);
    assert.equal(await db.entry.count(), 0);
    assert.match(await submit("Meet both leads together"), /Action recorded as action #1/);
  });

  test("a typed text option is stored exactly as written: quotes, a colon, an option-like word", async () => {
    const typed = 'He said "no – and “meant it”: lesson learned, due: never';
    assert.match(textOf(await slash("ben", "log", "reflect", [{ name: "text", type: STRING, value: typed }])), /Reflection recorded/);
    const entry = await db.entry.findFirstOrThrow({ where: { kind: "reflect", author: { externalId: people.ben } } });
    assert.equal(entry.text, typed);
  });

  test("bad input from Discord gets an ephemeral, specific reply", async () => {
    assert.match(
      textOf(await slash("ana", "rotation", "slot", [{ name: "minutes", type: INTEGER, value: 40 }])),
      /Only the set's advisors can use \/rotation slot/,
    );
    assert.match(
      textOf(await slash("ana", "meeting", "list", [{ name: "count", type: INTEGER, value: "many" }])),
      /Option count: "many" is not a whole number/,
    );
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({
        name: "meeting",
        sub: "teleport",
        userId: people.ana,
        userName: "ana",
        channelId: CHANNEL,
        guildId: GUILD,
      }),
    );
    const [answer] = await fake.waitFor("POST", new RegExp(`/interactions/${id}/`));
    const body = answer!.body as { data: { content: string; flags: number } };
    assert.match(body.data.content, /Unknown command \/meeting teleport/);
    assert.equal(body.data.flags, 64);
  });

  test("autocomplete suggests the set's upcoming meetings", async () => {
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({
        name: "meeting",
        sub: "cancel",
        options: [{ name: "meeting", type: STRING, value: "", focused: true }],
        userId: people.ana,
        userName: "ana",
        channelId: CHANNEL,
        guildId: GUILD,
        autocomplete: true,
      }),
    );
    const [answer] = await fake.waitFor("POST", new RegExp(`/interactions/${id}/`));
    const body = answer!.body as { type: number; data: { choices: { name: string; value: string }[] } };
    assert.equal(body.type, 8);
    assert.deepEqual(
      body.data.choices.map((c) => c.value),
      ["1", "2", "3"],
    );
  });

  test("the scheduler delivers reminder DMs, honours a 429, and falls back to the channel for closed DMs", async () => {
    fake.closeDmsOf(people.cleo);
    fake.rateLimitNext("POST", /^\/channels\/[^/]+\/messages$/, 1);
    await runTick({ db, logger }, adapter.sink, new Date("2027-01-10T09:59:00Z"));
    await runTick({ db, logger }, adapter.sink, new Date("2027-01-10T10:00:00Z"));
    const rows = await db.outbox.findMany({ where: { kind: "presenter-prep" }, include: {} });
    assert.ok(rows.length === 3 && rows.every((r) => r.status === "sent"), JSON.stringify(rows.map((r) => r.status)));
    const dms = fake.calls.filter((c) => c.method === "POST" && /^\/channels\/dm-\d+\/messages$/.test(c.path) && c.status === 200);
    assert.equal(dms.length, 2, "Ana and Ben by DM");
    assert.match(textOf(dms[0]!), /You present at meeting 1 of "Leading change"/);
    const fallback = channelPosts().find((c) => textOf(c).includes(`<@${people.cleo}>, your direct messages are closed`));
    assert.ok(fallback, "Cleo gets it in the set channel");
    assert.ok(
      fake.calls.some((c) => c.status === 429),
      "Discord said 429 once and the client waited",
    );
    const posted = [...fake.messagesIn(`dm-${people.ana}`), ...fake.messagesIn(`dm-${people.ben}`), ...fake.messagesIn(CHANNEL)].map(
      (m) => m.id,
    );
    assert.ok(
      rows.every((r) => r.platformRef && posted.includes(r.platformRef)),
      "each sent row records its Discord message id",
    );
  });

  test("a draft is delivered as an attachment", async () => {
    const reply = await slash("ana", "log", "draft", [{ name: "format", type: STRING, value: "md" }]);
    const ana = await db.person.findFirstOrThrow({ where: { externalId: people.ana } });
    assert.match(textOf(reply), new RegExp(`Draft M3\\.37 learning log for ${ana.displayName}: \\d+ words from 1 entry\\.`));
    assert.equal(reply.files.length, 1);
    assert.match(reply.files[0]!.name, /^m337-draft-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.md$/);
    assert.match(reply.files[0]!.bytes.toString("utf8"), /Leadership action plan/);
  });

  test("a reminder resent under the same key posts once — by DM, in the channel, and as the closed-DM fallback — and both sends return its id", async () => {
    fake.closeDmsOf(people.eve);
    const dmTo = (who: Who) => ({ kind: "dm" as const, externalId: people[who], displayName: who, timeZone: "Europe/London" });
    const base = { platform: "discord", workspaceId: GUILD, channelId: CHANNEL };
    const cases: { lands: string; delivery: Delivery }[] = [
      { lands: `dm-${people.sam}`, delivery: { ...base, to: dmTo("sam"), reply: { text: "You present next week." } } },
      { lands: CHANNEL, delivery: { ...base, to: { kind: "channel" }, reply: { text: "Meeting 2 is tomorrow." } } },
      { lands: CHANNEL, delivery: { ...base, to: dmTo("eve"), reply: { text: "Record your action." } } },
    ];
    const callsBefore = fake.callsTo("POST", /^\/channels\/[^/]+\/messages$/).length;
    for (const [i, { lands, delivery }] of cases.entries()) {
      const key = `presenter-prep:set-${i}:person-${"p".repeat(80)}:meeting-1:2027-01-10T10:00:00.000Z`;
      const before = fake.messagesIn(lands).length;
      const first = await adapter.sink.deliver(delivery, key);
      const again = await adapter.sink.deliver(delivery, key);
      assert.equal(typeof first, "string");
      assert.equal(again, first, `case ${i}: the resend answers with the original message`);
      assert.equal(fake.messagesIn(lands).length, before + 1, `case ${i}: one message, not two`);
      assert.equal(fake.messagesIn(lands).at(-1)!.id, first);
      const other = await adapter.sink.deliver(delivery, `${key}:another`);
      assert.notEqual(other, first);
      assert.equal(fake.messagesIn(lands).length, before + 2, `case ${i}: a different reminder is a new message`);
    }
    const bodies = fake
      .callsTo("POST", /^\/channels\/[^/]+\/messages$/)
      .slice(callsBefore)
      .map((c) => c.body as { nonce?: unknown; enforce_nonce?: unknown });
    assert.ok(bodies.length >= 9);
    for (const body of bodies) {
      assert.equal(typeof body.nonce, "string");
      assert.ok((body.nonce as string).length >= 1 && (body.nonce as string).length <= 25, `nonce ${String(body.nonce)}`);
      assert.equal(body.enforce_nonce, true);
    }
  });
});

describe("commands:deploy", () => {
  test("the first run creates every command, the second sends nothing, a changed one is patched alone", async () => {
    const fake = await FakeDiscord.start();
    try {
      const env = { token: "fake-bot-token", applicationId: "1234567890123456789", guildId: GUILD, apiUrl: fake.apiUrl };
      const logs: string[] = [];
      await deployCommands(env, (l) => logs.push(l));
      const created = fake.callsTo("POST", /\/applications\/\d+\/guilds\/\d+\/commands$/).length;
      assert.ok(created >= 10, `created ${created}`);
      const writes = () => fake.calls.filter((c) => c.method !== "GET" && c.path.includes("/commands")).length;
      const before = writes();
      await deployCommands(env, (l) => logs.push(l));
      assert.equal(writes(), before, "nothing sent the second time");
      assert.match(logs.at(-1)!, /up to date: nothing sent/);
      const rest = new REST({ api: fake.apiUrl }).setToken(env.token);
      const registered = (await rest.get(Routes.applicationGuildCommands(env.applicationId, GUILD))) as { id: string; name: string }[];
      const help = registered.find((c) => c.name === "help")!;
      await rest.patch(Routes.applicationGuildCommand(env.applicationId, GUILD, help.id), { body: { description: "an old description" } });
      const afterEdit = writes();
      await deployCommands(env, (l) => logs.push(l));
      const sent = fake.calls.filter((c) => c.method !== "GET" && c.path.includes("/commands")).slice(afterEdit);
      assert.deepEqual(
        sent.map((c) => `${c.method} ${c.path}`),
        [`PATCH /applications/${env.applicationId}/guilds/${GUILD}/commands/${help.id}`],
      );
      assert.match(logs.at(-1)!, /updated \/help\./);
    } finally {
      await fake.close();
    }
  });
});

test("npm start with Discord settings connects to the gateway, answers, and stops cleanly on SIGTERM", async () => {
  const fake = await FakeDiscord.start();
  const bot = startBot({ DISCORD_TOKEN: "main-token", DISCORD_APPLICATION_ID: "1234567890123456789", DISCORD_API_URL: fake.apiUrl });
  try {
    assert.equal((await fake.ready(20_000)).token, "main-token");
    const { token } = await fake.sendInteraction(
      fake.commandInteraction({ name: "help", userId: people.ana, userName: "ana", channelId: CHANNEL, guildId: GUILD }),
    );
    const [reply] = await fake.waitFor("PATCH", new RegExp(`/webhooks/\\d+/${token}/messages/@original`), 1, 10_000);
    assert.match(textOf(reply!), /Commands \(options are written name:value/);
  } finally {
    const code = await bot.stop();
    await fake.close();
    assert.equal(code, 0, bot.stderr());
  }
});
