/**
 * The contract every front end keeps, run against the console, Slack (local fake) and Discord (local fake)
 * adapters: the same scenarios, through each platform's own wire protocol, with the same outcomes. A driver
 * (one per platform, beside this file) performs each step as the platform would and reports what people saw.
 */
import assert from "node:assert/strict";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Adapter } from "../../../src/adapters/adapter.ts";
import { runTick } from "../../../src/scheduler/tick.ts";
import type { Database } from "../../../src/store/open-database.ts";

export const PEOPLE = ["sam", "ana", "ben", "cleo", "dev", "eve"] as const;
/** The advisor (sam) and the five members; each platform gives them its own ids, under these names. */
export type Who = (typeof PEOPLE)[number];
const MEMBERS = ["ana", "ben", "cleo", "dev", "eve"] as const satisfies readonly Who[];

/** A command as the contract states it; each driver writes it its platform's way (a text line, typed options). */
export type Command = { name: string; options?: Record<string, string | number | { user: Who }> };

/**
 * A command in the text grammar: `/name option:value`, people as `@name`; a value with spaces is quoted unless it
 * holds a double quote itself (then it is written as typed: the grammar takes an unquoted value to the next option).
 */
export function commandLine(command: Command, mention: (who: Who) => string): string {
  const options = Object.entries(command.options ?? {}).map(([name, value]) => {
    const text = typeof value === "object" ? mention(value.user) : String(value);
    return `${name}:${/\s/.test(text) && !text.includes('"') ? `"${text}"` : text}`;
  });
  return [`/${command.name}`, ...options].join(" ");
}

/** Who a message was shown to. `field`: an error shown on the form field itself (the form stays open). */
export type Audience = { kind: "channel" } | { kind: "actor"; who: Who } | { kind: "dm"; who: Who } | { kind: "field" };

/** A button as shown: its label, its id where the platform has one, and what a press sends back. */
export type SeenButton = { label: string; id?: string; payload: string };

/** A file as shown: its name, its bytes and, for an image, its text alternative (alt text) where the platform shows one. */
type SeenFile = { name: string; bytes: Buffer; alt?: string };

/** One message as its readers saw it. */
export type Seen = {
  to: Audience;
  /** The visible text: body, fields and all the parts of a split message. */
  text: string;
  buttons: SeenButton[];
  files: SeenFile[];
  /** The platform's id for the message, where it gives one (Slack's ts, Discord's message id). */
  ref?: string;
};

/** An open entry form; each `submit` is one submission of it, resolving with what the submitter then sees. */
type EntryForm = { submit(text: string): Promise<Seen> };

/** A chat message as the contract states it: who wrote it, its words, when, and whether it is in the set's channel. */
type ChatMessage = { author: Who; text: string; sentAt: Date; where: "set" | "elsewhere" };

/**
 * The entry form "Save to my log" opened: the text it is filled with, whether it saves to the set's channel, and
 * `submit`: the kind chosen and the text as filled, submitted once.
 */
type SaveForm = { text: string; channel: "set" | "elsewhere"; submit(kind: string): Promise<Seen> };

/**
 * An open command form; `submit` fills its fields (by option name) and submits it once. `presets`: what each field
 * opened with (a text's initial value, a choice's initial option), by option name; the console has no form, so none.
 */
type CommandFormSeen = { submit(values: Record<string, string>): Promise<Seen>; presets?: Record<string, string> };

