import type { types } from "@slack/bolt";
import { type Button, encodeButton, type FileOut, type Reply, type TimeStyle } from "../../app/reply.ts";
import { cutNotice, fullTextFile, splitToFit } from "../fit-reply.ts";

/** Slack's limits: a section's text, a field, fields per section, elements per actions block, blocks per message. */
const SLACK_LIMITS = {
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

type SlackBlock = types.KnownBlock;

/** One message for chat.postMessage / chat.postEphemeral: blocks and the plain-text fallback Slack wants with them. */
export type SlackMessage = { text: string; blocks: SlackBlock[] };

/** The most messages one reply becomes; a longer reply is cut, with a pointer to the whole of it in a file. */
export const MAX_SLACK_MESSAGES = 2;

const section = (text: string): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text: text || " " } });

/**
 * A Reply as Slack messages within Block Kit's limits: text in sections of at most 3,000 characters (split at line
 * breaks, never inside a date token), fields ten to a section and at most 2,000 characters each (a longer field
 * becomes sections of its own), buttons 25 to an actions block, at most 50 blocks a message. Content never gets
 * cut to fit: it runs on into further messages, buttons on the last. A reply that would need more than
 * MAX_SLACK_MESSAGES is cut there with a pointer line, and its whole text comes as a file. Buttons run their
 * command in `channelId`. `files`: what to upload after the messages (the reply's, then the whole text if cut).
 */
export function replyMessages(reply: Reply, channelId: string): { messages: SlackMessage[]; files: FileOut[] } {
  const content: SlackBlock[] = splitToFit(slackText(reply.text), SLACK_LIMITS.sectionText).map(section);
  let fields: { type: "mrkdwn"; text: string }[] = [];
  const flushFields = () => {
    for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection)
      content.push({ type: "section", fields: fields.slice(i, i + SLACK_LIMITS.fieldsPerSection) });
    fields = [];
  };
  for (const f of reply.fields ?? []) {
    const text = `*${slackText(f.label)}*\n${slackText(f.value)}`;
    if (text.length <= SLACK_LIMITS.field) fields.push({ type: "mrkdwn", text });
    else {
      flushFields();
      content.push(...splitToFit(text, SLACK_LIMITS.sectionText).map(section));
    }
  }
  flushFields();
  const buttons = (reply.buttons ?? []).map((b: Button) => ({
    type: "button" as const,
    action_id: b.id,
    text: { type: "plain_text" as const, text: b.label.slice(0, 75) },
    value: encodeButton(channelId, b.command).slice(0, SLACK_LIMITS.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  }));
  const actions: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsPerBlock)
    actions.push({ type: "actions", elements: buttons.slice(i, i + SLACK_LIMITS.actionsPerBlock) });

  const per = SLACK_LIMITS.blocksPerMessage;
  const room = MAX_SLACK_MESSAGES * per - actions.length;
  const cut = content.length > room;
  const shown = cut ? [...content.slice(0, room - 1), section(cutNotice("Slack", MAX_SLACK_MESSAGES))] : content;
  const blocks = [...shown, ...actions];
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += per) {
    const part = blocks.slice(i, i + per);
    const first = part.find((b) => b.type === "section" && b.text) as { text: { text: string } } | undefined;
    messages.push({ text: (i === 0 ? slackText(reply.text) : (first?.text.text ?? "")).slice(0, SLACK_LIMITS.sectionText), blocks: part });
  }
  return { messages, files: [...(reply.files ?? []), ...(cut ? [fullTextFile(reply)] : [])] };
}

/** `<@U123>` or `<@U123|ben>` (how Slack escapes a mention) → the user. */
export function readSlackMention(token: string): { externalId: string; displayName: string } | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|([^>]+))?>$/.exec(token.trim());
  return m ? { externalId: m[1]!, displayName: m[2] ?? m[1]! } : null;
}
