import { format } from "node:util";
import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "pino";

const FROM_PINO: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/**
 * Bolt's (and its WebClient's) `Logger` over the project's pino logger, as `component: "slack"`. The level is
 * pino's (LOG_LEVEL): `setLevel`, which Bolt calls with its own default, changes nothing. Errors are logged by
 * name, message, code and stack only: a Web API error may hold the request, and the request its token.
 */
export function boltLogger(logger: Logger): SlackLogger {
  let log = logger.child({ component: "slack" });
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]): void => {
      const error = msg.find((m): m is Error => m instanceof Error);
      const text = format(...msg.filter((m) => m !== error)) || error?.message || "";
      if (error) log[level]({ err: safeError(error) }, text);
      else log[level](text);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: () => {},
    getLevel: () => FROM_PINO[log.level] ?? LogLevel.ERROR,
    setName: (name: string) => {
      log = logger.child({ component: `slack:${name}` });
    },
  };
}

/** An error reduced to what is safe to log: no request, headers or other attached objects. */
export function safeError(error: unknown): { type: string; message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
