import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { type ChosenMessage, savedMessageForm } from "../../src/app/saved-message.ts";
import { BASE, createHarness, type Harness } from "../support/harness.ts";

/** "Save to my log" as the console's workspace would carry it: `who` chose it on `message` in `#channel`. */
const chosenBy = (h: Harness, who: string, channel: string, message: Partial<ChosenMessage>) =>
  savedMessageForm(
    h.deps,
    { platform: "console", workspaceId: "local", channelId: channel, userId: who },
    { text: "We agreed to ask before advising", authorId: who, sentAt: new Date("2027-01-12T14:00:00Z"), ...message },
  );

describe('"Save to my log": which set, which meeting, and when it is refused', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(BASE);
  });
  afterEach(() => h.close());

  test("a member's own message elsewhere opens the form for their one set, with the meeting held that day; opening it writes nothing", async () => {
    const before = await h.snapshot();
    const form = await chosenBy(h, "Ben", "random", { sentAt: new Date("2027-02-09T16:00:00Z") });
    assert.deepEqual(form, {
      channelId: "set",
      what: { kind: "open-entry-form", given: { text: "We agreed to ask before advising", meeting: "2" } },
    });
    const noMeeting = await chosenBy(h, "Ben", "set", { authorId: "Ana", sentAt: new Date("2027-02-10T09:00:00Z") });
    assert.deepEqual(noMeeting.what, { kind: "open-entry-form", given: { text: "We agreed to ask before advising" } }, "none that day");
    assert.deepEqual(await h.snapshot(), before, "reads only");
  });

  test("a member of two sets saving their own message from neither set's channel is asked to save it from the set's channel", async () => {
    await h.run('in #second\nas Sam\n/set create name:"Second set"\n/set add member:@Ana');
    const form = await chosenBy(h, "Ana", "random", {});
    assert.equal(form.what.kind, "refuse-form");
    assert.match(form.what.kind === "refuse-form" ? form.what.message : "", /You are a member of 2 sets \("Base set", "Second set"\)/);
    const inSecond = await chosenBy(h, "Ana", "second", { authorId: "Sam" });
    assert.equal(inSecond.channelId, "second", "in a set's channel, that set");
    assert.equal(inSecond.what.kind, "open-entry-form");
  });

  test("refused: no text, more than an entry holds, someone new to the bot, an archived set", async () => {
    const message = (f: Awaited<ReturnType<typeof chosenBy>>) => (f.what.kind === "refuse-form" ? f.what.message : "(a form)");
    assert.match(message(await chosenBy(h, "Ben", "set", { text: "  " })), /That message has no text to save/);
    assert.match(message(await chosenBy(h, "Ben", "set", { text: "x".repeat(2001) })), /has 2001 characters; an entry holds at most 2000/);
    assert.match(message(await chosenBy(h, "Zoe", "random", {})), /You are not a member of an action learning set here/);
    assert.match(
      message(await chosenBy(h, "Zoe", "set", { authorId: "Ana" })),
      /Only members of "Base set" can save its channel's messages/,
    );
    await h.run("as Sam\n/set archive confirm:yes");
    assert.match(message(await chosenBy(h, "Ben", "set", {})), /The set "Base set" is archived/);
  });
});