export interface ContractDriver {
  readonly adapter: Adapter;
  readonly db: Database;
  /** How the first meeting's time, 2027-01-12 10:00 UTC, appears in the channel on this platform. */
  readonly firstMeetingTime: string;
  /** A person's id on this platform (the console's is their name). */
  idOf(who: Who): string;
  /** How a person is mentioned in text on this platform. */
  mention(who: Who): string;
  /**
   * How the button with this id, running `command` for the set, is shown: the id, where the platform shows one
   * (Discord does not: its custom id is the payload), and what a press sends back to the bot.
   */
  button(id: string, command: string): { id: string | undefined; payload: string };
  /** Runs `command` as `who` in the set's channel; resolves once a message to `awaiting` has arrived, with every message seen. */
  run(who: Who, command: Command, awaiting: Audience["kind"]): Promise<Seen[]>;
  /** Presses `button` as `who`; resolves with what the presser then sees. */
  press(who: Who, button: SeenButton): Promise<Seen>;
  /** Where the entry form shows a refusal: `on the field` of the still open form, or `as a reply` to the actor. */
  readonly formErrors: "on the field" | "as a reply";
  /** Opens the entry form for an action as `who`: a platform form from the "Record an action" button; on the console, `/log action text:…`. */
  openActionForm(who: Who): Promise<EntryForm>;
  /**
   * Presses a button that opens the form of command `command` (by name, `feedback`) as `who`, and checks the form
   * has fields `fields` in that order. Platforms with forms open one; the console, which has none, shows the
   * command's usage in reply to the press, and a submission is the command typed with the fields as options.
   */
  openCommandForm(who: Who, button: SeenButton, command: string, fields: string[]): Promise<CommandFormSeen>;
  /**
   * Where the platform has message shortcuts (not the console): "Save to my log" chosen by `who` on `message`;
   * resolves with the form it opened, or the refusal `who` saw.
   */
  saveMessage?(who: Who, message: ChatMessage): Promise<SaveForm | Seen>;
  /** The log lines written so far, as text, where the driver captures its adapter's logs. */
  logText?(): string[];
  /** The files `who` received (by DM or shown to them alone), waiting until there are `n`. */
  filesFor(who: Who, n: number): Promise<(SeenFile & { to: Audience })[]>;
  /** The reminders delivered since the last call, in order. */
  takeReminders(): Promise<Seen[]>;
  /** Where the platform rate-limits: the next send answers 429 with Retry-After 1 s; `rateLimited` counts those answers. */
  readonly rateLimits?: { next(): void; count(): number };
  /** Where members can refuse DMs from the bot. */
  closeDmsOf?(who: Who): void;
  close(): Promise<void>;
}

const FIRST_MEETING_PRESENTERS: Who[] = ["ana", "ben", "cleo"];
const logger = pino({ level: "silent" });

/**
 * The contract's scenarios in order on one database, then `more(driver)`: platform-specific tests on the same
 * set, members and meetings. `options.messageShortcuts`: the platform has them ("Save to my log"), so their scenario runs.
 */
