import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Interpretation } from "../../../../app/interpret.ts";
import { execute, type SlackListenerContext, type SlackPlace, sendResult, slackPlace } from "../context.ts";

/** The arguments Bolt gives a listener for a submitted modal. */
export type ViewSubmitted = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** How a form shows a refusal: on the field of the option it names when the form has one (`onForm`), else on `fallback`. */
export type FormFields = { onForm: (name: string) => boolean; fallback: string };

/**
 * Answers a submitted form from what the app made of it: a refusal stays on the open form (on its field, see
 * FormFields), as does a command's refusal; an accepted command closes the form and its replies are sent.
 */
export async function submitForm(
  ctx: SlackListenerContext,
  { ack, body }: ViewSubmitted,
  channelId: string,
  what: Interpretation,
  fields: FormFields,
) {
  if (what.kind === "refuse-form") return void (await ack(fieldErrors(what.message, what.field, fields)));
  if (what.kind !== "run") return void (await ack());
  const place: SlackPlace = slackPlace(body.team?.id, channelId, body.user.id, body.user.name);
  const result = await execute(ctx, place, what.request);
  if (!result.ok) return void (await ack(fieldErrors(result.outgoing.map((o) => o.reply.text).join(" "), result.option, fields)));
  await ack();
  await sendResult(ctx, place, result);
}

/** A refusal under one block of the form, cut to Slack's 150 characters: Slack keeps the modal open and shows it there. */
function fieldErrors(message: string, option: string | undefined, { onForm, fallback }: FormFields) {
  const block = option !== undefined && onForm(option) ? option : fallback;
  return { response_action: "errors" as const, errors: { [block]: message.slice(0, 150) } };
}
