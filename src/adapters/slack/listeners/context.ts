import type { WebClient } from "@slack/web-api";
import type { Deps } from "../../../app/context.ts";
import type { CommandPlace } from "../../../app/destination.ts";
import { type CommandResult, executeCommand, type HandlerIndex } from "../../../app/dispatch.ts";
import { formPresets, PREFILL_LIMIT } from "../../../app/form-presets.ts";
import type { CommandRequest, Interpretation } from "../../../app/interpret.ts";
import { openKeptForm } from "../../../app/kept-form.ts";
import { profileZoneWanted } from "../../../app/profile-zone-wanted.ts";
import { toActor } from "../../../app/reply.ts";
import { type Adapter, sendReplies } from "../../adapter.ts";
import { commandInput } from "../../command-input.ts";
import { commandModal } from "../command-modal.ts";
import { entryModal } from "../entry-modal.ts";
import type { HomePublisher } from "../home-publisher.ts";
import { readSlackMention } from "../render.ts";

/**
/**
 * What every Slack listener is given: the app's dependencies, the handlers, the adapter's one `send`, the publisher
 * that keeps people's Home tabs current, and `profileZone`, which reads a user's profile zone (../profile-zones.ts).
 */
export type SlackListenerContext = {
  deps: Deps;
  handlers: HandlerIndex;
  send: Adapter["send"];
  homes: HomePublisher;
  profileZone: (teamId: string, userId: string) => Promise<string | undefined>;
};

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

/**
 * Runs a command as the place's user in its channel, without sending its replies. For someone the bot has not stored,
 * or whose zone is still the default, their profile's zone is read first (briefly: ../profile-zones.ts) and handed to
 * dispatch, which stores it only if the command writes (docs/architecture.md, "Time zones and where they come from").
 */
export async function execute(ctx: SlackListenerContext, place: SlackPlace, request: CommandRequest): Promise<CommandResult> {
  const wanted = await profileZoneWanted(ctx.deps, place).catch(() => false);
  const profileTimeZone = wanted ? await ctx.profileZone(place.workspaceId, place.userId) : undefined;
  const input = commandInput({ ...place, platform: "slack", readMention: readSlackMention }, request);
  return executeCommand(ctx.deps, ctx.handlers, { ...input, forms: true, ...(profileTimeZone ? { profileTimeZone } : {}) });
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
 * event's trigger), a command runs and its replies are sent, a refusal is told to the user alone; a refusal's
 * kept-words button opens its form with those words, for the set's channel the command ran in.
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
    case "open-kept-form": {
      const opened = await openKeptForm(ctx.deps, place, what.id);
      if (!opened.ok) return sendReplies(ctx.send, [toActor({ text: opened.message })], place);
      return act(ctx, client, triggerId, { ...place, channelId: opened.value.channelId }, opened.value.what);
    }
  }
}
