import type { DiscordCommand } from "./slash-commands.ts";

/** A command as Discord returns it: ours plus its id and bookkeeping fields. */
export type RegisteredCommand = { id: string; name: string } & Record<string, unknown>;

export type CommandSync = {
  create: DiscordCommand[];
  update: { id: string; command: DiscordCommand }[];
  remove: { id: string; name: string }[];
};

/** The fields Discord keeps that we declare, with its defaults filled in, so equal commands compare equal. */
function comparable(c: Record<string, unknown>): string {
  const strip = (options: unknown): unknown =>
    Array.isArray(options)
      ? options.map((o: Record<string, unknown>) => ({
          type: o.type,
          name: o.name,
          description: o.description,
          required: o.required ?? false,
          choices: o.choices ?? null,
          min_value: o.min_value ?? null,
          max_value: o.max_value ?? null,
          autocomplete: o.autocomplete ?? false,
          options: strip(o.options ?? []),
        }))
      : [];
  return JSON.stringify({
    name: c.name,
    description: c.description,
    default_member_permissions: c.default_member_permissions ?? null,
    options: strip(c.options ?? []),
  });
}

/** What to send so Discord holds exactly `wanted`: new commands, changed ones, and ones no longer declared. */
export function commandsToSync(existing: RegisteredCommand[], wanted: DiscordCommand[]): CommandSync {
  const byName = new Map(existing.map((c) => [c.name, c]));
  const sync: CommandSync = { create: [], update: [], remove: [] };
  for (const command of wanted) {
    const current = byName.get(command.name);
    if (!current) sync.create.push(command);
    else if (comparable(current) !== comparable(command)) sync.update.push({ id: current.id, command });
  }
  const names = new Set(wanted.map((c) => c.name));
  for (const c of existing) if (!names.has(c.name)) sync.remove.push({ id: c.id, name: c.name });
  return sync;
}
