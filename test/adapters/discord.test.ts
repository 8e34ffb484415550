import assert from "node:assert/strict";
import { REST, Routes } from "discord.js";
import { describe, test } from "vitest";
import { deployCommands } from "../../scripts/commands-deploy.ts";
import type { Delivery } from "../../src/app/destination.ts";
import { asMessageCall, FakeDiscord } from "../support/fake-discord.ts";
import { startBot } from "../support/start-bot.ts";
import { describeAdapterContract, seedLongLog, type Who } from "./contract/adapter-contract.ts";
import {
  CHANNEL,
  CHANNEL_MESSAGES,
  DISCORD_IDS,
  type DiscordDriver,
  GUILD,
  OPTION,
  startDiscordDriver,
  textOf,
} from "./contract/discord-driver.ts";

describeAdapterContract("Discord (the real discord.js client against a local Discord)", startDiscordDriver, (driver) => {
  const d = () => driver() as DiscordDriver;

  test("logs in with the Guilds and GuildScheduledEvents intents only", async () => {
    const { intents } = await d().fake.ready();
    assert.equal(intents, 1 | (1 << 16));
  });

  test("a message command the bot no longer declares is answered to its user alone, and opens nothing", async () => {
    const { fake, sent } = d();
    const payload = fake.messageCommandInteraction({
      name: "Pin to my notes",
      authorId: DISCORD_IDS.ana,
      content: "Anything",
      sentAt: new Date("2027-01-12T11:00:00Z"),
      userId: DISCORD_IDS.ben,
      userName: "ben",
      channelId: CHANNEL,
      guildId: GUILD,
    });
    const { id, token } = await fake.sendInteraction(payload);
    sent.push({ what: "Pin to my notes", who: "ben", id, token });
    const answer = asMessageCall(await fake.answerTo(token));
    assert.match(textOf(answer), /Unknown command "Pin to my notes"/);
    assert.equal(((answer.body as { flags?: number }).flags ?? 0) & 64, 64, "only ben sees it");
  });

  test("a command whose replies all went to the channel says so in its deferred reply", async () => {
    const { fake, sent } = d();
    const created = sent.find((s) => s.what === "set create")!;
    const [edit] = fake.callsTo("PATCH", new RegExp(`/webhooks/\\d+/${created.token}/messages/@original`));
    assert.match(textOf(edit!), /Done: posted in the channel/);
  });

  test("a quick command answered to its user alone is one request: the interaction's own ephemeral reply, not deferred", async () => {
    const { fake, slash, sent } = d();
    await slash("ana", { name: "meeting next" });
    const { id, token } = sent.at(-1)!;
    const [callback] = fake.callsTo("POST", new RegExp(`^/interactions/${id}/[^/]+/callback$`));
    const body = callback!.body as { type: number; data: { flags?: number } };
    assert.deepEqual({ type: body.type, ephemeral: ((body.data.flags ?? 0) & 64) === 64 }, { type: 4, ephemeral: true });
    assert.match(textOf(asMessageCall(callback!)), /\S/, "the answer itself");
    assert.deepEqual(fake.callsTo("PATCH", new RegExp(`/webhooks/\\d+/${token}/`)), [], "no edit of a deferred reply");
  });

  test("/log action with no text opens the entry modal", async () => {
    const { fake } = d();
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({ name: "log", sub: "action", userId: DISCORD_IDS.ana, userName: "ana", channelId: CHANNEL, guildId: GUILD }),
    );
    const [modal] = await fake.waitFor("POST", new RegExp(`/interactions/${id}/`));
    assert.equal((modal!.body as { type: number }).type, 9);
    assert.equal((modal!.body as { data: { custom_id: string } }).data.custom_id, `log_entry|${CHANNEL}|action`);
  });

  test("a /log list too long for Discord arrives as its reply and ephemeral follow-ups, cut with a pointer; all of it attached", async () => {
    const { fake, slash, sent } = d();
    const texts = await seedLongLog(d(), "ana", 30, 1500);
    const edit = await slash("ana", { name: "log list", options: { last: 30 } });
    const followUps = await fake.waitFor("POST", new RegExp(`^/webhooks/\\d+/${sent.at(-1)!.token}$`), 4);
    assert.deepEqual(
      [edit, ...followUps].map((c) => c.status === 200 || c.status === 204),
      [true, true, true, true, true],
      "five messages, all accepted (the first as the interaction's own reply: 204)",
    );
    assert.ok(
      followUps.every((c) => (c.body as { flags?: number }).flags === 64),
      "the follow-ups are ephemeral too",
    );
    const last = followUps.at(-1)!;
    assert.match(textOf(last), /all of it is in the file full-reply\.txt/);
    assert.deepEqual(
      last.files.map((f) => f.name),
      ["full-reply.txt"],
    );
    const whole = last.files[0]!.bytes.toString("utf8");
    assert.ok(
      texts.every((t) => whole.includes(t)),
      "every entry is in the file",
    );
  });

  test("people mentioned in a text option (/set add member:@A @B) are added under their Discord names, fetched", async () => {
    const { fake, slash } = d();
    // Users the bot has never seen: Discord resolves the user of a USER option, not mentions typed into text.
    const [uma, vic] = ["4000000000000000001", "4000000000000000002"];
    fake.setUser(uma, "uma");
    fake.setUser(vic, "vic");
    const from = fake.callsTo("POST", CHANNEL_MESSAGES).length;
    await slash("sam", { name: "set add", options: { member: `<@${uma}> <@${vic}>` } });
    await fake.waitFor("POST", CHANNEL_MESSAGES, from + 1);
    assert.match(textOf(fake.callsTo("POST", CHANNEL_MESSAGES).at(-1)!), /Welcome uma and vic: added to the set\./);
    for (const id of [uma, vic]) await slash("sam", { name: "set remove", options: { member: `<@${id}>` } });
  });

  test("a typed text option is stored exactly as written: quotes, a colon, an option-like word", async () => {
    const { slash, db } = d();
    const typed = 'He said "no – and “meant it”: lesson learned, due: never';
    assert.match(textOf(await slash("ben", { name: "log reflect", options: { text: typed } })), /Reflection recorded/);
    const entry = await db.entry.findFirstOrThrow({ where: { kind: "reflect", author: { externalId: DISCORD_IDS.ben } } });
    assert.equal(entry.text, typed);
  });

  test("/log action with options but no text opens a modal with the action's fields, filled in; the links are saved", async () => {
    const { fake, slash, db } = d();
    await slash("eve", { name: "log goal", options: { text: "By June, hand the rota to one of my band 6 nurses" } });
    await slash("eve", { name: "log problem", options: { text: "Handovers miss medication changes" } });
    const who = { userId: DISCORD_IDS.eve, userName: "eve", channelId: CHANNEL, guildId: GUILD };
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({
        name: "log",
        sub: "action",
        options: [
          { name: "goal", type: OPTION.INTEGER, value: 1 },
          { name: "support", type: OPTION.STRING, value: "The matron" },
        ],
        ...who,
      }),
    );
    const [modal] = await fake.waitFor("POST", new RegExp(`/interactions/${id}/`));
    const data = (modal!.body as { data: { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] } })
      .data;
    assert.deepEqual(
      data.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? null]),
      [
        ["text", null],
        ["goal", "1"],
        ["due", null],
        ["support", "The matron"],
        ["problem", null],
      ],
      "an action's form asks for what an action takes, filled in with what the command gave",
    );
    const { token } = await fake.sendInteraction(
      fake.modalSubmitInteraction({
        customId: data.custom_id,
        fields: { text: "Trial a written handover sheet", goal: "1", due: "", support: "The matron", problem: "1" },
        ...who,
      }),
    );
    const reply = asMessageCall(await fake.answerTo(token));
    assert.match(textOf(reply), /Action recorded as action #\d+/);
    const saved = await db.entry.findFirstOrThrow({
      where: { text: "Trial a written handover sheet" },
      include: { goal: true, problem: true },
    });
    assert.deepEqual(
      [saved.goal?.text, saved.problem?.text, saved.support],
      ["By June, hand the rota to one of my band 6 nurses", "Handovers miss medication changes", "The matron"],
    );
  });

  test("/log write without text opens a form filled with the member's notes for the section; sent, it is their write-up", async () => {
    const { fake, db, slash } = d();
    for (const text of ["we ask, we do not advise", "i owe the set my preparation"])
      await slash("cleo", { name: "log action-learning", options: { text } });
    const who = { userId: DISCORD_IDS.cleo, userName: "cleo", channelId: CHANNEL, guildId: GUILD };
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({ name: "log", sub: "write", options: [{ name: "section", type: OPTION.STRING, value: "2.1" }], ...who }),
    );
    const [modal] = await fake.waitFor("POST", new RegExp(`/interactions/${id}/`));
    type Input = { custom_id: string; value?: string; max_length?: number; options?: { value: string; default?: boolean }[] };
    const data = (modal!.body as { type: number; data: { custom_id: string; components: { component: Input }[] } }).data;
    assert.equal((modal!.body as { type: number }).type, 9, "a modal");
    assert.equal(data.custom_id, `form|${CHANNEL}|log write`);
    const field = (name: string) => data.components.find((c) => c.component.custom_id === name)!.component;
    assert.equal(field("text").value, "we ask, we do not advise\n\ni owe the set my preparation");
    assert.ok(field("text").value!.length <= 4000 && field("text").max_length! <= 4000, "within Discord's limit for a text input");
    assert.equal(field("section").options?.find((o) => o.default)?.value, "2.1");
    const mine = "We ask rather than advise, and I owe the set my preparation.";
    const { token } = await fake.sendInteraction(
      fake.modalSubmitInteraction({ customId: data.custom_id, fields: { section: ["2.1"], text: mine }, labels: true, ...who }),
    );
    assert.match(textOf(asMessageCall(await fake.answerTo(token))), /Your write-up of 2\.1 is stored as entry #\d+/);
    const row = await db.entry.findFirstOrThrow({ where: { kind: "write", author: { externalId: DISCORD_IDS.cleo } } });
    assert.deepEqual([row.section, row.text], ["2.1", mine]);
  });

  test("/feedback with no text opens the feedback form, with what the command gave picked; a named answer keeps its author", async () => {
    const { fake, db } = d();
    const who = { userId: DISCORD_IDS.dev, userName: "dev", channelId: CHANNEL, guildId: GUILD };
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({
        name: "feedback",
        sub: "give",
        options: [{ name: "about", type: OPTION.STRING, value: "advisor" }],
        ...who,
      }),
    );
    const [modal] = await fake.waitFor("POST", new RegExp(`/interactions/${id}/`));
    type Select = { custom_id: string; options?: { value: string; default?: boolean }[]; value?: string };
    const data = (modal!.body as { type: number; data: { custom_id: string; components: { type: number; component: Select }[] } }).data;
    assert.equal((modal!.body as { type: number }).type, 9, "a modal");
    assert.equal(data.custom_id, `form|${CHANNEL}|feedback`);
    const picked = (name: string) =>
      data.components.find((c) => c.component.custom_id === name)?.component.options?.find((o) => o.default)?.value;
    assert.deepEqual([picked("about"), picked("anonymous")], ["advisor", "no"], "about: as given, anonymous: the default");
    const text = "Fewer interruptions from me, please: the silence helps";
    const { token } = await fake.sendInteraction(
      fake.modalSubmitInteraction({
        customId: data.custom_id,
        fields: { text, about: ["advisor"], anonymous: ["no"] },
        labels: true,
        ...who,
      }),
    );
    const reply = asMessageCall(await fake.answerTo(token));
    assert.match(textOf(reply), /stored with your name; .*\/feedback withdraw feedback:1/);
    const row = await db.feedback.findFirstOrThrow({ where: { text } });
    const author = await db.person.findFirstOrThrow({ where: { externalId: DISCORD_IDS.dev } });
    assert.deepEqual([row.authorId, row.about], [author.id, "advisor"]);
  });

  test("a refused entry answers with a button that opens the entry form with the words as written; only their author opens it", async () => {
    const { fake, slash, db } = d();
    // Longer than a button's 100-character custom id can carry, with a colon, quotes and an option-like word.
    const text = `Agree one rota with both leads: weekly, "not when it suits"; due: whenever. ${"Then review it at handover. ".repeat(12).trim()}`;
    const kept = await db.keptText.count();
    const refused = await slash("eve", { name: "log action", options: { text, due: "someday soon" } });
    assert.match(textOf(refused), /Option due:/);
    const body = refused.body as { components?: { components: { label: string; custom_id: string }[] }[] };
    const button = (body.components ?? []).flatMap((r) => r.components).find((b) => b.label === "Open the form with my words");
    assert.ok(button, JSON.stringify(body.components));
    assert.ok(button.custom_id.length <= 100, button.custom_id);
    assert.equal(await db.keptText.count(), kept + 1, "the words are kept for the button");
    assert.equal(await db.entry.count({ where: { text } }), 0, "the refused entry is not stored");

    const other = await fake.sendInteraction(
      fake.buttonInteraction({ customId: button.custom_id, userId: DISCORD_IDS.ben, userName: "ben", channelId: CHANNEL, guildId: GUILD }),
    );
    assert.match(textOf(asMessageCall(await fake.answerTo(other.token))), /Those words are someone else's/);

    const who = { userId: DISCORD_IDS.eve, userName: "eve", channelId: CHANNEL, guildId: GUILD };
    const { id } = await fake.sendInteraction(fake.buttonInteraction({ customId: button.custom_id, ...who }));
    const [modal] = await fake.waitFor("POST", new RegExp(`^/interactions/${id}/[^/]+/callback$`));
    const shown = modal!.body as {
      type: number;
      data: { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] };
    };
    assert.equal(shown.type, 9, "the button opens a modal");
    const values = Object.fromEntries(shown.data.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? null]));
    assert.deepEqual(values, { text, goal: null, due: "someday soon", support: null, problem: null }, "filled in exactly as given");

    const { token } = await fake.sendInteraction(
      fake.modalSubmitInteraction({
        customId: shown.data.custom_id,
        fields: { text, goal: "", due: "2027-03-01", support: "", problem: "" },
        ...who,
      }),
    );
    assert.match(textOf(asMessageCall(await fake.answerTo(token))), /Action recorded as action #\d+/);
    assert.equal((await db.entry.findFirstOrThrow({ where: { text } })).text, text, "stored exactly as written");
  });

  test("bad input from Discord gets an ephemeral, specific reply", async () => {
    const { fake, slash } = d();
    assert.match(
      textOf(await slash("ana", { name: "rotation slot", options: { minutes: 40 } })),
      /Only the set's advisors can use \/rotation slot/,
    );
    const many = fake.commandInteraction({
      name: "meeting",
      sub: "list",
      options: [{ name: "count", type: OPTION.INTEGER, value: "many" }],
      userId: DISCORD_IDS.ana,
      userName: "ana",
      channelId: CHANNEL,
      guildId: GUILD,
    });
    const { token } = await fake.sendInteraction(many);
    const refused = asMessageCall(await fake.answerTo(token));
    assert.match(textOf(refused), /Option count: "many" is not a whole number/);
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({
        name: "meeting",
        sub: "teleport",
        userId: DISCORD_IDS.ana,
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
    const { fake } = d();
    const { id } = await fake.sendInteraction(
      fake.commandInteraction({
        name: "meeting",
        sub: "cancel",
        options: [{ name: "meeting", type: OPTION.STRING, value: "", focused: true }],
        userId: DISCORD_IDS.ana,
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

  test("a reminder resent under the same key posts once — by DM, in the channel, and as the closed-DM fallback — and both sends return its id", async () => {
    const { fake, adapter } = d();
    fake.closeDmsOf(DISCORD_IDS.eve);
    const dmTo = (who: Who) => ({ kind: "dm" as const, externalId: DISCORD_IDS[who], displayName: who, timeZone: "Europe/London" });
    const base = { platform: "discord", workspaceId: GUILD, channelId: CHANNEL };
    const cases: { lands: string; delivery: Delivery }[] = [
      { lands: fake.dmChannelIdOf(DISCORD_IDS.sam), delivery: { ...base, to: dmTo("sam"), reply: { text: "You present next week." } } },
      { lands: CHANNEL, delivery: { ...base, to: { kind: "channel" }, reply: { text: "Meeting 2 is tomorrow." } } },
      { lands: CHANNEL, delivery: { ...base, to: dmTo("eve"), reply: { text: "Record your action." } } },
    ];
    const callsBefore = fake.callsTo("POST", CHANNEL_MESSAGES).length;
    for (const [i, { lands, delivery }] of cases.entries()) {
      const key = `presenter-prep:set-${i}:person-${"p".repeat(80)}:meeting-1:2027-01-10T10:00:00.000Z`;
      const before = fake.messagesIn(lands).length;
      const first = await adapter.deliver(delivery, key);
      const again = await adapter.deliver(delivery, key);
      assert.equal(typeof first, "string");
      assert.equal(again, first, `case ${i}: the resend answers with the original message`);
      assert.equal(fake.messagesIn(lands).length, before + 1, `case ${i}: one message, not two`);
      assert.equal(fake.messagesIn(lands).at(-1)!.id, first);
      const other = await adapter.deliver(delivery, `${key}:another`);
      assert.notEqual(other, first);
      assert.equal(fake.messagesIn(lands).length, before + 2, `case ${i}: a different reminder is a new message`);
    }
    const bodies = fake
      .callsTo("POST", CHANNEL_MESSAGES)
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
      const registered = (await rest.get(Routes.applicationGuildCommands(env.applicationId, GUILD))) as {
        id: string;
        name: string;
        type: number;
      }[];
      assert.ok(
        registered.some((c) => c.type === 3 && c.name === "Save to my log"),
        "the message command is registered beside the slash commands",
      );
      assert.match(logs[0]!, /created "Save to my log" \(message command\)/);
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
      fake.commandInteraction({ name: "help", userId: DISCORD_IDS.ana, userName: "ana", channelId: CHANNEL, guildId: GUILD }),
    );
    const reply = asMessageCall(await fake.answerTo(token, 10_000));
    assert.match(textOf(reply), /Commands \(options are written name:value/);
  } finally {
    const code = await bot.stop();
    await fake.close();
    assert.equal(code, 0, bot.stderr());
  }
});
