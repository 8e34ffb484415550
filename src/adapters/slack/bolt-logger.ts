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
 * name, message, code and stack only: a Web API error may hold the request, and the request its token. The
 * WebClient's debug lines of each request's body and result are kept without them: they hold members' words and
 * whom a reply went to (the reply to an anonymous `/feedback` would tie its giver to it).
 */
export function boltLogger(logger: Logger): SlackLogger {
  let log = logger.child({ component: "slack" });
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]): void => {
      const error = msg.find((m): m is Error => m instanceof Error);
      const text = withoutPayload(format(...msg.filter((m) => m !== error)) || error?.message || "");
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

/** The WebClient's debug lines that carry a request's body or result, as `http request body: …`. */
const PAYLOAD_LINE = /^(http request (?:body|result)): .*/s;

/** A log line with any request body or result left out. */
function withoutPayload(text: string): string {
  return text.replace(PAYLOAD_LINE, "$1 left out (it may hold members' words and who they are)");
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
