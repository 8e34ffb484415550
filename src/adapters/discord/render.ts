import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type MessageCreateOptions } from "discord.js";
import { encodeButton, type Reply, renderTimes, type TimeStyle } from "../../app/reply.ts";
import { cutNotice, fullTextFile, splitToFit } from "../fit-reply.ts";

/**
 * Discord's limits: a message's content, embeds and their total size, an embed's description and fields, a field's
 * name and value, buttons per row and rows, files per message and an attachment's description (alt text), custom ids
 * and labels.
 */
const DISCORD_LIMITS = {
  content: 2000,
  description: 4096,
  embeds: 10,
  embedChars: 6000,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  buttonsPerRow: 5,
  rows: 5,
  files: 10,
  attachmentDescription: 1024,
  customId: 100,
  label: 80,
} as const;

/** The most messages one reply becomes; a longer reply is cut, with a pointer to the whole of it in a file. */
export const MAX_DISCORD_MESSAGES = 5;

const STYLES: Record<TimeStyle, string> = { full: "f", date: "D", time: "t" };

/** Our time markers as Discord timestamps, which every reader sees in their own zone. */
const discordText = (text: string) => renderTimes(text, (d, style) => `<t:${Math.floor(d.getTime() / 1000)}:${STYLES[style]}>`);

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A button's custom id: the set's channel and its command, within Discord's 100 characters. */
const buttonId = (channelId: string, command: string) => cut(encodeButton(channelId, command), DISCORD_LIMITS.customId);

/** One message to send (or to edit into an interaction's reply). */
export type DiscordMessage = Pick<MessageCreateOptions, "content" | "embeds" | "components" | "files">;

type Part = { description: string } | { field: { name: string; value: string } };
type Page = { embeds: EmbedBuilder[]; chars: number };

/**
 * A Reply as Discord messages within Discord's limits: the text in embed descriptions of at most 4,096 characters
 * (split at line breaks, never inside a timestamp), fields 25 to an embed with names of at most 256 characters and
 * values of at most 1,024 (a longer value continues in the next field), at most 10 embeds and 6,000 characters of
 * them a message. Content never gets cut to fit: it runs on into further messages; buttons go 5 to a row and 5 rows
 * to a message, and they and the files come after the text. A reply that would need more than MAX_DISCORD_MESSAGES
 * for its text is cut there with a pointer line, and its whole text comes as a file. `content` (a line above the
 * embeds, e.g. a mention that should notify) goes on the first message, within 2,000 characters. Buttons run
 * their command in `channelId`.
 */
export function replyMessages(reply: Reply, channelId: string, content?: string): DiscordMessage[] {
  const { pages, isCut } = packPages(replyParts(reply));
  const messages: DiscordMessage[] = pages.map((p) => ({ embeds: p.embeds }));
  const buttons = (reply.buttons ?? []).map((b) =>
    new ButtonBuilder()
      .setCustomId(buttonId(channelId, b.command))
      .setLabel(cut(b.label, DISCORD_LIMITS.label))
      .setStyle(b.style === "primary" ? ButtonStyle.Primary : b.style === "danger" ? ButtonStyle.Danger : ButtonStyle.Secondary),
  );
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow)
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow)));
  const files = [...(reply.files ?? []), ...(isCut ? [fullTextFile(reply)] : [])].map(
    (f) =>
      new AttachmentBuilder(typeof f.content === "string" ? Buffer.from(f.content, "utf8") : Buffer.from(f.content), {
        name: f.name,
        ...(f.altText ? { description: cut(f.altText, DISCORD_LIMITS.attachmentDescription) } : {}),
      }),
  );
  appendInBatches(messages, "components", rows, DISCORD_LIMITS.rows);
  appendInBatches(messages, "files", files, DISCORD_LIMITS.files);
  if (content !== undefined) messages[0]!.content = cut(content, DISCORD_LIMITS.content);
  return messages;
}

