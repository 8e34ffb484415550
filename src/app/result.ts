import type { Failed, Success } from "../domain/result.ts";

/** Why a command was refused. Each code has a user-facing message written where the failure is found. */
export type ErrorCode = "unknown-command" | "bad-option" | "no-set" | "set-exists" | "forbidden" | "not-found" | "conflict" | "limit";

/** A refused command: the result type's failure (src/domain/result.ts) with its code. */
export type Failure = Failed<{ code: ErrorCode }>;
export type Result<T> = Success<T> | Failure;
export type { Success };

export const success = <T>(value: T): Success<T> => ({ ok: true, value });
export const failure = (code: ErrorCode, message: string): Failure => ({ ok: false, code, message });
