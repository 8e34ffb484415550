import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { UserRef } from "../../../commands/define.ts";
import type { Deps } from "../../app/context.ts";
import type { Destination } from "../../app/destination.ts";
import { type HandlerIndex, runCommand } from "../../app/dispatch.ts";
import { type CommandEvent, interpret } from "../../app/interpret.ts";
import type { Button, Reply } from "../../app/reply.ts";
import type { SettableClock } from "../../clock.ts";
import { DAY, HOUR, MINUTE, WEEK } from "../../domain/time/time-units.ts";
import { advanceClock } from "../../scheduler/advance.ts";
import { runTick } from "../../scheduler/tick.ts";
import { type Adapter, deliverThrough, sendReplies } from "../adapter.ts";
import { commandInput } from "../command-input.ts";
import { consoleTime, renderMessage } from "./render.ts";

const CONSOLE_WORKSPACE = "local";
/** The console delivers console sets' reminders only, even on a database shared with chat platforms. */
const CONSOLE_SCOPE = { platforms: ["console"] };

/** `@Tom` → the console user Tom: on the console a person's name is their id. */
export function readConsoleMention(token: string): UserRef | null {
  const m = /^@([\p{L}\p{N}_.-]+)$/u.exec(token.trim());
  return m ? { externalId: m[1]!, displayName: m[1]! } : null;
}

const STEP: Record<string, number> = { m: MINUTE, h: HOUR, d: DAY, w: WEEK };

/** Who speaks until the first `as NAME` line. */
const DEFAULT_CONSOLE_ACTOR = "me";

/** Where a line's output goes as it happens: each reminder the moment it is delivered. */
export type PrintLines = (lines: string[]) => void;

/**
 * How a console process stops (src/main.ts): once `signal` is aborted, no reminder is claimed or begun, a `clock`
 * line stops at the moment it has reached, and the ids of rows claimed but not settled stay in `held` for the
 * process to hand back (as a platform process does, src/ops/lifecycle.ts).
 */
export type ConsoleStop = { signal: AbortSignal; held: Set<string> };

/**
 * The local console chat: one line in, the lines the bot would post out. Grammar (docs/user-guide.md):
 * `as NAME`, `in #CHANNEL`, `clock ISO|+Nd`, `click BUTTON_ID`, `/command …`, `# comment`. Until the first
 * `as NAME` the speaker is a user called "me", and the first command's reply says so.
 * As an Adapter it has nothing to connect (`start` and `stop` do nothing: lines arrive through `handle`), and
 * `deliver` renders a reminder into the lines `takeDelivered` hands out, or, while a clock line or a tick runs with
 * a printer, prints it at once: the transcript is the console's platform, so a reminder marked sent has been printed.
 */
export class ConsoleChat implements Adapter {
  readonly platform = "console";
  #actor = DEFAULT_CONSOLE_ACTOR;
  /** Whether the reader knows who they are speaking as: an `as` line was given, or the default was announced. */
  #actorKnown = false;
  #channel = "set";
  readonly #buttons = new Map<string, Button & { channel: string }>();
  /** What was sent since `takeDelivered` last ran, as transcript lines. */
  #delivered: string[] = [];
  /** While set (a clock line or a tick with a printer), where each sent message goes at once instead. */
  #live: PrintLines | null = null;

  constructor(
    private readonly deps: Deps & { clock: SettableClock },
    private readonly handlers: HandlerIndex,
    private readonly filesDir: string,
    private readonly stopping?: ConsoleStop,
  ) {}

