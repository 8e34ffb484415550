import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackListenerContext } from "../context.ts";

/**
 * Someone opened the app's Home tab: their Home is published (src/app/home.ts, coalesced by ../../home-publisher.ts).
 * Opening the Messages tab sends the same event with `tab: "messages"`, which is ignored. Nothing is written, so a
 * retried event only publishes the same view again.
 */
export const appHomeOpened =
  (ctx: SlackListenerContext) =>
  async ({ event, body }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== "home") return;
    ctx.homes.opened(body.team_id, event.user);
  };
