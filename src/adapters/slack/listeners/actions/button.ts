import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from "@slack/bolt";
import { interpret } from "../../../../app/interpret.ts";
import { decodeButton } from "../../../../app/reply.ts";
import { act, type SlackListenerContext, slackPlace } from "../context.ts";

/** A button of ours pressed: its value carries the set's channel and the command line it asks for. */
export const buttonPressed =
  (ctx: SlackListenerContext) =>
  async ({ ack, body, action, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (body.type !== "block_actions" || action.type !== "button") return;
    const target = decodeButton(action.value ?? "");
    if (!target) return;
    const place = slackPlace(body.team?.id, target.channelId, body.user.id, body.user.name);
    await act(ctx, client, body.trigger_id, place, interpret({ kind: "pressed", line: target.command }, { forms: true }));
  };
