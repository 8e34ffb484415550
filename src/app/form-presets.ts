import { formText, sectionFragments, type WriteTarget } from "../domain/draft-writeup.ts";
import { WRITE_SECTIONS, type WriteSection } from "../domain/entry-kind.ts";
import { findPerson, findWorkspace } from "../store/people.ts";
import { findSetByChannel } from "../store/sets.ts";
import type { CommandForm } from "./command-form.ts";
import type { Deps } from "./context.ts";
import { loadDraftInput } from "./draft-input.ts";

/** How long a pre-filled text may be on each platform: Slack's plain_text_input initial_value, Discord's text input value. */
export const PREFILL_LIMIT = { slack: 3000, discord: 4000 } as const;

/**
 * The values a form opens with: what the command line gave, and for a form the core fills (`CommandForm.prefilled`:
 * `/log write`), the member's own notes for the section, within `limit` characters and the field's own limit. Reads
 * only; where there is no set, no such member or no section given, the form opens with what was given.
 */
export async function formPresets(
  deps: Deps,
  where: { platform: string; workspaceId: string; channelId: string; userId: string },
  form: CommandForm,
  given: Record<string, string>,
  limit: number,
): Promise<Record<string, string>> {
  if (!form.prefilled || given.text !== undefined) return given;
  const section = WRITE_SECTIONS.find((s) => s === given.section?.trim());
  if (!section) return given;
  const workspace = await findWorkspace(deps.db, where.platform, where.workspaceId);
  const set = workspace && (await findSetByChannel(deps.db, workspace.id, where.channelId));
  const me = workspace && (await findPerson(deps.db, workspace.id, where.userId));
  if (!set || !me || !set.memberships.some((m) => m.person.id === me.id && m.role === "member")) return given;
  const input = await loadDraftInput(deps.db, set, me, deps.clock.now());
  const field = form.fields.find((f) => f.name === "text");
  const max = Math.min(limit, field?.input === "text" ? field.max : limit);
  const text = formText(sectionFragments(input, target(section, given)), max);
  return text ? { ...given, text } : given;
}

const number = (s: string | undefined) => (s && /^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);
function target(section: WriteSection, given: Record<string, string>): WriteTarget {
  const problem = number(given.problem);
  const goal = number(given.goal);
  return { section, ...(problem !== undefined ? { problem } : {}), ...(goal !== undefined ? { goal } : {}) };
}
