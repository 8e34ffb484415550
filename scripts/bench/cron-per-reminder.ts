/**
 * The common alternative, for the footprint benchmark: a process holding one timer per scheduled reminder, as
 * most open-source reminder bots do — `MODE=node-cron` (one node-cron job per reminder, its moment as a cron
 * expression) or `MODE=setTimeout`. It schedules COUNT reminders, one every SPACING_MS from an hour ahead,
 * prints `scheduled MS` (the time it took), then idles until killed.
 * With PAST=n it first re-schedules n reminders whose moment passed 5 minutes ago (fallen due while it was down,
 * re-read from a stored list: the alternative's best case), and prints `fired K` for those that fire within 3 s.
 */
import { performance } from "node:perf_hooks";
import cron from "node-cron";

const mode = process.env.MODE ?? "node-cron";
const count = Number(process.env.COUNT ?? 0);
const spacing = Number(process.env.SPACING_MS ?? 60_000);
const past = Number(process.env.PAST ?? 0);
let fired = 0;
const send = () => {
  fired++;
};

function schedule(at: Date): void {
  if (mode === "setTimeout") setTimeout(send, at.getTime() - Date.now());
  else {
    const expression = `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
    cron.schedule(expression, send, { timezone: "Etc/UTC" });
  }
}

const t0 = performance.now();
const now = Date.now();
for (let i = 0; i < past; i++) schedule(new Date(now - 5 * 60_000 + i * 1000 - past * 1000));
for (let i = 0; i < count; i++) schedule(new Date(now + 3_600_000 + i * spacing));
process.stdout.write(`scheduled ${(performance.now() - t0).toFixed(1)}\n`);
if (past) setTimeout(() => process.stdout.write(`fired ${fired}\n`), 3000);
setInterval(() => {}, 1 << 30); // stay up
