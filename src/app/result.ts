import type { Failed, Success } from "../domain/text/result.ts";

/** Why a command was refused. Each code has a user-facing message written where the failure is found. */
export type ErrorCode = "unknown-command" | "bad-option" | "no-set" | "set-exists" | "forbidden" | "not-found" | "conflict" | "limit";

/**
 * A refused command: the result type's failure (src/domain/text/result.ts) with its code, and the option it is about when
 * it is about one (its name as declared), so a form shows it on that option's field.
 */
export type Failure = Failed<{ code: ErrorCode; option?: string }>;
export type Result<T> = Success<T> | Failure;
export type { Success };

export const success = <T>(value: T): Success<T> => ({ ok: true, value });
export const failure = (code: ErrorCode, message: string): Failure => ({ ok: false, code, message });

/** A refusal about one option: the message reads `Option NAME: DETAIL`, and the failure names the option. */
export const optionFailure = (code: ErrorCode, option: string, detail: string): Failure => ({
  ok: false,
  code,
  message: `Option ${option}: ${detail}`,
  option,
});

/** A refusal because a required option was not given: `Missing option NAME: DETAIL`, naming the option. */
export const missingOption = (option: string, detail: string): Failure => ({
  ok: false,
  code: "bad-option",
  message: `Missing option ${option}: ${detail}`,
  option,
});
