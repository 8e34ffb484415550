/**
 * docs/scaling.md's Performance table, from a run's figures: each row the measured median (min–max over the runs)
 * beside its target from issue 14, and whether it is met. `npm run bench` writes it to bench/results.md.
 */
import type { Figure, Figures } from "./types.ts";

type Row = { what: string; measured: string; target: string; met: boolean | null };

const isFigure = (v: unknown): v is Figure => typeof v === "object" && v !== null && "median" in v;

/** The value at a dotted path of `figures`, or undefined. */
function at(figures: Figures, path: string): unknown {
  let v: unknown = figures;
  for (const part of path.split("/")) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

const num = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-GB") : Number(x.toPrecision(3)).toString());
/** "12.3 ms (11.9–13.0)". */
const show = (f: Figure) => `${num(f.median)} ${f.unit} (${num(f.min)}–${num(f.max)})`;

/** The rows for every figure present; a benchmark not run leaves its rows out. */
export function performanceTable(figures: Figures): string {
  const rows: Row[] = [];
  const fig = (path: string) => {
    const v = at(figures, path);
    return isFigure(v) ? v : null;
  };
  const add = (what: string, path: string, target: string, ok?: (f: Figure) => boolean) => {
    const f = fig(path);
    if (f) rows.push({ what, measured: show(f), target, met: ok ? ok(f) : null });
  };
  const sizes = (kind: string) =>
    Object.keys((at(figures, `idle-tick/${kind}`) as Figures | undefined) ?? {})
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b));
  for (const kind of ["sqlite", "postgresql"]) {
    for (const n of sizes(kind)) {
      add(`1. Idle tick, ${Number(n).toLocaleString("en-GB")} sets, ${kind}`, `idle-tick/${kind}/${n}/ms`, "< 20 ms", (f) => f.median < 20);
      add(`1. Idle tick statements, ${Number(n).toLocaleString("en-GB")} sets, ${kind}`, `idle-tick/${kind}/${n}/statements`, "constant");
      // No tick holds more than a few seconds, a sweep's slices included (docs/scaling.md).
      add(
        `1. Tick re-planning a slice of a sweep, ${Number(n).toLocaleString("en-GB")} sets, ${kind}`,
        `idle-tick/${kind}/${n}/sliceTick`,
        "≤ 5 s",
        (f) => f.max <= 5000,
      );
    }
    const constant = at(figures, `idle-tick/${kind}/statementsConstant`);
    if (typeof constant === "boolean")
      rows.push({
        what: `1. Idle tick statements the same at both sizes, ${kind}`,
        measured: constant ? "yes" : "no",
        target: "yes",
        met: constant,
      });
  }
  const sets = at(figures, "busy-tick/sets");
  const due = at(figures, "busy-tick/due");
  const busy =
    typeof sets === "number" && typeof due === "number" ? `${sets.toLocaleString("en-GB")} sets, ${due.toLocaleString("en-GB")} due` : "";
  for (const [kind, rate] of [
    ["sqlite", 5000],
    ["postgresql", 2000],
  ] as const) {
    add(`2. Busy tick (${busy}): planning + claiming, ${kind}`, `busy-tick/${kind}/planAndClaim`, "< 3 s", (f) => f.median < 3000);
    add(`2. Busy tick: whole tick incl. delivery, ${kind}`, `busy-tick/${kind}/tick`, "—");
    add(`2. Busy tick: peak RSS of the process, ${kind}`, `busy-tick/${kind}/peakRss`, "< 400 MB", (f) => f.median < 400);
    add(
      `2. Busy tick: delivery, in-process sink, ${kind}`,
      `busy-tick/${kind}/deliveryRate`,
      `≥ ${rate.toLocaleString("en-GB")}/s`,
      (f) => f.median >= rate,
    );
    add(`2. Busy tick: database growth per reminder, ${kind}`, `busy-tick/${kind}/outboxBytesPerReminder`, "—");
  }
  add(
    "3. Slack, 1 msg/s per channel, 50 ms a call: sustained vs limit",
    "rate-limited-delivery/slack/ofLimit",
    "≥ 90 %",
    (f) => f.median >= 90,
  );
  add(
    "3. Discord, 50 req/s global, 50 ms a call: sustained vs limit",
    "rate-limited-delivery/discord/ofLimit",
    "≥ 90 %",
    (f) => f.median >= 90,
  );
  add("3. Discord: reminders a second (first DM to each person)", "rate-limited-delivery/discord/reminderRate", "—");
  for (const p of ["slack", "discord"]) {
    const lost = at(figures, `rate-limited-delivery/${p}/lost`);
    const doubled = at(figures, `rate-limited-delivery/${p}/doubled`);
    if (typeof lost === "number" && typeof doubled === "number")
      rows.push({
        what: `3. ${p}: lost / doubled (worst run)`,
        measured: `${lost} / ${doubled}`,
        target: "0 / 0",
        met: lost === 0 && doubled === 0,
      });
  }
  const counts = Object.keys((at(figures, "footprint") as Figures | undefined) ?? {})
    .map((k) => /^ours(\d+)$/.exec(k)?.[1])
    .filter((k): k is string => k !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  for (const n of counts) {
    const label = `${n.toLocaleString("en-GB")} pending`;
    const item = n === 0 ? "7" : "4";
    add(
      `${item}. Ours (npm start, Slack + Discord on fakes), ${label}: start-up to ready`,
      `footprint/ours${n}/startup`,
      "independent of the count",
    );
    add(`${item}. Ours, ${label}: idle RSS`, `footprint/ours${n}/idleRss`, "< 200 MB", (f) => f.median < 200);
    add(`${item}. Ours, ${label}: idle CPU`, `footprint/ours${n}/idleCpu`, "< 1 % of a core", (f) => f.median < 1);
    for (const mode of ["node-cron", "setTimeout"]) {
      add(`4. ${mode} per reminder, ${label}: start-up to scheduled`, `footprint/${mode}${n}/startup`, "—");
      add(`4. ${mode} per reminder, ${label}: idle RSS`, `footprint/${mode}${n}/idleRss`, "—");
      add(`4. ${mode} per reminder, ${label}: idle CPU`, `footprint/${mode}${n}/idleCpu`, "—");
    }
  }
  const down = at(figures, "footprint/downtime") as Record<string, number> | undefined;
  if (down)
    rows.push({
      what: "4. Reminders due while down (100 fresh, 100 past stale)",
      measured: `ours: ${down.oursSent} sent, ${down.oursSkippedStale} recorded stale; node-cron: ${down["node-cron"]} of 100 fired; setTimeout: ${down.setTimeout} of 100 fired, however late`,
      target: "sent or recorded stale",
      met: down.oursSent === 100 && down.oursSkippedStale === 100,
    });
  const cmdSets = at(figures, "commands-at-scale/sets");
  for (const key of ["slack-sqlite", "discord-sqlite", "slack-postgresql", "discord-postgresql"]) {
    const base = `commands-at-scale/${key}`;
    const label = `${key.replace("-", ", ")}, ${typeof cmdSets === "number" ? cmdSets.toLocaleString("en-GB") : "?"} sets`;
    add(`5. meeting next p50, ${label}`, `${base}/meetingNextP50`, "—");
    add(`5. meeting next p99, ${label}`, `${base}/meetingNextP99`, "< 50 ms", (f) => f.median < 50);
    add(`5. no-op p50, ${label}`, `${base}/noopP50`, "—");
    add(`5. no-op p99, ${label}`, `${base}/noopP99`, "—");
    add(`5. ratio p50 (meeting next / no-op), ${label}`, `${base}/ratioP50`, "—");
    add(`5. ratio p99, ${label}`, `${base}/ratioP99`, "—");
  }
  add("6. Two processes, one PostgreSQL: combined delivery", "busy-tick/postgresqlTwoProcesses/combinedDeliveryRate", "each once");
  add("6. Two processes: the smaller process's share", "busy-tick/postgresqlTwoProcesses/smallerShare", "—");
  for (const kind of ["sqlite", "postgresql"]) {
    add(`Outbox bytes per kept reminder, ${kind}`, `outbox-retention/${kind}/bytesPerRow`, "—");
    add(`Daily clean-up rate, ${kind}`, `outbox-retention/${kind}/pruneRate`, "—");
  }
  const mark = (m: boolean | null) => (m === null ? "" : m ? "met" : "**not met**");
  return [
    "| What | Measured: median (min–max) | Target | |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${mark(r.met)} |`),
  ].join("\n");
}
