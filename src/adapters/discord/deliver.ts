import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  DiscordAPIError,
  type Message,
  type MessageCreateOptions,
  MessageFlags,
  type ModalSubmitInteraction,
  type SendableChannels,
} from "discord.js";
import type { Delivery } from "../../app/render-nudge.ts";
import type { Outgoing, Reply } from "../../app/reply.ts";
import type { DmChannel } from "../../scheduler/deliver.ts";
import { reminderNonce } from "./message-nonce.ts";
import { replyMessages } from "./render.ts";

/** An interaction the bot answers with an ephemeral reply (deferred first when the command is slow or posts elsewhere). */
export type ReplyInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Discord's error for a user who does not accept DMs from the bot. */
const CANNOT_DM = 50007;

/** A reminder's send options: Discord returns the earlier message for a repeated nonce instead of posting again. */
type Once = { nonce: string; enforceNonce: true };

const channel = async (client: Client, id: string) => (await client.channels.fetch(id)) as SendableChannels;

/** Sends the messages in order, `once` on each (its nonce told apart by position); resolves with the first. */
async function sendAll(target: { send(m: MessageCreateOptions): Promise<Message> }, messages: MessageCreateOptions[], once?: Once) {
  let first: Message | undefined;
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
async function sendDm(client: Client, userId: string, setChannelId: string, reply: Reply, once?: Once, dm?: DmChannel): Promise<Message> {
  const messages = replyMessages(reply, setChannelId);
  try {
    if (!dm?.id) return await sendAll(await openDm(client, userId, dm, false), messages, once);
    try {
      return await sendAll(await channel(client, dm.id), messages, once);
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

/**
 * Posts a command's replies: the actor's as the ephemeral reply (the edit of the deferred one, or the interaction's
 * own answer when it was not deferred; then ephemeral follow-ups), the channel's in the set's channel (another
 * set's in that one), DMs by DM; a reply too long for one message runs on in more. With nothing for the actor, the
 * reply says where the answer went.
 */
export async function deliverOutgoing(client: Client, interaction: ReplyInteraction, outgoing: Outgoing[], setChannelId: string) {
  let answered = false;
  const answer = async (message: ReturnType<typeof replyMessages>[number]) => {
    if (answered) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    else if (interaction.deferred || interaction.replied) await interaction.editReply(message);
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    answered = true;
  };
  for (const out of outgoing) {
    const messages = replyMessages(out.reply, setChannelId);
    if (out.audience.kind === "actor") {
      for (const message of messages) await answer(message);
    } else if (out.audience.kind === "channel") {
      await sendAll(await channel(client, setChannelId), messages);
    } else if (out.audience.kind === "set-channel") {
      await sendAll(await channel(client, out.audience.channelId), replyMessages(out.reply, out.audience.channelId));
    } else {
      await sendDm(client, out.audience.externalId, setChannelId, out.reply);
    }
  }
  if (!answered) await answer({ content: "Done: posted in the channel." });
}

/**
 * A reminder from the scheduler: a DM (or its closed-DM fallback) or a post in the set's channel, sent with a nonce
 * from `key` so a resend within Discord's nonce window returns the message already posted; a DM goes to the channel
 * cached in `dm` (see sendDm). Resolves with the id of its (first) message.
 */
export async function deliverReminder(client: Client, d: Delivery, key: string, dm?: DmChannel): Promise<string> {
  const once: Once = { nonce: reminderNonce(key), enforceNonce: true };
  const sent =
    d.to.kind === "dm"
      ? await sendDm(client, d.to.externalId, d.channelId, d.reply, once, dm)
      : await sendAll(await channel(client, d.channelId), replyMessages(d.reply, d.channelId), once);
  return sent.id;
}
