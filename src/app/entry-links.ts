import { DateTime } from "luxon";
import { countOwnOfKind, findNthOwnEntry } from "../store/entries.ts";
import type { SetContext } from "./context.ts";
import { at } from "./reply.ts";
import { failure, type Result, success } from "./result.ts";

/**
 * The entry a `goal:N` or `problem:N` option names: the member's Nth goal or problem, as their draft numbers them
 * ("Goal 2", "Problem 3"). `0` (allowed where `removable`) removes the link: null. Undefined when not given.
 */
export async function resolveLink(
  ctx: SetContext,
  kind: "goal" | "problem",
  n: number | undefined,
  removable = false,
): Promise<Result<{ id: string; number: number } | null | undefined>> {
  if (n === undefined) return success(undefined);
  if (n === 0 && removable) return success(null);
  const entry = n >= 1 ? await findNthOwnEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, kind, n) : null;
  if (entry) return success({ id: entry.id, number: entry.number });
  const count = await countOwnOfKind(ctx.deps.db, ctx.set.id, ctx.actor.id, kind);
  const Kind = kind === "goal" ? "Goal" : "Problem";
  const have =
    count === 0
      ? `you have no ${kind} yet: record one with /log ${kind} text:"…"`
      : `you have ${count} (${Kind} 1${count > 1 ? ` to ${Kind} ${count}` : ""}, as your draft numbers them)`;
  return failure("not-found", `Option ${kind}: there is no ${Kind} ${n}; ${have}.`);
}

/**
 * When an action given `due:` falls due: the end of that calendar day in the member's zone (the start of the next
 * day), so it is due once the day is over. Refused when that is already past.
 */
export function dueAtFor(ctx: SetContext, due: Date): Result<Date> {
  const dueAt = DateTime.fromJSDate(due, { zone: ctx.actor.timeZone }).plus({ days: 1 }).startOf("day").toJSDate();
  if (dueAt <= ctx.now) return failure("bad-option", `Option due: ${at(due, "date")} is in the past.`);
  return success(dueAt);
}
