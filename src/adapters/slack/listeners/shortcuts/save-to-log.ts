import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { MessageShortcutId } from "../../../../../commands/shortcuts.ts";
import { savedMessageForm } from "../../../../app/saved-message.ts";
import { typedCommandText } from "../../command-text.ts";
import { act, type SlackListenerContext, slackPlace } from "../context.ts";

/** The `callback_id` of the "Save to my log" message shortcut (commands/shortcuts.ts). */
export const SAVE_TO_LOG = "save_to_log" satisfies MessageShortcutId;

/**
 * "Save to my log" chosen on a message (a `message_action` payload): the app decides (src/app/saved-message.ts);
 * the entry form opens with the message's text as the person wrote it (Slack's entities read back, its mentions
 * kept as in a typed command), for the set's channel it is saved to. A refusal answers through the payload's
 * `response_url`, which reaches the person in any channel, the bot's or not.
 */
export const saveToLog =
  (ctx: SlackListenerContext) =>
  async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const place = slackPlace(shortcut.team?.id, shortcut.channel.id, shortcut.user.id, shortcut.user.name ?? shortcut.user.username);
    const message = {
      text: typedCommandText(shortcut.message.text ?? ""),
      authorId: shortcut.message.user,
      sentAt: new Date(Math.round(Number(shortcut.message.ts) * 1000)),
    };
    const form = await savedMessageForm(ctx.deps, place, message);
    if (form.what.kind === "refuse-form")
      return void (await respond({ response_type: "ephemeral", replace_original: false, text: form.what.message }));
    await act(ctx, client, shortcut.trigger_id, { ...place, channelId: form.channelId }, form.what);
  };
