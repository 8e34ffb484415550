import { ENTRY_MAX_CHARS } from "../../commands/log.ts";
import { meetingOfDay } from "../domain/set/meeting-of-day.ts";
import { listMeetings } from "../store/meetings.ts";
import { findPerson, findWorkspace } from "../store/people.ts";
import { findSetByChannel, listSetsOfPerson, type SetWithPeople } from "../store/sets.ts";
import type { Deps } from "./context.ts";
import type { CommandPlace } from "./destination.ts";
import type { Interpretation } from "./interpret.ts";

/** A chat message someone chose "Save to my log" on (commands/shortcuts.ts), as their platform gave it. */
export type ChosenMessage = {
  /** Its words as written (the platform's own markup for mentions kept, as in a typed command). */
  text: string;
  /** Its author's platform user id; undefined when the platform names none (an app's message). */
  authorId: string | undefined;
  /** When it was sent. */
  sentAt: Date;
};

/** What "Save to my log" opens: in which set's channel the form's `/log` will run, and the form or a refusal. */
export type SavedMessageForm = {
  /** The channel of the set the entry is saved to (where the form was opened when it is no set's). */
  channelId: string;
  what: Extract<Interpretation, { kind: "open-entry-form" | "refuse-form" }>;
};

const refuse = (channelId: string, message: string): SavedMessageForm => ({ channelId, what: { kind: "refuse-form", message } });

/**
 * What "Save to my log" on a message means for the person at `place` (its channel is the message's): the entry form
 * for them to choose the kind, pre-filled with the message's text exactly as written and, when the set met on the day
 * the message was sent (read in the set's zone), that meeting (`given.meeting`: its number); submitting it is the
 * normal `/log KIND` (src/app/interpret.ts), in the set's channel. The set is the one of the message's channel when
 * the person is one of its members (any message there may be saved); for a message of their own elsewhere, their one
 * active set in that workspace. Refused, with the reason, for someone else's message outside the person's set's
 * channel, for a person in no set or in several (the channel does not say which), for an archived set, and for a
 * message with no text or longer than an entry may be. Reads only: nothing is stored until the form is submitted.
 */
export async function savedMessageForm(deps: Deps, place: CommandPlace, message: ChosenMessage): Promise<SavedMessageForm> {
  const here = place.channelId;
  if (message.text.trim() === "") return refuse(here, "That message has no text to save (only files or embeds): nothing was saved.");
  if (message.text.length > ENTRY_MAX_CHARS)
    return refuse(
      here,
      `That message has ${message.text.length} characters; an entry holds at most ${ENTRY_MAX_CHARS}. Nothing was saved: copy the part worth keeping into /log.`,
    );
  const { db } = deps;
  const workspace = await findWorkspace(db, place.platform, place.workspaceId);
  const me = workspace && (await findPerson(db, workspace.id, place.userId));
  const setHere = workspace && (await findSetByChannel(db, workspace.id, here));
  const isMember = (set: SetWithPeople) => me !== null && set.memberships.some((m) => m.person.id === me.id && m.role === "member");
  const own = message.authorId !== undefined && message.authorId === place.userId;
  let set: SetWithPeople;
  if (setHere && isMember(setHere)) set = setHere;
  else if (!own)
    return refuse(
      here,
      setHere
        ? `Only members of "${setHere.name}" can save its channel's messages to their log; you can save your own messages. Nothing was saved.`
        : "You can save your own messages, or any message in your set's channel; this one is neither, so nothing was saved.",
    );
  else {
    const mine = me ? (await listSetsOfPerson(db, me.id)).filter((s) => s.archivedAt === null && isMember(s)) : [];
    if (mine.length === 0)
      return refuse(here, "You are not a member of an action learning set here, so there is no log to save to. Nothing was saved.");
    if (mine.length > 1)
      return refuse(
        here,
        `You are a member of ${mine.length} sets (${mine.map((s) => `"${s.name}"`).join(", ")}): save the message from the set's own channel, or copy it into /log there. Nothing was saved.`,
      );
    set = mine[0]!;
  }
  if (set.archivedAt)
    return refuse(set.channelId, `The set "${set.name}" is archived: nothing more can be added to its logs. Nothing was saved.`);
  const held = meetingOfDay(await listMeetings(db, set.id), message.sentAt, set.timeZone);
  return {
    channelId: set.channelId,
    what: { kind: "open-entry-form", given: { text: message.text, ...(held ? { meeting: String(held.number) } : {}) } },
  };
}
