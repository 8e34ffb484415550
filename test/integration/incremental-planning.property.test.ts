import assert from "node:assert/strict";
import fc from "fast-check";
import { test } from "vitest";
import { nextMoments } from "../../src/domain/reminders/moments.ts";
import { loadNudgeState } from "../../src/store/nudge-state.ts";
import { lastTickAt } from "../../src/store/outbox.ts";
import { comparableOutbox, runWithFullReplan } from "../support/full-replan.ts";
import { createHarness, type Harness } from "../support/harness.ts";

const START = new Date("2027-01-04T09:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Programmes tried per run; more with PLAN_PROPERTY_RUNS (each runs the console twice, so a few seconds each). */
const RUNS = Number(process.env.PLAN_PROPERTY_RUNS ?? 10);

/** Two sets sharing two members (Ana, Ben), so a person's settings move reminders in both. */
const SETUP = `clock 2027-01-04T09:00Z
in #main
as Sam
/set create name:"Main set"
/set add member:@Ana @Ben @Cleo @Dev @Eve
/set programme start:2027-01-04 end:2027-07-31
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:"second tuesday" count:5
in #other
as Sam
/set create name:"Other set"
/set add member:@Ana @Ben @Fay @Gus
as Fay
/meeting schedule when:"2027-01-07 14:00" duration:90m every:"every 3 weeks" count:6`;

/** #lobby has no set: a person's own settings changed there belong to no set's command. */
const MEMBERS = {
  "#main": ["Ana", "Ben", "Cleo", "Dev", "Eve"],
  "#other": ["Ana", "Ben", "Fay", "Gus"],
  "#lobby": ["Ana", "Ben", "Cleo", "Fay", "Gus"],
} as const;
type Channel = keyof typeof MEMBERS;

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** One step of a programme: the lines it adds, given the programme's clock; an advance moves that clock. */
type Step = { advance: number } | { channel: Channel; who: number; line: (t: number) => string; advisor?: true };

const member = fc.nat(4);
const inSet = fc.constantFrom<Channel>("#main", "#other");
const anywhere = fc.constantFrom<Channel>("#main", "#other", "#lobby");
const command = (line: fc.Arbitrary<(t: number) => string>, advisor?: true): fc.Arbitrary<Step> =>
  fc.record({ channel: inSet, who: member, line }).map((s) => (advisor ? { ...s, advisor } : s));
/** A command about the actor's own reminders, in a set's channel or none. */
const setting = (line: fc.Arbitrary<(t: number) => string>): fc.Arbitrary<Step> => fc.record({ channel: anywhere, who: member, line });

const steps: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 20 * 24 }).map((h) => ({ advance: h * HOUR })) },
  { weight: 3, arbitrary: command(fc.constant(() => "/meeting close")) },
  {
    weight: 2,
    arbitrary: command(fc.nat(20).map((d) => (t: number) => `/log action text:"Try a new rota" due:${day(t + d * DAY)}`)),
  },
  { weight: 1, arbitrary: command(fc.constant(() => '/log problem text:"Handovers go wrong"')) },
  { weight: 1, arbitrary: command(fc.constant(() => '/log reflect text:"Listening more"')) },
  { weight: 1, arbitrary: command(fc.constant(() => '/action done action:1 text:"It worked" effective:very')) },
  {
    weight: 2,
    arbitrary: setting(
      fc
        .tuple(fc.constantFrom("Europe/London", "America/New_York", "Asia/Tokyo"), fc.constantFrom("21:00-08:00", "18:00-10:00", "none"))
        .map(
          ([tz, quiet]) =>
            () =>
              `/nudge settings tz:${tz} quiet:${quiet}`,
        ),
    ),
  },
  { weight: 2, arbitrary: setting(fc.integer({ min: 1, max: 96 }).map((h) => () => `/nudge snooze for:${h}h`)) },
  {
    weight: 1,
    arbitrary: setting(
      fc.constantFrom("/nudge off", "/nudge on", "/nudge off kind:log-action", "/nudge on kind:log-action").map((l) => () => l),
    ),
  },
  { weight: 1, arbitrary: command(fc.nat(25).map((d) => (t: number) => `/away until:${day(t + d * DAY)}`)) },
  { weight: 1, arbitrary: command(fc.constant(() => "/away off")) },
  { weight: 1, arbitrary: command(fc.constant(() => "/meeting rsvp no")) },
  {
    weight: 1,
    arbitrary: command(
      fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 40 })).map(
        ([n, d]) =>
          (t: number) =>
            `/meeting move meeting:${n} when:"${day(t + d * DAY)} 11:00"`,
      ),
    ),
  },
  { weight: 1, arbitrary: command(fc.integer({ min: 1, max: 5 }).map((n) => () => `/meeting cancel meeting:${n}`)) },
  {
    weight: 1,
    arbitrary: command(
      fc.integer({ min: 1, max: 60 }).map((d) => (t: number) => `/meeting schedule when:"${day(t + d * DAY)} 10:00" duration:1h`),
    ),
  },
  { weight: 1, arbitrary: command(fc.constant(() => "/rotation skip")) },
  {
    weight: 1,
    arbitrary: command(
      fc.constantFrom("remove", "add").map((verb) => () => `/set ${verb} member:@Cleo`),
      true,
    ),
  },
  {
    weight: 1,
    arbitrary: command(
      fc.constantFrom("/set archive confirm:yes", "/set unarchive").map((l) => () => l),
      true,
    ),
  },
);

