import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { interpret } from "../../../../app/interpret.ts";
import { typedCommandText } from "../../command-text.ts";
import { act, type SlackListenerContext, slackPlace } from "../context.ts";

/** The one slash command, `/als`: its text is a command line of the vocabulary without the slash (empty: help). */
export const alsCommand =
  (ctx: SlackListenerContext) =>
  async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text = typedCommandText(command.text).trim();
    const place = slackPlace(command.team_id, command.channel_id, command.user_id, command.user_name);
    await act(ctx, client, command.trigger_id, place, interpret({ kind: "typed", line: `/${text || "help"}` }, { forms: true }));
  };
