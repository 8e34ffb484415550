/**
 * The result of parsing user input: a value, or a user-facing message.
 * Domain parsers return this instead of throwing.
 */

import type { Result } from "./result.ts";

/**
 * The result type (result.ts) of a parse: `message` is user-facing and specific, and includes an example of valid
 * input; `note`, on a success, says how the input was read when not exactly as written (a time moved by a clock change).
 */
export type Parsed<T> = Result<T>;

/** A successful parse, with a note for the reader when the input was not taken exactly as written. */
export const parsed = <T>(value: T, note?: string): Parsed<T> => (note ? { ok: true, value, note } : { ok: true, value });

/** A failed parse; `message` says what was wrong and gives an example of valid input. */
export const invalid = (message: string): Parsed<never> => ({ ok: false, message });
