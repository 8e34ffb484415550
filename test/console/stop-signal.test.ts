import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { openDatabase } from "../../src/store/open-database.ts";
import { START_ARGS } from "../support/start-args.ts";

const dir = mkdtempSync(join(tmpdir(), "als-stop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seven monthly meetings and a clock line across all of them: hundreds of reminders in one line. */
const SCRIPT = `as Sam
/set create name:"Base set"
/set add member:@Ana
/set add member:@Ben
/set add member:@Cleo
/set add member:@Dev
/set add member:@Eve
/set programme start:2027-01-04 end:2027-07-31
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:"second tuesday" count:7
clock 2027-07-31T09:00Z
/meeting list
`;

/** A message the bot sent, as the transcript shows one: `[#set] …`, `[#set → Ana] …`, `[DM Ana] …`. */
const isMessage = (line: string) => line.startsWith("[#") || line.startsWith("[DM ");

test.each(["SIGTERM", "SIGINT"] as const)(
  "a console stopped by %s during a long clock line has printed every reminder it marked sent, and exits 0",
  { timeout: 120_000 },
  async (stopWith) => {
    const url = `file:${join(dir, `${stopWith}.db`)}`;
    const child = spawn(process.execPath, [...START_ARGS], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        FILES_DIR: join(dir, "files"),
        DEFAULT_TIME_ZONE: "Europe/London",
        CONSOLE_START: "2027-01-04T09:00:00Z",
        LOG_LEVEL: "warn",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    // The input stays open, as a person's or a pipe's would: the stop, not the end of input, ends the process.
    child.stdin.write(SCRIPT);
    const clockLine = "> clock 2027-07-31T09:00Z\n";
    let signalled = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const afterClock = stdout.split(clockLine)[1];
      // Stopped once a few reminders have gone out, long before the line is done.
      if (!signalled && afterClock !== undefined && afterClock.split("\n").filter(isMessage).length >= 3) {
        signalled = true;
        child.kill(stopWith);
      }
    });
    const deadline = setTimeout(() => child.kill("SIGKILL"), 100_000);
    const { code, signal } = await exited;
    clearTimeout(deadline);
    assert.ok(signalled, `no reminder was printed during the clock line:\n${stdout}\n${stderr}`);
    assert.equal(signal, null, `killed by ${signal}, not stopped\n${stderr}`);
    assert.equal(code, 0, stderr);

    const afterClock = stdout.split(clockLine)[1]!.split("\n");
    assert.ok(!stdout.includes("> /meeting list"), "no line after the stop is read");
    assert.match(afterClock.join("\n"), /\[console\] Stopped before the clock reached Sat 31 Jul 2027/);
    const db = await openDatabase(url);
    try {
      const sent = await db.outbox.count({ where: { status: "sent" } });
      const printed = afterClock.filter(isMessage).length;
      assert.ok(sent > 0);
      assert.equal(printed, sent, `${sent} reminders marked sent, ${printed} printed`);
      assert.equal(await db.outbox.count({ where: { status: "sending" } }), 0, "claims not begun are handed back");
    } finally {
      await db.$disconnect();
    }
  },
);
