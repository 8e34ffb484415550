import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { executeJoin } from "../../../../app/dispatch.ts";
import { sendReplies } from "../../../adapter.ts";
import { type SlackListenerContext, slackPlace } from "../context.ts";

/**
 * Someone joined a channel: the welcome, if it is a set's channel they are not in (src/app/welcome.ts). A retried
 * event is handled once, whichever process it reaches: dispatch records the ids in the database.
 */
export const memberJoined =
  (ctx: SlackListenerContext) =>
  async ({ event, body }: SlackEventMiddlewareArgs<"member_joined_channel"> & AllMiddlewareArgs): Promise<void> => {
    const place = slackPlace(body.team_id, event.channel, event.user);
    const { seenBefore, outgoing } = await executeJoin(ctx.deps, { ...place, eventId: body.event_id });
    if (seenBefore) return void ctx.deps.logger.debug({ eventId: body.event_id }, "slack event seen before: ignored");
    await sendReplies(ctx.send, outgoing, place);
  };
