import assert from "node:assert/strict";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { platformsAskingZone } from "../../src/adapters/platforms.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import type { Seen, Who } from "./contract/adapter-contract.ts";
import { DISCORD_IDS, type DiscordDriver, startDiscordDriver } from "./contract/discord-driver.ts";

// Discord gives the bot no one's time zone: the first reminder DM to someone still on the default asks for it, once,
// through the real discord.js client against a local Discord.

const logger = pino({ level: "silent" });
const QUESTION = /One question, asked once: which time zone are you in\? Your reminders and dates use Europe\/London/;

describe("Discord: the first reminder DM asks a person still on the default zone for theirs", () => {
  let d: DiscordDriver;
  const tick = (at: string) => runTick({ db: d.db, logger, askZoneOn: platformsAskingZone() }, d.adapter, new Date(at));
  const person = (who: Who) =>
    d.db.person.findFirstOrThrow({
      where: { externalId: DISCORD_IDS[who] },
      select: { timeZone: true, timeZoneSource: true, timeZoneAskedAt: true },
    });
  const dmTo = (seen: Seen[], who: Who) => seen.find((s) => s.to.kind === "dm" && s.to.who === who);

  beforeAll(async () => {
    d = await startDiscordDriver();
    await d.run("sam", { name: "set create", options: { name: "Zones" } }, "channel");
    for (const who of ["ana", "ben", "cleo", "dev"] as const)
      await d.run("sam", { name: "set add", options: { member: { user: who } } }, "channel");
    await d.run("ben", { name: "nudge settings", options: { tz: "America/New_York" } }, "actor");
    await d.run("cleo", { name: "nudge settings", options: { tz: "Asia/Kolkata" } }, "actor");
    await d.run(
      "ana",
      { name: "meeting schedule", options: { when: "2027-01-12 10:00", duration: "2h", every: "monthly", count: 2 } },
      "channel",
    );
  });
  afterAll(async () => {
    await d?.close();
  });

  test("Discord is the platform that asks; Slack reads the profile instead", () => {
    assert.deepEqual([...platformsAskingZone()], ["discord"]);
  });

  test("the presenter still on the default is asked, with her set's zones as buttons; those who set theirs are not", async () => {
    await d.takeReminders();
    await tick("2027-01-10T09:59:00Z");
    await tick("2027-01-10T10:00:00Z");
    const seen = await d.takeReminders();
    const ana = dmTo(seen, "ana");
    assert.ok(ana, JSON.stringify(seen.map((s) => s.to)));
    assert.match(ana.text, /You present at meeting 1 of "Zones"/, "the reminder itself comes first");
    assert.match(ana.text, QUESTION);
    assert.match(ana.text, /type \/nudge settings tz: with yours/);
    const labels = ana.buttons.map((b) => b.label);
    assert.deepEqual(labels.slice(-4), ["America/New_York", "Asia/Kolkata", "Europe/London", "Stop these"], labels.join(" | "));
    const others = seen.filter((s) => s.to.kind === "dm" && (s.to.who === "ben" || s.to.who === "cleo"));
    assert.ok(others.length > 0, "someone who set their zone presents too");
    for (const dm of others) assert.doesNotMatch(dm.text, /which time zone are you in/, "a zone they set is not asked for");
    assert.ok((await person("ana")).timeZoneAskedAt, "that she was asked is stored");
    assert.equal((await person("ben")).timeZoneAskedAt, null);
  });

  test("asked once: her later reminders do not ask again", async () => {
    await tick("2027-01-12T12:00:00Z");
    await tick("2027-02-10T10:00:00Z");
    const asking = await d.db.outbox.findMany({
      where: { payload: { contains: "which time zone are you in" } },
      select: { personId: true },
    });
    const ana = await d.db.person.findFirstOrThrow({ where: { externalId: DISCORD_IDS.ana } });
    assert.equal(asking.filter((r) => r.personId === ana.id).length, 1);
    const dev = await d.db.person.findFirstOrThrow({ where: { externalId: DISCORD_IDS.dev } });
    assert.ok(asking.filter((r) => r.personId === dev.id).length <= 1);
  });

  test("pressing a zone's button sets it as hers, and /nudge settings says she chose it", async () => {
    const seen = await d.db.outbox.findFirstOrThrow({
      where: {
        payload: { contains: "which time zone are you in" },
        personId: (await d.db.person.findFirstOrThrow({ where: { externalId: DISCORD_IDS.ana } })).id,
      },
    });
    assert.ok(seen.payload.includes("/nudge settings tz:Asia/Kolkata"));
    const reply = await d.press("ana", { label: "Asia/Kolkata", payload: `${"2222222222222222222"}|/nudge settings tz:Asia/Kolkata` });
    assert.match(reply.text, /Asia\/Kolkata \(set by you\)/);
    assert.deepEqual(
      { ...(await person("ana")), timeZoneAskedAt: undefined },
      { timeZone: "Asia/Kolkata", timeZoneSource: "person", timeZoneAskedAt: undefined },
    );
  });
});
