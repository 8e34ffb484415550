/**
 * Ids for the outbox rows a tick plans: UUIDv7, time-ordered, so a busy tick's rows go to the end of the primary-key
 * index instead of all over it (docs/scaling.md, "A busy tick").
 */
import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";

// uuid's own source of randomness asks WebCrypto for 16 bytes each id, which a busy tick's 90,000 rows feel: take
// them from a pool refilled 256 ids at a time instead.
const pool = Buffer.alloc(16 * 256);
let used = pool.length;
function pooledRandom(): Uint8Array {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

/** A new UUIDv7: the current millisecond first, then 74 random bits. */
export const orderedId = (): string => v7({ rng: pooledRandom });
