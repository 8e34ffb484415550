import { type Client, MessageFlags } from "discord.js";
import type { CommandInput, Deps } from "../../../app/context.ts";
import type { CommandPlace, Destination } from "../../../app/destination.ts";
import { type CommandResult, executeCommand, type HandlerIndex } from "../../../app/dispatch.ts";
import { formPresets, PREFILL_LIMIT } from "../../../app/form-presets.ts";
import type { CommandRequest, Interpretation } from "../../../app/interpret.ts";
import { openKeptForm } from "../../../app/kept-form.ts";
import type { Reply } from "../../../app/reply.ts";
import { sendReplies } from "../../adapter.ts";
import { commandInput } from "../../command-input.ts";
import { commandModal } from "../command-modal.ts";
import { type DiscordSendOptions, InteractionAnswer, type ReplyInteraction } from "../deliver.ts";
import { chooseKindModal, entryModal } from "../entry-modal.ts";
import { discordMentionReader } from "../render.ts";

/** What every Discord listener is given: the app's dependencies, the handlers, the client and the adapter's one `send`. */
export type DiscordListenerContext = {
  deps: Deps;
  handlers: HandlerIndex;
  client: Client;
  send: (destination: Destination, reply: Reply, options?: DiscordSendOptions) => Promise<string | undefined>;
};

/** How long a command may run before its interaction is deferred (Discord wants an answer within 3 seconds). */
const DEFER_AFTER_MS = 1_500;

/**
 * Runs the command as the interaction's user for the set in `setChannelId` and sends its replies. A command whose
 * only answer is to its user, ready within `DEFER_AFTER_MS`, is answered in the interaction's callback itself: one
 * request, which discord.js sends outside its global rate limit (docs/scaling.md). Any other is deferred (ephemeral)
 * first, as Discord wants an answer within 3 seconds, and its replies follow. With nothing for the actor, the
 * interaction's answer says where the replies went. `names`: the users' names Discord gave with the options.
 */
async function run(
  ctx: DiscordListenerContext,
  interaction: ReplyInteraction,
  setChannelId: string,
  request: CommandRequest,
  names = new Map<string, string>(),
  readVoiceChannel?: CommandInput["readVoiceChannel"],
): Promise<void> {
  const defer = () => interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let deferral: Promise<unknown> | undefined;
  const timer = interaction.deferred || interaction.replied ? undefined : setTimeout(() => (deferral = defer()), DEFER_AFTER_MS);
  const place: CommandPlace = {
    platform: "discord",
    workspaceId: interaction.guildId ?? "",
    channelId: setChannelId,
    userId: interaction.user.id,
  };
  const userName = interaction.user.globalName ?? interaction.user.username;
  const input = {
    ...commandInput(
      {
        ...place,
        platform: "discord",
        userName,
        readMention: discordMentionReader(names),
        ...(readVoiceChannel ? { readVoiceChannel } : {}),
      },
      request,
    ),
    forms: true,
  };
  let result: CommandResult;
  try {
    result = await executeCommand(ctx.deps, ctx.handlers, input);
  } finally {
    clearTimeout(timer);
    await deferral;
  }
  const actorOnly = result.outgoing.every((o) => o.audience.kind === "actor");
  if (!actorOnly && !interaction.deferred && !interaction.replied) await defer();
  const answering = new InteractionAnswer(interaction);
  await sendReplies(ctx.send, result.outgoing, place, { answering });
  if (!answering.answered) await answering.answer({ content: "Done: posted in the channel." });
}

/**
 * Does what the app made of an interaction (src/app/interpret.ts) on Discord: a form opens as a modal
 * (`showModal`; a submitted modal cannot open one, and says so), a command runs, a refusal is the ephemeral answer;
 * a refusal's kept-words button opens its form with those words, for the set's channel the command ran in.
 * `readVoiceChannel` reads the slash command's voice channel options, when it has any (./slash-command.ts).
 */
export async function act(
  ctx: DiscordListenerContext,
  interaction: ReplyInteraction,
  setChannelId: string,
  what: Interpretation,
  names?: Map<string, string>,
  readVoiceChannel?: CommandInput["readVoiceChannel"],
): Promise<void> {
  if (what.kind === "run") return run(ctx, interaction, setChannelId, what.request, names, readVoiceChannel);
  if (what.kind === "refuse-form" || interaction.isModalSubmit()) {
    const content = what.kind === "refuse-form" ? what.message : "A form cannot open another form.";
    return void (await interaction.reply({ content, flags: MessageFlags.Ephemeral }));
  }
  if (what.kind === "open-kept-form") {
    const presser = { platform: "discord", workspaceId: interaction.guildId ?? "", userId: interaction.user.id };
    const opened = await openKeptForm(ctx.deps, presser, what.id);
    if (!opened.ok) return void (await interaction.reply({ content: opened.message, flags: MessageFlags.Ephemeral }));
    return act(ctx, interaction, opened.value.channelId, opened.value.what, names);
  }
  if (what.kind === "open-command-form") {
    const place = { platform: "discord", workspaceId: interaction.guildId ?? "", channelId: setChannelId, userId: interaction.user.id };
    const given = await formPresets(ctx.deps, place, what.form, what.given, PREFILL_LIMIT.discord);
    return void (await interaction.showModal(commandModal(setChannelId, what.form, given)));
  }
  // Without a kind (a saved message's form), the form offers the kinds: `/log` alone is a choice of subcommands on
  // Discord, so it never asks for this.
  if (!what.entryKind) return void (await interaction.showModal(chooseKindModal(setChannelId, what.given)));
  await interaction.showModal(entryModal(setChannelId, what.entryKind, what.given));
}
