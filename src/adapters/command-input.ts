import type { UserRef } from "../../commands/define.ts";
import type { CommandInput } from "../app/context.ts";
import type { CommandPlace } from "../app/destination.ts";
import type { CommandRequest } from "../app/interpret.ts";
import type { Platform } from "./adapter.ts";

/** Who ran a command and where, as the platform reports it. */
export type CommandOrigin = CommandPlace & {
  platform: Platform;
  /** The platform's name for the user; a missing or blank one falls back to the user's id. */
  userName?: string | null | undefined;
  readMention: (token: string) => UserRef | null;
  /** Where the platform has voice channels (Discord): reads a voice channel option (see CommandInput). */
  readVoiceChannel?: CommandInput["readVoiceChannel"];
};

/** The one way every adapter hands a command to dispatch. */
export function commandInput(origin: CommandOrigin, request: CommandRequest): CommandInput {
  const { userId, userName, ...where } = origin;
  return { ...where, user: { externalId: userId, displayName: userName?.trim() || userId }, ...request };
}
