import type { types } from "@slack/bolt";
import { type Button, encodeButton, type Reply, splitText, type TimeStyle } from "../../app/reply.ts";

/** Slack's limits: a section's text, a field, fields per section, elements per actions block, blocks per message. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  field: 2000,
  fieldsPerSection: 10,
  actionsPerBlock: 25,
  blocksPerMessage: 50,
  buttonValue: 2000,
} as const;

const TIME_MARKER = /<time:(-?\d+):(full|date|time)>/g;
const DATE_TOKENS: Record<TimeStyle, string> = { full: "{date_short_pretty} {time}", date: "{date_short_pretty}", time: "{time}" };

/** Escapes Slack's control characters in text while turning our time markers into `<!date^…>` tokens. */
export function slackText(text: string): string {
  const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(TIME_MARKER)) {
    out += escapeText(text.slice(last, m.index));
    const secs = Number(m[1]);
    const fallback = `${new Date(secs * 1000).toISOString().replace("T", " ").slice(0, 16)} UTC`;
    out += `<!date^${secs}^${DATE_TOKENS[m[2] as TimeStyle]}|${fallback}>`;
    last = m.index! + m[0].length;
  }
  return out + escapeText(text.slice(last));
}

export type SlackBlock = types.KnownBlock;

/**
 * A Reply as Block Kit: text in sections within Slack's limits, fields, and buttons whose value runs
 * their command in `channelId`. Returns the blocks and the plain-text fallback Slack requires.
 */
export function replyBlocks(reply: Reply, channelId: string): { text: string; blocks: SlackBlock[] } {
  const text = slackText(reply.text);
  const blocks: SlackBlock[] = splitText(text, SLACK_LIMITS.sectionText).map(
    (piece) => ({ type: "section", text: { type: "mrkdwn", text: piece || " " } }) as const,
  );
  const fields = (reply.fields ?? []).map((f) => ({
    type: "mrkdwn" as const,
    text: `*${slackText(f.label)}*\n${slackText(f.value)}`.slice(0, SLACK_LIMITS.field),
  }));
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection)
    blocks.push({ type: "section", fields: fields.slice(i, i + SLACK_LIMITS.fieldsPerSection) });
  const buttons = (reply.buttons ?? []).map((b: Button) => ({
    type: "button" as const,
    action_id: b.id,
    text: { type: "plain_text" as const, text: b.label.slice(0, 75) },
    value: encodeButton(channelId, b.command).slice(0, SLACK_LIMITS.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  }));
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsPerBlock)
    blocks.push({ type: "actions", elements: buttons.slice(i, i + SLACK_LIMITS.actionsPerBlock) });
  return { text: text.slice(0, SLACK_LIMITS.sectionText), blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage) };
}

/** `<@U123>` or `<@U123|ben>` (how Slack escapes a mention) → the user. */
export function readSlackMention(token: string): { externalId: string; displayName: string } | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|([^>]+))?>$/.exec(token.trim());
  return m ? { externalId: m[1]!, displayName: m[2] ?? m[1]! } : null;
}
