/**
 * `npm run commands:deploy`: registers the Discord commands generated from commands/ — to one guild
 * (DISCORD_GUILD_ID, instant, for development) or globally — sending only what changed.
 */
import { pathToFileURL } from "node:url";
import { REST, Routes } from "discord.js";
import { commandsToSync, type RegisteredCommand } from "../src/adapters/discord/deploy-diff.ts";
import { discordRegistration } from "../src/adapters/discord/slash-commands.ts";

export async function deployCommands(
  env: { token: string; applicationId: string; guildId?: string; apiUrl?: string },
  log: (line: string) => void,
): Promise<void> {
  const rest = new REST(env.apiUrl ? { api: env.apiUrl } : {}).setToken(env.token);
  const route = env.guildId
    ? Routes.applicationGuildCommands(env.applicationId, env.guildId)
    : Routes.applicationCommands(env.applicationId);
  const one = (id: string) =>
    env.guildId ? Routes.applicationGuildCommand(env.applicationId, env.guildId, id) : Routes.applicationCommand(env.applicationId, id);
  const existing = (await rest.get(route)) as RegisteredCommand[];
  const sync = commandsToSync(existing, discordRegistration());
  for (const command of sync.create) await rest.post(route, { body: command });
  for (const { id, command } of sync.update) await rest.patch(one(id), { body: command });
  for (const { id } of sync.remove) await rest.delete(one(id));
  const where = env.guildId ? `guild ${env.guildId}` : "all guilds (global)";
  const named = (c: { type: number; name: string }) => (c.type === 3 ? `"${c.name}" (message command)` : `/${c.name}`);
  const changed = [
    ...sync.create.map((c) => `created ${named(c)}`),
    ...sync.update.map((u) => `updated ${named(u.command)}`),
    ...sync.remove.map((r) => `removed /${r.name}`),
  ];
  log(
    changed.length
      ? `Discord commands for ${where}: ${changed.join(", ")}.`
      : `Discord commands for ${where} are up to date: nothing sent.`,
  );
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: apiUrl } = process.env;
  if (!token || !applicationId) {
    console.error("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID to deploy to one server). See .env.example.");
    process.exit(2);
  }
  deployCommands({ token, applicationId, ...(guildId ? { guildId } : {}), ...(apiUrl ? { apiUrl } : {}) }, console.log).catch(
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
