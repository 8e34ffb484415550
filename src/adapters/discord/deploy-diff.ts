import type { DiscordApplicationCommand as DiscordCommand } from "./slash-commands.ts";

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
          channel_types: o.channel_types ?? null,
          options: strip(o.options ?? []),
        }))
      : [];
  return JSON.stringify({
    type: c.type ?? 1,
    name: c.name,
    description: c.description,
    default_member_permissions: c.default_member_permissions ?? null,
    options: strip(c.options ?? []),
  });
}

/** A command's identity at Discord: its type and name (a chat-input and a message command may share a name). */
const identity = (c: { type?: unknown; name: string }) => `${String(c.type ?? 1)}:${c.name}`;

/**
 * What to send so Discord holds exactly `wanted`: new commands, changed ones, and ones no longer declared, each
 * command known by its type and name.
 */
export function commandsToSync(existing: RegisteredCommand[], wanted: DiscordCommand[]): CommandSync {
  const byIdentity = new Map(existing.map((c) => [identity(c), c]));
  const sync: CommandSync = { create: [], update: [], remove: [] };
  for (const command of wanted) {
    const current = byIdentity.get(identity(command));
    if (!current) sync.create.push(command);
    else if (comparable(current) !== comparable(command)) sync.update.push({ id: current.id, command });
  }
  const identities = new Set(wanted.map(identity));
  for (const c of existing) if (!identities.has(identity(c))) sync.remove.push({ id: c.id, name: c.name });
  return sync;
}
