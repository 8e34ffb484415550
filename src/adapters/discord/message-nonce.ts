import { createHash } from "node:crypto";

/** Discord's longest message nonce. */
const MAX_NONCE_LENGTH = 25;

/**
 * The message nonce for a reminder: the same for the same outbox key, different (with overwhelming
 * likelihood: 150 bits of SHA-256) for different keys, and never longer than Discord's 25 characters
 * however long the key is. Sent with `enforce_nonce`, a resend within Discord's nonce window returns the
 * message already posted instead of posting it again.
 */
export function reminderNonce(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, MAX_NONCE_LENGTH);
}