/** The reply's text as description pieces, then its fields, a long value continued in further fields. */
function replyParts(reply: Reply): Part[] {
  const parts: Part[] = [];
  const text = discordText(reply.text);
  if (text || !reply.fields?.length)
    for (const piece of splitToFit(text, DISCORD_LIMITS.description)) parts.push({ description: piece || "\u200b" });
  for (const f of reply.fields ?? []) {
    const name = cut(discordText(f.label), DISCORD_LIMITS.fieldName);
    splitToFit(discordText(f.value), DISCORD_LIMITS.fieldValue).forEach((value, i) => {
      parts.push({ field: { name: i === 0 ? name : cut(`${name} (continued)`, DISCORD_LIMITS.fieldName), value: value || "\u200b" } });
    });
  }
  return parts;
}

/**
 * The parts in order as embeds, packed into pages (messages) of at most 10 embeds and 6,000 characters; fields join
 * the embed before them while it has fewer than 25. Past MAX_DISCORD_MESSAGES pages the rest is dropped and the
 * last page ends with the pointer to the file (`isCut`).
 */
function packPages(parts: Part[]): { pages: Page[]; isCut: boolean } {
  const pages: Page[] = [];
  for (const part of parts) {
    const size = "description" in part ? part.description.length : part.field.name.length + part.field.value.length;
    const page = pages.at(-1);
    const embed = page?.embeds.at(-1);
    const joinsEmbed = "field" in part && embed !== undefined && (embed.data.fields?.length ?? 0) < DISCORD_LIMITS.fields;
    if (page && page.chars + size <= DISCORD_LIMITS.embedChars && (joinsEmbed || page.embeds.length < DISCORD_LIMITS.embeds)) {
      if ("field" in part && joinsEmbed) embed!.addFields(part.field);
      else page.embeds.push(embedOf(part));
      page.chars += size;
    } else if (pages.length < MAX_DISCORD_MESSAGES) {
      pages.push({ embeds: [embedOf(part)], chars: size });
    } else {
      endWithPointer(pages.at(-1)!);
      return { pages, isCut: true };
    }
  }
  return { pages, isCut: false };
}

const embedOf = (part: Part) =>
  "description" in part ? new EmbedBuilder().setDescription(part.description) : new EmbedBuilder().addFields(part.field);

/** Drops the page's last embeds until the pointer to the full text fits after them as one more. */
function endWithPointer(page: Page): void {
  const notice = cutNotice("Discord", MAX_DISCORD_MESSAGES);
  while (page.embeds.length >= DISCORD_LIMITS.embeds || page.chars + notice.length > DISCORD_LIMITS.embedChars) {
    const dropped = page.embeds.pop()!.data;
    page.chars -= (dropped.description?.length ?? 0) + (dropped.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  page.embeds.push(new EmbedBuilder().setDescription(notice));
}

/** Puts `items` on the last message, `per` at most, and the rest on further messages of their own. */
function appendInBatches<K extends "components" | "files">(
  messages: DiscordMessage[],
  key: K,
  items: NonNullable<DiscordMessage[K]>,
  per: number,
) {
  for (let i = 0; i < items.length; i += per) {
    const batch = items.slice(i, i + per) as DiscordMessage[K];
    const last = messages.at(-1);
    if (i === 0 && last && last[key] === undefined) last[key] = batch;
    else messages.push({ [key]: batch });
  }
}

/** `<@123>` / `<@!123>` (how Discord writes a mention) or a bare id → the user; names from the interaction's resolved users. */
export function discordMentionReader(names: ReadonlyMap<string, string>) {
  return (token: string) => {
    const m = /^(?:<@!?(\d{5,25})>|(\d{5,25}))$/.exec(token.trim());
    const id = m?.[1] ?? m?.[2];
    return id ? { externalId: id, displayName: names.get(id) ?? `user ${id}` } : null;
  };
}
