import { isStoppable, type StoppableKind } from "../domain/reminders/catalog.ts";
import type { PlannedNudge } from "../domain/reminders/types.ts";
import type { NudgeView } from "../store/nudge-state.ts";
import { messageInput } from "./reminder-message.ts";
import { REMINDER_MESSAGES } from "./reminder-messages.ts";
import type { Button, Reply } from "./reply.ts";

/** A reminder ready to hand to the platform adapter that owns its set's workspace. */
export type Delivery = {
  platform: string;
  workspaceId: string;
  channelId: string;
  to: { kind: "channel" } | { kind: "dm"; externalId: string; displayName: string; timeZone: string };
  reply: Reply;
};

/** Stops this kind of reminder only (`/nudge off` stops them all); the reply offers an undo. */
const stopKind = (kind: StoppableKind): Button => ({ id: `stop-${kind}`, label: "Stop these", command: `/nudge off kind:${kind}` });

/**
 * The delivery of one planned nudge: its kind's message (src/app/reminder-messages.ts), with "Stop these" last on
 * every kind a person can stop, addressed to the channel or the recipient's DM. The nudge's set, recipient and
 * subject come from the same load as the plan, so each is in the view; one missing is an error, not a message.
 */
export function renderNudge(n: PlannedNudge, view: NudgeView): Delivery {
  const set = view.sets.get(n.setId);
  if (!set) throw new Error(`The set of reminder ${n.key} is not in the view`);
  const person = n.to.kind === "person" ? view.people.get(n.to.personId) : null;
  if (person === undefined) throw new Error(`The recipient of reminder ${n.key} is not in the view`);
  const reply = REMINDER_MESSAGES[n.kind].reply(messageInput(n, set, view));
  const kind = n.kind;
  return {
    platform: set.platform,
    workspaceId: set.workspaceExternalId,
    channelId: set.channelId,
    to: person ? { kind: "dm", ...person } : { kind: "channel" },
    reply: isStoppable(kind) ? { ...reply, buttons: [...(reply.buttons ?? []), stopKind(kind)] } : reply,
  };
}
