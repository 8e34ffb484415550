import type { App } from "@slack/bolt";
import { COMMAND_MODAL } from "../command-modal.ts";
import { ENTRY_MODAL } from "../entry-modal.ts";
import { buttonPressed } from "./actions/button.ts";
import { alsCommand } from "./commands/als.ts";
import type { SlackListenerContext } from "./context.ts";
import { appHomeOpened } from "./events/app-home-opened.ts";
import { memberJoined } from "./events/member-joined.ts";
import { SAVE_TO_LOG, saveToLog } from "./shortcuts/save-to-log.ts";
import { commandFormSubmitted } from "./views/command-form.ts";
import { entryFormSubmitted } from "./views/entry-form.ts";

/**
 * Every Slack listener, registered in this one place (one listener per file beside it). Each only reads its request
 * into the app's terms and does what the app answers; every request is acknowledged at once, the work follows.
 */
export function registerListeners(app: App, ctx: SlackListenerContext): void {
  app.command("/als", alsCommand(ctx));
  app.action(/.+/, buttonPressed(ctx));
  app.view(ENTRY_MODAL, entryFormSubmitted(ctx));
  app.view(COMMAND_MODAL, commandFormSubmitted(ctx));
  app.event("member_joined_channel", memberJoined(ctx));
  app.event("app_home_opened", appHomeOpened(ctx));
  app.shortcut({ type: "message_action", callback_id: SAVE_TO_LOG }, saveToLog(ctx));
}
