/**
 * The result of parsing user input: a value, or a user-facing message.
 * Domain parsers return this instead of throwing.
 */

/** `message` is user-facing and specific, and includes an example of valid input. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A successful parse. */
export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** A failed parse; `message` says what was wrong and gives an example of valid input. */
export const invalid = (message: string): Parsed<never> => ({ ok: false, message });
