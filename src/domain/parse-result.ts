/**
 * The result of parsing user input: a value, or a user-facing message.
 * Domain parsers return this instead of throwing.
 */

/**
 * `message` is user-facing and specific, and includes an example of valid input. `note`, on a success, is what the
 * reader should be told about how the input was read (a time moved by a clock change), to be shown with the reply.
 */
export type Parsed<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

/** A successful parse, with a note for the reader when the input was not taken exactly as written. */
export const parsed = <T>(value: T, note?: string): Parsed<T> => (note ? { ok: true, value, note } : { ok: true, value });

/** A failed parse; `message` says what was wrong and gives an example of valid input. */
export const invalid = (message: string): Parsed<never> => ({ ok: false, message });
