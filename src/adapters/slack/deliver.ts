import type { WebClient } from "@slack/web-api";
import type { Destination } from "../../app/destination.ts";
import type { FileOut, Reply } from "../../app/reply.ts";
import type { SendOptions } from "../adapter.ts";
import { replyMessages, type SlackMessage } from "./render.ts";

async function dmChannel(client: WebClient, userId: string, token: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId, token });
  return opened.channel!.id!;
}

async function upload(client: WebClient, channelId: string, file: FileOut, token: string): Promise<void> {
  const content = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
  await client.filesUploadV2({
    channel_id: channelId,
    file: content,
    filename: file.name,
    title: file.name,
    ...(file.altText ? { alt_text: file.altText } : {}),
    token,
  });
}

/** Slack's errors for a DM channel id that no longer takes messages (the cache is stale): open it again. */
const STALE_CHANNEL = new Set(["channel_not_found", "is_archived"]);

const slackError = (error: unknown) => (error as { data?: { error?: unknown } }).data?.error;

/**
 * Where a reply is sent from: the Web API client, the workspace's bot token, and the pace of posts to its
 * destination (resolves when the next may go).
 */
export type SlackSender = { client: WebClient; token: string; pace?: () => Promise<void> };

/**
 * Sends one reply, with its workspace's bot token, to its destination — as several messages when it is too long for
 * one; buttons in it run their command in the destination's set channel:
 * - the channel: posted there, then its files;
 * - the actor alone: ephemeral messages in the channel, its files to the actor's DM (Slack has no ephemeral files);
 * - a DM: to the channel cached in `options.dm`; only when there is none is it opened (`conversations.open`) and
 *   saved, and a cached channel Slack no longer knows is opened again and saved, once. The actor's files go the
 *   same way, with `options.dm` the actor's DM channel.
 * Each message posted to the channel or DM first waits for `pace` (one a second per channel, ./channel-pace.ts).
 * Resolves with the first posted message's `ts` (none for an ephemeral one). Throws if Slack refuses.
 */
export async function sendToSlack(
  { client, token, pace }: SlackSender,
  destination: Destination,
  reply: Reply,
  { dm }: SendOptions = {},
): Promise<string | undefined> {
  const { channelId, to } = destination;
  const {
    messages: [first, ...rest],
    files,
  } = replyMessages(reply, channelId);
  const open = async (externalId: string) => {
    const opened = await dmChannel(client, externalId, token);
    await dm?.save(opened);
    return opened;
  };
  if (to.kind === "actor") {
    for (const m of [first, ...rest]) if (m) await client.chat.postEphemeral({ token, channel: channelId, user: to.userId, ...m });
    if (files.length) {
      let own = dm?.id ?? (await open(to.userId));
      try {
        await upload(client, own, files[0]!, token);
      } catch (error) {
        if (!dm?.id || !STALE_CHANNEL.has(String(slackError(error)))) throw error;
        own = await open(to.userId);
        await upload(client, own, files[0]!, token);
      }
      for (const f of files.slice(1)) await upload(client, own, f, token);
    }
    return undefined;
  }
  const post = async (channel: string, m: SlackMessage | undefined) => {
    if (!m) return undefined;
    await pace?.();
    return (await client.chat.postMessage({ token, channel, ...m })).ts;
  };
  let channel = to.kind === "channel" ? channelId : (dm?.id ?? (await open(to.externalId)));
  let ts: string | undefined;
  try {
    ts = await post(channel, first);
  } catch (error) {
    if (to.kind !== "dm" || !dm?.id || !STALE_CHANNEL.has(String(slackError(error)))) throw error;
    channel = await open(to.externalId);
    ts = await post(channel, first);
  }
  for (const m of rest) await post(channel, m);
  for (const f of files) await upload(client, channel, f, token);
  return ts;
}
