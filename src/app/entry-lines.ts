/**
 * How an entry of a log is shown in lists and before it is deleted, the same for a member's log (`/log`) and an
 * advisor's facilitation log (`/facilitation`): `#3 <date> · goal (Goal 1): text (edited)`, the text whole.
 */
import { at, type Outgoing, toActor } from "./reply.ts";

type Shown = { number: number; createdAt: Date; kind: string; text: string; editedAt?: Date | null };

/** One entry in one line: number, day, kind with its labels, the text as written, and "(edited)" once edited. */
export function entryLine(e: Shown, labels: string[] = []): string {
  return `#${e.number} ${at(e.createdAt, "date")} · ${e.kind}${labels.length ? ` (${labels.join(", ")})` : ""}: ${e.text}${e.editedAt ? " (edited)" : ""}`;
}

/**
 * The question asked before deleting an entry: the entry whole (so it is recognisable, and can be recorded again
 * from the reply), what else the deletion changes (`consequence`), and a button that runs `command` to confirm.
 */
export function deleteConfirmation(e: Shown, command: string, consequence = ""): Outgoing {
  return toActor({
    text: `Delete this entry? It cannot be undone.\n${entryLine({ ...e, editedAt: null })}${consequence}`,
    buttons: [
      { id: `${command.split(" ")[0]!.slice(1)}-delete-${e.number}`, label: `Delete entry #${e.number}`, command, style: "danger" },
    ],
  });
}
