import { ENTRY_MAX_CHARS } from "../../commands/log.ts";
import { isEntryKind } from "../domain/draft/entry-kind.ts";
import { findKeptText, KEPT_TEXT_DAYS } from "../store/kept-texts.ts";
import { findPerson, findWorkspace } from "../store/people.ts";
import { commandFormByKey } from "./command-form.ts";
import type { Deps } from "./context.ts";
import { entryFormFields } from "./entry-form.ts";
import { type Interpretation, keptFormLine } from "./interpret.ts";
import type { Button } from "./reply.ts";
import { failure, type Result, success } from "./result.ts";

/**
 * A refused command's words kept for its form (docs/architecture.md, "Kept words"): on a platform with forms the
 * refusal carries a button that opens the command's form (the entry form for `/log KIND`) with the options and the
 * text filled in exactly as given. A button carries at most 100 characters on Discord, so the words are stored
 * (src/store/kept-texts.ts) and the button names them by id; only the person who typed them can open them.
 */

/** The button under a refusal that opens the form with the kept words (`id`: the kept row). */
export const keptFormButton = (id: string): Button => ({
  id: "kept-form",
  label: "Open the form with my words",
  command: keptFormLine(id),
  style: "primary",
});

/** What a field of the form that would open can hold: its name and its limit in characters. */
type Carried = { name: string; max: number }[];

/** The fields of the form for `key`: the entry form's for `/log KIND`, else the command's form; undefined without one. */
function fieldsFor(key: string): Carried | undefined {
  const kind = /^log (\S+)$/.exec(key)?.[1];
  if (kind && isEntryKind(kind)) {
    // The entry form's fields are short inputs of 300 characters (src/adapters/*/entry-modal.ts); its text the entry's.
    return [{ name: "text", max: ENTRY_MAX_CHARS }, ...entryFormFields(kind).map((f) => ({ name: f.name, max: 300 }))];
  }
  const form = commandFormByKey(key);
  return form?.fields.map((f) => ({ name: f.name, max: f.input === "text" ? f.max : 100 }));
}

/**
 * Whether the form for `key` can hold every option given, each whole (a text longer than its field is not cut: the
 * refusal's copy of the command is then the only way back, as on the console). Options given blank are left out.
 */
export function formHolds(key: string, raw: Record<string, string>): boolean {
  const fields = fieldsFor(key);
  if (!fields) return false;
  return Object.entries(raw).every(([name, value]) => {
    if (value.trim() === "") return true;
    const field = fields.find((f) => f.name === name);
    return field !== undefined && value.length <= field.max;
  });
}

/**
 * What a press of a kept-words button opens: the form of the kept command, filled with its options as given, for the
 * set's channel the command ran in. Refused when the words are no longer kept (after a week, or forgotten) or the
 * presser is not the person who typed them. Reads only.
 */
export async function openKeptForm(
  deps: Deps,
  presser: { platform: string; workspaceId: string; userId: string },
  id: string,
): Promise<Result<{ channelId: string; what: Interpretation }>> {
  const kept = await findKeptText(deps.db, id);
  const gone = `Those words are no longer kept (they are kept for ${KEPT_TEXT_DAYS} days): type the command again.`;
  if (!kept) return failure("not-found", gone);
  const workspace = await findWorkspace(deps.db, presser.platform, presser.workspaceId);
  const person = workspace && (await findPerson(deps.db, workspace.id, presser.userId));
  if (person?.id !== kept.personId) return failure("forbidden", "Those words are someone else's: only they can open them.");
  const kind = /^log (\S+)$/.exec(kept.key)?.[1];
  if (kind && isEntryKind(kind))
    return success({ channelId: kept.channelId, what: { kind: "open-entry-form", entryKind: kind, given: kept.raw } });
  const form = commandFormByKey(kept.key);
  if (!form) return failure("not-found", gone);
  return success({ channelId: kept.channelId, what: { kind: "open-command-form", form, given: kept.raw } });
}
