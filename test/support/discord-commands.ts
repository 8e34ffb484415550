/**
 * A command line run as a Discord person in a set's channel, as the Discord adapter runs it (dispatch, then the
 * replies for others sent through the adapter), for the tests that drive discord.js against the local fake.
 */
import assert from "node:assert/strict";
import { sendReplies } from "../../src/adapters/adapter.ts";
import type { DiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import type { Deps } from "../../src/app/context.ts";
import { executeCommand } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";

/**
 * A runner for `ids` (name → Discord user id) in guild `guildId`: `run(who, text, channelId)` runs `text` as `who`,
 * asserts it succeeded, sends its replies (the actor's own are the interaction's answer, left out) and resolves with
 * the result. A mention `<@id>` of one of `ids` reads as that person.
 */
export function discordRunner<Who extends string>(
  deps: () => Deps,
  adapter: () => DiscordAdapter,
  guildId: string,
  ids: Record<Who, string>,
) {
  return async (who: Who, text: string, channelId: string) => {
    const place = { platform: "discord", workspaceId: guildId, channelId, userId: ids[who] };
    const result = await executeCommand(deps(), handlers, {
      ...place,
      user: { externalId: ids[who], displayName: who },
      readMention: (token) => {
        const found = (Object.entries(ids) as [string, string][]).find(([, id]) => token === `<@${id}>`);
        return found ? { externalId: found[1], displayName: found[0] } : null;
      },
      text,
    });
    assert.ok(result.ok, `${text}: ${JSON.stringify(result.outgoing.map((o) => o.reply.text))}`);
    await sendReplies(
      adapter().send,
      result.outgoing.filter((o) => o.audience.kind !== "actor"),
      place,
    );
    return result;
  };
}
