import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { type DiscordMessage, MAX_DISCORD_MESSAGES, replyMessages } from "../../src/adapters/discord/render.ts";
import { FULL_TEXT_FILE } from "../../src/adapters/fit-reply.ts";
import { at, type Reply } from "../../src/app/reply.ts";
import { validateMessage } from "../support/fake-discord-routes.ts";

const CHANNEL = "2222222222222222222";
type Embed = { description?: string; fields?: { name: string; value: string }[] };
type Row = { components: { custom_id: string }[] };
type Attachment = { name: string; attachment: Buffer };

/** A message as discord.js sends it: content, embeds and rows as JSON, files by name and bytes. */
const wire = (m: DiscordMessage) => ({
  content: m.content,
  embeds: (m.embeds ?? []).map((e) => ("toJSON" in e ? e.toJSON() : e) as Embed),
  components: (m.components ?? []).map((c) => ("toJSON" in c ? c.toJSON() : c) as unknown as Row),
  files: (m.files ?? []) as unknown as Attachment[],
});
/** Each message as Discord checks it (what the local Discord refuses with 400, code 50035). */
const assertAccepted = (messages: DiscordMessage[]) => {
  for (const [i, m] of messages.entries()) {
    const { files, ...body } = wire(m);
    const refused = validateMessage(
      body,
      files.map((f) => ({ name: f.name, bytes: f.attachment })),
      true,
    );
    assert.equal(refused, null, `message ${i}: ${JSON.stringify(refused?.body)}`);
  }
};
const descriptionsOf = (messages: DiscordMessage[]) =>
  messages.flatMap((m) => wire(m).embeds.flatMap((e) => (e.description ? [e.description] : [])));
const fieldsOf = (messages: DiscordMessage[]) => messages.flatMap((m) => wire(m).embeds.flatMap((e) => e.fields ?? []));
const lines = (n: number, width: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(5, "0")} ${"x".repeat(width - 6)}`);

describe("Discord messages stay within Discord's limits (6,000 characters and 25 fields an embed set, 5 buttons a row, 5 rows)", () => {
  test("a text over 6,000 characters runs on into further messages, each accepted, nothing lost", () => {
    const text = lines(200, 100).join("\n"); // 20,000 characters
    const messages = replyMessages({ text }, CHANNEL);
    assertAccepted(messages);
    assert.ok(messages.length >= 4, `${messages.length} messages`);
    assert.equal(descriptionsOf(messages).join("\n"), text);
  });

  test("times stay whole Discord timestamps when a long line is split", () => {
    const text = Array.from({ length: 700 }, (_, i) => `w${i} ${at(new Date("2027-01-12T10:00:00Z"))}`).join(" ");
    const messages = replyMessages({ text }, CHANNEL);
    assertAccepted(messages);
    for (const piece of descriptionsOf(messages)) assert.doesNotMatch(piece, /<t:\d*$|^\d*:f>/, "a timestamp cut in two");
  });

  test("more than 25 fields are spread over embeds of 25, all kept", () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ label: `Member ${i}`, value: `actions ${i} agreed` }));
    const messages = replyMessages({ text: "Progress", fields }, CHANNEL);
    assertAccepted(messages);
    assert.deepEqual(
      fieldsOf(messages).map((f) => f.name),
      fields.map((f) => f.label),
    );
  });

  test("a field value over 1,024 characters continues in the next field instead of being cut", () => {
    const value = lines(30, 100).join("\n"); // 3,030 characters
    const messages = replyMessages({ text: "Facilitation records", fields: [{ label: "Meetings held (30)", value }] }, CHANNEL);
    assertAccepted(messages);
    const fields = fieldsOf(messages);
    assert.deepEqual(
      fields.map((f) => f.name),
      ["Meetings held (30)", "Meetings held (30) (continued)", "Meetings held (30) (continued)"],
    );
    assert.equal(fields.map((f) => f.value).join("\n"), value);
  });

  test("buttons go five to a row and five rows to a message", () => {
    const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, label: `B${i}`, command: `/x ${i}` }));
    const rows = (messages: DiscordMessage[]) => messages.map((m) => wire(m).components.map((r) => r.components.length));
    const twelve = replyMessages({ text: "t", buttons: buttons(12) }, CHANNEL);
    assertAccepted(twelve);
    assert.deepEqual(rows(twelve), [[5, 5, 2]]);
    const thirty = replyMessages({ text: "t", buttons: buttons(30) }, CHANNEL);
    assertAccepted(thirty);
    assert.deepEqual(rows(thirty), [[5, 5, 5, 5, 5], [5]]);
  });

  test("the content line stays within 2,000 characters", () => {
    const [first] = replyMessages({ text: "Meeting 2 is tomorrow." }, CHANNEL, `<@3000000000000000002> ${"y".repeat(2500)}`);
    assert.equal(first!.content!.length, 2000);
    assert.ok(first!.content!.startsWith("<@3000000000000000002> "));
    assertAccepted([first!]);
  });

  test("a reply too long for the most messages is cut with a pointer, and its whole text comes as a file", () => {
    const text = lines(1000, 100).join("\n"); // 100,000 characters
    const reply: Reply = { text, buttons: [{ id: "more", label: "More", command: "/log list last:5" }] };
    const messages = replyMessages(reply, CHANNEL);
    assertAccepted(messages);
    assert.equal(messages.length, MAX_DISCORD_MESSAGES);
    const shown = descriptionsOf(messages);
    assert.match(shown.at(-1)!, new RegExp(`all of it is in the file ${FULL_TEXT_FILE.replace(".", "\\.")}`));
    assert.ok(text.startsWith(shown.slice(0, -1).join("\n")), "what is shown is the start of the text, uncut");
    const last = wire(messages.at(-1)!);
    assert.deepEqual(
      last.files.map((f) => f.name),
      [FULL_TEXT_FILE],
    );
    assert.equal(last.files[0]!.attachment.toString("utf8"), `${text}\n`);
    assert.equal(last.components.length, 1, "the buttons are still there");
  });
});