/** The console script of a programme: the setup, its steps at their clock, and a month more for what they set off. */
function script(programme: Step[]): string {
  let t = START.getTime();
  const lines = [SETUP];
  for (const step of programme) {
    if ("advance" in step) {
      t += step.advance;
      lines.push(`clock ${new Date(t).toISOString()}`);
      continue;
    }
    const who = step.advisor ? "Sam" : MEMBERS[step.channel][step.who % MEMBERS[step.channel].length];
    lines.push(`in ${step.channel}`, `as ${who}`, step.line(t));
  }
  lines.push(`clock ${new Date(t + 30 * DAY).toISOString()}`);
  return lines.join("\n");
}

/**
 * The invariant behind the incremental scheduler, checked after every line: no set's stored moment is later than
 * the first send, after the last tick, that its current state implies (a moment kept too late is a reminder missed).
 */
async function assertMomentsHold(h: Harness, line: string): Promise<void> {
  const since = (await lastTickAt(h.db)) ?? h.clock.now();
  const { state } = await loadNudgeState(h.db, h.clock.now());
  const due = nextMoments(state, since);
  for (const set of await h.db.learningSet.findMany({
    where: { nextDueAt: { not: null } },
    select: { id: true, name: true, nextDueAt: true },
  })) {
    const first = due.get(set.id)!;
    assert.ok(
      set.nextDueAt! <= first,
      `after "${line}", "${set.name}" waits till ${set.nextDueAt!.toISOString()}, past ${first.toISOString()}`,
    );
  }
}

test("over generated programmes, planning only due sets writes exactly the outbox rows of planning every set at every tick", async () => {
  // A generated programme may plan nothing (all its members away, say): it is still compared, but the run as a
  // whole must have planned reminders, or it would prove nothing.
  let planning = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(steps, { minLength: 4, maxLength: 24 }), async (programme) => {
      const lines = script(programme);
      const incremental = await createHarness();
      const full = await createHarness();
      try {
        for (const line of lines.split("\n")) {
          await incremental.run(line);
          await assertMomentsHold(incremental, line);
        }
        await runWithFullReplan(full, lines);
        const expected = await comparableOutbox(full);
        if (expected.length > 0) planning++;
        assert.deepEqual(await comparableOutbox(incremental), expected, lines);
      } finally {
        await incremental.close();
        await full.close();
      }
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  assert.ok(planning >= RUNS / 2, `${planning} of ${RUNS} programmes planned reminders`);
}, 600_000);
