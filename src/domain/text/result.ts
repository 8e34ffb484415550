/**
 * The one result type: a value, or a user-facing message saying why there is none. Parsers (`Parsed`, parse-result.ts)
 * and command handlers (`Result`, src/app/result.ts) both return it; a handler's failure also carries a code.
 * Code that may fail on a user's input returns this instead of throwing.
 */

/** A value; `note`, when given, is what the reader should be told about how the input was read, shown with the reply. */
export type Success<T> = { ok: true; value: T; note?: string };
/** Why there is no value: `message` is user-facing and specific; `F` is what else a failure of this kind carries. */
export type Failed<F extends object = Record<never, never>> = { ok: false; message: string } & F;
export type Result<T, F extends object = Record<never, never>> = Success<T> | Failed<F>;