  /** What the scheduler is given: the console's scope, and the stop signal when there is one. */
  get #scheduler() {
    return { ...this.deps, scope: CONSOLE_SCOPE, ...(this.stopping ?? {}) };
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /**
   * Renders a reply as transcript lines (`[#channel] …`, `[#channel → NAME] …`, `[DM NAME] …`) for `takeDelivered`;
   * the console gives no message id.
   */
  async send(destination: Destination, reply: Reply): Promise<undefined> {
    for (const b of reply.buttons ?? []) this.#buttons.set(b.id, { ...b, channel: destination.channelId });
    const save = (name: string, content: string | Uint8Array) => this.#save(name, content);
    const lines = renderMessage(destination, reply, this.deps.defaultTimeZone, save);
    if (this.#live) this.#live(lines);
    else this.#delivered.push(...lines);
    return undefined;
  }

  /** A reminder, rendered by `send` into the lines `takeDelivered` hands out. */
  readonly deliver = deliverThrough((destination, reply) => this.send(destination, reply));

  /** The lines sent since the last call (reminders, or a command's replies), oldest first; the buffer is emptied. */
  takeDelivered(): string[] {
    const lines = this.#delivered;
    this.#delivered = [];
    return lines;
  }

  /**
   * Handles one input line and returns the output lines it caused (none for comments and blanks). With `print`, a
   * clock line prints its output as it goes (each reminder as it is delivered) and returns none.
   */
  async handle(line: string, print?: PrintLines): Promise<string[]> {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) return [];
    const [word = "", ...rest] = text.split(/\s+/);
    const arg = rest.join(" ");
    switch (word.toLowerCase()) {
      case "as":
        if (!readConsoleMention(`@${arg}`)) return [`[console] "as" needs a name without spaces, e.g. as Tom`];
        this.#actor = arg;
        this.#actorKnown = true;
        return [];
      case "in":
        if (!/^#[\w-]+$/.test(arg)) return [`[console] "in" needs a channel, e.g. in #set`];
        this.#channel = arg.slice(1);
        return [];
      case "clock":
        return this.#setClock(arg, print);
      case "click":
        return this.#click(arg);
      default:
        if (text.startsWith("/")) return this.#run({ kind: "typed", line: text }, this.#channel);
        return [`[console] Not understood: "${text}". Lines are /commands, as NAME, in #CHANNEL, clock TIME, click BUTTON, or # comments.`];
    }
  }

  /**
   * One scheduler tick at the clock's time (the interactive console runs this every minute). With `print`, each
   * reminder is printed as it is delivered and none are returned.
   */
  async tick(print?: PrintLines): Promise<string[]> {
    this.#live = print ?? null;
    try {
      await runTick(this.#scheduler, this, this.deps.clock.now());
    } finally {
      this.#live = null;
    }
    return this.takeDelivered();
  }

  /**
   * Moves the clock to the time given, running every tick on the way. The reminders sent at each moment follow
   * a `[clock]` line for that moment; the line for the time reached always ends the output. Stopped by the
   * process's signal, the clock stays at the moment reached and a `[console]` line says so.
   */
  async #setClock(arg: string, print?: PrintLines): Promise<string[]> {
    const now = this.deps.clock.now();
    const step = /^\+(\d+)([mhdw])$/.exec(arg);
    const to = step ? new Date(now.getTime() + Number(step[1]) * STEP[step[2]!]!) : new Date(arg);
    if (Number.isNaN(to.getTime())) return [`[console] clock needs a time like 2027-01-04T09:00Z or a step like +3d (m, h, d, w)`];
    if (to < now) return [`[console] The clock only moves forward (it is ${now.toISOString()}).`];
    const lines: string[] = [];
    const out: PrintLines = print ?? ((l) => lines.push(...l));
    const stamp = (at: Date) => `[clock] ${consoleTime(at, "full", this.deps.defaultTimeZone)}`;
    let stamped: number | null = null;
    const stampNow = () => {
      const at = this.deps.clock.now();
      if (stamped !== at.getTime()) out([stamp(at)]);
      stamped = at.getTime();
    };
    // Anything sent before the clock line (none today) goes first, under the time it was sent.
    const before = this.takeDelivered();
    if (before.length) out(before);
    this.#live = (delivered) => {
      stampNow();
      out(delivered);
    };
    try {
      await advanceClock(this.#scheduler, this, this.deps.clock, to);
    } finally {
      this.#live = null;
    }
    stampNow();
    if (this.deps.clock.now() < to)
      out([`[console] Stopped before the clock reached ${consoleTime(to, "full", this.deps.defaultTimeZone)}.`]);
    return lines;
  }

  async #click(id: string): Promise<string[]> {
    const button = this.#buttons.get(id);
    if (!button) {
      const shown = [...this.#buttons.keys()];
      return [`[console] No button "${id}" has been shown${shown.length ? `; shown: ${shown.join(", ")}` : ""}.`];
    }
    return this.#run({ kind: "pressed", line: button.command }, button.channel);
  }

  /** Runs what an event asks, as the console has no forms (src/app/interpret.ts): always a command as written. */
  async #run(event: CommandEvent, channel: string): Promise<string[]> {
    const what = interpret(event, { forms: false });
    if (what.kind !== "run") throw new Error(`the console has no forms, yet ${what.kind} was asked`);
    const intro = this.#actorKnown
      ? []
      : [`[console] You are a user called "${this.#actor}" until you write as NAME (e.g. as Ana); each name is a new person.`];
    this.#actorKnown = true;
    const place = { platform: "console", workspaceId: CONSOLE_WORKSPACE, channelId: channel, userId: this.#actor } as const;
    const input = commandInput({ ...place, userName: this.#actor, readMention: readConsoleMention }, what.request);
    const outgoing = await runCommand(this.deps, this.handlers, input);
    await sendReplies((destination, reply) => this.send(destination, reply), outgoing, place);
    return [...intro, ...this.takeDelivered()];
  }

  #save(name: string, content: string | Uint8Array): string {
    mkdirSync(this.filesDir, { recursive: true });
    const path = join(this.filesDir, name);
    writeFileSync(path, content);
    return path;
  }
}
