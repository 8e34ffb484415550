import { type Logger, pino } from "pino";

/** Structured logs to stderr, so the console transcript on stdout stays clean. */
export function createLogger(level: string): Logger {
  return pino({ level }, pino.destination(2));
}
