/** Why a command was refused. Each code has a user-facing message written where the failure is found. */
export type ErrorCode = "unknown-command" | "bad-option" | "no-set" | "set-exists" | "forbidden" | "not-found" | "conflict" | "limit";

export type Failure = { ok: false; code: ErrorCode; message: string };
export type Success<T> = { ok: true; value: T };
export type Result<T> = Success<T> | Failure;

export const success = <T>(value: T): Success<T> => ({ ok: true, value });
export const failure = (code: ErrorCode, message: string): Failure => ({ ok: false, code, message });