export function describeAdapterContract(
  platform: string,
  start: () => Promise<ContractDriver>,
  more?: (d: () => ContractDriver) => void,
  options: { messageShortcuts: boolean } = { messageShortcuts: true },
) {
  describe(`the adapter contract on ${platform}`, () => {
    let d: ContractDriver;
    beforeAll(async () => {
      d = await start();
    });
    afterAll(async () => {
      await d?.close();
    });
    const find = (seen: Seen[], kind: Audience["kind"]) => {
      const found = seen.find((s) => s.to.kind === kind);
      assert.ok(found, `a message to the ${kind} among ${JSON.stringify(seen.map((s) => s.to))}`);
      return found;
    };

    test("a set is created, five members join, a monthly series is scheduled: each posted in the channel, times as the platform shows them", async () => {
      const created = find(await d.run("sam", { name: "set create", options: { name: "Leading change" } }, "channel"), "channel");
      assert.match(created.text, /Created the action learning set "Leading change"/);
      for (const who of MEMBERS) {
        const added = find(await d.run("sam", { name: "set add", options: { member: { user: who } } }, "channel"), "channel");
        assert.match(added.text, new RegExp(`Welcome ${who}: added to the set`));
      }
      const schedule = { when: "2027-01-12 10:00", duration: "2h", every: "monthly", count: 3 };
      const scheduled = find(await d.run("ana", { name: "meeting schedule", options: schedule }, "channel"), "channel");
      assert.match(scheduled.text, /ana scheduled 3 meetings, monthly on the 12th/);
      assert.ok(scheduled.text.includes(d.firstMeetingTime), `times render in each reader's zone: ${scheduled.text}`);
    });

    test("only the actor sees their reply, and RSVP works by button, as the presser", async () => {
      const next = find(await d.run("ben", { name: "meeting next" }, "actor"), "actor");
      assert.deepEqual(next.to, { kind: "actor", who: "ben" });
      const yes = next.buttons.find((b) => b.label === "I'll be there");
      assert.ok(yes, JSON.stringify(next.buttons));
      assert.deepEqual({ id: yes.id, payload: yes.payload }, d.button("rsvp-yes-1", "/meeting rsvp answer:yes meeting:1"));
      const reply = await d.press("cleo", yes);
      assert.deepEqual(reply.to, { kind: "actor", who: "cleo" }, "the RSVP is the presser's");
      assert.match(reply.text, /Thanks: you're coming to meeting 1/);
      const rsvp = await d.db.rsvp.findFirstOrThrow({ include: { person: true } });
      assert.equal(rsvp.person.externalId, d.idOf("cleo"));
    });

    test("the entry form records an action exactly as written; a bad submission is refused where it was made and saves nothing", async () => {
      const form = await d.openActionForm("ana");
      const bad = await form.submit("x".repeat(2001));
      assert.match(bad.text, /Option text: .*at most 2000 characters; this has 2001/);
      assert.deepEqual(bad.to, d.formErrors === "on the field" ? { kind: "field" } : { kind: "actor", who: "ana" });
      assert.equal(await d.db.entry.count(), 0, "nothing saved");
      const text = 'Meet both leads together, "properly" this time';
      const good = await form.submit(text);
      assert.deepEqual(good.to, { kind: "actor", who: "ana" });
      assert.match(good.text, /Action recorded as action #1/);
      assert.equal((await d.db.entry.findFirstOrThrow()).text, text);
    });

    test("presenters get their reminder 48 hours before; a 429 on the first send is waited out, not counted as a failed try", async () => {
      d.rateLimits?.next();
      d.closeDmsOf?.("cleo");
      await d.takeReminders();
      await runTick({ db: d.db, logger }, d.adapter, new Date("2027-01-10T09:59:00Z"));
      await runTick({ db: d.db, logger }, d.adapter, new Date("2027-01-10T10:00:00Z"));
      const rows = await d.db.outbox.findMany({ where: { kind: "presenter-prep" }, include: { set: false } });
      assert.equal(rows.length, 3, "one reminder for each of the three presenters");
      for (const row of rows) {
        assert.equal(row.status, "sent");
        // One try, which succeeded: the platform's client waited out the 429 inside it (a failed try would make it 2).
        assert.equal(row.attempts, 1, "sent on its first try, no failed try recorded");
        assert.equal(row.lastError, null);
      }
      if (d.rateLimits) assert.equal(d.rateLimits.count(), 1, "the platform said 429 once");

      const seen = await d.takeReminders();
      const dmsTo = seen.flatMap((s) => (s.to.kind === "dm" ? [s.to.who] : []));
      const closed: Who[] = d.closeDmsOf ? ["cleo"] : [];
      assert.deepEqual(
        dmsTo.sort(),
        FIRST_MEETING_PRESENTERS.filter((p) => !closed.includes(p)),
      );
      const first = seen.find((s) => s.to.kind === "dm")!;
      assert.match(first.text, /You present at meeting 1 of "Leading change"/);
      const snooze = first.buttons.find((b) => b.label === "Snooze a day");
      assert.ok(snooze, JSON.stringify(first.buttons));
      assert.deepEqual({ id: snooze.id, payload: snooze.payload }, d.button("snooze-1d", "/nudge snooze for:1d"));
      for (const who of closed) {
        const fallback = seen.find((s) => s.to.kind === "channel" && s.text.includes(`${d.mention(who)}, your direct messages are closed`));
        assert.ok(fallback, `${who}, whose DMs are closed, gets it in the set's channel`);
        assert.match(fallback.text, /You present at meeting 1/);
      }
      assert.equal(seen.length, 3, "three messages, no more");
      const refs = seen.map((s) => s.ref);
      if (refs.every((r) => r === undefined)) {
        assert.ok(
          rows.every((r) => r.platformRef === null),
          "no message ids to record",
        );
      } else {
        assert.equal(new Set(refs).size, refs.length, "each message has its own id");
        assert.deepEqual(rows.map((r) => r.platformRef).sort(), refs.sort(), "each sent row records the id of the message it became");
      }
    });

    test("a draft is delivered as a file that only its owner receives", async () => {
      const reply = find(await d.run("ana", { name: "log draft", options: { format: "md" } }, "actor"), "actor");
      assert.match(reply.text, /Draft M3\.37 learning log for ana: \d+ words from 1 entry\./);
      const files = await d.filesFor("ana", 1);
      assert.equal(files.length, 1, "one file");
      const file = files[0]!;
      assert.ok(["actor", "dm"].includes(file.to.kind) && "who" in file.to && file.to.who === "ana", JSON.stringify(file.to));
      assert.match(file.name, /^m337-draft-ana-\d{4}-\d{2}-\d{2}\.md$/);
      assert.match(file.bytes.toString("utf8"), /Leadership action plan/);
      for (const other of PEOPLE.filter((p): p is Who => p !== "ana"))
        assert.deepEqual(await d.filesFor(other, 0), [], `${other} got no file`);
    });

    test("the progress chart is delivered as one PNG with its text alternative, to the advisor alone", async () => {
      const reply = find(await d.run("sam", { name: "progress" }, "actor"), "actor");
      assert.match(reply.text, /Progress chart for "Leading change": 5 members by 0 meetings held/);
      const files = await d.filesFor("sam", 1);
      assert.equal(files.length, 1, "one file");
      const file = files[0]!;
      assert.ok("who" in file.to && file.to.who === "sam", JSON.stringify(file.to));
      assert.match(file.name, /^progress-leading-change-\d{4}-\d{2}-\d{2}\.png$/);
      assert.deepEqual([...file.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG");
      assert.ok(file.alt, "the image has a text alternative");
      assert.match(file.alt, /ana: attended 0 of 0, presented 0, 1 action agreed, 0 outcomes recorded, 0 overdue/);
      assert.ok(reply.text.includes(file.alt), "the reply's text carries the same summary");
      for (const other of PEOPLE.filter((p): p is Who => p !== "sam" && p !== "ana"))
        assert.deepEqual(await d.filesFor(other, 0), [], `${other} got no file`);
    });

    test("/review reaches the member by DM and is refused to a member; /feedback anonymous:yes answers the giver alone and stores no author", async () => {
      const refused = find(
        await d.run("ben", { name: "review", options: { member: { user: "ana" }, text: "Well done" } }, "actor"),
        "actor",
      );
      assert.deepEqual(refused.to, { kind: "actor", who: "ben" });
      assert.match(refused.text, /Only the set's advisors can use \/review\./);
      assert.equal(await d.db.review.count(), 0, "nothing stored");

      const text = "Your actions are specific; bring evidence next time";
      // The review's DM is sent before the advisor's confirmation, so it is among what has arrived by then.
      const seen = await d.run("sam", { name: "review", options: { member: { user: "ana" }, text } }, "actor");
      assert.match(find(seen, "actor").text, /Review sent to ana by DM/);
      const dm = find(seen, "dm");
      assert.deepEqual(dm.to, { kind: "dm", who: "ana" });
      assert.ok(dm.text.includes(text), dm.text);
      assert.match(dm.text, /\/review reply review:1 text:/);
      assert.equal((await d.db.review.findFirstOrThrow()).text, text);

      // Its button opens the reply form for that review (on the console, which has no forms, it says what to type),
      // and the submitted reflection is stored as written under review 1.
      const replyButton = dm.buttons.find((b) => b.label === "Reply to this review");
      assert.ok(replyButton, JSON.stringify(dm.buttons));
      assert.deepEqual({ id: replyButton.id, payload: replyButton.payload }, d.button("review-reply-1", "/review reply review:1"));
      const form = await d.openCommandForm("ana", replyButton, "review reply", ["text", "review"]);
      if (form.presets) assert.deepEqual(form.presets, { review: "1" }, "the form names the review; the text is the member's to write");
      const reflection = 'I had not seen that my actions lacked dates: "by Friday" from now on';
      const replied = await form.submit({ text: reflection, review: "1" });
      assert.deepEqual(replied.to, { kind: "actor", who: "ana" });
      assert.match(replied.text, /Your reply to review 1 .* is stored under it in your draft log/);
      assert.equal((await d.db.review.findFirstOrThrow()).reply, reflection);

      const given = find(
        await d.run("eve", { name: "feedback", options: { text: "We run out of time", about: "advisor", anonymous: "yes" } }, "actor"),
        "actor",
      );
      assert.deepEqual(given.to, { kind: "actor", who: "eve" });
      assert.match(given.text, /stored anonymously/);
      const rows = await d.db.feedback.findMany();
      assert.deepEqual(
        rows.map((f) => [f.authorId, f.about, f.text]),
        [[null, "advisor", "We run out of time"]],
      );
    });

    test("the set review's DM button opens the feedback form: an empty answer is refused there, an anonymous one stores no author", async () => {
      await d.takeReminders();
      find(await d.run("sam", { name: "set reviews", options: { every: 1 } }, "channel"), "channel");
      // Meeting 1 held and closed (the contract's clocks stay before it, so it is closed in the database): with a
      // review every meeting held, the next tick asks each member by DM. Restored after, for the later tests.
      const m1 = await d.db.meeting.findFirstOrThrow({ where: { number: 1 } });
      await d.db.meeting.update({ where: { id: m1.id }, data: { status: "closed", closedAt: new Date("2027-01-12T12:05:00Z") } });
      try {
        await runTick({ db: d.db, logger }, d.adapter, new Date("2027-01-12T12:07:00Z"));
        const asked = (await d.takeReminders()).filter((s) => /it is time for a short set review/.test(s.text));
        const dm = asked.find((s) => s.to.kind === "dm" && s.to.who === "eve");
        assert.ok(dm, `eve is asked by DM: ${JSON.stringify(asked.map((s) => s.to))}`);
        const give = dm.buttons.find((b) => b.label === "Give feedback");
        assert.ok(give, JSON.stringify(dm.buttons));
        assert.deepEqual({ id: give.id, payload: give.payload }, d.button("feedback-give", "/feedback"));

        const form = await d.openCommandForm("eve", give, "feedback", ["text", "about", "anonymous"]);
        // A meeting's event write (on platforms with events: meeting 1 was closed above) names nobody; any other row might.
        const queued = () => d.db.outbox.count({ where: { kind: { not: "meeting-event" } } });
        const before = { feedback: await d.db.feedback.count(), outbox: await queued() };
        const empty = await form.submit({ text: "", about: "set", anonymous: "yes" });
        assert.match(empty.text, /Missing option text: \(Your feedback \(up to 2000 characters\)\)/);
        assert.deepEqual(empty.to, d.formErrors === "on the field" ? { kind: "field" } : { kind: "actor", who: "eve" });
        assert.equal(await d.db.feedback.count(), before.feedback, "nothing stored");

        const logged = d.logText?.().length ?? 0;
        const text = 'We listen well. Change: start on time, and "no fixing" in the questioning round';
        const given = await form.submit({ text, about: "advisor", anonymous: "yes" });
        assert.deepEqual(given.to, { kind: "actor", who: "eve" });
        assert.match(given.text, /Your feedback about your advisor is stored anonymously/);
        const row = await d.db.feedback.findFirstOrThrow({ where: { text } });
        assert.deepEqual([row.authorId, row.about, row.meetingId], [null, "advisor", m1.id], "no author; it answers meeting 1's review");
        assert.equal(await d.db.feedback.count(), before.feedback + 1);
        assert.equal(await queued(), before.outbox, "nothing queued that could name the giver");
        const lines = d.logText?.().slice(logged) ?? [];
        const naming = lines.filter((l) => l.includes(d.idOf("eve")));
        assert.deepEqual(naming, [], "no log line names the giver");
      } finally {
        await d.db.meeting.update({ where: { id: m1.id }, data: { status: "scheduled", closedAt: null } });
        await d.db.learningSet.updateMany({ data: { reviewEvery: 3 } });
      }
    });

    // The console has no message shortcuts (/log is typed there): the scenario is declared only where there are.
    if (options.messageShortcuts)
      test('"Save to my log" fills the entry form with the message as written, to choose its kind; the entry is private and links to the meeting held that day', async () => {
        assert.ok(d.saveMessage, `the ${platform} driver saves messages`);
        const m2 = await d.db.meeting.findFirstOrThrow({ where: { number: 2 } });
        const sentAt = new Date(m2.startsAt.getTime() + 3 * 3_600_000);
        const text = 'Ana\'s question: "what would you stop doing?" & <who else> owns it';
        const before = await d.db.entry.count();

        const advisor = await d.saveMessage("sam", { author: "ana", text, sentAt, where: "set" });
        assert.ok(!("submit" in advisor), "the advisor is not a member: no form");
        assert.deepEqual(advisor.to, { kind: "actor", who: "sam" });
        assert.match(advisor.text, /Only members of "Leading change" can save its channel's messages to their log/);
        const notMine = await d.saveMessage("ben", { author: "ana", text, sentAt, where: "elsewhere" });
        assert.ok(!("submit" in notMine), "someone else's message outside the set's channel: no form");
        assert.deepEqual(notMine.to, { kind: "actor", who: "ben" });
        assert.match(notMine.text, /You can save your own messages, or any message in your set's channel; this one is neither/);
        assert.equal(await d.db.entry.count(), before, "nothing saved by a refusal or by opening a form");

        const form = await d.saveMessage("ben", { author: "ana", text, sentAt, where: "set" });
        assert.ok("submit" in form, JSON.stringify(form));
        assert.equal(form.text, text, "filled with the message exactly as written");
        assert.equal(form.channel, "set");
        assert.equal(await d.db.entry.count(), before, "opening the form saves nothing");
        const saved = await form.submit("question");
        assert.deepEqual(saved.to, { kind: "actor", who: "ben" }, "only the saver sees the reply");
        assert.match(saved.text, /Question recorded as entry #\d+ \(meeting 2\)\. Only you can see it unless you \/log share on\./);
        const entry = await d.db.entry.findFirstOrThrow({ where: { text }, include: { author: true, meeting: true } });
        assert.deepEqual([entry.author.externalId, entry.kind, entry.meeting?.number], [d.idOf("ben"), "question", 2]);

        const own = "Note to self: ask before I advise";
        const mine = await d.saveMessage("cleo", {
          author: "cleo",
          text: own,
          sentAt: new Date("2027-01-05T09:00:00Z"),
          where: "elsewhere",
        });
        assert.ok("submit" in mine, JSON.stringify(mine));
        assert.equal(mine.channel, "set", "her own message elsewhere is saved to her one set");
        const kept = await mine.submit("reflect");
        assert.match(kept.text, /Reflection recorded as entry #\d+ \(meeting 1\)/, "no meeting that day: the default, the next meeting");
        const reflection = await d.db.entry.findFirstOrThrow({ where: { text: own }, include: { author: true } });
        assert.equal(reflection.author.externalId, d.idOf("cleo"));
        assert.equal(await d.db.entry.count(), before + 2);
      });

    more?.(() => d);
  });
}

/**
 * Adds `count` reflections of `chars` characters each to `who`'s log in the contract's set, numbered on from their
 * last entry: a log long enough that `/log list` outgrows one platform message.
 */
export async function seedLongLog(d: ContractDriver, who: Who, count: number, chars: number): Promise<string[]> {
  const set = await d.db.learningSet.findFirstOrThrow();
  const author = await d.db.person.findFirstOrThrow({ where: { externalId: d.idOf(who) } });
  const last = await d.db.entry.count({ where: { authorId: author.id } });
  const texts = Array.from({ length: count }, (_, i) =>
    `Reflection ${last + i + 1}: ${"I listened more than I spoke. ".repeat(chars / 30)}`.slice(0, chars),
  );
  await d.db.entry.createMany({
    data: texts.map((text, i) => ({
      setId: set.id,
      authorId: author.id,
      number: last + i + 1,
      kind: "reflect",
      text,
      createdAt: new Date(Date.UTC(2027, 0, 5, 9, i)),
    })),
  });
  return texts;
}
