import type { UserRef } from "../../commands/define.ts";
import { type CommandForm, readCommandForm } from "../app/command-form.ts";
import type { CommandInput } from "../app/context.ts";
import type { EntryKind } from "../domain/entry-kind.ts";
import type { Platform } from "./adapter.ts";

/**
 * What a platform event asks to run: a command line (typed on the console or in Slack's `/als`, or carried by a
 * button), or a command's key with each option's raw text (Discord's native options, the entry form).
 */
export type CommandRequest = { text: string } | { key: string; raw: Record<string, string> };

/** Who ran a command and where, as the platform reports it. */
export type CommandOrigin = {
  platform: Platform;
  /** The platform's workspace (Slack team, Discord guild, the console's one workspace). */
  workspaceId: string;
  /** The set's channel: where the command was typed, or the channel a button or form carries. */
  channelId: string;
  userId: string;
  /** The platform's name for the user; a missing or blank one falls back to the user's id. */
  userName?: string | null | undefined;
  readMention: (token: string) => UserRef | null;
};

/** The one way every adapter hands a command to dispatch. */
export function commandInput(origin: CommandOrigin, request: CommandRequest): CommandInput {
  const { userId, userName, ...where } = origin;
  return { ...where, user: { externalId: userId, displayName: userName?.trim() || userId }, ...request };
}

/** A submitted entry form: `/log KIND` with the text exactly as written, and the other fields filled in (by option name). */
export function entryFormRequest(kind: EntryKind, text: string, fields: Record<string, string> = {}): CommandRequest {
  return { key: `log ${kind}`, raw: { ...fields, text } };
}

/** A submitted command form (src/app/command-form.ts): its command, with each filled field as the option's raw text. */
export function commandFormRequest(form: CommandForm, values: Record<string, string | undefined>): CommandRequest {
  return { key: form.key, raw: readCommandForm(form, values) };
}
