import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { FULL_TEXT_FILE } from "../../src/adapters/fit-reply.ts";
import { MAX_SLACK_MESSAGES, replyMessages, type SlackMessage, slackText } from "../../src/adapters/slack/render.ts";
import { at, type Button, type Reply } from "../../src/app/reply.ts";
import { messageProblems } from "../support/fake-slack.ts";

const CHANNEL = "C0SET";
type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { action_id: string }[] };
const blocksOf = (m: SlackMessage) => m.blocks as unknown as Block[];
/** Every section text and field of the messages, in order. */
const textsOf = (messages: SlackMessage[]) =>
  messages.flatMap((m) => blocksOf(m).flatMap((b) => [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)]));
/** Each message as Slack checks it (what the local Slack refuses with invalid_blocks). */
const assertAccepted = (messages: SlackMessage[]) => {
  for (const [i, m] of messages.entries()) assert.deepEqual(messageProblems({ text: m.text, blocks: m.blocks }), [], `message ${i}`);
};
const lines = (n: number, width: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(5, "0")} ${"x".repeat(width - 6)}`);

describe("Slack messages stay within Block Kit's limits (50 blocks a message, 3,000 characters a section)", () => {
  test("a long text is split into sections of at most 3,000 characters at line breaks, and nothing is lost", () => {
    const text = lines(100, 100).join("\n");
    const { messages, files } = replyMessages({ text }, CHANNEL);
    assertAccepted(messages);
    assert.equal(messages.length, 1);
    assert.equal(textsOf(messages).join("\n"), text);
    assert.deepEqual(files, []);
  });

  test("a line longer than a section is split at spaces, never inside a date token", () => {
    const stamp = at(new Date("2027-01-12T10:00:00Z"));
    const text = Array.from({ length: 400 }, (_, i) => `word${i} ${stamp}`).join(" ");
    const { messages } = replyMessages({ text }, CHANNEL);
    assertAccepted(messages);
    const pieces = textsOf(messages);
    assert.ok(pieces.length > 1);
    for (const piece of pieces) assert.equal(piece.split("<").length, piece.split(">").length, `a token cut in two: ${piece.slice(-80)}`);
    assert.equal(pieces.join(" "), slackText(text));
  });

  test("a list of more than 50 blocks runs on into a second message, buttons on the last, nothing lost", () => {
    const text = lines(1200, 120).join("\n"); // ~145,000 characters: about 49 sections
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `Member ${i}`, value: "actions 2 agreed" }));
    const buttons: Button[] = [{ id: "more", label: "More", command: "/log list last:50" }];
    const { messages } = replyMessages({ text, fields, buttons }, CHANNEL);
    assertAccepted(messages);
    assert.equal(messages.length, 2);
    assert.ok(messages.every((m) => m.blocks.length <= 50));
    assert.equal(
      textsOf(messages)
        .filter((t) => !t.startsWith("*Member"))
        .join("\n"),
      text,
    );
    assert.equal(textsOf(messages).filter((t) => t.startsWith("*Member")).length, 40, "every field is there");
    assert.deepEqual(
      messages.map((m) => blocksOf(m).filter((b) => b.type === "actions").length),
      [0, 1],
    );
  });

  test("a field over 2,000 characters becomes sections of its own instead of being cut", () => {
    const value = lines(60, 80).join("\n"); // ~4,800 characters
    const { messages } = replyMessages({ text: "Facilitation records", fields: [{ label: "Meetings held (60)", value }] }, CHANNEL);
    assertAccepted(messages);
    const pieces = textsOf(messages).slice(1);
    assert.equal(pieces.join("\n"), `*Meetings held (60)*\n${value}`);
  });

  test("ten fields go to a section, and more than 25 buttons to several actions blocks", () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: "v" }));
    const buttons = Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, label: `B${i}`, command: `/x ${i}` }));
    const { messages } = replyMessages({ text: "t", fields, buttons }, CHANNEL);
    assertAccepted(messages);
    const blocks = blocksOf(messages[0]!);
    assert.deepEqual(
      blocks.filter((b) => b.fields).map((b) => b.fields!.length),
      [10, 10, 3],
    );
    assert.deepEqual(
      blocks.filter((b) => b.type === "actions").map((b) => b.elements!.length),
      [25, 5],
    );
  });

  test("a reply too long for the most messages is cut with a pointer, and its whole text comes as a file", () => {
    const text = lines(6000, 100).join("\n"); // 600,000 characters: more than 2 × 50 sections
    const reply: Reply = { text, fields: [{ label: "When", value: at(new Date("2027-01-12T10:00:00Z")) }] };
    const { messages, files } = replyMessages(reply, CHANNEL);
    assertAccepted(messages);
    assert.equal(messages.length, MAX_SLACK_MESSAGES);
    const last = textsOf(messages).at(-1)!;
    assert.match(last, new RegExp(`all of it is in the file ${FULL_TEXT_FILE.replace(".", "\\.")}`));
    assert.deepEqual(
      files.map((f) => f.name),
      [FULL_TEXT_FILE],
    );
    assert.equal(files[0]!.content, `${text}\n\nWhen:\n2027-01-12 10:00 UTC\n`, "the file holds all of it, times in UTC");
    assert.ok(text.startsWith(textsOf(messages).slice(0, -1).join("\n")), "what is shown is the start of the text, uncut");
  });
});
