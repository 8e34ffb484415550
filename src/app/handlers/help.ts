import { type CommandDecl, commandKey, usage } from "../../../commands/define.ts";
import { allCommands, help } from "../../../commands/index.ts";
import { handlerWithoutSet } from "../context.ts";
import { toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

/** Who may run a command, as help and the user guide's command table say it. */
export const whoLabel: Record<CommandDecl["who"], string> = {
  anyone: "anyone",
  participant: "members and advisors",
  member: "members",
  advisor: "advisors only",
};

/** The whole help text, generated from the declarations in commands/. */
function helpText(commands: readonly CommandDecl[] = allCommands): string {
  const lines = ["Commands (options are written name:value; a value runs to the next option or the end of the line, as written):"];
  for (const d of commands) lines.push(`${usage(d)} — ${d.summary}${d.who === "advisor" ? " (advisors only)" : ""}`);
  lines.push('More on one command: /help command:"meeting schedule"');
  return lines.join("\n");
}

/** One command in detail: usage, who may run it, each option, examples. */
function commandHelp(d: CommandDecl): string {
  const options = Object.entries(d.options).map(([name, o]) => `  ${name}:${o.required ? "" : " (optional)"} ${o.description}`);
  return [
    `${usage(d)}`,
    d.summary,
    ...(d.details ? [d.details] : []),
    `Who: ${whoLabel[d.who]}.`,
    ...(options.length ? ["Options:", ...options] : []),
    "Examples:",
    ...d.examples.map((e) => `  ${e}`),
  ].join("\n");
}

export default handlerWithoutSet(help, async (_ctx, { command }) => {
  if (!command) return success([toActor({ text: helpText() })]);
  const wanted = command.replace(/^\//, "").trim().toLowerCase().replace(/\s+/g, " ");
  const matches = allCommands.filter((d) => commandKey(d) === wanted || d.name === wanted);
  if (matches.length === 0) return failure("unknown-command", `No command "${command}". Type /help for the list.`);
  return success([toActor({ text: matches.map(commandHelp).join("\n\n") })]);
});
