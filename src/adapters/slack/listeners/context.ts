import type { WebClient } from "@slack/web-api";
import type { Deps } from "../../../app/context.ts";
import type { CommandPlace } from "../../../app/destination.ts";
import { type CommandResult, executeCommand, type HandlerIndex } from "../../../app/dispatch.ts";
import { formPresets, PREFILL_LIMIT } from "../../../app/form-presets.ts";
import type { CommandRequest, Interpretation } from "../../../app/interpret.ts";
import { toActor } from "../../../app/reply.ts";
import { type Adapter, sendReplies } from "../../adapter.ts";
import { commandInput } from "../../command-input.ts";
import { commandModal } from "../command-modal.ts";
import { entryModal } from "../entry-modal.ts";
import type { HomePublisher } from "../home-publisher.ts";
import { readSlackMention } from "../render.ts";

/**
 * What every Slack listener is given: the app's dependencies, the handlers, the adapter's one `send`, and the
 * publisher that keeps people's Home tabs current.
 */
export type SlackListenerContext = { deps: Deps; handlers: HandlerIndex; send: Adapter["send"]; homes: HomePublisher };

/** Where a Slack request ran (the team, the set's channel, the user), with the name Slack gives the user. */
export type SlackPlace = CommandPlace & { userName?: string | undefined };

/** The place of a Slack request: `teamId` (empty when Slack gives none), the set's channel, the user. */
export const slackPlace = (teamId: string | undefined, channelId: string, userId: string, userName?: string): SlackPlace => ({
  platform: "slack",
  workspaceId: teamId ?? "",
  channelId,
  userId,
  userName,
});

/** Runs a command as the place's user in its channel, without sending its replies. */
export function execute(ctx: SlackListenerContext, place: SlackPlace, request: CommandRequest): Promise<CommandResult> {
  return executeCommand(ctx.deps, ctx.handlers, commandInput({ ...place, platform: "slack", readMention: readSlackMention }, request));
}

/**
 * Sends a command's replies from where it ran. A command that changed something also has the Home tabs it may show
 * on published again, later and coalesced (../home-publisher.ts): the command waits for none of it.
 */
export function sendResult(ctx: SlackListenerContext, place: SlackPlace, result: CommandResult): Promise<void> {
  if (result.changed) ctx.homes.changed(place);
  return sendReplies(ctx.send, result.outgoing, place);
}

/**
 * Does what the app made of an event (src/app/interpret.ts) on Slack: a form opens as a modal (`views.open` with the
 * event's trigger), a command runs and its replies are sent, a refusal is told to the user alone.
 */
export async function act(ctx: SlackListenerContext, client: WebClient, triggerId: string, place: SlackPlace, what: Interpretation) {
  switch (what.kind) {
    case "open-entry-form":
      return void (await client.views.open({ trigger_id: triggerId, view: entryModal(place.channelId, what.entryKind, what.given) }));
    case "open-command-form": {
      const given = await formPresets(ctx.deps, place, what.form, what.given, PREFILL_LIMIT.slack);
      return void (await client.views.open({ trigger_id: triggerId, view: commandModal(place.channelId, what.form, given) }));
    }
    case "run":
      return sendResult(ctx, place, await execute(ctx, place, what.request));
    case "refuse-form":
      return sendReplies(ctx.send, [toActor({ text: what.message })], place);
  }
}
