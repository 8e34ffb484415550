import { Writable } from "node:stream";
import { type Logger, pino } from "pino";
import { CallLog } from "./fake-http.ts";

/** One JSON log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/**
 * A pino logger whose lines are kept, parsed, for tests to read and to wait on: a log line is a real signal that
 * the code got there (a duplicate ignored, an error handled), where sleeping would only guess.
 */
export class LogCapture {
  readonly logger: Logger;
  readonly #log = new CallLog<LogLine>("LogCapture", (l) => JSON.stringify(l));

  constructor(level = "debug") {
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        this.#log.record(JSON.parse(String(chunk)) as LogLine);
        done();
      },
    });
    this.logger = pino({ level }, stream);
  }

  get lines(): LogLine[] {
    return this.#log.calls;
  }

  /** Resolves with the matching lines once there are at least `n` (default 1); rejects after `timeoutMs`. */
  waitFor(msg: string, match: (l: LogLine) => boolean = () => true, n = 1, timeoutMs = 5000): Promise<LogLine[]> {
    return this.#log.waitFor(`log "${msg}"`, (l) => l.msg === msg && match(l), n, timeoutMs);
  }
}
