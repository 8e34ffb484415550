import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type MessageCreateOptions } from "discord.js";
import { encodeButton, type Reply, renderTimes, splitText, type TimeStyle } from "../../app/reply.ts";

/** Discord's limits: embed description and count, fields and their sizes, buttons per row and rows, custom ids. */
export const DISCORD_LIMITS = {
  description: 4096,
  embeds: 10,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  label: 80,
} as const;

const STYLES: Record<TimeStyle, string> = { full: "f", date: "D", time: "t" };

/** Our time markers as Discord timestamps, which every reader sees in their own zone. */
export const discordText = (text: string) => renderTimes(text, (d, style) => `<t:${Math.floor(d.getTime() / 1000)}:${STYLES[style]}>`);

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A button's custom id: the set's channel and its command, within Discord's 100 characters. */
export const buttonId = (channelId: string, command: string) => cut(encodeButton(channelId, command), DISCORD_LIMITS.customId);

/** A Reply as embeds, button rows and attachments, within Discord's limits; buttons run in `channelId`. */
export function replyMessage(reply: Reply, channelId: string): Pick<MessageCreateOptions, "embeds" | "components" | "files"> {
  const embeds = splitText(discordText(reply.text), DISCORD_LIMITS.description)
    .slice(0, DISCORD_LIMITS.embeds)
    .map((piece) => new EmbedBuilder().setDescription(piece || "\u200b"));
  const fields = (reply.fields ?? []).slice(0, DISCORD_LIMITS.fields).map((f) => ({
    name: cut(discordText(f.label), DISCORD_LIMITS.fieldName),
    value: cut(discordText(f.value), DISCORD_LIMITS.fieldValue) || "\u200b",
  }));
  if (fields.length) embeds.at(-1)!.addFields(fields);
  const buttons = (reply.buttons ?? []).slice(0, DISCORD_LIMITS.buttonsPerRow * DISCORD_LIMITS.rows).map((b) =>
    new ButtonBuilder()
      .setCustomId(buttonId(channelId, b.command))
      .setLabel(cut(b.label, DISCORD_LIMITS.label))
      .setStyle(b.style === "primary" ? ButtonStyle.Primary : b.style === "danger" ? ButtonStyle.Danger : ButtonStyle.Secondary),
  );
  const components: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow)
    components.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow)));
  const files = (reply.files ?? []).map(
    (f) => new AttachmentBuilder(typeof f.content === "string" ? Buffer.from(f.content, "utf8") : Buffer.from(f.content), { name: f.name }),
  );
  return { embeds, components, files };
}

/** `<@123>` / `<@!123>` (how Discord writes a mention) or a bare id → the user; names from the interaction's resolved users. */
export function discordMentionReader(names: ReadonlyMap<string, string>) {
  return (token: string) => {
    const m = /^(?:<@!?(\d{5,25})>|(\d{5,25}))$/.exec(token.trim());
    const id = m?.[1] ?? m?.[2];
    return id ? { externalId: id, displayName: names.get(id) ?? `user ${id}` } : null;
  };
}
