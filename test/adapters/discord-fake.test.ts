import assert from "node:assert/strict";
import { once } from "node:events";
import {
  ActionRowBuilder,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  type TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterAll, beforeAll, describe, test } from "vitest";
import { FakeDiscord } from "../support/fake-discord.ts";

const TOKEN = "fake.bot.token";
const APP = "1400000000000000001";
const GUILD = "1400000000000000100";
const CHANNEL = "1400000000000000200";
const ALICE = "1400000000000000301";
const BOB = "1400000000000000302";

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const CHANNEL_MESSAGES = /^\/channels\/[^/]+\/messages$/;

describe("FakeDiscord with a real discord.js Client", () => {
  let fake: FakeDiscord;
  let client: Client;

  /** Sends `payload` through the gateway and resolves with the Interaction discord.js emitted for it. */
  async function deliver<T>(payload: Record<string, unknown>, handle: (i: Interaction) => Promise<T>): Promise<T> {
    const handled = new Promise<T>((resolve, reject) => {
      client.once(Events.InteractionCreate, (i) => handle(i).then(resolve, reject));
    });
    const { id } = await fake.sendInteraction(payload);
    const result = await handled;
    assert.equal(typeof id, "string");
    return result;
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      applicationId: APP,
      guilds: [{ id: GUILD, name: "Set A", channels: [{ id: CHANNEL, name: "set-a" }] }],
    });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const clientReady = once(client, Events.ClientReady);
    await client.login(TOKEN);
    await clientReady;
  });

  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  test("login: GET /gateway/bot, IDENTIFY with the token and Guilds intent only, guild cache filled", async () => {
    assert.match(fake.apiUrl, /^http:\/\/127\.0\.0\.1:\d+\/api$/);
    assert.deepEqual(await fake.ready(), { token: TOKEN, intents: 1 });
    const gateway = fake.callsTo("GET", /^\/gateway\/bot$/);
    assert.equal(gateway.length, 1);
    assert.equal(gateway[0]!.status, 200);
    assert.equal(client.user?.id, APP);
    assert.equal(client.application?.id, APP);
    const guild = client.guilds.cache.get(GUILD);
    assert.equal(guild?.name, "Set A");
    assert.equal(guild?.available, true);
    assert.equal(guild?.channels.cache.get(CHANNEL)?.name, "set-a");
    assert.equal(guild?.members.me?.id, APP);
  });

  test("application commands: PUT is returned by GET, with ids assigned", async () => {
    const set = await client.application!.commands.set([{ name: "set", description: "Set commands" }], GUILD);
    const fetched = await client.application!.commands.fetch({ guildId: GUILD });
    assert.deepEqual([...fetched.keys()], [...set.keys()]);
    assert.equal(fetched.first()?.name, "set");
    assert.match(fetched.first()!.id, /^\d{17,20}$/);
    assert.equal(fake.callsTo("PUT", new RegExp(`^/applications/${APP}/guilds/${GUILD}/commands$`)).length, 1);
  });

  test("chat-input command: subcommand + user option parsed, ephemeral reply recorded with flags 64", async () => {
    const seen = await deliver(
      fake.commandInteraction({
        name: "set",
        sub: "presenter",
        options: [{ name: "member", type: 6, value: BOB }],
        userId: ALICE,
        userName: "Alice",
        channelId: CHANNEL,
      }),
      async (i) => {
        assert.ok(i.isChatInputCommand());
        const out = {
          name: i.commandName,
          sub: i.options.getSubcommand(),
          user: i.options.getUser("member", true).id,
          caller: i.user.username,
          guildId: i.guildId,
          channelId: i.channelId,
        };
        await i.reply({ content: "Bob presents next.", flags: MessageFlags.Ephemeral });
        return out;
      },
    );
    assert.deepEqual(seen, { name: "set", sub: "presenter", user: BOB, caller: "Alice", guildId: GUILD, channelId: CHANNEL });
    const [call] = await fake.waitFor("POST", CALLBACK);
    assert.equal(call!.status, 204);
    const body = call!.body as { type: number; data: { content: string; flags: number } };
    assert.equal(body.type, 4);
    assert.equal(body.data.content, "Bob presents next.");
    assert.equal(body.data.flags, 64);
    assert.equal(call!.query.with_response, "false");
  });

  test("button → showModal is recorded as callback type 9; the modal submit's fields are parsed", async () => {
    const before = fake.callsTo("POST", CALLBACK).length;
    await deliver(fake.buttonInteraction({ customId: "log_entry", userId: ALICE, userName: "Alice", channelId: CHANNEL }), async (i) => {
      assert.ok(i.isButton());
      assert.equal(i.customId, "log_entry");
      const input = new TextInputBuilder().setCustomId("text").setLabel("Your reflection").setStyle(TextInputStyle.Paragraph);
      await i.showModal(
        new ModalBuilder()
          .setCustomId("log_entry|reflection")
          .setTitle("Record in my log")
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
      );
    });
    const calls = await fake.waitFor("POST", CALLBACK, before + 1);
    const modal = calls[before]!.body as { type: number; data: { custom_id: string; title: string } };
    assert.equal(modal.type, 9);
    assert.equal(modal.data.custom_id, "log_entry|reflection");
    assert.equal(modal.data.title, "Record in my log");

    const text = await deliver(
      fake.modalSubmitInteraction({
        customId: "log_entry|reflection",
        fields: { text: "I listened more." },
        userId: ALICE,
        userName: "Alice",
        channelId: CHANNEL,
      }),
      async (i) => {
        assert.ok(i.isModalSubmit());
        const value = i.fields.getTextInputValue("text");
        await i.reply({ content: "Saved.", flags: MessageFlags.Ephemeral });
        return value;
      },
    );
    assert.equal(text, "I listened more.");
    assert.equal((await fake.waitFor("POST", CALLBACK, before + 2))[before + 1]!.status, 204);
  });

  test("a 429 with retry_after is honoured: the same call is retried after the wait and succeeds", async () => {
    const channel = client.channels.cache.get(CHANNEL) as TextChannel;
    const before = fake.callsTo("POST", CHANNEL_MESSAGES).length;
    fake.rateLimitNext("POST", CHANNEL_MESSAGES, 1);
    const started = Date.now();
    const message = await channel.send("After the limit");
    const elapsed = Date.now() - started;
    assert.equal(message.content, "After the limit");
    assert.ok(elapsed >= 1000 - 50, `retried after ${elapsed}ms`);
    const calls = fake.callsTo("POST", CHANNEL_MESSAGES).slice(before);
    assert.deepEqual(
      calls.map((c) => c.status),
      [429, 200],
    );
    assert.ok(calls[1]!.at - calls[0]!.at >= 950);
  });

  test("a DM to a user with closed DMs rejects with code 50007", async () => {
    fake.closeDmsOf(BOB);
    await assert.rejects(client.users.send(BOB, "Your turn to present"), (err: unknown) => {
      assert.ok(err instanceof DiscordAPIError);
      assert.equal(err.code, 50007);
      assert.equal(err.status, 403);
      return true;
    });
    const [dm] = fake.callsTo("POST", /^\/users\/@me\/channels$/);
    assert.deepEqual(dm!.body, { recipient_id: BOB });
    assert.equal(fake.callsTo("POST", new RegExp(`^/channels/${fake.dmChannelIdOf(BOB)}/messages$`))[0]?.status, 403);

    const open = await client.users.send(ALICE, "Hello");
    assert.equal(open.channelId, fake.dmChannelIdOf(ALICE));
  });

  test("a DM channel's id is a snowflake, one for each user, the same each time it is opened, and fetchable", async () => {
    // @discordjs/rest gives each channel its own rate-limit queue only for a 17–19-digit id (its major parameter).
    const alice = await client.users.createDM(ALICE, { force: true });
    const bob = await client.users.createDM(BOB, { force: true });
    assert.match(alice.id, /^\d{17,19}$/);
    assert.match(bob.id, /^\d{17,19}$/);
    assert.notEqual(alice.id, bob.id);
    assert.equal((await client.users.createDM(ALICE, { force: true })).id, alice.id);
    assert.equal(fake.dmChannelIdOf(ALICE), alice.id);
    assert.equal(fake.dmUserOf(bob.id), BOB);
    assert.equal(fake.dmUserOf(CHANNEL), undefined);
    assert.equal((await client.channels.fetch(bob.id, { force: true }))?.isDMBased(), true);
  });

  test("an attachment upload is recorded with its bytes", async () => {
    const channel = client.channels.cache.get(CHANNEL) as TextChannel;
    const bytes = Buffer.from("PK\u0003\u0004 pretend docx bytes");
    const message = await channel.send({ content: "Your log", files: [{ attachment: bytes, name: "learning-log.docx" }] });
    assert.equal(message.attachments.first()?.name, "learning-log.docx");
    assert.equal(message.attachments.first()?.size, bytes.length);
    const call = fake.callsTo("POST", CHANNEL_MESSAGES).at(-1)!;
    assert.equal(call.status, 200);
    assert.equal((call.body as { content: string }).content, "Your log");
    assert.equal(call.files.length, 1);
    assert.equal(call.files[0]!.name, "learning-log.docx");
    assert.deepEqual(call.files[0]!.bytes, bytes);
  });

  test("a repeated nonce with enforce_nonce answers with the original message and creates none; otherwise it posts", async () => {
    const channel = client.channels.cache.get(CHANNEL) as TextChannel;
    const count = (content: string) => fake.messagesIn(CHANNEL).filter((m) => m.content === content).length;
    const first = await channel.send({ content: "Only once", nonce: "reminder-1", enforceNonce: true });
    const again = await channel.send({ content: "Only once", nonce: "reminder-1", enforceNonce: true });
    assert.equal(again.id, first.id);
    assert.equal(count("Only once"), 1);
    const [call] = fake.callsTo("POST", CHANNEL_MESSAGES).slice(-1);
    assert.deepEqual(
      [(call!.body as { nonce: string }).nonce, (call!.body as { enforce_nonce: boolean }).enforce_nonce],
      ["reminder-1", true],
    );

    const unenforced = await channel.send({ content: "Only once", nonce: "reminder-1", enforceNonce: false });
    assert.notEqual(unenforced.id, first.id, "without enforce_nonce Discord posts again");
    const other = await channel.send({ content: "Only once", nonce: "reminder-2", enforceNonce: true });
    assert.notEqual(other.id, first.id);
    assert.equal(count("Only once"), 3);

    await assert.rejects(
      channel.send({ content: "Too long", nonce: "n".repeat(26), enforceNonce: true }),
      (err: unknown) => err instanceof DiscordAPIError && err.code === 50035,
    );
  });

  test("unknown routes answer 404 and are recorded", async () => {
    await assert.rejects(client.rest.get("/no/such/route"), (err: unknown) => err instanceof DiscordAPIError && err.status === 404);
    assert.equal(fake.callsTo("GET", /^\/no\/such\/route$/)[0]?.status, 404);
  });
});
