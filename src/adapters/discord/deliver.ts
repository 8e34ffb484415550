import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  DiscordAPIError,
  type MessageContextMenuCommandInteraction,
  type MessageCreateOptions,
  MessageFlags,
  MessagePayload,
  type ModalSubmitInteraction,
  type RESTPostAPIChannelMessageResult,
  Routes,
  type SendableChannels,
} from "discord.js";
import type { Destination } from "../../app/destination.ts";
import type { Reply } from "../../app/reply.ts";
import type { DmChannel } from "../../scheduler/deliver.ts";
import type { SendOptions } from "../adapter.ts";
import { reminderNonce } from "./message-nonce.ts";
import { type DiscordMessage, replyMessages } from "./render.ts";

/** An interaction the bot answers with an ephemeral reply (deferred first when the command is slow or posts elsewhere). */
export type ReplyInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | ModalSubmitInteraction;

/** Discord's error for a user who does not accept DMs from the bot. */
const CANNOT_DM = 50007;

/** A reminder's send options: Discord returns the earlier message for a repeated nonce instead of posting again. */
type Once = { nonce: string; enforceNonce: true };

const channel = async (client: Client, id: string) => (await client.channels.fetch(id)) as SendableChannels;

/** Where messages can be sent; what is kept of a sent one is its id. */
type Target = { send(m: MessageCreateOptions): Promise<{ id: string }> };

/**
 * A channel to post in by its id alone: the channel discord.js holds, or else a post to its route without fetching
 * it first, so a DM channel cached on the person (Person.dmChannelId) costs one call after a restart, not two.
 * The payload is built as discord.js builds a channel's (the bot's user lends it the client's options; these
 * messages reply to nothing, which is all a payload's target is otherwise read for).
 */
function channelById(client: Client, id: string): Target {
  return {
    async send(m) {
      const held = client.channels.cache.get(id);
      if (held?.isSendable()) return held.send(m);
      if (!client.user) throw new Error("the Discord client is not logged in");
      const { body, files } = await MessagePayload.create(client.user, m).resolveBody().resolveFiles();
      return (await client.rest.post(Routes.channelMessages(id), { body, files: files ?? [] })) as RESTPostAPIChannelMessageResult;
    },
  };
}

/** Sends the messages in order, `once` on each (its nonce told apart by position); resolves with the first. */
async function sendAll(target: Target, messages: MessageCreateOptions[], once?: Once) {
  let first: { id: string } | undefined;
  for (const [i, m] of messages.entries()) {
    const sent = await target.send({
      ...m,
      ...(once ? { ...once, nonce: i === 0 ? once.nonce : reminderNonce(`${once.nonce}#${i}`) } : {}),
    });
    first ??= sent;
  }
  return first!;
}

/** Discord's error for a channel that does not exist (any more): a cached DM channel gone stale. */
const UNKNOWN_CHANNEL = 10003;

const isDiscordError = (error: unknown, code: number) => error instanceof DiscordAPIError && error.code === code;

/** Opens the bot's DM channel with a user (discord.js reuses one it holds unless `force`) and saves it in `dm`. */
async function openDm(client: Client, userId: string, dm: DmChannel | undefined, force: boolean): Promise<SendableChannels> {
  const opened = await client.users.createDM(userId, { force });
  await dm?.save(opened.id);
  return opened;
}

/**
 * A DM, or — when the member has closed their DMs — the same message in the set's channel, addressed to them (the
 * mention in the content, where Discord notifies it). The DM goes to the channel cached in `dm` when there is one
 * (opened, and saved, only when there is none, or again once when Discord no longer knows the cached one). `once`
 * goes on whichever is sent. Resolves with the message.
 */
async function sendDm(
  client: Client,
  userId: string,
  setChannelId: string,
  reply: Reply,
  once?: Once,
  dm?: DmChannel,
): Promise<{ id: string }> {
  const messages = replyMessages(reply, setChannelId);
  try {
    if (!dm?.id) return await sendAll(await openDm(client, userId, dm, false), messages, once);
    try {
      return await sendAll(channelById(client, dm.id), messages, once);
    } catch (error) {
      if (!isDiscordError(error, UNKNOWN_CHANNEL)) throw error;
      return await sendAll(await openDm(client, userId, dm, true), messages, once);
    }
  } catch (error) {
    if (!isDiscordError(error, CANNOT_DM)) throw error;
    const notice = `<@${userId}>, your direct messages are closed, so here it is:`;
    const fallback = replyMessages(reply, setChannelId, notice).map((m) => ({ ...m, allowedMentions: { users: [userId] } }));
    return sendAll(await channel(client, setChannelId), fallback, once);
  }
}

/** The interaction a command's replies answer, and whether it has been answered yet. */
export class InteractionAnswer {
  #answered = false;

  constructor(private readonly interaction: ReplyInteraction) {}

  get answered(): boolean {
    return this.#answered;
  }

  /** The next message to the actor alone: the edit of the deferred reply, the interaction's own answer, then ephemeral follow-ups. */
  async answer(message: DiscordMessage): Promise<void> {
    if (this.#answered) await this.interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    else if (this.interaction.deferred || this.interaction.replied) await this.interaction.editReply(message);
    else await this.interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    this.#answered = true;
  }
}

/** Discord's send options: `answering`, the interaction whose actor a reply to the actor alone answers. */
export type DiscordSendOptions = SendOptions & { answering?: InteractionAnswer };

/**
 * Sends one reply to its destination, as several messages when it is too long for one; buttons in it run their
 * command in the destination's set channel:
 * - the channel: posted there;
 * - the actor alone: the ephemeral answer to `options.answering` (Discord shows ephemeral messages only in answer to
 *   an interaction; without one this throws);
 * - a DM, or its closed-DM fallback in the set's channel; to the channel cached in `options.dm` (see sendDm).
 * With `options.key` (a reminder) every message carries a nonce from it, so a resend within Discord's nonce window
 * returns the message already posted. Resolves with the id of the (first) posted message; none for the actor's.
 */
export async function sendToDiscord(
  client: Client,
  destination: Destination,
  reply: Reply,
  options: DiscordSendOptions = {},
): Promise<string | undefined> {
  const { channelId, to } = destination;
  if (to.kind === "actor") {
    if (!options.answering) throw new Error("a reply to the actor alone answers an interaction, and none was given");
    for (const message of replyMessages(reply, channelId)) await options.answering.answer(message);
    return undefined;
  }
  const once: Once | undefined = options.key ? { nonce: reminderNonce(options.key), enforceNonce: true } : undefined;
  const sent =
    to.kind === "dm"
      ? await sendDm(client, to.externalId, channelId, reply, once, options.dm)
      : await sendAll(await channel(client, channelId), replyMessages(reply, channelId), once);
  return sent.id;
}
