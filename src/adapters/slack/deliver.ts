import type { WebClient } from "@slack/web-api";
import type { Delivery } from "../../app/render-nudge.ts";
import type { FileOut, Outgoing } from "../../app/reply.ts";
import type { DmChannel } from "../../scheduler/deliver.ts";
import { replyMessages, type SlackMessage } from "./render.ts";

/** Where a command was run: its channel and the user who ran it. */
export type SlackPlace = { channelId: string; userId: string };

async function dmChannel(client: WebClient, userId: string, token?: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId, ...(token ? { token } : {}) });
  return opened.channel!.id!;
}

async function upload(client: WebClient, channelId: string, file: FileOut, token?: string): Promise<void> {
  const content = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
  await client.filesUploadV2({
    channel_id: channelId,
    file: content,
    filename: file.name,
    title: file.name,
    ...(file.altText ? { alt_text: file.altText } : {}),
    ...(token ? { token } : {}),
  });
}

/**
 * Posts one reply where it belongs: the channel, another set's channel, the actor alone (ephemeral; files go to
 * their DM, as Slack has no ephemeral files), or a DM — as several messages when it is too long for one. Buttons
 * in it run their command in the set's channel (another set's: in that one).
 */
export async function deliverOutgoing(client: WebClient, out: Outgoing, place: SlackPlace): Promise<void> {
  const setChannel = out.audience.kind === "set-channel" ? out.audience.channelId : place.channelId;
  const { messages, files } = replyMessages(out.reply, setChannel);
  if (out.audience.kind === "channel" || out.audience.kind === "set-channel") {
    for (const m of messages) await client.chat.postMessage({ channel: setChannel, ...m });
    for (const f of files) await upload(client, setChannel, f);
  } else if (out.audience.kind === "actor") {
    for (const m of messages) await client.chat.postEphemeral({ channel: place.channelId, user: place.userId, ...m });
    if (files.length) {
      const dm = await dmChannel(client, place.userId);
      for (const f of files) await upload(client, dm, f);
    }
  } else {
    const dm = await dmChannel(client, out.audience.externalId);
    for (const m of messages) await client.chat.postMessage({ channel: dm, ...m });
    for (const f of files) await upload(client, dm, f);
  }
}

/** Slack's errors for a DM channel id that no longer takes messages (the cache is stale): open it again. */
const STALE_CHANNEL = new Set(["channel_not_found", "is_archived"]);

const slackError = (error: unknown) => (error as { data?: { error?: unknown } }).data?.error;

/**
 * A reminder from the scheduler, with its workspace's bot token: a DM to its recipient or a post in the
 * set's channel (in several messages if it is too long for one). A DM goes to the channel cached in `dm`;
 * only when there is none is it opened (`conversations.open`) and saved, and a cached channel Slack no longer
 * knows is opened again and saved, once. Returns the first message's `ts`, which the outbox records. Throws if
 * Slack refuses.
 */
export async function deliverReminder(client: WebClient, d: Delivery, token: string, dm?: DmChannel): Promise<string | undefined> {
  const {
    messages: [first, ...rest],
    files,
  } = replyMessages(d.reply, d.channelId);
  const post = async (channel: string, m: SlackMessage | undefined) =>
    m ? (await client.chat.postMessage({ token, channel, ...m })).ts : undefined;
  const open = async () => {
    const opened = await dmChannel(client, (d.to as { externalId: string }).externalId, token);
    await dm?.save(opened);
    return opened;
  };
  let channel = d.to.kind === "channel" ? d.channelId : (dm?.id ?? (await open()));
  let ts: string | undefined;
  try {
    ts = await post(channel, first);
  } catch (error) {
    if (d.to.kind !== "dm" || !dm?.id || !STALE_CHANNEL.has(String(slackError(error)))) throw error;
    channel = await open();
    ts = await post(channel, first);
  }
  for (const m of rest) await post(channel, m);
  for (const f of files) await upload(client, channel, f, token);
  return ts;
}
